/**
 * gate-inspector's numbers: run a character-level GRU or LSTM over a typed sequence and collect, per
 * gate, a (units × time) strip of values, with an optional extra forget-gate bias for the LSTM.
 * Pure: no React, DOM or store. Any network that reads token ids over a character vocabulary works:
 * a fresh seeded one, or a trained one (`trainedInspectorModel`) with its own vocabulary, many units
 * (`chooseUnits` picks a readable subset) and possibly several layers (`inspect`'s `layer`).
 */
import { createNetwork, createRng, forward, fromStateDict, type Network, traceStep } from '../../engine';
import { splitGraphemes, UNK } from '../../engine/text';
import type { TrainedModelData } from '../shared/trainedModelFile';

export type GateCell = 'gru' | 'lstm';

/** The characters a fresh model knows: `<unk>` first (id 0), then lower-case letters, space, digits, punctuation. */
export const ALPHABET: readonly string[] = [
  UNK,
  ...'abcdefghijklmnopqrstuvwxyz 0123456789.,;:!?\'"-()'.split(''),
];

/** A network reading token ids (inputSize = vocabulary size) and the vocabulary it reads. */
export interface InspectorModel {
  net: Network;
  vocab: readonly string[];
  /** Where it came from, for the caption ('fresh' seeded initialisation, or a trained snapshot). */
  source: 'fresh' | 'trained';
  seed?: number;
  /** A model trained with embedding input: the (V, d) table whose row E[id] the network reads. */
  embedding?: { shape: number[]; data: Float32Array };
}

export const HIDDEN_SIZE = 8;
export const MAX_LENGTH = 40;
export const MAX_FORGET_BIAS = 3;

/** A freshly initialised one-layer model (PyTorch's U(−1/√H, 1/√H)), the same for the same seed. */
export function createFreshModel(cell: GateCell, seed: number, hiddenSize = HIDDEN_SIZE): InspectorModel {
  const net = createNetwork(
    { mode: cell === 'gru' ? 'GRU' : 'LSTM', inputSize: ALPHABET.length, hiddenSize },
    createRng(seed),
  );
  return { net, vocab: ALPHABET, source: 'fresh', seed };
}

/**
 * The network of a trained model (float32, as it was trained), built from its PyTorch-named weights.
 * Throws (with the engine's message naming the parameter) when the weights do not fit the architecture.
 */
export function trainedInspectorModel(data: TrainedModelData): InspectorModel {
  const { 'embedding.weight': embedding, ...weights } = data.weights;
  const net = createNetwork({
    mode: data.cell === 'gru' ? 'GRU' : 'LSTM',
    inputSize: embedding ? embedding.shape[1] : data.vocab.length,
    hiddenSize: data.hidden,
    numLayers: data.layers,
    dtype: 'float32',
  });
  fromStateDict(net, weights);
  return { net, vocab: data.vocab, source: 'trained', ...(embedding ? { embedding } : {}) };
}

/** The cell a network is (the inspector only draws gated ones). */
export function cellOf(net: Network): GateCell {
  return net.config.mode === 'GRU' ? 'gru' : 'lstm';
}

/**
 * A copy of an LSTM with `bias` added to every unit's forget-gate bias b_if (rows H…2H of bias_ih) in
 * every layer. Copies the typed arrays directly: a trained model may hold millions of weights.
 */
export function withForgetBias(net: Network, bias: number): Network {
  if (net.config.mode !== 'LSTM' || bias === 0) return net;
  const copy = createNetwork({
    mode: 'LSTM',
    inputSize: net.config.inputSize,
    hiddenSize: net.config.hiddenSize,
    numLayers: net.config.numLayers,
    dtype: net.config.dtype,
  });
  for (let l = 0; l < net.params.length; l++)
    for (let d = 0; d < net.params[l].length; d++)
      for (const k of ['wIh', 'wHh', 'bIh', 'bHh'] as const) {
        const src = net.params[l][d][k];
        if (src) copy.params[l][d][k]?.data.set(src.data);
      }
  const H = net.config.hiddenSize;
  for (const layer of copy.params) {
    const b = layer[0].bIh;
    if (b) for (let j = H; j < 2 * H; j++) b.data[j] += bias;
  }
  return copy;
}

export interface Encoded {
  chars: string[];
  ids: number[];
  /** Distinct characters not in the vocabulary (read as `<unk>`). */
  unknown: string[];
}

/** Splits into characters (graphemes) and maps each to its id; unknown ones become `<unk>` and are listed. */
export function encode(text: string, vocab: readonly string[], maxLength = MAX_LENGTH): Encoded {
  const index = new Map(vocab.map((t, i) => [t, i]));
  const chars = splitGraphemes(text).slice(0, maxLength);
  const unknown: string[] = [];
  const ids = chars.map((ch) => {
    const id = index.get(ch);
    if (id === undefined || ch === UNK) {
      if (!unknown.includes(ch)) unknown.push(ch);
      return index.get(UNK) ?? 0;
    }
    return id;
  });
  return { chars, ids, unknown };
}

/** Gate names per cell, in the order they are drawn; `c` (LSTM) and `h` are states, not gates. */
export const STRIPS: Record<GateCell, readonly ('r' | 'z' | 'i' | 'f' | 'o' | 'c' | 'h')[]> = {
  gru: ['r', 'z', 'h'],
  lstm: ['i', 'f', 'o', 'c', 'h'],
};

export type StripName = (typeof STRIPS)[GateCell][number];

export interface Inspection {
  T: number;
  H: number;
  /** Each strip is row-major (H units × T steps): value of unit u at step t is at u·T + t. */
  strips: Partial<Record<StripName, Float64Array>>;
}

/** Runs the model over the ids (batch of one) and gathers every strip of one layer (0 = the first). */
export function inspect(
  net: Network,
  ids: readonly number[],
  cell: GateCell,
  layer = 0,
  embedding?: InspectorModel['embedding'],
): Inspection {
  const T = ids.length;
  const H = net.config.hiddenSize;
  const strips: Partial<Record<StripName, Float64Array>> = {};
  if (T === 0) return { T, H, strips };
  const l = Math.min(Math.max(0, Math.round(layer)), net.config.numLayers - 1);
  for (const s of STRIPS[cell]) strips[s] = new Float64Array(H * T);
  const trace = forward(net, inputOf(ids, embedding), null, null, { fresh: true });
  for (let t = 0; t < T; t++) {
    const rec = traceStep(trace, l, 0, t);
    for (const s of STRIPS[cell]) {
      const src = s === 'h' ? rec.h : s === 'c' ? rec.c : rec.gates[s];
      if (!src) continue;
      const dst = strips[s] as Float64Array;
      for (let u = 0; u < H; u++) dst[u * T + t] = src.data[u];
    }
  }
  return { T, H, strips };
}

/** What the network reads: the token ids (one-hot), or the embedding rows E[id] as a (T, 1, d) tensor. */
export function inputOf(
  ids: readonly number[],
  embedding?: InspectorModel['embedding'],
): { shape: [number, number]; tokens: readonly number[] } | { shape: number[]; data: Float32Array } {
  if (!embedding) return { shape: [ids.length, 1], tokens: ids };
  const [V, d] = embedding.shape;
  const data = new Float32Array(ids.length * d);
  ids.forEach((id, t) => {
    if (!(id >= 0 && id < V))
      throw new Error(`gate inspector: token id ${id} outside the embedding's ${V} rows`);
    data.set(embedding.data.subarray(id * d, id * d + d), t * d);
  });
  return { shape: [ids.length, 1, d], data };
}

/** Column t of a strip: the H unit values at step t. */
export function column(strip: Float64Array, H: number, T: number, t: number): number[] {
  return Array.from({ length: H }, (_, u) => strip[u * T + t]);
}

/** Mean over units of |value| at each step (how much the cell remembers, step by step). */
export function meanAbsPerStep(strip: Float64Array, H: number, T: number): number[] {
  return Array.from({ length: T }, (_, t) => {
    let s = 0;
    for (let u = 0; u < H; u++) s += Math.abs(strip[u * T + t]);
    return s / H;
  });
}

/** Mean of every value of a strip. */
export function mean(strip: Float64Array): number {
  let s = 0;
  for (const v of strip) s += v;
  return strip.length ? s / strip.length : 0;
}

/**
 * How long the cell keeps what it was given: the average over units and steps t of the fraction of
 * c_t that survives into c_{t+1} (the forget gate itself), and the product of forget gates over the
 * whole sequence (what is left of c_1 at the end, ignoring new writes).
 */
export function retention(f: Float64Array, H: number, T: number): { meanF: number; survivesToEnd: number } {
  let survives = 0;
  for (let u = 0; u < H; u++) {
    let p = 1;
    for (let t = 1; t < T; t++) p *= f[u * T + t];
    survives += p;
  }
  return { meanF: mean(f), survivesToEnd: H ? survives / H : 0 };
}

/** Which units to draw when there are too many: the first N, or the N most active. */
export type UnitOrder = 'first' | 'active';

/** How much a unit does over the sequence: the mean of |h_t| over the steps (one number per unit). */
export function unitActivity(h: Float64Array, H: number, T: number): number[] {
  return Array.from({ length: H }, (_, u) => {
    let s = 0;
    for (let t = 0; t < T; t++) s += Math.abs(h[u * T + t]);
    return T ? s / T : 0;
  });
}

/**
 * The units to draw (0-based, in increasing order): all of them when there are at most `count`, else
 * the first `count`, or the `count` with the largest mean |h_t| (ties to the lower index).
 */
export function chooseUnits(ins: Inspection, order: UnitOrder, count: number): number[] {
  const { H, T } = ins;
  const n = Math.max(1, Math.min(H, Math.round(count)));
  const all = Array.from({ length: H }, (_, u) => u);
  if (n >= H) return all;
  const h = ins.strips.h;
  if (order === 'first' || !h || T === 0) return all.slice(0, n);
  const act = unitActivity(h, H, T);
  return all
    .sort((a, b) => act[b] - act[a] || a - b)
    .slice(0, n)
    .sort((a, b) => a - b);
}

/** The same inspection with only the given units' rows (in the given order). */
export function subsetInspection(ins: Inspection, units: readonly number[]): Inspection {
  const { T, H } = ins;
  if (units.length === H && units.every((u, k) => u === k)) return ins;
  const strips: Partial<Record<StripName, Float64Array>> = {};
  for (const [name, src] of Object.entries(ins.strips) as [StripName, Float64Array][]) {
    const dst = new Float64Array(units.length * T);
    for (let k = 0; k < units.length; k++) dst.set(src.subarray(units[k] * T, (units[k] + 1) * T), k * T);
    strips[name] = dst;
  }
  return { T, H: units.length, strips };
}

/** A line of each built-in corpus, to read through a model trained on it (all its characters occur there). */
export const CORPUS_LINES: Readonly<Record<string, string>> = {
  tang: '床前明月光，疑是地上霜',
  english: 'And God said, Let there be light',
};

/**
 * The sequence to read first through a trained model: a line of its corpus (the reader's own first line
 * for an own text), or null to keep what is there (a corpus we know nothing about).
 */
export function defaultLine(corpus: string | null, sampleLine?: string): string | null {
  if (sampleLine) return [...sampleLine].slice(0, MAX_LENGTH).join('');
  return (corpus && CORPUS_LINES[corpus]) || null;
}
