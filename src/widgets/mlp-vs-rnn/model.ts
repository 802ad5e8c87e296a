/**
 * mlp-vs-rnn, the numbers: a task whose answer depends on an earlier element ("is x_t the same symbol as
 * x_{t−2}?"), a per-step MLP and an RNN trained on it with the engine, and their predictions.
 *
 * The MLP is the engine's RNN_TANH cell with W_hh fixed at zero: h_t = tanh(W_ih x_t + b_ih + b_hh), the
 * same hidden layer an MLP applies to each step on its own, so its answer at step t is a function of x_t
 * alone. The RNN is the same cell with W_hh trained. Both read one-hot symbols and end in a 2-way linear
 * head (no / yes) with softmax cross-entropy; steps t < 2 have no "two steps ago" and are not scored.
 * Everything flows from one seed: initial weights, training batches and the test set.
 */
import {
  backward,
  createAdam,
  createHead,
  createNetwork,
  createRng,
  forward,
  headBackward,
  headForward,
  type LinearHead,
  type Network,
  type Optimizer,
  type Rng,
  softmaxCrossEntropy,
  type Tensor,
} from '../../engine';
import { splitGraphemes } from '../../engine/text';

/** The symbols of the task. */
export const ALPHABET = ['a', 'b', 'c'] as const;
export const K = ALPHABET.length;
/** How far back the answer looks. */
export const LAG = 2;
export const HIDDEN = 12;
export const TRAIN_T = 16;
export const TRAIN_B = 16;
export const TEST_COUNT = 64;
export const LEARNING_RATE = 0.01;
/** Steps of training the widget runs to; the curve is recorded every EVAL_EVERY steps. */
export const TOTAL_STEPS = 400;
export const EVAL_EVERY = 10;
export const MAX_TEST_LENGTH = 24;

export type Kind = 'mlp' | 'rnn';

/** The label of each step: 1 when x_t equals x_{t−LAG}; steps t < LAG are 0 and unscored. */
export function labels(symbols: ArrayLike<number>): Int32Array {
  const out = new Int32Array(symbols.length);
  for (let t = LAG; t < symbols.length; t++) out[t] = symbols[t] === symbols[t - LAG] ? 1 : 0;
  return out;
}

/**
 * A random sequence in which half of the scored steps repeat the symbol two steps back, so that "yes" and
 * "no" are equally likely, and equally likely after every symbol: x_t alone says nothing about the answer.
 */
export function sampleSequence(rng: Rng, T: number): Int32Array {
  const x = new Int32Array(T);
  for (let t = 0; t < T; t++) {
    if (t >= LAG && rng.next() < 0.5) x[t] = x[t - LAG];
    else if (t >= LAG) x[t] = (x[t - LAG] + 1 + rng.int(K - 1)) % K;
    else x[t] = rng.int(K);
  }
  return x;
}

export interface Model {
  kind: Kind;
  net: Network;
  head: LinearHead;
  opt: Optimizer;
  /** Tensors the optimizer updates (the MLP leaves W_hh out, so it stays zero). */
  params: Tensor[];
  grads: Tensor[];
}

function createModel(kind: Kind, rng: Rng): Model {
  const net = createNetwork({ mode: 'RNN_TANH', inputSize: K, hiddenSize: HIDDEN }, rng);
  const head = createHead(HIDDEN, 2, { rng });
  const p = net.params[0][0];
  if (kind === 'mlp') p.wHh.data.fill(0);
  const params = [p.wIh, ...(kind === 'rnn' ? [p.wHh] : []), p.bIh!, p.bHh!, head.weight, head.bias];
  return { kind, net, head, opt: createAdam({ lr: LEARNING_RATE }), params, grads: [] };
}

/** P(yes) at every step of a batch of B sequences, time-major symbols (T·B), plus the logits. */
export function predictBatch(model: Model, symbols: ArrayLike<number>, T: number, B: number) {
  const trace = forward(model.net, { shape: [T, B], tokens: symbols });
  const logits = new Float64Array(T * B * 2);
  headForward(model.head, trace.output.data, T * B, logits);
  const pYes = new Float64Array(T * B);
  for (let n = 0; n < T * B; n++) pYes[n] = 1 / (1 + Math.exp(logits[2 * n] - logits[2 * n + 1]));
  return { trace, logits, pYes };
}

/** P(yes) at every step of one sequence. */
export function predict(model: Model, symbols: ArrayLike<number>): Float64Array {
  if (symbols.length === 0) return new Float64Array(0);
  return predictBatch(model, symbols, symbols.length, 1).pYes;
}

/** One Adam step on a batch; returns the mean cross-entropy over the scored steps. */
export function trainStep(model: Model, symbols: Int32Array, targets: Int32Array, T: number, B: number) {
  const { trace, logits } = predictBatch(model, symbols, T, B);
  const N = T * B;
  const dLogits = new Float64Array(N * 2);
  softmaxCrossEntropy(logits, N, 2, targets, dLogits);
  // score only t ≥ LAG: zero the other rows and renormalise the mean over the scored ones
  const scored = (T - LAG) * B;
  let loss = 0;
  for (let n = 0; n < N; n++) {
    if (n < LAG * B) {
      dLogits[2 * n] = 0;
      dLogits[2 * n + 1] = 0;
      continue;
    }
    dLogits[2 * n] *= N / scored;
    dLogits[2 * n + 1] *= N / scored;
    const a = logits[2 * n];
    const b = logits[2 * n + 1];
    const m = Math.max(a, b);
    loss += m + Math.log(Math.exp(a - m) + Math.exp(b - m)) - logits[2 * n + targets[n]];
  }
  const dOut = new Float64Array(N * HIDDEN);
  headBackward(model.head, trace.output.data, N, dLogits, dOut);
  const g = backward(model.net, trace, { gradOutput: { shape: [T, B, HIDDEN], data: dOut } });
  const gp = g.params[0][0];
  const grads = [
    gp.wIh,
    ...(model.kind === 'rnn' ? [gp.wHh] : []),
    gp.bIh!,
    gp.bHh!,
    model.head.gradWeight,
    model.head.gradBias,
  ];
  model.grads = grads;
  model.opt.step(model.params, grads);
  return loss / scored;
}

export interface HistoryPoint {
  step: number;
  /** Test accuracy (scored steps) of each model, 0…1. */
  mlp: number;
  rnn: number;
  mlpLoss: number;
  rnnLoss: number;
}

export interface Experiment {
  seed: number;
  mlp: Model;
  rnn: Model;
  /** Training batches are drawn from this generator, one per step, the same for both models. */
  data: Rng;
  step: number;
  history: HistoryPoint[];
  /** A fixed test set (time-major, TEST_COUNT sequences of TRAIN_T) and its labels. */
  test: { symbols: Int32Array; targets: Int32Array };
  lastLoss: { mlp: number; rnn: number };
}

function timeMajor(seqs: Int32Array[], T: number): Int32Array {
  const B = seqs.length;
  const out = new Int32Array(T * B);
  for (let b = 0; b < B; b++) for (let t = 0; t < T; t++) out[t * B + b] = seqs[b][t];
  return out;
}

export function createExperiment(seed: number): Experiment {
  const root = createRng(seed);
  const init = root.fork();
  const data = root.fork();
  const testRng = root.fork();
  const seqs = Array.from({ length: TEST_COUNT }, () => sampleSequence(testRng, TRAIN_T));
  const symbols = timeMajor(seqs, TRAIN_T);
  const targets = timeMajor(seqs.map(labels), TRAIN_T);
  // both models start from the same input and output weights; the MLP's W_hh is then zeroed
  const mlp = createModel('mlp', init.fork());
  const rnn = createModel('rnn', init.fork());
  const exp: Experiment = {
    seed,
    mlp,
    rnn,
    data,
    step: 0,
    history: [],
    test: { symbols, targets },
    lastLoss: { mlp: Number.NaN, rnn: Number.NaN },
  };
  exp.history.push(evaluate(exp));
  return exp;
}

/** Accuracy over the scored steps of a time-major batch. */
export function accuracy(pYes: ArrayLike<number>, targets: ArrayLike<number>, T: number, B: number): number {
  let right = 0;
  for (let t = LAG; t < T; t++)
    for (let b = 0; b < B; b++) {
      const n = t * B + b;
      if ((pYes[n] > 0.5 ? 1 : 0) === targets[n]) right++;
    }
  return right / ((T - LAG) * B);
}

function testLoss(pYes: ArrayLike<number>, targets: ArrayLike<number>, T: number, B: number): number {
  let loss = 0;
  for (let n = LAG * B; n < T * B; n++) {
    const p = targets[n] === 1 ? pYes[n] : 1 - pYes[n];
    loss -= Math.log(Math.max(p, 1e-12));
  }
  return loss / ((T - LAG) * B);
}

export function evaluate(exp: Experiment): HistoryPoint {
  const { symbols, targets } = exp.test;
  const m = predictBatch(exp.mlp, symbols, TRAIN_T, TEST_COUNT).pYes;
  const r = predictBatch(exp.rnn, symbols, TRAIN_T, TEST_COUNT).pYes;
  return {
    step: exp.step,
    mlp: accuracy(m, targets, TRAIN_T, TEST_COUNT),
    rnn: accuracy(r, targets, TRAIN_T, TEST_COUNT),
    mlpLoss: testLoss(m, targets, TRAIN_T, TEST_COUNT),
    rnnLoss: testLoss(r, targets, TRAIN_T, TEST_COUNT),
  };
}

/** Runs `n` training steps (at most up to TOTAL_STEPS); both models see the same batches. */
export function trainSteps(exp: Experiment, n: number): void {
  for (let k = 0; k < n && exp.step < TOTAL_STEPS; k++) {
    const seqs = Array.from({ length: TRAIN_B }, () => sampleSequence(exp.data, TRAIN_T));
    const symbols = timeMajor(seqs, TRAIN_T);
    const targets = timeMajor(seqs.map(labels), TRAIN_T);
    exp.lastLoss = {
      mlp: trainStep(exp.mlp, symbols, targets, TRAIN_T, TRAIN_B),
      rnn: trainStep(exp.rnn, symbols, targets, TRAIN_T, TRAIN_B),
    };
    exp.step++;
    if (exp.step % EVAL_EVERY === 0 || exp.step === TOTAL_STEPS) exp.history.push(evaluate(exp));
  }
}

export type ParsedSequence =
  | { ok: true; symbols: Int32Array; chars: string[]; truncated: boolean }
  | { ok: false; reason: 'empty' | 'unknown'; unknown: string[] };

/** Reads a typed test sequence: letters of ALPHABET (case-insensitive), spaces ignored, capped. */
export function parseSequence(text: string): ParsedSequence {
  const chars = splitGraphemes(text.toLowerCase()).filter((ch) => !/^\s+$/u.test(ch));
  const unknown = [...new Set(chars.filter((ch) => !(ALPHABET as readonly string[]).includes(ch)))];
  if (unknown.length) return { ok: false, reason: 'unknown', unknown };
  if (chars.length === 0) return { ok: false, reason: 'empty', unknown: [] };
  const kept = chars.slice(0, MAX_TEST_LENGTH);
  return {
    ok: true,
    chars: kept,
    symbols: Int32Array.from(kept, (ch) => (ALPHABET as readonly string[]).indexOf(ch)),
    truncated: chars.length > kept.length,
  };
}

export interface StepRow {
  t: number;
  char: string;
  /** 1 / 0 for scored steps, null for t < LAG. */
  truth: 0 | 1 | null;
  mlp: number;
  rnn: number;
}

/** Per-step predictions of both models on one sequence. */
export function compare(exp: Experiment, symbols: Int32Array): StepRow[] {
  const m = predict(exp.mlp, symbols);
  const r = predict(exp.rnn, symbols);
  const y = labels(symbols);
  return Array.from(symbols, (s, t) => ({
    t,
    char: ALPHABET[s],
    truth: t < LAG ? null : (y[t] as 0 | 1),
    mlp: m[t],
    rnn: r[t],
  }));
}

/** The MLP's P(yes) for each symbol on its own: its whole behaviour, a lookup table of x_t. */
export function mlpTable(exp: Experiment): number[] {
  return ALPHABET.map((_, s) => predict(exp.mlp, [s])[0]);
}

/** A deterministic example test sequence for a seed. */
export function exampleSequence(seed: number, T = 12): string {
  const rng = createRng(seed ^ 0x9e3779b9);
  return Array.from(sampleSequence(rng, T), (s) => ALPHABET[s]).join('');
}
