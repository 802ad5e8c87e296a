import { polylinePath } from './layout';
import { neutral } from './theme';

export interface ArrowProps {
  /** Polyline from source to target; the arrowhead follows the last segment. */
  points: readonly (readonly [number, number])[];
  /** Stroke colour, e.g. roleColor('h') or a magnitude colour. Default: the ink. */
  color?: string;
  /** Stroke width (gradient magnitude, say). Default 1.5. */
  width?: number;
  opacity?: number;
  dash?: string;
  /** Draw an arrowhead. Default true. */
  head?: boolean;
  /** Draw a highlight halo under the line. */
  highlighted?: boolean;
  /** Text for a <title> (hover tooltip). */
  title?: string;
  className?: string;
}

/** Arrowhead triangle at the end of a polyline, sized to the stroke width. */
export function arrowHead(points: readonly (readonly [number, number])[], width = 1.5): [number, number][] {
  const n = points.length;
  if (n < 2) return [];
  const [x1, y1] = points[n - 1];
  let [x0, y0] = points[n - 2];
  for (let k = n - 2; k >= 0 && x0 === x1 && y0 === y1; k--) [x0, y0] = points[k];
  const len = Math.hypot(x1 - x0, y1 - y0) || 1;
  const [ux, uy] = [(x1 - x0) / len, (y1 - y0) / len];
  const size = 5 + width * 1.6;
  const bx = x1 - ux * size;
  const by = y1 - uy * size;
  const half = size * 0.5;
  return [
    [x1, y1],
    [bx - uy * half, by + ux * half],
    [bx + uy * half, by - ux * half],
  ];
}

/** An arrow along a polyline. Stroke colour, width and dash come from props (theme vars or scales). */
export function Arrow({
  points,
  color = neutral('ink'),
  width = 1.5,
  opacity,
  dash,
  head = true,
  highlighted,
  title,
  className,
}: ArrowProps) {
  const d = polylinePath(points);
  const tip = head ? arrowHead(points, width) : [];
  return (
    <g className={className} opacity={opacity}>
      {title ? <title>{title}</title> : null}
      {highlighted ? (
        <path
          d={d}
          fill="none"
          stroke={neutral('highlight')}
          strokeOpacity={0.35}
          strokeWidth={width + 6}
          strokeLinejoin="round"
          strokeLinecap="round"
        />
      ) : null}
      <path
        className="viz-anim"
        d={d}
        fill="none"
        stroke={color}
        strokeWidth={width}
        strokeDasharray={dash || undefined}
        strokeLinejoin="round"
      />
      {tip.length ? (
        <polygon className="viz-anim" points={tip.map((p) => p.join(',')).join(' ')} fill={color} />
      ) : null}
    </g>
  );
}
