/** One network of the pair: its unrolled graph with the feedback edge highlighted and its numbers at step t. */
import { useEffect, useId, useMemo, useState } from 'react';
import {
  cellId,
  divergingScale,
  formatFixed,
  type GraphEdge,
  type GraphNode,
  inputId,
  layoutUnrolled,
  MatrixView,
  neutral,
  outputId,
  roleColor,
  UnrolledGraph,
  valuedStyle,
} from '../../viz';
import { renderTex } from '../shared/MathText';
import type { WidgetLang } from '../types';
import type { Run } from './model';
import { Sub } from './Sub';
import { text } from './strings';

const shown = (ch: string) => (ch === ' ' ? '␣' : ch);

/** The id of the edge that carries the fed-back vector into step t. */
export function feedbackEdgeId(kind: Run['kind'], t: number): string {
  if (t === 0) return 'e:init:l0:d0';
  return kind === 'elman' ? `e:recurrent:l0:d0:t${t}` : `e:feedback:t${t}`;
}

const EQUATION: Record<Run['kind'], string> = {
  elman: String.raw`h_t = \tanh\big(x_t W_{xh} + \boxed{h_{t-1}}\, W_{hh} + b_h\big),\quad o_t = h_t W_{hq} + b_q`,
  jordan: String.raw`h_t = \tanh\big(x_t W_{xh} + \boxed{o_{t-1}}\, W_{qh} + b_h\big),\quad o_t = h_t W_{hq} + b_q`,
};

function usePrefersReducedMotion(): boolean {
  const [reduced, setReduced] = useState(false);
  useEffect(() => {
    if (typeof matchMedia === 'undefined') return;
    const query = matchMedia('(prefers-reduced-motion: reduce)');
    setReduced(query.matches);
    const onChange = () => setReduced(query.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);
  return reduced;
}

/** Where a point that has travelled fraction f of a polyline's length is. */
function along(points: readonly (readonly [number, number])[], f: number): [number, number] {
  const lengths = points.slice(1).map((p, k) => Math.hypot(p[0] - points[k][0], p[1] - points[k][1]));
  let rest = Math.max(0, Math.min(1, f)) * lengths.reduce((a, b) => a + b, 0);
  for (let k = 0; k < lengths.length; k++) {
    if (rest <= lengths[k] || k === lengths.length - 1) {
      const u = lengths[k] ? Math.min(1, rest / lengths[k]) : 0;
      const [a, b] = [points[k], points[k + 1]];
      return [a[0] + (b[0] - a[0]) * u, a[1] + (b[1] - a[1]) * u];
    }
    rest -= lengths[k];
  }
  return [points[0][0], points[0][1]];
}

export function NetworkPanel({
  lang,
  run,
  chars,
  vocab,
  step,
}: {
  lang: WidgetLang;
  run: Run;
  chars: string[];
  vocab: string[];
  step: number;
}) {
  const t = text[lang];
  const T = chars.length;
  const kind = run.kind;
  const name = kind === 'elman' ? t.elman : t.jordan;
  const headingId = useId();
  const layout = useMemo(() => layoutUnrolled({ T, cell: kind === 'elman' ? 'rnn' : 'jordan' }), [T, kind]);
  const fbId = feedbackEdgeId(kind, step);
  const fbEdge = layout.edges.find((e) => e.id === fbId);
  const role = kind === 'elman' ? 'h' : 'y';
  const highlight = useMemo(
    () =>
      new Set([
        cellId(0, 0, step),
        inputId(step),
        outputId(step),
        fbId,
        `e:input:d0:t${step}`,
        `e:output:s0:t${step}`,
      ]),
    [step, fbId],
  );
  const cur = run.steps[step];
  const scale = useMemo(() => divergingScale({ maxAbs: 1 }), []);
  const reduced = usePrefersReducedMotion();
  // the fed-back values travel along the highlighted edge each time the step changes
  const [progress, setProgress] = useState(0.5);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new step restarts the journey
  useEffect(() => {
    if (reduced || typeof requestAnimationFrame === 'undefined') {
      setProgress(0.5);
      return;
    }
    const start = performance.now();
    let frame = 0;
    const tick = (now: number) => {
      const f = Math.min(1, (now - start) / 700);
      setProgress(0.1 + 0.8 * (1 - (1 - f) ** 3));
      if (f < 1) frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [step, reduced]);

  const carriedName = `${kind === 'elman' ? 'h' : 'o'}_{${step}}`;
  const carriedPlain = `${kind === 'elman' ? 'h' : 'o'}_${step}`;
  const what = step === 0 ? `${t.initial} ${carriedPlain}` : carriedPlain;

  const nodeLabel = (n: GraphNode) => (n.kind === 'input' ? shown(chars[n.t] ?? '') : n.label);
  const edgeStyle = (e: GraphEdge) => {
    if (e.id === fbId) return { width: 3.5 };
    if (e.t > step) return { opacity: 0.3 };
    return undefined;
  };

  const vector = (values: number[], label: string, aria: string, items?: string[], carried = false) => (
    <div
      className={`ej-vector${carried ? ' ej-carried' : ''}`}
      style={{ width: `${values.length * 34 + 4}px`, ...(carried ? { borderColor: roleColor(role) } : {}) }}
    >
      <MatrixView
        values={values}
        rows={1}
        cols={values.length}
        label={label}
        scale={scale}
        cellSize={34}
        colLabels={items}
        showShape={false}
        formatExact={(v) => formatFixed(v, 4)}
        cellLabel={(_r, c, v) => t.element(aria, c + 1, formatFixed(v, 4), items?.[c])}
      />
    </div>
  );

  return (
    <section className="ej-panel" aria-labelledby={headingId}>
      <h4 id={headingId}>
        <span aria-hidden="true" style={{ color: roleColor(role) }}>
          {kind === 'elman' ? '○ ' : '◇ '}
        </span>
        {name}
        <span className="ej-note">
          {' '}
          — {kind === 'elman' ? t.elmanNote(run.carriedSize) : t.jordanNote(run.carriedSize)}
        </span>
      </h4>
      <div
        className="ej-eq"
        // biome-ignore lint/security/noDangerouslySetInnerHtml: KaTeX output of a fixed TeX string.
        dangerouslySetInnerHTML={{ __html: renderTex(EQUATION[kind]) }}
      />
      <div className="ej-graph-scroll">
        <div className="ej-graph" style={{ minWidth: `${Math.round(layout.width * 0.85)}px` }}>
          <UnrolledGraph
            layout={layout}
            title={t.graphTitle(name, T)}
            description={t.graphDesc(name, what)}
            highlight={highlight}
            edgeStyle={edgeStyle}
            nodeLabel={nodeLabel}
          />
          {fbEdge && cur ? (
            <svg
              className="ej-overlay"
              viewBox={`0 0 ${layout.width} ${layout.height}`}
              aria-hidden="true"
              focusable="false"
            >
              <Travelling
                points={fbEdge.points}
                values={cur.carried}
                scale={scale}
                progress={progress}
                role={role}
              />
            </svg>
          ) : null}
        </div>
      </div>
      {cur ? (
        <div className="ej-numbers">
          <p className="ej-x">
            <Sub text={t.input_t(step + 1, shown(chars[step] ?? ''))} />
          </p>
          <div className="ej-vectors">
            {vector(cur.carried, carriedName, what, kind === 'jordan' ? vocab.map(shown) : undefined, true)}
            <span className="ej-arrow" aria-hidden="true">
              →
            </span>
            {vector(cur.h, `h_{${step + 1}}`, t.hidden(step + 1))}
            <span className="ej-arrow" aria-hidden="true">
              →
            </span>
            {vector(cur.o, `o_{${step + 1}}`, t.output(step + 1), vocab.map(shown))}
          </div>
          <p className="ej-carried-caption">
            <span aria-hidden="true" style={{ color: roleColor(role) }}>
              ▮{' '}
            </span>
            <Sub
              text={
                step === 0 ? what : kind === 'elman' ? t.carriedElman(step + 1) : t.carriedJordan(step + 1)
              }
            />
          </p>
        </div>
      ) : null}
    </section>
  );
}

function Travelling({
  points,
  values,
  scale,
  progress,
  role,
}: {
  points: readonly (readonly [number, number])[];
  values: number[];
  scale: ReturnType<typeof divergingScale>;
  progress: number;
  role: 'h' | 'y';
}) {
  const [x, y] = along(points, progress);
  const s = 8;
  const h = values.length * s;
  return (
    <g transform={`translate(${x - s / 2} ${y - h / 2})`}>
      <rect
        x={-2}
        y={-2}
        width={s + 4}
        height={h + 4}
        rx={3}
        fill={neutral('panel')}
        stroke={roleColor(role)}
        strokeWidth={1.5}
      />
      {values.map((v, k) => (
        <rect
          // biome-ignore lint/suspicious/noArrayIndexKey: a fixed-length vector
          key={k}
          className="viz-valued"
          style={valuedStyle(scale, v)}
          x={0}
          y={k * s}
          width={s}
          height={s}
          stroke={neutral('grid')}
          strokeWidth={0.5}
        />
      ))}
    </g>
  );
}
