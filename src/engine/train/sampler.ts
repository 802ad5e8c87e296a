/**
 * Sampling from a character language model: temperature, top-k and greedy decoding, from a prefix.
 * The id 0 (`<unk>`) is never generated. Unknown prefix characters are reported and read as `<unk>`.
 */
import { headForward } from '../head.ts';
import { type LanguageModel, lmRnnInput } from '../lm.ts';
import { forward } from '../network.ts';
import type { Rng } from '../random.ts';
import type { FloatArray, Tensor } from '../tensor.ts';
import type { Vocab } from '../text/index.ts';
import { splitGraphemesChunked } from './corpus.ts';

export interface SampleOptions {
  /** Text the model reads first; it starts the output. */
  prefix: string;
  /** Characters to generate after the prefix. */
  length: number;
  /** Softmax temperature (> 0); ≤ 0 means greedy. Default 1. */
  temperature?: number;
  /** Keep only the k most likely characters (0 or absent: all). */
  topK?: number;
  /** Always take the most likely character. */
  greedy?: boolean;
  /** Seed of this sample's random draws (default 0). */
  seed?: number;
}

export interface SampleResult {
  /** prefix + generated */
  text: string;
  prefix: string;
  generated: string;
  /** Distinct prefix characters that are not in the vocabulary (read as `<unk>`). */
  unknown: string[];
}

export const MAX_SAMPLE_LENGTH = 5000;

/** Perplexity of a mean cross-entropy (nats): exp(loss). */
export function perplexity(meanLoss: number): number {
  return Math.exp(meanLoss);
}

/**
 * Picks the next id from `logits` (length V). Greedy (or temperature ≤ 0): the arg-max. Otherwise a
 * draw from softmax(logits / temperature) restricted to the top k. Id 0 (`<unk>`) is excluded when V > 1.
 */
export function pickToken(
  logits: ArrayLike<number>,
  options: { temperature?: number; topK?: number; greedy?: boolean },
  rng: Rng,
): number {
  const V = logits.length;
  const first = V > 1 ? 1 : 0;
  const temperature = options.temperature ?? 1;
  let best = first;
  for (let v = first + 1; v < V; v++) if (logits[v] > logits[best]) best = v;
  if (options.greedy || !(temperature > 0) || !Number.isFinite(logits[best])) return best;
  let threshold = -Infinity;
  const k = Math.floor(options.topK ?? 0);
  if (k > 0 && k < V - first) {
    const sorted = Float64Array.from({ length: V - first }, (_, i) => logits[i + first]).sort();
    threshold = sorted[sorted.length - k];
  }
  const m = logits[best];
  let z = 0;
  for (let v = first; v < V; v++) if (logits[v] >= threshold) z += Math.exp((logits[v] - m) / temperature);
  let u = rng.next() * z;
  for (let v = first; v < V; v++) {
    if (logits[v] < threshold) continue;
    u -= Math.exp((logits[v] - m) / temperature);
    if (u <= 0) return v;
  }
  return best;
}

/** Runs the model one character at a time (T = 1, B = 1), carrying h (and c). */
export class StepRunner {
  private readonly h: Tensor;
  private readonly c: Tensor | null;
  private readonly logits: Float32Array;
  private readonly input = { shape: [1, 1] as [number, number], tokens: new Int32Array(1) };

  constructor(private readonly model: LanguageModel) {
    const { numLayers, directions, hiddenSize, mode } = model.rnn.config;
    const n = numLayers * directions * hiddenSize;
    const shape = [numLayers * directions, 1, hiddenSize];
    this.h = { shape, data: new Float32Array(n) };
    this.c = mode === 'LSTM' ? { shape, data: new Float32Array(n) } : null;
    this.logits = new Float32Array(model.vocabSize);
  }

  reset(): void {
    this.h.data.fill(0);
    this.c?.data.fill(0);
  }

  /** Reads one id; returns the logits of the next (a view, valid until the next call). */
  feed(id: number): Float32Array {
    this.input.tokens[0] = id;
    const tr = forward(this.model.rnn, lmRnnInput(this.model, this.input), this.h, this.c);
    this.h.data.set(tr.hN.data);
    if (this.c && tr.cN) this.c.data.set(tr.cN.data);
    headForward(this.model.head, tr.output.data as FloatArray, 1, this.logits);
    return this.logits;
  }
}

/** Generates text from `model` (best on the TS backend: it only ever runs T = 1, B = 1). */
export function generate(
  model: LanguageModel,
  vocab: Vocab,
  options: SampleOptions,
  rng: Rng,
  runner: StepRunner = new StepRunner(model),
): SampleResult {
  const it = generateIncremental(model, vocab, options, rng, runner);
  for (;;) {
    const r = it.next();
    if (r.done) return r.value;
  }
}

/** `generate`, yielding the number of characters read or written so far after each one. */
export function* generateIncremental(
  model: LanguageModel,
  vocab: Vocab,
  options: SampleOptions,
  rng: Rng,
  runner: StepRunner = new StepRunner(model),
): Generator<number, SampleResult> {
  let count = 0;
  const length = Math.max(0, Math.min(MAX_SAMPLE_LENGTH, Math.floor(options.length)));
  const prefixTokens = splitGraphemesChunked(options.prefix ?? '');
  const unknown: string[] = [];
  for (const t of prefixTokens) if (vocab.id(t) === vocab.unkId && !unknown.includes(t)) unknown.push(t);
  runner.reset();
  let logits: Float32Array | null = null;
  for (const t of prefixTokens) {
    logits = runner.feed(vocab.id(t));
    yield ++count;
  }
  if (!logits) {
    // no prefix: start as after a line break (or the most frequent character)
    const nl = vocab.id('\n');
    logits = runner.feed(nl !== vocab.unkId ? nl : Math.min(1, vocab.size - 1));
  }
  let generated = '';
  for (let i = 0; i < length; i++) {
    const id = pickToken(logits, options, rng);
    generated += vocab.tokens[id];
    if (i + 1 < length) logits = runner.feed(id);
    yield ++count;
  }
  const prefix = prefixTokens.join('');
  return { text: prefix + generated, prefix, generated, unknown };
}
