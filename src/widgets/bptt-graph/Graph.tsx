/** The computational graph of the three-step RNN, with the backward arrows computed so far. */
import { Arrow, CellBox, formatFixed, neutral, type Role, roleColor } from '../../viz';
import type { WidgetLang } from '../types';
import type { GraphLink } from './linked';
import type { Walk } from './model';
import { strings } from './strings';

const XC = [190, 320, 450];
const Y = { L: 26, l: 86, o: 148, h: 234, x: 338 };

interface NodeSpec {
  id: string;
  x: number;
  y: number;
  w: number;
  label: string;
  role: Role;
  param?: boolean;
}

export const NODES: NodeSpec[] = [
  { id: 'L', x: 320, y: Y.L, w: 40, label: 'L', role: 'grad' },
  ...[1, 2, 3].flatMap((t): NodeSpec[] => [
    { id: `l${t}`, x: XC[t - 1], y: Y.l, w: 40, label: `ℓ_{${t}}`, role: 'grad' },
    { id: `o${t}`, x: XC[t - 1], y: Y.o, w: 44, label: `o_{${t}}`, role: 'y' },
    { id: `h${t}`, x: XC[t - 1], y: Y.h, w: 48, label: `h_{${t}}`, role: 'h' },
    { id: `x${t}`, x: XC[t - 1], y: Y.x, w: 40, label: `x_{${t}}`, role: 'x' },
  ]),
  { id: 'h0', x: 62, y: Y.h, w: 44, label: 'h_{0}', role: 'h' },
  { id: 'Whq', x: 560, y: 100, w: 56, label: 'W_{hq}', role: 'x', param: true },
  { id: 'Whh', x: 560, y: 280, w: 56, label: 'W_{hh}', role: 'x', param: true },
  { id: 'Wxh', x: 560, y: 352, w: 56, label: 'W_{xh}', role: 'x', param: true },
];
const at = (id: string) => NODES.find((n) => n.id === id)!;
const NH = 26;

type P = [number, number];
/** Forward edges (from, to) with their polyline. */
const FORWARD: { id: string; pts: P[] }[] = [
  ...[1, 2, 3].flatMap((t) => {
    const x = XC[t - 1];
    const prev = t === 1 ? at('h0').x : XC[t - 2];
    return [
      {
        id: `x${t}-h${t}`,
        pts: [
          [x, Y.x - NH / 2],
          [x, Y.h + NH / 2],
        ] as P[],
      },
      {
        id: `h${t - 1}-h${t}`,
        pts: [
          [prev + 24, Y.h],
          [x - 24, Y.h],
        ] as P[],
      },
      {
        id: `h${t}-o${t}`,
        pts: [
          [x, Y.h - NH / 2],
          [x, Y.o + NH / 2],
        ] as P[],
      },
      {
        id: `o${t}-l${t}`,
        pts: [
          [x, Y.o - NH / 2],
          [x, Y.l + NH / 2],
        ] as P[],
      },
      {
        id: `l${t}-L`,
        pts: [
          [x, Y.l - NH / 2],
          [320 + (t - 2) * 12, Y.L + NH / 2],
        ] as P[],
      },
    ];
  }),
];

/** Where a shared parameter is used at step t (the middle of the edge it multiplies). */
function siteOf(param: string, t: number): P {
  const x = XC[t - 1];
  if (param === 'Whq') return [x, (Y.h + Y.o) / 2];
  if (param === 'Wxh') return [x, (Y.x + Y.h) / 2];
  const prev = t === 1 ? at('h0').x : XC[t - 2];
  return [(prev + x) / 2, Y.h];
}

/** Backward arrows: the reverse of a forward edge, nudged aside so both stay visible. */
const BACKWARD: Record<string, P[]> = {};
for (const e of FORWARD) {
  const [a, b] = e.id.split('-');
  const pts = [...e.pts]
    .reverse()
    .map(([x, y]): P => (e.pts[0][0] === e.pts[1][0] ? [x + 7, y] : [x, y + 7]));
  BACKWARD[`${b}-${a}`] = pts;
}
for (const t of [1, 2, 3]) {
  for (const p of ['Whq', 'Whh', 'Wxh']) {
    const [ux, uy] = siteOf(p, t);
    const n = at(p);
    const src = p === 'Whq' ? `o${t}` : `h${t}`;
    BACKWARD[`${src}-${p}`] = [
      [ux, uy],
      [n.x - n.w / 2, n.y],
    ];
  }
}

/** Every backward edge the graph can draw (ids "from-to"). */
export const EDGE_IDS: readonly string[] = Object.keys(BACKWARD);

export function Graph({
  lang,
  w,
  done,
  current,
  values,
  link = null,
  onHoverNode,
}: {
  lang: WidgetLang;
  w: Walk;
  /** Edge and node ids computed so far. */
  done: Set<string>;
  current: Set<string>;
  /** Short gradient text per node id. */
  values: Record<string, string>;
  /** What a symbol of the equation lights: its own nodes and edges, and its term's path. */
  link?: GraphLink | null;
  onHoverNode?: (id: string | null) => void;
}) {
  const t = strings[lang];
  void w;
  const linkOf = (id: string, own: readonly string[], path: readonly string[]) =>
    own.includes(id) ? 'symbol' : path.includes(id) ? 'path' : undefined;
  return (
    <svg
      className={`viz-svg bg-graph${link ? ' bg-linking' : ''}`}
      viewBox="0 0 610 372"
      role="img"
      aria-label={t.graphTitle}
    >
      <desc>{t.graphDesc}</desc>
      {FORWARD.map((e) => (
        <Arrow key={e.id} points={e.pts} color={neutral('muted')} width={1.1} />
      ))}
      {[1, 2, 3].flatMap((s) =>
        ['Whq', 'Whh', 'Wxh'].map((p) => {
          const n = at(p);
          const [ux, uy] = siteOf(p, s);
          return (
            <path
              key={`${p}${s}`}
              d={`M${n.x - n.w / 2} ${n.y} L${ux} ${uy}`}
              fill="none"
              stroke={neutral('grid')}
              strokeWidth={1}
              strokeDasharray="3 3"
            />
          );
        }),
      )}
      {Object.entries(BACKWARD).map(([id, pts]) =>
        done.has(id) ? (
          <Arrow
            key={id}
            points={pts}
            color={roleColor('grad')}
            width={current.has(id) ? 2.6 : 1.6}
            dash="4 2"
            highlighted={current.has(id)}
          />
        ) : null,
      )}
      {link
        ? [...new Set([...link.pathEdges, ...link.edges])].map((id) => {
            const own = link.edges.includes(id);
            return BACKWARD[id] ? (
              <g key={`link-${id}`} data-link-edge={id} data-linked={own ? 'symbol' : 'path'}>
                <Arrow
                  points={BACKWARD[id]}
                  color={own ? neutral('highlight') : roleColor('grad')}
                  width={own ? 3.4 : 2.6}
                  highlighted={own}
                />
              </g>
            ) : null;
          })
        : null}
      {NODES.map((n) => {
        const v = values[n.id];
        const linked = link ? linkOf(n.id, link.nodes, link.pathNodes) : undefined;
        return (
          <g
            key={n.id}
            data-node={n.id}
            data-done={done.has(n.id) || undefined}
            data-linked={linked}
            onPointerEnter={onHoverNode ? () => onHoverNode(n.id) : undefined}
            onPointerLeave={onHoverNode ? () => onHoverNode(null) : undefined}
          >
            {linked ? (
              <rect
                className="bg-ring"
                x={n.x - n.w / 2 - 5}
                y={n.y - NH / 2 - 5}
                width={n.w + 10}
                height={NH + 10}
                rx={linked === 'symbol' ? 8 : 10}
                fill="none"
                stroke={neutral('highlight')}
                strokeWidth={linked === 'symbol' ? 2.6 : 1.4}
                strokeDasharray={linked === 'symbol' ? undefined : '3 2'}
                pointerEvents="none"
              />
            ) : null}
            <CellBox
              x={n.x}
              y={n.y}
              w={n.w}
              h={NH}
              label={n.label}
              role={n.role}
              shape={
                n.param
                  ? 'box'
                  : n.id === 'L' || n.id.startsWith('l')
                    ? 'pill'
                    : n.id.startsWith('h')
                      ? 'box'
                      : 'pill'
              }
              highlighted={current.has(n.id)}
              fontSize={12}
              glyph={done.has(n.id) ? '∂' : undefined}
            />
            {v ? (
              <text
                x={n.param ? n.x : n.x + n.w / 2 + 4}
                y={n.param ? n.y + NH / 2 + 11 : n.y - NH / 2 - 3}
                fontSize={10}
                textAnchor={n.param ? 'middle' : 'start'}
                fill={roleColor('grad')}
                style={{ fontVariantNumeric: 'tabular-nums' }}
              >
                {v}
              </text>
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}

export function vecText(v: readonly number[]): string {
  return `[${v.map((x) => formatFixed(x, 3)).join(', ')}]`;
}
