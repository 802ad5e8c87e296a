/**
 * Layout of an unrolled recurrent network: pure functions returning plain objects (no React).
 *
 * Picture conventions (colah's): time runs left to right, inputs x_t at the bottom, outputs o_t at the
 * top, one row of cells per layer and direction (layer 0 lowest; within a layer the forward row below
 * the reverse row). A copy is a fork (one line splitting), a concatenation is lines merging at a
 * junction: with two directions, the forward and reverse outputs of layer l−1 merge at a `concat`
 * junction and fork to both rows of layer l, exactly like nn.RNN(bidirectional=True).
 *
 * Time indices `t` are 0-based in ids; labels are 1-based as in the text (x_1 … x_T, h_0 the initial
 * state). All coordinates are SVG user units; draw with `viewBox="0 0 width height"`.
 */
import type { Role } from './theme';

export type CellKind = 'rnn' | 'gru' | 'lstm' | 'jordan';

export interface UnrolledOptions {
  /** Number of time steps (≥ 1). */
  T: number;
  /** Number of stacked layers (≥ 1). Default 1. */
  L?: number;
  /** Directions: 1, or 2 for bidirectional. Default 1. */
  D?: 1 | 2;
  /**
   * Cell kind: LSTM adds a c_t path beside h_t; Jordan feeds o_{t−1} back instead of h_{t−1} (and is
   * drawn with one layer and one direction whatever L and D say).
   */
  cell?: CellKind;
  cellWidth?: number;
  /** Cell height; default 44 (56 for LSTM, to fit two state lines). */
  cellHeight?: number;
  /** Horizontal gap between steps. */
  colGap?: number;
  /** Vertical gap between the forward and reverse rows of a layer. */
  rowGap?: number;
  /** Vertical gap between layers. */
  layerGap?: number;
  /** Vertical gap between the cells and the x / o rows. */
  ioGap?: number;
  /** Size of the x_t and o_t nodes. */
  ioWidth?: number;
  ioHeight?: number;
  /** Width reserved for the initial-state nodes h_0. */
  initWidth?: number;
  margin?: number;
}

export type NodeKind = 'cell' | 'input' | 'output' | 'init';

export interface GraphNode {
  id: string;
  kind: NodeKind;
  /** 0-based step (init nodes: −1 for forward, T for reverse). */
  t: number;
  layer: number;
  dir: 0 | 1;
  /** Centre. */
  x: number;
  y: number;
  w: number;
  h: number;
  /** TeX-like label, 1-based time: 'x_{3}', 'h_{0}'. */
  label: string;
}

export type EdgeKind = 'input' | 'recurrent' | 'cellState' | 'layer' | 'output' | 'init' | 'feedback';

export interface GraphEdge {
  id: string;
  kind: EdgeKind;
  from: string;
  to: string;
  /** Step of the target (0-based). */
  t: number;
  layer: number;
  dir: 0 | 1;
  /** What the edge carries, for its colour. */
  role: Role;
  /** Polyline from source to target (the last segment gives the arrow's direction). */
  points: [number, number][];
}

export interface Junction {
  id: string;
  kind: 'concat' | 'fork';
  x: number;
  y: number;
}

export interface UnrolledLayout {
  width: number;
  height: number;
  T: number;
  L: number;
  D: 1 | 2;
  cell: CellKind;
  nodes: GraphNode[];
  edges: GraphEdge[];
  junctions: Junction[];
}

export const cellId = (layer: number, dir: number, t: number) => `cell:l${layer}:d${dir}:t${t}`;
export const inputId = (t: number) => `x:t${t}`;
export const outputId = (t: number) => `o:t${t}`;
export const initId = (layer: number, dir: number) => `h0:l${layer}:d${dir}`;

/** Expected edge counts for (T, L, D, cell): the tests check layouts against this. */
export function expectedEdgeCounts(
  T: number,
  L: number,
  D: number,
  cell: CellKind,
): Record<EdgeKind, number> {
  const jordan = cell === 'jordan';
  const lstm = cell === 'lstm';
  return {
    input: T * D,
    recurrent: jordan ? 0 : L * D * (T - 1),
    cellState: lstm ? L * D * (T - 1) : 0,
    layer: (L - 1) * T * D * D,
    output: T * D,
    init: jordan ? 1 : L * D * (lstm ? 2 : 1),
    feedback: jordan ? T - 1 : 0,
  };
}

/** Lay out an unrolled network. */
export function layoutUnrolled(options: UnrolledOptions): UnrolledLayout {
  const T = Math.max(1, Math.floor(options.T));
  const cell = options.cell ?? 'rnn';
  // A Jordan network feeds its output back: one layer, one direction.
  const L = cell === 'jordan' ? 1 : Math.max(1, Math.floor(options.L ?? 1));
  const D: 1 | 2 = cell !== 'jordan' && options.D === 2 ? 2 : 1;
  const lstm = cell === 'lstm';
  const jordan = cell === 'jordan';
  const w = options.cellWidth ?? 64;
  const h = options.cellHeight ?? (lstm ? 56 : 44);
  const colGap = options.colGap ?? 40;
  const rowGap = options.rowGap ?? 36;
  const layerGap = options.layerGap ?? 40;
  const ioGap = options.ioGap ?? 36;
  const ioW = options.ioWidth ?? 40;
  const ioH = options.ioHeight ?? 28;
  const initW = options.initWidth ?? 30;
  const margin = options.margin ?? 10;

  const blockH = D * h + (D - 1) * rowGap;
  const width = 2 * margin + initW + colGap + T * w + (T - 1) * colGap + (D === 2 ? colGap + initW : 0);
  const height = 2 * margin + 2 * ioH + 2 * ioGap + L * blockH + (L - 1) * layerGap;

  const cx = (t: number) => margin + initW + colGap + t * (w + colGap) + w / 2;
  const blockTop = (l: number) => margin + ioH + ioGap + (L - 1 - l) * (blockH + layerGap);
  const rowY = (l: number, d: number) => blockTop(l) + (D - 1 - d) * (h + rowGap) + h / 2;
  const gapAbove = (l: number) => blockTop(l) - (l === L - 1 ? ioGap : layerGap) / 2;
  const gapBelow = (l: number) => blockTop(l) + blockH + (l === 0 ? ioGap : layerGap) / 2;
  const midGap = (l: number) => blockTop(l) + h + rowGap / 2;
  const yO = margin + ioH / 2;
  const yX = height - margin - ioH / 2;
  const side = colGap * 0.3;

  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const junctions: Junction[] = [];

  for (let t = 0; t < T; t++) {
    nodes.push({
      id: inputId(t),
      kind: 'input',
      t,
      layer: -1,
      dir: 0,
      x: cx(t),
      y: yX,
      w: ioW,
      h: ioH,
      label: `x_{${t + 1}}`,
    });
    nodes.push({
      id: outputId(t),
      kind: 'output',
      t,
      layer: L,
      dir: 0,
      x: cx(t),
      y: yO,
      w: ioW,
      h: ioH,
      label: `o_{${t + 1}}`,
    });
    for (let l = 0; l < L; l++)
      for (let d = 0 as 0 | 1; d < D; d = (d + 1) as 0 | 1)
        nodes.push({
          id: cellId(l, d, t),
          kind: 'cell',
          t,
          layer: l,
          dir: d,
          x: cx(t),
          y: rowY(l, d),
          w,
          h,
          label: `h_{${t + 1}}`,
        });
  }
  const initLabel = jordan ? 'o_{0}' : 'h_{0}';
  for (let l = 0; l < L; l++)
    for (let d = 0 as 0 | 1; d < D; d = (d + 1) as 0 | 1) {
      const x = d === 0 ? margin + initW / 2 : width - margin - initW / 2;
      nodes.push({
        id: initId(l, d),
        kind: 'init',
        t: d === 0 ? -1 : T,
        layer: l,
        dir: d,
        x,
        y: rowY(l, d),
        w: initW,
        h: initW,
        label: initLabel,
      });
    }

  /** Path from a junction at (cx, gapBelow(l)) into the bottom of cell (l, d, t). */
  const inPath = (l: number, d: number, t: number): [number, number][] => {
    const x = cx(t);
    const bottom = rowY(l, d) + h / 2;
    if (d === 0) return [[x, bottom]];
    const gx = x + w / 2 + side;
    return [
      [gx, gapBelow(l)],
      [gx, midGap(l)],
      [x + w / 4, midGap(l)],
      [x + w / 4, bottom],
    ];
  };
  /** Path from the top of cell (l, d, t) to the junction at (cx, gapAbove(l)). */
  const outPath = (l: number, d: number, t: number): [number, number][] => {
    const x = cx(t);
    const top = rowY(l, d) - h / 2;
    if (d === D - 1)
      return [
        [x, top],
        [x, gapAbove(l)],
      ];
    const gx = x - w / 2 - side;
    return [
      [x - w / 4, top],
      [x - w / 4, midGap(l)],
      [gx, midGap(l)],
      [gx, gapAbove(l)],
      [x, gapAbove(l)],
    ];
  };

  const stateDy = lstm ? h / 5 : 0; // LSTM: c along the upper part of the box, h along the lower part
  for (let t = 0; t < T; t++) {
    const x = cx(t);
    // x_t → layer 0 (a fork when two directions read it)
    if (D === 2) junctions.push({ id: `fork:x:t${t}`, kind: 'fork', x, y: gapBelow(0) });
    for (let d = 0 as 0 | 1; d < D; d = (d + 1) as 0 | 1)
      edges.push({
        id: `e:input:d${d}:t${t}`,
        kind: 'input',
        from: inputId(t),
        to: cellId(0, d, t),
        t,
        layer: 0,
        dir: d,
        role: 'x',
        points: [[x, yX - ioH / 2], [x, gapBelow(0)], ...inPath(0, d, t)],
      });
    // layer l−1 → layer l (concatenated directions merge, then fork)
    for (let l = 1; l < L; l++) {
      if (D === 2) junctions.push({ id: `cat:l${l - 1}:t${t}`, kind: 'concat', x, y: gapAbove(l - 1) });
      for (let s = 0; s < D; s++)
        for (let d = 0 as 0 | 1; d < D; d = (d + 1) as 0 | 1)
          edges.push({
            id: `e:layer:l${l}:s${s}:d${d}:t${t}`,
            kind: 'layer',
            from: cellId(l - 1, s, t),
            to: cellId(l, d, t),
            t,
            layer: l,
            dir: d,
            role: 'h',
            points: [...outPath(l - 1, s, t), ...inPath(l, d, t)],
          });
    }
    // top layer → o_t
    if (D === 2) junctions.push({ id: `cat:l${L - 1}:t${t}`, kind: 'concat', x, y: gapAbove(L - 1) });
    for (let s = 0 as 0 | 1; s < D; s = (s + 1) as 0 | 1)
      edges.push({
        id: `e:output:s${s}:t${t}`,
        kind: 'output',
        from: cellId(L - 1, s, t),
        to: outputId(t),
        t,
        layer: L - 1,
        dir: s,
        role: 'y',
        points: [...outPath(L - 1, s, t), [x, yO + ioH / 2]],
      });
  }

  // recurrence along each row, and the initial states
  for (let l = 0; l < L; l++)
    for (let d = 0 as 0 | 1; d < D; d = (d + 1) as 0 | 1) {
      const y = rowY(l, d);
      const sgn = d === 0 ? 1 : -1; // forward flows right, reverse flows left
      const exitX = (t: number) => cx(t) + (sgn * w) / 2;
      const entryX = (t: number) => cx(t) - (sgn * w) / 2;
      const first = d === 0 ? 0 : T - 1;
      if (!jordan) {
        for (let k = 1; k < T; k++) {
          const t = d === 0 ? k : T - 1 - k;
          const prev = t - sgn;
          edges.push({
            id: `e:recurrent:l${l}:d${d}:t${t}`,
            kind: 'recurrent',
            from: cellId(l, d, prev),
            to: cellId(l, d, t),
            t,
            layer: l,
            dir: d,
            role: 'h',
            points: [
              [exitX(prev), y + stateDy],
              [entryX(t), y + stateDy],
            ],
          });
          if (lstm)
            edges.push({
              id: `e:cellState:l${l}:d${d}:t${t}`,
              kind: 'cellState',
              from: cellId(l, d, prev),
              to: cellId(l, d, t),
              t,
              layer: l,
              dir: d,
              role: 'c',
              points: [
                [exitX(prev), y - stateDy],
                [entryX(t), y - stateDy],
              ],
            });
        }
        const ix = d === 0 ? margin + initW : width - margin - initW;
        edges.push({
          id: `e:init:l${l}:d${d}`,
          kind: 'init',
          from: initId(l, d),
          to: cellId(l, d, first),
          t: first,
          layer: l,
          dir: d,
          role: 'h',
          points: [
            [ix, y + stateDy],
            [entryX(first), y + stateDy],
          ],
        });
        if (lstm)
          edges.push({
            id: `e:init:c:l${l}:d${d}`,
            kind: 'init',
            from: initId(l, d),
            to: cellId(l, d, first),
            t: first,
            layer: l,
            dir: d,
            role: 'c',
            points: [
              [ix, y - stateDy],
              [entryX(first), y - stateDy],
            ],
          });
      }
    }

  if (jordan) {
    const y = rowY(0, 0);
    edges.push({
      id: 'e:init:l0:d0',
      kind: 'init',
      from: initId(0, 0),
      to: cellId(0, 0, 0),
      t: 0,
      layer: 0,
      dir: 0,
      role: 'y',
      points: [
        [margin + initW, y],
        [cx(0) - w / 2, y],
      ],
    });
    for (let t = 1; t < T; t++) {
      const gx = cx(t - 1) + w / 2 + colGap / 2;
      edges.push({
        id: `e:feedback:t${t}`,
        kind: 'feedback',
        from: outputId(t - 1),
        to: cellId(0, 0, t),
        t,
        layer: 0,
        dir: 0,
        role: 'y',
        points: [
          [cx(t - 1) + ioW / 2, yO],
          [gx, yO],
          [gx, y],
          [cx(t) - w / 2, y],
        ],
      });
    }
  }

  return { width, height, T, L, D, cell, nodes, edges, junctions };
}

/** SVG path data for a polyline (used by <Arrow>; exported for tests and canvas drawing). */
export function polylinePath(points: readonly (readonly [number, number])[]): string {
  return points.map(([x, y], k) => `${k === 0 ? 'M' : 'L'}${round2(x)},${round2(y)}`).join('');
}

export function round2(v: number): number {
  return Math.round(v * 100) / 100;
}
