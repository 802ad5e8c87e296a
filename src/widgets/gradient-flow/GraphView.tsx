/**
 * The "graph" view: the unrolled network drawn for the backward pass. Every arrow points backwards in time
 * and its width and colour are the norm of the gradient it carries. Long sequences wrap onto rows of ten
 * steps (src/viz's layoutUnrolled draws one row; this wrapping layout lives here).
 */
import { Arrow, CellBox, formatCompact, Legend, magnitudeScale, neutral, widthScale } from '../../viz';
import type { WidgetLang } from '../types';
import { ErrorNote } from './ErrorNote';
import type { FlowResult, NetKey } from './model';
import { strings } from './strings';

const LOSS_ROLE = 'grad' as const;
const PER_ROW = 10;
const W = 46;
const Hc = 30;
const PITCH = 70;
const ROW = 108;
const LEFT = 20;
const TOP = 20;

export interface WrappedCell {
  t: number;
  x: number;
  y: number;
}

/** Cell centres for T steps, ten to a row. */
export function wrapLayout(T: number): { cells: WrappedCell[]; width: number; height: number } {
  const cols = Math.min(T, PER_ROW);
  const cells = Array.from({ length: T }, (_, t) => ({
    t,
    x: LEFT + W / 2 + (t % PER_ROW) * PITCH,
    y: TOP + Hc / 2 + Math.floor(t / PER_ROW) * ROW,
  }));
  const rows = Math.ceil(T / PER_ROW);
  return { cells, width: LEFT + (cols - 1) * PITCH + W + 90, height: TOP + rows * ROW - 20 };
}

/** The backward edge from cell b (= a + 1) to cell a: straight within a row, around the row end otherwise. */
function backEdge(a: WrappedCell, b: WrappedCell, dy: number): [number, number][] {
  if (Math.abs(a.y - b.y) < 1) {
    return [
      [b.x - W / 2, b.y + dy],
      [a.x + W / 2, a.y + dy],
    ];
  }
  const mid = b.y - Hc / 2 - 14 + dy;
  const side = a.x + W / 2 + 16 + dy;
  return [
    [b.x + dy, b.y - Hc / 2],
    [b.x + dy, mid],
    [side, mid],
    [side, a.y + dy],
    [a.x + W / 2, a.y + dy],
  ];
}

export function GraphView({
  lang,
  flow,
  selected,
}: {
  lang: WidgetLang;
  flow: FlowResult;
  selected: NetKey;
}) {
  const t = strings[lang];
  const r = flow.cells[selected];
  const { T } = flow.setup;
  const lay = wrapLayout(T);
  const lstm = r.dcNorm !== null;
  const all = [...r.dhNorm, ...(r.dcNorm ?? []), ...r.dxNorm].filter((v) => v > 0 && Number.isFinite(v));
  const hi = all.length ? Math.max(...all) : 1;
  const lo = all.length ? Math.max(Math.min(...all), hi * 1e-30) : hi * 1e-6;
  const scale = magnitudeScale({ domain: [lo, hi], log: true });
  const width = widthScale({ domain: [lo, hi], log: true, range: [0.6, 7] });
  const edge = (v: number) => ({
    style: { '--e-light': scale.light(v), '--e-dark': scale.dark(v) } as React.CSSProperties,
    width: width(v),
  });
  const last = lay.cells[T - 1];
  const loss = { x: last.x + W / 2 + 50, y: last.y };
  return (
    <div className="gf-panel">
      {!r.finite ? <ErrorNote lang={lang} message={t.diverged(t.nets[selected])} /> : null}
      <style href="unrolled-gradient-flow-edges" precedence="default">{`
.gf-edge { --e: var(--e-light); }
[data-theme="dark"] .gf-edge { --e: var(--e-dark); }
@media (prefers-color-scheme: dark) { :root:not([data-theme]) .gf-edge { --e: var(--e-dark); } }
`}</style>
      <div className="gf-scroll">
        <svg
          className="viz-svg"
          viewBox={`0 0 ${lay.width} ${lay.height}`}
          role="img"
          aria-label={t.graphTitle(t.nets[selected])}
          style={{ minWidth: T > 20 ? '520px' : undefined }}
        >
          <desc>{t.graphDesc}</desc>
          {lay.cells.slice(0, -1).map((a, k) => {
            const b = lay.cells[k + 1];
            const e = edge(r.dhNorm[k]);
            const c = lstm ? edge(r.dcNorm![k]) : null;
            return (
              <g key={`e${a.t}`}>
                <g className="gf-edge" style={e.style}>
                  <Arrow
                    points={backEdge(a, b, lstm ? -6 : 0)}
                    color="var(--e)"
                    width={e.width}
                    title={t.edgeTitle(t.colState, a.t + 1, formatCompact(r.dhNorm[k]))}
                  />
                </g>
                {c ? (
                  <g className="gf-edge" style={c.style}>
                    <Arrow
                      points={backEdge(a, b, 6)}
                      color="var(--e)"
                      width={c.width}
                      dash="5 2"
                      title={t.edgeTitle(t.colCell, a.t + 1, formatCompact(r.dcNorm![k]))}
                    />
                  </g>
                ) : null}
              </g>
            );
          })}
          {lay.cells.map((c) => {
            const e = edge(r.dxNorm[c.t]);
            return (
              <g key={`x${c.t}`} className="gf-edge" style={e.style}>
                <Arrow
                  points={[
                    [c.x, c.y + Hc / 2],
                    [c.x, c.y + Hc / 2 + 26],
                  ]}
                  color="var(--e)"
                  width={e.width}
                  title={t.edgeTitle(t.colInput, c.t + 1, formatCompact(r.dxNorm[c.t]))}
                />
                <text x={c.x} y={c.y + Hc / 2 + 38} fontSize={10} textAnchor="middle" fill={neutral('muted')}>
                  x{toSub(c.t + 1)}
                </text>
              </g>
            );
          })}
          {lay.cells.map((c) => (
            <CellBox key={`c${c.t}`} x={c.x} y={c.y} w={W} h={Hc} label={`h_{${c.t + 1}}`} fontSize={11} />
          ))}
          <g className="gf-edge" style={edge(1).style}>
            <Arrow
              points={[
                [loss.x - 16, loss.y],
                [last.x + W / 2, last.y],
              ]}
              color="var(--e)"
              width={edge(1).width}
            />
          </g>
          <CellBox x={loss.x} y={loss.y} w={32} h={24} label="L" role={LOSS_ROLE} shape="pill" />
        </svg>
      </div>
      <Legend scale={scale} title={t.graphLegend} format={formatCompact} />
      <p className="gf-note">{t.graphDesc}</p>
      <div className="viz-sr-only">
        <table>
          <caption>{t.graphTable}</caption>
          <thead>
            <tr>
              <th scope="col">t</th>
              <th scope="col">{t.colState}</th>
              {lstm ? <th scope="col">{t.colCell}</th> : null}
              <th scope="col">{t.colInput}</th>
            </tr>
          </thead>
          <tbody>
            {lay.cells.map((c) => (
              <tr key={c.t}>
                <th scope="row">{c.t + 1}</th>
                <td>{formatCompact(r.dhNorm[c.t])}</td>
                {lstm ? <td>{formatCompact(r.dcNorm![c.t])}</td> : null}
                <td>{formatCompact(r.dxNorm[c.t])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

const SUB = '₀₁₂₃₄₅₆₇₈₉';
function toSub(n: number): string {
  return [...String(n)].map((d) => SUB[Number(d)]).join('');
}
