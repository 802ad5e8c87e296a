/**
 * gate-inspector's numbers: run a character-level GRU or LSTM over a typed sequence and collect, per
 * gate, a (units × time) strip of values, with an optional extra forget-gate bias for the LSTM.
 * Pure: no React, DOM or store. Any network that reads token ids over a character vocabulary works
 * (a fresh seeded one here; a trained one can be passed as an `InspectorModel` later).
 */
import {
  createNetwork,
  createRng,
  forward,
  fromStateDict,
  type Network,
  toStateDict,
  traceStep,
} from '../../engine';
import { splitGraphemes, UNK } from '../../engine/text';

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

/** A copy of an LSTM with `bias` added to every unit's forget-gate bias b_if (rows H…2H of bias_ih). */
export function withForgetBias(net: Network, bias: number): Network {
  if (net.config.mode !== 'LSTM' || bias === 0) return net;
  const copy = createNetwork({
    mode: 'LSTM',
    inputSize: net.config.inputSize,
    hiddenSize: net.config.hiddenSize,
    numLayers: net.config.numLayers,
    dtype: net.config.dtype,
  });
  fromStateDict(copy, toStateDict(net));
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

/** Runs the model over the ids (batch of one, layer 0) and gathers every strip. */
export function inspect(net: Network, ids: readonly number[], cell: GateCell): Inspection {
  const T = ids.length;
  const H = net.config.hiddenSize;
  const strips: Partial<Record<StripName, Float64Array>> = {};
  if (T === 0) return { T, H, strips };
  for (const s of STRIPS[cell]) strips[s] = new Float64Array(H * T);
  const trace = forward(net, { shape: [T, 1], tokens: ids }, null, null, { fresh: true });
  for (let t = 0; t < T; t++) {
    const rec = traceStep(trace, 0, 0, t);
    for (const s of STRIPS[cell]) {
      const src = s === 'h' ? rec.h : s === 'c' ? rec.c : rec.gates[s];
      if (!src) continue;
      const dst = strips[s] as Float64Array;
      for (let u = 0; u < H; u++) dst[u * T + t] = src.data[u];
    }
  }
  return { T, H, strips };
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
