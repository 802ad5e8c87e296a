/**
 * The inside of one cell, drawn colah's way: learned layers as boxes, pointwise operations as circles,
 * concatenation as lines merging into a bus, copies as forks. Pure data (no React): a stepper draws it
 * with <CellDiagram> and highlights a named part ('W_xh', 'gate:f', 'c_prev', …).
 *
 * Semantics follow the engine (PyTorch): LSTM c_t = f⊙c_{t−1} + i⊙g, h_t = o⊙tanh(c_t);
 * GRU n = tanh(W_in x + b_in + r⊙(W_hn h + b_hn)), h_t = (1−z)⊙n + z⊙h_{t−1}.
 *
 * Coordinates are in a 400 × 270 box; draw with viewBox="0 0 400 270".
 */
import type { CellKind } from './layout';
import type { Role } from './theme';

export type CellNodeKind = 'frame' | 'layer' | 'pointwise' | 'input' | 'state' | 'output' | 'junction';

export interface CellNode {
  id: string;
  kind: CellNodeKind;
  /** Centre; w × h is the box (circles: w = h = diameter). */
  x: number;
  y: number;
  w: number;
  h: number;
  /** Text drawn in the node, TeX-like: 'σ', 'tanh', '×', 'h_{t−1}'. */
  label: string;
  role?: Role;
  /** Names a stepper can highlight: parameters ('W_xf'), gates ('gate:f'), states ('c_prev'). */
  parts: string[];
}

export interface CellEdge {
  id: string;
  kind: 'line' | 'merge' | 'fork';
  points: [number, number][];
  role?: Role;
  /** Draw an arrowhead at the end. */
  arrow: boolean;
  parts: string[];
}

export interface CellDiagramLayout {
  cell: CellKind;
  width: number;
  height: number;
  nodes: CellNode[];
  edges: CellEdge[];
}

const W = 400;
const H = 270;
const R = 12; // pointwise circle radius
const LW = 44; // layer box
const LH = 26;

type P = [number, number];

function builder(cell: CellKind) {
  const nodes: CellNode[] = [];
  const edges: CellEdge[] = [];
  const node = (
    id: string,
    kind: CellNodeKind,
    x: number,
    y: number,
    label: string,
    parts: string[],
    role?: Role,
  ) => {
    const size =
      kind === 'pointwise'
        ? [2 * R, 2 * R]
        : kind === 'layer'
          ? [Math.max(LW, label.length * 8 + 12), LH]
          : kind === 'junction'
            ? [5, 5]
            : [48, 24];
    nodes.push({ id, kind, x, y, w: size[0], h: size[1], label, parts, role });
  };
  const edge = (
    id: string,
    points: P[],
    parts: string[],
    role?: Role,
    kind: CellEdge['kind'] = 'line',
    arrow = true,
  ) => edges.push({ id, kind, points, parts, role, arrow });
  nodes.push({ id: 'frame', kind: 'frame', x: W / 2, y: 135, w: 330, h: 200, label: '', parts: ['cell'] });
  return {
    nodes,
    edges,
    node,
    edge,
    done: (): CellDiagramLayout => ({ cell, width: W, height: H, nodes, edges }),
  };
}

function rnnCell(cell: 'rnn' | 'jordan'): CellDiagramLayout {
  const b = builder(cell);
  const jordan = cell === 'jordan';
  const prev = jordan ? 'y_prev' : 'h_prev';
  const prevRole: Role = jordan ? 'y' : 'h';
  const W_s = jordan ? 'W_yh' : 'W_hh';
  b.node('in:prev', 'state', 24, 195, jordan ? 'o_{t−1}' : 'h_{t−1}', [prev], prevRole);
  b.node('in:x', 'input', 110, 255, 'x_t', ['x'], 'x');
  b.node('cat', 'junction', 110, 195, '', ['concat']);
  b.node('layer:tanh', 'layer', 200, 135, 'tanh', ['layer:tanh', 'W_xh', W_s, 'b_h', 'a'], 'h');
  b.node('fork:h', 'junction', 300, 135, '', ['h']);
  b.node('out:h', 'state', 376, 135, 'h_t', ['h'], 'h');
  b.node('out:up', 'output', 300, 14, 'h_t', ['h', 'h_out'], 'h');
  b.edge(
    'e:prev',
    [
      [48, 195],
      [110, 195],
    ],
    [prev, W_s],
    prevRole,
    'merge',
    false,
  );
  b.edge(
    'e:x',
    [
      [110, 243],
      [110, 195],
    ],
    ['x', 'W_xh'],
    'x',
    'merge',
    false,
  );
  b.edge(
    'e:cat',
    [
      [110, 195],
      [110, 135],
      [200 - LW / 2, 135],
    ],
    ['concat', 'W_xh', W_s],
  );
  b.edge(
    'e:tanh',
    [
      [200 + LW / 2, 135],
      [300, 135],
    ],
    ['h', 'a'],
    'h',
    'line',
    false,
  );
  b.edge(
    'e:h:right',
    [
      [300, 135],
      [352, 135],
    ],
    ['h'],
    'h',
    'fork',
  );
  b.edge(
    'e:h:up',
    [
      [300, 135],
      [300, 26],
    ],
    ['h', 'h_out'],
    'h',
    'fork',
  );
  return b.done();
}

function lstmCell(): CellDiagramLayout {
  const b = builder('lstm');
  const cy = 45; // the cell-state line
  const by = 222; // the concatenation bus
  const ly = 180; // gate layers
  // states and inputs
  b.node('in:c', 'state', 24, cy, 'c_{t−1}', ['c_prev'], 'c');
  b.node('in:h', 'state', 24, by, 'h_{t−1}', ['h_prev'], 'h');
  b.node('in:x', 'input', 70, 258, 'x_t', ['x'], 'x');
  b.node('cat', 'junction', 70, by, '', ['concat']);
  b.node('out:c', 'state', 376, cy, 'c_t', ['c'], 'c');
  b.node('out:h', 'state', 376, by, 'h_t', ['h'], 'h');
  b.node('out:up', 'output', 348, 12, 'h_t', ['h', 'h_out'], 'h');
  // gate layers, PyTorch block order i f g o, drawn f i g o left to right as colah does
  const gates: [string, number, string, Role][] = [
    ['f', 110, 'σ', 'f'],
    ['i', 160, 'σ', 'i'],
    ['g', 210, 'tanh', 'g'],
    ['o', 270, 'σ', 'o'],
  ];
  for (const [k, x, label, role] of gates) {
    b.node(`gate:${k}`, 'layer', x, ly, label, [`gate:${k}`, `W_x${k}`, `W_h${k}`, `b_${k}`], role);
    b.edge(
      `e:bus:${k}`,
      [
        [x, by],
        [x, ly + LH / 2],
      ],
      ['concat', `W_x${k}`, `W_h${k}`],
      undefined,
      'fork',
    );
  }
  // pointwise operations
  b.node('mul:f', 'pointwise', 110, cy, '×', ['op:f*c', 'gate:f', 'c_prev'], 'f');
  b.node('mul:ig', 'pointwise', 210, 110, '×', ['op:i*g', 'gate:i', 'gate:g'], 'i');
  b.node('add:c', 'pointwise', 210, cy, '+', ['op:c', 'c'], 'c');
  b.node('tanh:c', 'pointwise', 330, 100, 'tanh', ['op:tanh(c)', 'c'], 'c');
  b.node('mul:o', 'pointwise', 330, 150, '×', ['op:o*tanh(c)', 'gate:o', 'h'], 'o');
  // the cell-state line
  b.edge(
    'e:c:in',
    [
      [48, cy],
      [110 - R, cy],
    ],
    ['c_prev'],
    'c',
  );
  b.edge(
    'e:c:mid',
    [
      [110 + R, cy],
      [210 - R, cy],
    ],
    ['op:f*c', 'c_prev'],
    'c',
  );
  b.edge(
    'e:c:out',
    [
      [210 + R, cy],
      [352, cy],
    ],
    ['c'],
    'c',
  );
  b.edge(
    'e:c:fork',
    [
      [330, cy],
      [330, 100 - R],
    ],
    ['c'],
    'c',
    'fork',
  );
  // gate outputs into the pointwise operations
  b.edge(
    'e:f',
    [
      [110, ly - LH / 2],
      [110, cy + R],
    ],
    ['gate:f'],
    'f',
  );
  b.edge(
    'e:i',
    [
      [160, ly - LH / 2],
      [160, 110],
      [210 - R, 110],
    ],
    ['gate:i'],
    'i',
  );
  b.edge(
    'e:g',
    [
      [210, ly - LH / 2],
      [210, 110 + R],
    ],
    ['gate:g'],
    'g',
  );
  b.edge(
    'e:ig',
    [
      [210, 110 - R],
      [210, cy + R],
    ],
    ['op:i*g'],
    'i',
  );
  b.edge(
    'e:o',
    [
      [270, ly - LH / 2],
      [270, 150],
      [330 - R, 150],
    ],
    ['gate:o'],
    'o',
  );
  b.edge(
    'e:tanh',
    [
      [330, 100 + R],
      [330, 150 - R],
    ],
    ['op:tanh(c)'],
    'c',
  );
  // the hidden state forks: right as h_t, up as the output
  b.edge(
    'e:h:fork',
    [
      [330 + R, 150],
      [348, 150],
    ],
    ['h'],
    'h',
    'line',
    false,
  );
  b.edge(
    'e:h:right',
    [
      [348, 150],
      [348, by],
      [352, by],
    ],
    ['h'],
    'h',
    'fork',
  );
  b.edge(
    'e:h:up',
    [
      [348, 150],
      [348, 24],
    ],
    ['h', 'h_out'],
    'h',
    'fork',
  );
  // the inputs merge into the bus
  b.edge(
    'e:h_prev',
    [
      [48, by],
      [70, by],
    ],
    ['h_prev'],
    'h',
    'merge',
    false,
  );
  b.edge(
    'e:x',
    [
      [70, 246],
      [70, by],
    ],
    ['x'],
    'x',
    'merge',
    false,
  );
  b.edge(
    'e:bus',
    [
      [70, by],
      [270, by],
    ],
    ['concat'],
    undefined,
    'line',
    false,
  );
  return b.done();
}

function gruCell(): CellDiagramLayout {
  const b = builder('gru');
  const hy = 45; // the hidden-state line
  const by = 228; // the concatenation bus
  const ly = 188; // layers
  b.node('in:h', 'state', 24, hy, 'h_{t−1}', ['h_prev'], 'h');
  b.node('in:x', 'input', 60, 258, 'x_t', ['x'], 'x');
  b.node('cat', 'junction', 60, by, '', ['concat']);
  b.node('fork:h', 'junction', 42, hy, '', ['h_prev']);
  b.node('out:h', 'state', 376, hy, 'h_t', ['h'], 'h');
  b.node('out:up', 'output', 350, 12, 'h_t', ['h', 'h_out'], 'h');
  b.node('gate:r', 'layer', 100, ly, 'σ', ['gate:r', 'W_xr', 'W_hr', 'b_r'], 'r');
  b.node('gate:z', 'layer', 150, ly, 'σ', ['gate:z', 'W_xz', 'W_hz', 'b_z'], 'z');
  b.node('lin:hn', 'layer', 215, ly, 'W_{hn}h', ['W_hn', 'b_hn', 'gate:n'], 'n');
  b.node('lin:in', 'layer', 285, ly, 'W_{in}x', ['W_in', 'b_in', 'gate:n'], 'n');
  b.node('mul:r', 'pointwise', 215, 140, '×', ['op:r*(W_hn h)', 'gate:r', 'gate:n'], 'r');
  b.node('add:n', 'pointwise', 285, 140, '+', ['op:n', 'gate:n'], 'n');
  b.node('tanh:n', 'pointwise', 285, 105, 'tanh', ['op:n', 'gate:n'], 'n');
  b.node('mul:z', 'pointwise', 150, hy, '×', ['op:z*h', 'gate:z', 'h_prev'], 'z');
  b.node('one-minus', 'pointwise', 190, 80, '1−', ['op:1-z', 'gate:z'], 'z');
  b.node('mul:n', 'pointwise', 320, 80, '×', ['op:(1-z)*n', 'gate:n', 'gate:z'], 'n');
  b.node('add:h', 'pointwise', 320, hy, '+', ['op:h', 'h'], 'h');
  // the hidden-state line
  b.edge(
    'e:h:in',
    [
      [48, hy],
      [150 - R, hy],
    ],
    ['h_prev'],
    'h',
  );
  b.edge(
    'e:h:mid',
    [
      [150 + R, hy],
      [320 - R, hy],
    ],
    ['op:z*h'],
    'h',
  );
  b.edge(
    'e:h:out',
    [
      [320 + R, hy],
      [352, hy],
    ],
    ['h'],
    'h',
  );
  b.edge(
    'e:h:up',
    [
      [350, hy],
      [350, 24],
    ],
    ['h', 'h_out'],
    'h',
    'fork',
  );
  // h_{t−1} is copied down to the bus, where it merges with x_t
  b.edge(
    'e:h:copy',
    [
      [42, hy],
      [42, by],
      [60, by],
    ],
    ['h_prev'],
    'h',
    'fork',
    false,
  );
  b.edge(
    'e:x',
    [
      [60, 246],
      [60, by],
    ],
    ['x'],
    'x',
    'merge',
    false,
  );
  b.edge(
    'e:bus',
    [
      [60, by],
      [285, by],
    ],
    ['concat'],
    undefined,
    'line',
    false,
  );
  for (const [k, x] of [
    ['r', 100],
    ['z', 150],
    ['hn', 215],
    ['in', 285],
  ] as const)
    b.edge(
      `e:bus:${k}`,
      [
        [x, by],
        [x, ly + LH / 2],
      ],
      ['concat'],
      undefined,
      'fork',
    );
  // reset gate scales the recurrent part of the candidate
  b.edge(
    'e:r',
    [
      [100, ly - LH / 2],
      [100, 140],
      [215 - R, 140],
    ],
    ['gate:r'],
    'r',
  );
  b.edge(
    'e:hn',
    [
      [215, ly - LH / 2],
      [215, 140 + R],
    ],
    ['W_hn'],
    'n',
  );
  b.edge(
    'e:rhn',
    [
      [215 + R, 140],
      [285 - R, 140],
    ],
    ['op:r*(W_hn h)'],
    'n',
  );
  b.edge(
    'e:in',
    [
      [285, ly - LH / 2],
      [285, 140 + R],
    ],
    ['W_in'],
    'n',
  );
  b.edge(
    'e:pre-n',
    [
      [285, 140 - R],
      [285, 105 + R],
    ],
    ['op:n'],
    'n',
  );
  b.edge(
    'e:n',
    [
      [285 + R, 105],
      [320, 105],
      [320, 80 + R],
    ],
    ['gate:n'],
    'n',
  );
  // update gate: z keeps the old state, 1 − z admits the candidate
  b.edge(
    'e:z',
    [
      [150, ly - LH / 2],
      [150, hy + R],
    ],
    ['gate:z'],
    'z',
  );
  b.edge(
    'e:z:fork',
    [
      [150, 80],
      [190 - R, 80],
    ],
    ['gate:z'],
    'z',
    'fork',
  );
  b.edge(
    'e:1-z',
    [
      [190 + R, 80],
      [320 - R, 80],
    ],
    ['op:1-z'],
    'z',
  );
  b.edge(
    'e:zn',
    [
      [320, 80 - R],
      [320, hy + R],
    ],
    ['op:(1-z)*n'],
    'n',
  );
  return b.done();
}

/** The inside of one cell of the given kind. */
export function layoutCell(cell: CellKind): CellDiagramLayout {
  if (cell === 'lstm') return lstmCell();
  if (cell === 'gru') return gruCell();
  return rnnCell(cell);
}

/** Every part name a layout knows (for a stepper's equation ↔ diagram links). */
export function partsOf(layout: CellDiagramLayout): string[] {
  const s = new Set<string>();
  for (const n of layout.nodes) for (const p of n.parts) s.add(p);
  for (const e of layout.edges) for (const p of e.parts) s.add(p);
  return [...s].sort();
}

/** The nodes and edges that show a part. */
export function matchPart(
  layout: CellDiagramLayout,
  part: string | null | undefined,
): { nodes: Set<string>; edges: Set<string> } {
  const nodes = new Set<string>();
  const edges = new Set<string>();
  if (!part) return { nodes, edges };
  for (const n of layout.nodes) if (n.parts.includes(part)) nodes.add(n.id);
  for (const e of layout.edges) if (e.parts.includes(part)) edges.add(e.id);
  return { nodes, edges };
}
