/**
 * sequence-classifier's numbers: a many-to-one classifier, token ids → RNN/GRU/LSTM → last hidden state
 * H_T → linear head → softmax cross-entropy, trained on a small generated task: does a string over
 * {a, b, c} contain more a's or more b's? The answer depends on the whole sequence, so the last state must
 * summarise it (a running count). Pure; deterministic from the seed.
 */
import {
  backward,
  clipGradNorm,
  createAdam,
  createHead,
  createNetwork,
  createRng,
  forward,
  headBackward,
  headForward,
  type Network,
  namedParams,
  type Optimizer,
  type Rng,
  softmaxCrossEntropy,
  type Tensor,
} from '../../engine';
import { splitGraphemes, UNK } from '../../engine/text';

export type ClassifierCell = 'rnn' | 'gru' | 'lstm';
export const VOCAB: readonly string[] = [UNK, 'a', 'b', 'c'];
export const CLASSES = 2; // 0: more a's, 1: more b's
export const HIDDEN = 16;
export const MIN_LEN = 3;
export const MAX_LEN = 12;
export const MAX_INPUT = 60;

export interface Example {
  ids: number[];
  label: number;
}

/** The label: 0 when a's outnumber b's, 1 when b's outnumber a's, null for a tie. */
export function labelOf(ids: readonly number[]): number | null {
  let d = 0;
  for (const id of ids) d += id === 1 ? 1 : id === 2 ? -1 : 0;
  return d > 0 ? 0 : d < 0 ? 1 : null;
}

/** `perLength` examples of every length MIN_LEN…MAX_LEN, no ties, balanced classes. */
export function makeDataset(rng: Rng, perLength: number): Example[][] {
  const buckets: Example[][] = [];
  for (let L = MIN_LEN; L <= MAX_LEN; L++) {
    const bucket: Example[] = [];
    while (bucket.length < perLength) {
      const ids = Array.from({ length: L }, () => 1 + rng.int(3));
      const label = labelOf(ids);
      if (label === null) continue;
      if (bucket.filter((e) => e.label === label).length >= Math.ceil(perLength / 2)) continue;
      bucket.push({ ids, label });
    }
    buckets.push(bucket);
  }
  return buckets;
}

export interface SeqClassifier {
  cell: ClassifierCell;
  net: Network;
  head: ReturnType<typeof createHead>;
  optimizer: Optimizer;
  params: Tensor[];
}

const MODE = { rnn: 'RNN_TANH', gru: 'GRU', lstm: 'LSTM' } as const;

export function createClassifier(cell: ClassifierCell, seed: number, lr = 0.003): SeqClassifier {
  const rng = createRng(seed);
  const net = createNetwork({ mode: MODE[cell], inputSize: VOCAB.length, hiddenSize: HIDDEN }, rng);
  const head = createHead(HIDDEN, CLASSES, { rng });
  const params = [...namedParams(net.config, net.params).map(([, t]) => t), head.weight, head.bias];
  return { cell, net, head, optimizer: createAdam({ lr }), params };
}

/** Batches of one length each (so a batch is a (T, B) block), shuffled. */
export function makeBatches(buckets: Example[][], batch: number, rng: Rng): Example[][] {
  const out: Example[][] = [];
  for (const bucket of buckets) {
    const order = bucket.map((_, k) => k);
    for (let k = order.length - 1; k > 0; k--) {
      const j = rng.int(k + 1);
      [order[k], order[j]] = [order[j], order[k]];
    }
    for (let s = 0; s < order.length; s += batch) out.push(order.slice(s, s + batch).map((k) => bucket[k]));
  }
  for (let k = out.length - 1; k > 0; k--) {
    const j = rng.int(k + 1);
    [out[k], out[j]] = [out[j], out[k]];
  }
  return out;
}

function lastStates(m: SeqClassifier, batch: Example[]) {
  const T = batch[0].ids.length;
  const B = batch.length;
  const tokens = new Int32Array(T * B);
  for (let t = 0; t < T; t++) for (let b = 0; b < B; b++) tokens[t * B + b] = batch[b].ids[t];
  const trace = forward(m.net, { shape: [T, B], tokens });
  const sel = trace.output.data.subarray((T - 1) * B * HIDDEN, T * B * HIDDEN);
  const logits = new Float64Array(B * CLASSES);
  headForward(m.head, sel, B, logits);
  return { trace, sel, logits, T, B };
}

/** One Adam step on a same-length batch; returns the loss before the step. */
export function trainStep(m: SeqClassifier, batch: Example[]): number {
  const { trace, sel, logits, T, B } = lastStates(m, batch);
  const dLogits = new Float64Array(B * CLASSES);
  const loss = softmaxCrossEntropy(
    logits,
    B,
    CLASSES,
    batch.map((e) => e.label),
    dLogits,
  );
  const dSel = new Float64Array(B * HIDDEN);
  headBackward(m.head, sel, B, dLogits, dSel);
  const dOut: Tensor = { shape: [T, B, HIDDEN], data: new Float64Array(T * B * HIDDEN) };
  dOut.data.set(dSel, (T - 1) * B * HIDDEN); // only the last step has an output
  const g = backward(m.net, trace, { gradOutput: dOut });
  const grads = [
    ...namedParams(m.net.config, g.params).map(([, t]) => t),
    m.head.gradWeight,
    m.head.gradBias,
  ];
  clipGradNorm(grads, 1);
  m.optimizer.step(m.params, grads);
  return loss;
}

/** Mean loss and accuracy over some buckets. */
export function evaluate(m: SeqClassifier, buckets: Example[][]): { loss: number; accuracy: number } {
  let loss = 0;
  let right = 0;
  let n = 0;
  for (const bucket of buckets) {
    if (!bucket.length) continue;
    const { logits, B } = lastStates(m, bucket);
    loss +=
      B *
      softmaxCrossEntropy(
        logits,
        B,
        CLASSES,
        bucket.map((e) => e.label),
      );
    for (let b = 0; b < B; b++) if ((logits[b * 2 + 1] > logits[b * 2] ? 1 : 0) === bucket[b].label) right++;
    n += B;
  }
  return { loss: loss / n, accuracy: right / n };
}

export interface Encoded {
  chars: string[];
  ids: number[];
  unknown: string[];
}

export function encode(text: string): Encoded {
  const chars = splitGraphemes(text.toLowerCase()).slice(0, MAX_INPUT);
  const unknown: string[] = [];
  const ids = chars.map((c) => {
    const k = VOCAB.indexOf(c);
    if (k <= 0) {
      if (!unknown.includes(c)) unknown.push(c);
      return 0;
    }
    return k;
  });
  return { chars, ids, unknown };
}

export interface Prediction {
  /** P(more b's) if the sequence ended after each step; the last one is the prediction. */
  pB: number[];
  /** Hidden state, row-major (H units × T steps). */
  hidden: Float64Array;
  T: number;
}

/** Runs one sequence and reads the head at every step (the classifier itself only reads the last). */
export function predict(m: SeqClassifier, ids: readonly number[]): Prediction | null {
  const T = ids.length;
  if (!T) return null;
  const trace = forward(m.net, { shape: [T, 1], tokens: ids }, null, null, { fresh: true });
  const logits = new Float64Array(T * CLASSES);
  headForward(m.head, trace.output.data, T, logits);
  const pB = Array.from({ length: T }, (_, t) => 1 / (1 + Math.exp(logits[t * 2] - logits[t * 2 + 1])));
  const hidden = new Float64Array(HIDDEN * T);
  for (let t = 0; t < T; t++)
    for (let u = 0; u < HIDDEN; u++) hidden[u * T + t] = trace.output.data[t * HIDDEN + u];
  return { pB, hidden, T };
}

/** Everything a training session needs: data, model, and a step counter (pure state, driven in slices). */
export interface Session {
  model: SeqClassifier;
  train: Example[][];
  test: Example[][];
  rng: Rng;
  queue: Example[][];
  epoch: number;
  steps: number;
  losses: number[];
  /** Per finished epoch: test accuracy and loss. */
  history: { epoch: number; trainLoss: number; testAccuracy: number; testLoss: number }[];
}

export const PER_LENGTH_TRAIN = 40;
export const PER_LENGTH_TEST = 20;
export const BATCH = 10;

export function createSession(cell: ClassifierCell, seed: number): Session {
  const rng = createRng(seed * 31 + 7);
  const train = makeDataset(rng, PER_LENGTH_TRAIN);
  const test = makeDataset(rng, PER_LENGTH_TEST);
  const model = createClassifier(cell, seed);
  const s: Session = { model, train, test, rng, queue: [], epoch: 0, steps: 0, losses: [], history: [] };
  const e = evaluate(model, test);
  s.history.push({
    epoch: 0,
    trainLoss: evaluate(model, train).loss,
    testAccuracy: e.accuracy,
    testLoss: e.loss,
  });
  return s;
}

/** One training step (starting a new epoch when the last one is used up). */
export function sessionStep(s: Session): void {
  if (!s.queue.length) s.queue = makeBatches(s.train, BATCH, s.rng);
  const batch = s.queue.shift() as Example[];
  s.losses.push(trainStep(s.model, batch));
  s.steps++;
  if (!s.queue.length) {
    s.epoch++;
    const e = evaluate(s.model, s.test);
    const k = s.losses.length;
    const per = Math.ceil(PER_LENGTH_TRAIN / BATCH) * (MAX_LEN - MIN_LEN + 1);
    const recent = s.losses.slice(Math.max(0, k - per));
    s.history.push({
      epoch: s.epoch,
      trainLoss: recent.reduce((a, b) => a + b, 0) / recent.length,
      testAccuracy: e.accuracy,
      testLoss: e.loss,
    });
  }
}
