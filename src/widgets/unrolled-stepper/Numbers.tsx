/**
 * "This step in numbers": what the cell reads, the shared weights, the products and pre-activations,
 * each gate and what it writes, all from the run (the engine's values), coloured on the run's fixed
 * diverging scales, exact values on hover and focus (viz's MatrixView / VectorView). Items of later
 * sub-steps are faded; the current sub-step's items are marked.
 */
import { type CSSProperties, memo, type ReactNode, useMemo } from 'react';
import { MatrixView, type Role, roleColor, type ThemedColorScale, VectorView } from '../../viz';
import { type CellKind, GATES, type StepDetail } from './model';
import type { StepperText } from './text';

/** TeX-like names (viz's SvgLabel) of the gates in the book's letters. */
const GATE_LABEL: Record<string, string> = {
  i: 'I_t',
  f: 'F_t',
  g: 'C̃_t',
  o: 'O_t',
  r: 'R_t',
  z: 'Z_t',
  n: 'H̃_t',
};
const GATE_PHASE: Record<string, number> = { i: 0, f: 0, o: 0, g: 1, r: 0, z: 0, n: 1 };

export interface NumbersProps {
  detail: StepDetail;
  H: number;
  phase: number;
  valueScale: ThemedColorScale;
  weightScale: ThemedColorScale;
  t: StepperText;
}

/** The pictures re-render only when their own numbers change (weights stay put within a layer). */
const Matrix = memo(MatrixView);
const Vector = memo(VectorView);

/** One picture of the panel; `w` is its drawing's width in user units (1 unit = 1 px at most). */
function Item({
  phase,
  now,
  children,
  w,
  box = w,
}: {
  phase: number;
  now: number;
  children: ReactNode;
  w: number;
  /** Width of the box when it holds more than the drawing (a note). */
  box?: number;
}) {
  const cls = now < 0 ? '' : phase === now ? ' us-now' : phase > now ? ' us-later' : '';
  const style = { width: `${Math.round(box) + 10}px`, '--w': `${Math.round(w)}px` } as CSSProperties;
  return (
    <div className={`us-item${cls}`} style={style}>
      {children}
    </div>
  );
}

export const Numbers = memo(function Numbers({
  detail: d,
  H,
  phase,
  valueScale,
  weightScale,
  t,
}: NumbersProps) {
  const cell: CellKind = d.cell;
  const letters = GATES[cell];
  const gated = cell === 'gru' || cell === 'lstm';
  const cols = useMemo(
    () => (gated ? letters.flatMap((g) => Array.from({ length: H }, (_, k) => `${g}${k + 1}`)) : undefined),
    [gated, letters, H],
  );
  const hLabels = useMemo(() => Array.from({ length: H }, (_, k) => `${k + 1}`), [H]);
  const cs = 24; // matrix cells
  const vs = 26; // vector cells
  const vw = (n: number) => Math.max(120, 4 + n * vs);
  const mw = (m: { cols: number }, labels = true) => (labels ? 32 : 4) + m.cols * cs;
  const jordan = cell === 'jordan';
  const main = jordan ? 1 : 0; // Jordan reads o_{t−1} first, then computes h_t
  const bias = d.b;
  const vec = (
    values: Float64Array,
    label: string,
    scale = valueScale,
    extra?: { itemLabels?: string[]; highlight?: number | null },
  ) => <Vector values={values} label={label} orientation="row" cellSize={vs} scale={scale} {...extra} />;
  const now = cell === 'rnn' ? -1 : phase; // one sub-step: nothing to mark
  const lastPhase = gated ? (cell === 'lstm' ? 3 : 2) : main;
  return (
    <div className="us-numbers">
      <section>
        <h4>{t.inputs}</h4>
        <div className="us-items">
          <Item phase={0} now={now} w={vw(d.x.length)}>
            {vec(d.x, 'x_t', valueScale, { itemLabels: d.xLabels, highlight: d.xRow })}
          </Item>
          <Item phase={0} now={now} w={vw(H)}>
            {vec(d.hPrev, 'h_{t−1}', valueScale)}
          </Item>
          {d.cPrev ? (
            <Item phase={2} now={now} w={vw(H)}>
              {vec(d.cPrev, 'c_{t−1}', valueScale)}
            </Item>
          ) : null}
          {d.yPrev ? (
            <Item phase={0} now={now} w={vw(d.yPrev.length)} box={Math.max(200, vw(d.yPrev.length))}>
              {vec(d.yPrev, 'o_{t−1} = h_{t−1}W_{hq} + b_q', valueScale)}
            </Item>
          ) : null}
        </div>
      </section>
      <section>
        <h4>{t.weights}</h4>
        <div className="us-items">
          <Item phase={main} now={now} w={mw(d.Wx)}>
            <Matrix
              values={d.Wx.data}
              rows={d.Wx.rows}
              cols={d.Wx.cols}
              label={gated ? 'W_x' : 'W_{xh}'}
              rowLabels={d.xLabels}
              colLabels={cols}
              highlightRow={d.xRow}
              cellSize={cs}
              scale={weightScale}
            />
          </Item>
          <Item phase={main} now={now} w={mw(d.Wh)}>
            <Matrix
              values={d.Wh.data}
              rows={d.Wh.rows}
              cols={d.Wh.cols}
              label={gated ? 'W_h' : jordan ? 'W_{qh}' : 'W_{hh}'}
              rowLabels={hLabels}
              colLabels={cols}
              cellSize={cs}
              scale={weightScale}
            />
          </Item>
          {d.Why ? (
            <Item phase={0} now={now} w={mw(d.Why)}>
              <Matrix
                values={d.Why.data}
                rows={d.Why.rows}
                cols={d.Why.cols}
                label="W_{hq}"
                rowLabels={hLabels}
                cellSize={cs}
                scale={weightScale}
              />
            </Item>
          ) : null}
          <Item phase={main} now={now} w={vw(bias.length)} box={Math.max(220, vw(bias.length))}>
            {vec(bias, gated ? 'b' : 'b_h', weightScale, { itemLabels: cols })}
            <p className="us-note">{t.biasNote}</p>
          </Item>
        </div>
      </section>
      <section>
        <h4>{t.terms}</h4>
        <div className="us-items">
          <Item phase={main} now={now} w={vw(d.xW.length)}>
            {vec(d.xW, gated ? 'x_tW_x' : 'x_tW_{xh}', valueScale, { itemLabels: cols })}
          </Item>
          <Item phase={main} now={now} w={vw(d.hW.length)}>
            {vec(d.hW, gated ? 'h_{t−1}W_h' : jordan ? 'o_{t−1}W_{qh}' : 'h_{t−1}W_{hh}', valueScale, {
              itemLabels: cols,
            })}
          </Item>
          <Item
            phase={main}
            now={now}
            w={vw(d.pre.length)}
            box={cell === 'gru' ? Math.max(240, vw(d.pre.length)) : vw(d.pre.length)}
          >
            {vec(d.pre, 'a_t', valueScale, { itemLabels: cols })}
            {cell === 'gru' ? <p className="us-note">{t.gruNote}</p> : null}
          </Item>
        </div>
      </section>
      {gated ? (
        <section>
          <h4>{t.gatesTitle}</h4>
          <div className="us-items">
            {letters.map((g) => (
              <Item key={g} phase={GATE_PHASE[g]} now={now} w={vw(H) + 6}>
                <span className="us-gate" data-gate={g} style={{ borderColor: roleColor(g as Role) }}>
                  {vec(d.gates[g], GATE_LABEL[g], valueScale)}
                </span>
              </Item>
            ))}
          </div>
        </section>
      ) : null}
      <section>
        <h4>{t.newState}</h4>
        <div className="us-items">
          {cell === 'lstm' ? (
            <>
              <Item phase={2} now={now} w={vw(H)}>
                {vec(d.ops['op:f*c'], 'F_t ⊙ C_{t−1}')}
              </Item>
              <Item phase={2} now={now} w={vw(H)}>
                {vec(d.ops['op:i*g'], 'I_t ⊙ C̃_t')}
              </Item>
              <Item phase={2} now={now} w={vw(H)}>
                {d.c ? vec(d.c, 'C_t') : null}
              </Item>
              <Item phase={3} now={now} w={vw(H)}>
                {vec(d.ops['op:tanh(c)'], 'tanh(C_t)')}
              </Item>
            </>
          ) : null}
          {cell === 'gru' ? (
            <>
              <Item phase={2} now={now} w={vw(H)}>
                {vec(d.ops['op:z*h'], 'Z_t ⊙ H_{t−1}')}
              </Item>
              <Item phase={2} now={now} w={vw(H)}>
                {vec(d.ops['op:(1-z)*n'], '(1 − Z_t) ⊙ H̃_t')}
              </Item>
            </>
          ) : null}
          <Item phase={lastPhase} now={now} w={vw(H)}>
            {vec(d.h, 'h_t', valueScale)}
          </Item>
        </div>
      </section>
    </div>
  );
});
