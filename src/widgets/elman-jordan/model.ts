/**
 * elman-jordan, the numbers: one short sequence through an Elman network (RNN_TANH: h_{t−1} fed back, with
 * a linear output layer o_t = W_hq h_t + b_q) and a Jordan network (JORDAN_TANH: the previous output
 * o_{t−1} = W_hy h_{t−1} + b_y fed back), both from the same seed. The vocabulary is the sequence's own
 * characters, so the output is a vector of scores over them (one per character, as for next-character
 * prediction), and the two networks carry vectors of different sizes: H for Elman, O = |V| for Jordan.
 */
import { createHead, createNetwork, createRng, forward, headForward, traceStep } from '../../engine';
import { splitGraphemes } from '../../engine/text';

export const HIDDEN = 5;
export const MAX_LENGTH = 8;
export const MAX_VOCAB = 8;

export type Parsed =
  | { ok: true; chars: string[]; vocab: string[]; ids: Int32Array; truncated: boolean }
  | { ok: false; reason: 'empty' };

/** Graphemes of the typed text (line breaks become spaces), cut at MAX_LENGTH; vocabulary by first use. */
export function parseSequence(text: string): Parsed {
  const all = splitGraphemes(text.replace(/[\r\n\t]+/g, ' '));
  if (all.length === 0 || all.every((ch) => ch === ' ')) return { ok: false, reason: 'empty' };
  const chars = all.slice(0, MAX_LENGTH);
  const vocab = [...new Set(chars)];
  return {
    ok: true,
    chars,
    vocab,
    ids: Int32Array.from(chars, (ch) => vocab.indexOf(ch)),
    truncated: all.length > MAX_LENGTH,
  };
}

/** What one network saw and computed at step t (0-based). */
export interface Step {
  t: number;
  /** The vector fed back into this step: h_{t−1} (Elman) or o_{t−1} (Jordan). */
  carried: number[];
  h: number[];
  o: number[];
}

export interface Run {
  kind: 'elman' | 'jordan';
  /** Size of the fed-back vector. */
  carriedSize: number;
  steps: Step[];
}

const rows = (data: ArrayLike<number>, T: number, width: number) =>
  Array.from({ length: T }, (_, t) => Array.from({ length: width }, (_, j) => data[t * width + j]));

export function runElman(ids: Int32Array, vocabSize: number, seed: number): Run {
  const rng = createRng(seed);
  const net = createNetwork({ mode: 'RNN_TANH', inputSize: vocabSize, hiddenSize: HIDDEN }, rng);
  const head = createHead(HIDDEN, vocabSize, { rng });
  const T = ids.length;
  const trace = forward(net, { shape: [T, 1], tokens: ids });
  const logits = new Float64Array(T * vocabSize);
  headForward(head, trace.output.data, T, logits);
  const o = rows(logits, T, vocabSize);
  const steps = Array.from({ length: T }, (_, t) => {
    const s = traceStep(trace, 0, 0, t);
    return { t, carried: Array.from(s.hPrev.data), h: Array.from(s.h.data), o: o[t] };
  });
  return { kind: 'elman', carriedSize: HIDDEN, steps };
}

export function runJordan(ids: Int32Array, vocabSize: number, seed: number): Run {
  const net = createNetwork(
    { mode: 'JORDAN_TANH', inputSize: vocabSize, hiddenSize: HIDDEN, outputSize: vocabSize },
    createRng(seed),
  );
  const T = ids.length;
  const trace = forward(net, { shape: [T, 1], tokens: ids });
  const p = net.params[0][0];
  const wHy = p.wHy!.data;
  const bY = p.bY!.data;
  const steps = Array.from({ length: T }, (_, t) => {
    const s = traceStep(trace, 0, 0, t);
    const h = Array.from(s.h.data);
    // o_t = W_hy h_t + b_y: the vector the next step receives as y_{t}
    const o = Array.from({ length: vocabSize }, (_, k) => {
      let v = bY[k];
      for (let j = 0; j < HIDDEN; j++) v += wHy[k * HIDDEN + j] * h[j];
      return v;
    });
    return { t, carried: Array.from(s.yPrev!.data), h, o };
  });
  return { kind: 'jordan', carriedSize: vocabSize, steps };
}

export function runBoth(ids: Int32Array, vocabSize: number, seed: number) {
  return { elman: runElman(ids, vocabSize, seed), jordan: runJordan(ids, vocabSize, seed) };
}

/** Clamp a step index into [0, T − 1]. */
export function clampStep(t: number, T: number): number {
  if (!Number.isFinite(t) || T <= 0) return 0;
  return Math.min(T - 1, Math.max(0, Math.round(t)));
}

export function nextSeed(seed: number): number {
  return ((Math.imul(seed ^ 0x5bd1e995, 0x27d4eb2d) >>> 0) % 999_999) + 1;
}
