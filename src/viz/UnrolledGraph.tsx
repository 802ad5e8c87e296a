import { useId } from 'react';
import { Arrow } from './Arrow';
import { CellBox } from './CellBox';
import type { GraphEdge, GraphNode, UnrolledLayout } from './layout';
import { labelText } from './SvgLabel';
import { neutral, roleColor, THEME } from './theme';
import { VizStyles } from './VizStyles';

export interface EdgeStyle {
  /** Stroke width (e.g. from widthScale of a gradient magnitude). */
  width?: number;
  /** Stroke colour (e.g. a magnitude colour or roleColor('grad')). */
  color?: string;
  opacity?: number;
  dash?: string;
  /** Tooltip text (e.g. "‖∂L/∂h_3‖ = 3.2e−18"). */
  title?: string;
}

export interface UnrolledGraphProps {
  layout: UnrolledLayout;
  /** Accessible title of the picture. */
  title: string;
  /** Longer accessible description. */
  description?: string;
  /** Per-edge overrides (gradient magnitudes, dimming). */
  edgeStyle?: (edge: GraphEdge) => EdgeStyle | undefined;
  /** Node and edge ids to highlight (e.g. the current step). */
  highlight?: ReadonlySet<string> | ((id: string) => boolean);
  /** Fade everything not highlighted. */
  dimOthers?: boolean;
  /** Label of a node (default: the layout's label; cells show a direction arrow when D = 2). */
  nodeLabel?: (node: GraphNode) => string;
  /** Accessible name of a node (makes nodes focusable); default none. */
  nodeAriaLabel?: (node: GraphNode) => string;
  onNodeActivate?: (node: GraphNode) => void;
  onNodeHover?: (node: GraphNode | null) => void;
}

const isOn = (h: UnrolledGraphProps['highlight'], id: string) =>
  h ? (typeof h === 'function' ? h(id) : h.has(id)) : false;

/** Draws an unrolled network laid out by layoutUnrolled(), scaled by its viewBox. */
export function UnrolledGraph({
  layout,
  title,
  description,
  edgeStyle,
  highlight,
  dimOthers,
  nodeLabel,
  nodeAriaLabel,
  onNodeActivate,
  onNodeHover,
}: UnrolledGraphProps) {
  const titleId = useId();
  const descId = useId();
  const anyOn = dimOthers && highlight !== undefined;
  const defaultLabel = (n: GraphNode) =>
    n.kind === 'cell' && layout.D === 2 ? `${n.dir === 0 ? '→' : '←'} ${n.label}` : n.label;
  const label = nodeLabel ?? defaultLabel;
  return (
    <svg
      className="viz-svg viz-unrolled"
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      role="img"
      aria-labelledby={titleId}
      aria-describedby={description ? descId : undefined}
    >
      <title id={titleId}>{title}</title>
      <VizStyles />
      {description ? <desc id={descId}>{description}</desc> : null}
      <g>
        {layout.edges.map((e) => {
          const s = edgeStyle?.(e) ?? {};
          const on = isOn(highlight, e.id);
          return (
            <Arrow
              key={e.id}
              points={e.points}
              color={s.color ?? roleColor(e.role)}
              width={s.width ?? (e.kind === 'cellState' ? 2 : 1.5)}
              dash={s.dash ?? (e.kind === 'feedback' ? '5 3' : undefined)}
              opacity={s.opacity ?? (anyOn && !on ? 0.3 : 1)}
              highlighted={on}
              title={s.title}
            />
          );
        })}
      </g>
      {layout.junctions.map((j) => (
        <circle key={j.id} cx={j.x} cy={j.y} r={j.kind === 'concat' ? 3.5 : 2.5} fill={neutral('ink')} />
      ))}
      {layout.nodes.map((n) => {
        const on = isOn(highlight, n.id);
        const role =
          n.kind === 'input'
            ? 'x'
            : n.kind === 'output'
              ? 'y'
              : layout.cell === 'jordan' && n.kind === 'init'
                ? 'y'
                : 'h';
        return (
          <CellBox
            key={n.id}
            x={n.x}
            y={n.y}
            w={n.w}
            h={n.h}
            label={label(n)}
            role={role}
            shape={n.kind === 'cell' ? 'box' : n.kind === 'init' ? 'circle' : 'pill'}
            fontSize={n.kind === 'init' ? 10 : 12}
            highlighted={on}
            dimmed={anyOn && !on}
            glyph={n.kind === 'cell' ? THEME[role].glyph : undefined}
            ariaLabel={nodeAriaLabel ? nodeAriaLabel(n) : undefined}
            onActivate={onNodeActivate ? () => onNodeActivate(n) : undefined}
            onHover={onNodeHover ? (h) => onNodeHover(h ? n : null) : undefined}
          />
        );
      })}
    </svg>
  );
}

/** A plain-text reading of a node for aria: "h 3, layer 1, forward". */
export function describeNode(n: GraphNode, D: number): string {
  const base = labelText(n.label);
  if (n.kind !== 'cell') return base;
  return `${base}, layer ${n.layer + 1}${D === 2 ? (n.dir === 0 ? ', forward' : ', reverse') : ''}`;
}
