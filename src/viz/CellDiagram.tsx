import { useId, useMemo } from 'react';
import { Arrow } from './Arrow';
import { CellBox } from './CellBox';
import { type CellDiagramLayout, type CellNode, matchPart } from './cellLayout';
import { SvgLabel } from './SvgLabel';
import { neutral, roleColor, THEME } from './theme';
import { VizStyles } from './VizStyles';

export interface CellDiagramProps {
  layout: CellDiagramLayout;
  title: string;
  /** A part name to highlight ('W_xh', 'gate:f', 'c_prev', …); see partsOf(layout). */
  highlight?: string | null;
  /** Fade what is not highlighted. Default true when something is highlighted. */
  dimOthers?: boolean;
  /** Small value annotations next to nodes, by node id (e.g. { 'gate:f': 'mean 0.73' }). */
  annotations?: Readonly<Record<string, string>>;
  /** Makes nodes focusable; called with the node's first part on hover/focus (null on leave). */
  onPartHover?: (part: string | null) => void;
  /** Accessible name of a node; default its label and parts. */
  nodeAriaLabel?: (node: CellNode) => string;
}

/** The inside of one cell (colah-style) with a highlightable named part. */
export function CellDiagram({
  layout,
  title,
  highlight,
  dimOthers,
  annotations,
  onPartHover,
  nodeAriaLabel,
}: CellDiagramProps) {
  const titleId = useId();
  const hit = useMemo(() => matchPart(layout, highlight), [layout, highlight]);
  const dim = (dimOthers ?? true) && !!highlight && (hit.nodes.size > 0 || hit.edges.size > 0);
  const frame = layout.nodes.find((n) => n.kind === 'frame');
  return (
    <svg
      className="viz-svg viz-cell"
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      role="img"
      aria-labelledby={titleId}
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
        const on = hit.edges.has(e.id);
        return (
          <Arrow
            key={e.id}
            points={e.points}
            color={e.role ? roleColor(e.role) : neutral('muted')}
            width={on ? 2.5 : 1.6}
            dash={e.role ? THEME[e.role].dash : undefined}
            head={e.arrow}
            opacity={dim && !on ? 0.3 : 1}
            highlighted={on}
          />
        );
      })}
      {layout.nodes.map((n) => {
        if (n.kind === 'frame') return null;
        const on = hit.nodes.has(n.id);
        const faded = dim && !on;
        if (n.kind === 'junction')
          return (
            <circle key={n.id} cx={n.x} cy={n.y} r={3} fill={neutral('ink')} opacity={faded ? 0.3 : 1} />
          );
        const interactive = onPartHover !== undefined;
        const aria = interactive
          ? (nodeAriaLabel?.(n) ?? `${n.label || n.id}: ${n.parts.join(', ')}`)
          : undefined;
        return (
          <g key={n.id}>
            <CellBox
              x={n.x}
              y={n.y}
              w={n.w}
              h={n.h}
              label={n.label}
              role={n.role ?? 'h'}
              shape={n.kind === 'pointwise' ? 'circle' : n.kind === 'layer' ? 'box' : 'pill'}
              fontSize={n.kind === 'pointwise' && n.label.length > 2 ? 8 : 12}
              highlighted={on}
              dimmed={faded}
              glyph={n.kind === 'layer' && n.role ? THEME[n.role].glyph : undefined}
              ariaLabel={aria}
              onHover={interactive ? (h) => onPartHover(h ? (n.parts[0] ?? null) : null) : undefined}
            />
            {annotations?.[n.id] ? (
              <SvgLabel
                x={n.x + n.w / 2 + 4}
                y={n.y - n.h / 2 - 6}
                text={annotations[n.id]}
                anchor="start"
                fontSize={9}
                fontStyle="normal"
              />
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}
