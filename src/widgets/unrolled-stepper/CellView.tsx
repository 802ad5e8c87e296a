/**
 * The inside of the current cell, colah-style, from viz's `layoutCell` with viz's CellBox and Arrow.
 * (viz's <CellDiagram> highlights one part; a sub-step lights several at once — the three LSTM gates — and
 * the reader's pointer adds one more, so the stepper draws the layout itself.) Nodes are focusable and
 * named with their live value; pointing at one tells the equations which symbol to light.
 */
import { memo, useId, useMemo } from 'react';
import {
  Arrow,
  CellBox,
  type CellDiagramLayout,
  type CellNode,
  formatFixed,
  labelText,
  layoutCell,
  matchPart,
  neutral,
  roleColor,
  THEME,
  VizStyles,
} from '../../viz';
import type { CellKind } from './model';

/** Parts a sub-step computes, by cell and phase (names as in viz's cellLayout). */
export const PHASE_PARTS: Record<CellKind, string[][]> = {
  rnn: [['W_xh', 'h', 'a']],
  jordan: [['y_prev'], ['W_xh', 'W_yh', 'h']],
  gru: [['gate:r', 'gate:z'], ['gate:n'], ['op:z*h', 'op:1-z', 'op:(1-z)*n', 'op:h', 'h']],
  lstm: [
    ['gate:i', 'gate:f', 'gate:o'],
    ['gate:g'],
    ['op:f*c', 'op:i*g', 'op:c', 'c'],
    ['op:tanh(c)', 'op:o*tanh(c)', 'h'],
  ],
};

const PRIORITY = ['gate:', 'op:', 'a', 'c', 'h', 'x', 'y_prev', 'h_prev', 'c_prev', 'W_'];

/** The part a node stands for when pointed at: its most specific part that has a value. */
export function nodePart(n: CellNode): string | null {
  for (const p of PRIORITY) {
    const hit = n.parts.find((q) => (p.endsWith(':') || p === 'W_' ? q.startsWith(p) : q === p));
    if (hit) return hit;
  }
  return n.parts[0] ?? null;
}

export interface CellViewProps {
  cell: CellKind;
  /** Sub-step being computed (−1: none, e.g. in the backward pass). */
  phase: number;
  focus: string | null;
  title: string;
  /** A short live reading of a part, for the node's accessible name ("0.52, −0.10, …"). */
  describe: (part: string) => string | null;
  onFocusPart: (part: string | null) => void;
}

export const CellView = memo(function CellView({
  cell,
  phase,
  focus,
  title,
  describe,
  onFocusPart,
}: CellViewProps) {
  const titleId = useId();
  const layout: CellDiagramLayout = useMemo(() => layoutCell(cell), [cell]);
  const lit = useMemo(() => {
    const nodes = new Set<string>();
    const edges = new Set<string>();
    for (const part of PHASE_PARTS[cell][phase] ?? []) {
      const m = matchPart(layout, part);
      for (const id of m.nodes) nodes.add(id);
      for (const id of m.edges) edges.add(id);
    }
    return { nodes, edges };
  }, [layout, cell, phase]);
  const hit = useMemo(() => matchPart(layout, focus), [layout, focus]);
  const dim = !!focus && (hit.nodes.size > 0 || hit.edges.size > 0);
  const frame = layout.nodes.find((n) => n.kind === 'frame');
  return (
    // biome-ignore lint/a11y/useSemanticElements: an SVG picture whose parts are focusable
    <svg
      className="viz-svg us-cell"
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      role="group"
      aria-labelledby={titleId}
      style={{ maxWidth: '460px' }}
    >
      <title id={titleId}>{title}</title>
      <VizStyles />
      {frame ? (
        <rect
          x={frame.x - frame.w / 2}
          y={frame.y - frame.h / 2}
          width={frame.w}
          height={frame.h}
          rx={14}
          fill="none"
          stroke={neutral('grid')}
          strokeWidth={1.5}
        />
      ) : null}
      {layout.edges.map((e) => {
        const on = hit.edges.has(e.id) || (!dim && lit.edges.has(e.id));
        return (
          <Arrow
            key={e.id}
            points={e.points}
            color={e.role ? roleColor(e.role) : neutral('muted')}
            width={on ? 2.5 : 1.6}
            dash={e.role ? THEME[e.role].dash : undefined}
            head={e.arrow}
            opacity={dim && !hit.edges.has(e.id) ? 0.3 : 1}
            highlighted={on}
          />
        );
      })}
      {layout.nodes.map((n) => {
        if (n.kind === 'frame') return null;
        const focused = hit.nodes.has(n.id);
        const faded = dim && !focused;
        if (n.kind === 'junction')
          return (
            <circle key={n.id} cx={n.x} cy={n.y} r={3} fill={neutral('ink')} opacity={faded ? 0.3 : 1} />
          );
        const part = nodePart(n);
        const reading = part ? describe(part) : null;
        const name = n.label ? labelText(n.label) : (part ?? n.id);
        return (
          <g key={n.id} data-part={part ?? undefined}>
            <CellBox
              x={n.x}
              y={n.y}
              w={n.w}
              h={n.h}
              label={n.label}
              role={n.role ?? 'h'}
              shape={n.kind === 'pointwise' ? 'circle' : n.kind === 'layer' ? 'box' : 'pill'}
              fontSize={n.kind === 'pointwise' && n.label.length > 2 ? 8 : 12}
              highlighted={focused || (!dim && lit.nodes.has(n.id))}
              dimmed={faded}
              glyph={n.kind === 'layer' && n.role ? THEME[n.role].glyph : undefined}
              ariaLabel={reading ? `${name} (${part}): ${reading}` : `${name} (${part})`}
              onHover={(h) => onFocusPart(h ? part : null)}
            />
          </g>
        );
      })}
    </svg>
  );
});

/** "0.52, −0.10, 0.33, 0.91" — a vector for an accessible name. */
export function readVector(v: ArrayLike<number>, max = 16): string {
  const out: string[] = [];
  for (let k = 0; k < Math.min(v.length, max); k++) out.push(formatFixed(v[k], 3));
  return out.join(', ') + (v.length > max ? ', …' : '');
}
