/**
 * The stepper's model: pure functions, every number from `src/engine`. A configuration (cell, layers,
 * directions, sequence, seed) is run once, forward and backward (`buildRun`, memoised by the widget);
 * stepping only reads the arrays kept here (`stepDetail`, `positionOf`).
 *
 * Conventions follow the book (d2l's row vectors): x_t is a 1 × I row, W_x· is I × h (PyTorch's
 * weight_ih transposed), so X_t W_xh picks the row of the current character. All displayed products
 * are recomputed here from the engine's parameters and checked against the engine's own
 * pre-activations by the unit tests.
 */
import {
  backward,
  createNetwork,
  createRng,
  type FloatArray,
  forward,
  type Mode,
  type Network,
  type StepRecord,
  traceStep,
} from '../../engine';
import { splitGraphemes, UNK, Vocab } from '../../engine/text';

export type CellKind = 'rnn' | 'gru' | 'lstm' | 'jordan';
export type StepMode = 'forward' | 'backward';

export const CELLS: readonly CellKind[] = ['rnn', 'gru', 'lstm', 'jordan'];
/** Longest sequence the stepper unrolls. */
export const MAX_LENGTH = 16;
/** Most distinct characters the one-hot vocabulary holds; the rarest beyond it read as <unk>. */
export const MAX_VOCAB = 10;
/** Hidden size h of every layer: small enough to print every number. */
export const HIDDEN = 4;
export const MAX_LAYERS = 3;

const MODE: Record<CellKind, Mode> = { rnn: 'RNN_TANH', gru: 'GRU', lstm: 'LSTM', jordan: 'JORDAN_TANH' };

/** Gate letters in the engine's block order, and sub-steps (phases) of one cell step. */
export const GATES: Record<CellKind, readonly string[]> = {
  rnn: ['h'],
  jordan: ['h'],
  gru: ['r', 'z', 'n'],
  lstm: ['i', 'f', 'g', 'o'],
};
export const PHASES: Record<CellKind, number> = { rnn: 1, jordan: 2, gru: 3, lstm: 4 };

// ---------------------------------------------------------------------------------------------
// The sequence

export type SequenceIssue =
  | { kind: 'empty' }
  | { kind: 'truncated'; length: number; max: number }
  | { kind: 'control'; count: number }
  | { kind: 'unknown'; chars: string[]; max: number };

export interface ParsedSequence {
  /** The characters unrolled (at most MAX_LENGTH), as typed after cleaning. */
  tokens: string[];
  /** The one-hot vocabulary, in order (may start with <unk> when characters fell outside). */
  vocab: string[];
  /** Index of each token in `vocab`. */
  ids: number[];
  issues: SequenceIssue[];
}

/**
 * Splits what the reader typed into characters with the engine's text pipeline (grapheme clusters,
 * NFC), drops control characters, caps the length and builds the vocabulary (the engine's `Vocab`:
 * most frequent first, ties by code point). Never throws; problems come back as `issues`.
 */
export function parseSequence(raw: string): ParsedSequence {
  const issues: SequenceIssue[] = [];
  const text = typeof raw === 'string' ? raw.normalize('NFC') : '';
  let control = 0;
  const all = splitGraphemes(text).filter((g) => {
    const bad = /^[\p{Cc}\p{Cs}\uFFFD]+$/u.test(g);
    if (bad) control++;
    return !bad;
  });
  if (control) issues.push({ kind: 'control', count: control });
  if (all.length === 0) {
    issues.push({ kind: 'empty' });
    return { tokens: [], vocab: [], ids: [], issues };
  }
  const tokens = all.slice(0, MAX_LENGTH);
  if (all.length > MAX_LENGTH) issues.push({ kind: 'truncated', length: all.length, max: MAX_LENGTH });
  const v = Vocab.build(tokens, { maxSize: MAX_VOCAB + 1 });
  const encoded = Array.from(v.encode(tokens));
  const unknown = [...new Set(tokens.filter((_, k) => encoded[k] === v.unkId))];
  if (unknown.length) {
    issues.push({ kind: 'unknown', chars: unknown, max: MAX_VOCAB });
    return { tokens, vocab: [...v.tokens], ids: encoded, issues };
  }
  // no <unk> needed: the one-hot covers only the characters that occur
  return { tokens, vocab: v.tokens.slice(1), ids: encoded.map((id) => id - 1), issues };
}

/** How a character is printed in labels: a space as ␣, <unk> as ?. */
export function showChar(ch: string): string {
  if (ch === UNK) return '⟨unk⟩';
  if (ch === ' ') return '␣';
  if (/^\s$/u.test(ch)) return '⍽';
  return ch;
}

// ---------------------------------------------------------------------------------------------
// A run: one configuration, forward and backward once

export interface StepperConfig {
  cell: CellKind;
  layers: number;
  bidirectional: boolean;
  sequence: string;
  seed: number;
}

export interface Run {
  /** The configuration actually run (a Jordan network has one layer and one direction). */
  config: StepperConfig;
  parsed: ParsedSequence;
  T: number;
  L: number;
  D: 1 | 2;
  H: number;
  net: Network;
  /** records[l][d][t]: what the engine's trace holds for each cell (traceStep copies). */
  records: StepRecord[][][];
  /** Loss L = g · o_T, with o_T the top layer's output at the last step (both directions). */
  g: Float64Array;
  loss: number;
  /** dh[l][d][t], dc[l][d][t] (LSTM): the engine's total ∂L/∂h_t, ∂L/∂c_t (copies, length H). */
  dh: Float64Array[][][];
  dc: Float64Array[][][] | null;
  /** Largest |value| over weights, over activations, over gradients: fixed colour scales per run. */
  maxAbs: { weights: number; values: number; grads: number };
}

/** Clamp and resolve the configuration (Jordan: one layer, one direction; layers 1–3). */
export function effectiveConfig(c: StepperConfig): StepperConfig {
  const cell = CELLS.includes(c.cell) ? c.cell : 'rnn';
  const layers = Math.min(MAX_LAYERS, Math.max(1, Math.round(Number.isFinite(c.layers) ? c.layers : 1)));
  return {
    cell,
    layers: cell === 'jordan' ? 1 : layers,
    bidirectional: cell === 'jordan' ? false : !!c.bidirectional,
    sequence: c.sequence,
    seed: Number.isFinite(c.seed) ? Math.floor(Math.abs(c.seed)) % 1_000_000 : 1,
  };
}

const maxAbs = (a: ArrayLike<number>, m = 0) => {
  for (let k = 0; k < a.length; k++) if (Number.isFinite(a[k]) && Math.abs(a[k]) > m) m = Math.abs(a[k]);
  return m;
};

/** Runs a configuration forward and backward. Returns null when the sequence is empty. */
export function buildRun(input: StepperConfig): Run | null {
  const config = effectiveConfig(input);
  const parsed = parseSequence(config.sequence);
  const T = parsed.tokens.length;
  if (T === 0) return null;
  const L = config.layers;
  const D: 1 | 2 = config.bidirectional ? 2 : 1;
  const H = HIDDEN;
  const rng = createRng(config.seed);
  const net = createNetwork(
    {
      mode: MODE[config.cell],
      inputSize: parsed.vocab.length,
      hiddenSize: H,
      numLayers: L,
      bidirectional: D === 2,
      dtype: 'float64',
    },
    rng,
  );
  const trace = forward(net, { shape: [T, 1], tokens: parsed.ids }, undefined, undefined, { fresh: true });
  const records: StepRecord[][][] = [];
  for (let l = 0; l < L; l++) {
    records.push([]);
    for (let d = 0; d < D; d++) {
      records[l].push([]);
      for (let t = 0; t < T; t++) records[l][d].push(traceStep(trace, l, d, t));
    }
  }
  // the loss: a fixed seeded direction g in output space, L = g · o_T
  const HD = H * D;
  const g = new Float64Array(HD);
  for (let k = 0; k < HD; k++) g[k] = rng.normal();
  const out = trace.output.data;
  let loss = 0;
  for (let k = 0; k < HD; k++) loss += g[k] * out[(T - 1) * HD + k];
  const gradOutput = { shape: [T, 1, HD], data: new Float64Array(T * HD) };
  gradOutput.data.set(g, (T - 1) * HD);
  const grads = backward(net, trace, { gradOutput });
  const copy = (src: FloatArray, t: number) => Float64Array.from(src.subarray(t * H, (t + 1) * H));
  const dh = grads.dh.map((dirs) =>
    dirs.map((ten) => Array.from({ length: T }, (_, t) => copy(ten.data, t))),
  );
  const dc = grads.dc
    ? grads.dc.map((dirs) => dirs.map((ten) => Array.from({ length: T }, (_, t) => copy(ten.data, t))))
    : null;

  let mw = 0;
  for (const dirs of net.params)
    for (const p of dirs)
      for (const ten of [p.wIh, p.wHh, p.bIh, p.bHh, p.wHy, p.bY]) if (ten) mw = maxAbs(ten.data, mw);
  let mv = 0;
  for (const dirs of records)
    for (const steps of dirs)
      for (const r of steps) {
        mv = maxAbs(r.pre.data, mv);
        mv = maxAbs(r.h.data, mv);
        if (r.c) mv = maxAbs(r.c.data, mv);
        if (r.yPrev) mv = maxAbs(r.yPrev.data, mv);
      }
  let mg = 0;
  for (const dirs of dh) for (const steps of dirs) for (const v of steps) mg = maxAbs(v, mg);
  return {
    config,
    parsed,
    T,
    L,
    D,
    H,
    net,
    records,
    g,
    loss,
    dh,
    dc,
    maxAbs: { weights: mw || 1, values: Math.max(1, mv), grads: mg || 1 },
  };
}

// ---------------------------------------------------------------------------------------------
// The schedule: which cells a position computes

export interface Position {
  /** Index on the timeline, 0 … count − 1. */
  index: number;
  layer: number;
  /** Time index of the forward-direction cell (0-based). */
  t: number;
  /** Time index of the reverse-direction cell, when there is one. */
  tRev: number;
}

/** Number of positions on the timeline: every layer's T steps, bottom layer first (top first backward). */
export function positionCount(run: Pick<Run, 'T' | 'L'>): number {
  return run.T * run.L;
}

/**
 * Position `index`. Forward: layer by layer from the bottom, each layer's forward direction left to
 * right while its reverse direction goes right to left (as nn.RNN computes a bidirectional stack).
 * Backward: the same cells in the opposite order, top layer first, from t = T down to 1.
 */
export function positionOf(run: Pick<Run, 'T' | 'L'>, index: number, mode: StepMode): Position {
  const { T, L } = run;
  const i = clampIndex(run, index);
  const block = Math.floor(i / T);
  const k = i % T;
  if (mode === 'forward') return { index: i, layer: block, t: k, tRev: T - 1 - k };
  return { index: i, layer: L - 1 - block, t: T - 1 - k, tRev: k };
}

export function clampIndex(run: Pick<Run, 'T' | 'L'>, index: number): number {
  const n = positionCount(run);
  if (!Number.isFinite(index)) return 0;
  return Math.min(n - 1, Math.max(0, Math.round(index)));
}

/** The time index a position shows for direction `dir`. */
export const timeOf = (p: Position, dir: number) => (dir === 0 ? p.t : p.tRev);

/** Where a cell (layer, dir, t) sits relative to a position: done, current or still to come. */
export function cellStatus(
  run: Pick<Run, 'T' | 'L'>,
  p: Position,
  mode: StepMode,
  layer: number,
  dir: number,
  t: number,
): 'done' | 'current' | 'future' {
  // its own index on the timeline
  const k = mode === 'forward' ? (dir === 0 ? t : run.T - 1 - t) : dir === 0 ? run.T - 1 - t : t;
  const block = mode === 'forward' ? layer : run.L - 1 - layer;
  const idx = block * run.T + k;
  return idx < p.index ? 'done' : idx === p.index ? 'current' : 'future';
}

// ---------------------------------------------------------------------------------------------
// One step in detail

/** A matrix as the book writes it (rows × cols, row-major). */
export interface Mat {
  rows: number;
  cols: number;
  data: Float64Array;
}

export interface StepDetail {
  layer: number;
  dir: number;
  t: number;
  cell: CellKind;
  /** x_t (1 × I); for layer 0 a one-hot row over the vocabulary. */
  x: Float64Array;
  /** Labels of x_t's entries: the vocabulary, or the units of the layer below. */
  xLabels: string[];
  /** Row of W_x that x_t selects (layer 0), else null. */
  xRow: number | null;
  hPrev: Float64Array;
  cPrev: Float64Array | null;
  /** Jordan: the fed-back output o_{t−1} = h_{t−1} W_hq + b_q. */
  yPrev: Float64Array | null;
  /** W_x = [W_x·] (I × G·h), W_h = [W_h·] (h × G·h) (Jordan: W_qh, q × h), gate blocks side by side. */
  Wx: Mat;
  Wh: Mat;
  /** The two biases (1 × G·h each): PyTorch keeps b_ih and b_hh; the book's b is their sum. */
  bx: Float64Array;
  bh: Float64Array;
  /** b_ih + b_hh (1 × G·h). */
  b: Float64Array;
  /** Jordan's read-out W_hq (h × q) and b_q. */
  Why: Mat | null;
  by: Float64Array | null;
  /** X_t W_x and H_{t−1} W_h (Jordan: O_{t−1} W_qh) (1 × G·h), computed here from the parameters. */
  xW: Float64Array;
  hW: Float64Array;
  /** The engine's pre-activations (1 × G·h). */
  pre: Float64Array;
  /** The engine's gates by letter (1 × h each). */
  gates: Record<string, Float64Array>;
  c: Float64Array | null;
  h: Float64Array;
  /** Named intermediate values of the pointwise operations (keys as in the cell diagram's parts). */
  ops: Record<string, Float64Array>;
}

const f64 = (a: ArrayLike<number>) => Float64Array.from(a as ArrayLike<number>);

/** The transpose of PyTorch's (G·h, I) weight: the book's (I, G·h). */
function transposed(data: FloatArray, rows: number, cols: number): Mat {
  const out = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * rows + r] = data[r * cols + c];
  return { rows: cols, cols: rows, data: out };
}

/** Row vector times matrix: (1 × m) · (m × n). */
export function rowTimes(v: ArrayLike<number>, m: Mat): Float64Array {
  const out = new Float64Array(m.cols);
  for (let i = 0; i < m.rows; i++) {
    const a = v[i];
    if (a === 0) continue;
    for (let j = 0; j < m.cols; j++) out[j] += a * m.data[i * m.cols + j];
  }
  return out;
}

const mapPair = (a: Float64Array, b: Float64Array, f: (x: number, y: number) => number) =>
  a.map((x, k) => f(x, b[k]));

/** Everything the detailed view shows for cell (layer, dir, t), read from the run. */
/** Weights and labels of one layer and direction, made once per run (so views can skip re-drawing them). */
interface Shared {
  Wx: Mat;
  Wh: Mat;
  bx: Float64Array;
  bh: Float64Array;
  /** b_ih + b_hh, the book's single bias. */
  b: Float64Array;
  Why: Mat | null;
  by: Float64Array | null;
  xLabels: string[];
}
const sharedCache = new WeakMap<Run, Map<string, Shared>>();

function sharedOf(run: Run, layer: number, dir: number): Shared {
  let byKey = sharedCache.get(run);
  if (!byKey) {
    byKey = new Map();
    sharedCache.set(run, byKey);
  }
  const key = `${layer}:${dir}`;
  const hit = byKey.get(key);
  if (hit) return hit;
  const cell = run.config.cell;
  const p = run.net.params[layer][dir];
  const H = run.H;
  const G = GATES[cell].length;
  const I = p.wIh.shape[1];
  const jordan = cell === 'jordan';
  const O = jordan ? (p.wHy?.shape[0] ?? H) : H;
  const zeros = new Float64Array(G * H);
  const bx = p.bIh ? f64(p.bIh.data) : zeros;
  const bh = p.bHh ? f64(p.bHh.data) : zeros;
  const shared: Shared = {
    Wx: transposed(p.wIh.data, G * H, I),
    Wh: transposed(p.wHh.data, G * H, jordan ? O : H),
    bx,
    bh,
    b: bx.map((v, k) => v + bh[k]),
    Why: jordan && p.wHy ? transposed(p.wHy.data, O, H) : null,
    by: jordan && p.bY ? f64(p.bY.data) : null,
    xLabels:
      layer === 0
        ? run.parsed.vocab.map(showChar)
        : Array.from({ length: I }, (_, k) =>
            run.D === 2 ? `${k < H ? '→' : '←'}${(k % H) + 1}` : `h${k + 1}`,
          ),
  };
  byKey.set(key, shared);
  return shared;
}

export function stepDetail(run: Run, layer: number, dir: number, t: number): StepDetail {
  const cell = run.config.cell;
  const rec = run.records[layer][dir][t];
  const H = run.H;
  const { Wx, Wh, bx, bh, b, Why, by, xLabels } = sharedOf(run, layer, dir);
  const x = f64(rec.x.data);
  const hPrev = f64(rec.hPrev.data);
  const yPrev = rec.yPrev ? f64(rec.yPrev.data) : null;
  const xW = rowTimes(x, Wx);
  const hW = rowTimes(yPrev ?? hPrev, Wh);
  const gates: Record<string, Float64Array> = {};
  for (const [name, ten] of Object.entries(rec.gates)) gates[name] = f64(ten.data);
  const c = rec.c ? f64(rec.c.data) : null;
  const cPrev = rec.cPrev ? f64(rec.cPrev.data) : null;
  const h = f64(rec.h.data);
  const ops: Record<string, Float64Array> = {};
  const block = (v: Float64Array, k: number) => v.slice(k * H, (k + 1) * H);
  if (cell === 'lstm' && c && cPrev) {
    ops['op:f*c'] = mapPair(gates.f, cPrev, (a, b) => a * b);
    ops['op:i*g'] = mapPair(gates.i, gates.g, (a, b) => a * b);
    ops['op:tanh(c)'] = c.map(Math.tanh);
  } else if (cell === 'gru') {
    ops['op:r*(W_hn h)'] = mapPair(gates.r, block(hW, 2), (r, v) => r * v).map(
      (v, k) => v + gates.r[k] * bh[2 * H + k],
    );
    ops['op:z*h'] = mapPair(gates.z, hPrev, (a, b) => a * b);
    ops['op:1-z'] = gates.z.map((z) => 1 - z);
    ops['op:(1-z)*n'] = mapPair(gates.z, gates.n, (z, n) => (1 - z) * n);
  }
  const xRow = layer === 0 ? run.parsed.ids[t] : null;
  return {
    layer,
    dir,
    t,
    cell,
    x,
    xLabels,
    xRow,
    hPrev,
    cPrev,
    yPrev,
    Wx,
    Wh,
    bx,
    bh,
    b,
    Why,
    by,
    xW,
    hW,
    pre: f64(rec.pre.data),
    gates,
    c,
    h,
    ops,
  };
}

/**
 * The pre-activations recomputed from the displayed terms: X W_x + b_ih + H W_h + b_hh (GRU's
 * candidate block: X W_xn + b_in + r ⊙ (H W_hn + b_hn)). Equal to the engine's `pre` (tests).
 */
export function recomposePre(d: StepDetail, H: number): Float64Array {
  const out = new Float64Array(d.pre.length);
  for (let j = 0; j < out.length; j++) {
    if (d.cell === 'gru' && j >= 2 * H)
      out[j] = d.xW[j] + d.bx[j] + d.gates.r[j - 2 * H] * (d.hW[j] + d.bh[j]);
    else out[j] = d.xW[j] + d.bx[j] + d.hW[j] + d.bh[j];
  }
  return out;
}

/** The live value of a named part (the cell diagram's part names), for the equations' read-out. */
export function partValue(
  d: StepDetail,
  part: string,
  H: number,
): { kind: 'vector'; values: Float64Array } | { kind: 'matrix'; mat: Mat } | null {
  const vec = (values: Float64Array | null | undefined) =>
    values ? { kind: 'vector' as const, values } : null;
  if (part === 'x') return vec(d.x);
  if (part === 'h_prev') return vec(d.hPrev);
  if (part === 'c_prev') return vec(d.cPrev);
  if (part === 'y_prev') return vec(d.yPrev);
  if (part === 'h' || part === 'h_out') return vec(d.h);
  if (part === 'c' || part === 'op:c') return vec(d.c);
  if (part === 'a') return vec(d.pre);
  if (part.startsWith('gate:'))
    return vec(d.gates[part.slice(5)] ?? (d.cell !== 'gru' && d.cell !== 'lstm' ? d.h : null));
  if (part.startsWith('op:'))
    return vec(d.ops[part] ?? (part === 'op:h' ? d.h : part === 'op:n' ? d.gates.n : null));
  const letters = GATES[d.cell];
  const slice = (m: Mat, k: number): Mat => {
    const data = new Float64Array(m.rows * H);
    for (let r = 0; r < m.rows; r++)
      for (let j = 0; j < H; j++) data[r * H + j] = m.data[r * m.cols + k * H + j];
    return { rows: m.rows, cols: H, data };
  };
  const m = /^W_([xhy])([a-z]+)$/.exec(part);
  if (m) {
    const which = m[1] === 'x' ? d.Wx : d.Wh;
    if (d.cell === 'rnn' || d.cell === 'jordan') return { kind: 'matrix', mat: which };
    const gate = d.cell === 'gru' && (m[2] === 'n' || m[2] === 'h') ? 'n' : m[2];
    const k = letters.indexOf(gate);
    return k >= 0 ? { kind: 'matrix', mat: slice(which, k) } : null;
  }
  if (part === 'W_in') return { kind: 'matrix', mat: slice(d.Wx, 2) };
  if (part === 'W_hn') return { kind: 'matrix', mat: slice(d.Wh, 2) };
  if (part === 'W_hq') return d.Why ? { kind: 'matrix', mat: d.Why } : null;
  if (part === 'b_q') return vec(d.by);
  const block = (v: Float64Array, k: number) => v.slice(k * H, (k + 1) * H);
  if (part === 'b_in') return vec(block(d.bx, 2));
  if (part === 'b_hn') return vec(block(d.bh, 2));
  const b = /^b_([a-z])$/.exec(part);
  if (b) {
    const k = part === 'b_h' ? 0 : letters.indexOf(b[1]);
    return k >= 0 ? vec(block(d.bx, k).map((v, j) => v + d.bh[k * H + j])) : null;
  }
  return null;
}

/** ‖v‖₂. */
export function norm(v: ArrayLike<number>): number {
  let s = 0;
  for (let k = 0; k < v.length; k++) s += v[k] * v[k];
  return Math.sqrt(s);
}

/** The next seed after `seed` (deterministic, so a shared link replays exactly). */
export function nextSeed(seed: number): number {
  return (Math.imul((seed >>> 0) ^ 0x5bd1e995, 0x27d4eb2d) >>> 0) % 1_000_000;
}
