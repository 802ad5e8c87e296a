/**
 * A re-enactment, with our engine, of what the broken script does with a chosen set of fixes: the same
 * data recipe, nn.Embedding(100, 32) → nn.RNN(32, 64) (tanh) → nn.Linear(64, 2), Adam (lr 1e-3),
 * batches of 16, five epochs, and each bug doing exactly what it does in PyTorch:
 *   random floats → .long() makes every id 0; a (n, T, 100) tensor fed to the embedding becomes 4-D and the
 *   RNN raises; the time-major RNN reads (batch, seq) as (time, batch) and out[:, -1] picks the last token's
 *   row; without zero_grad each step uses the sum of all gradients so far; softmax before the loss.
 * Pure: the UI drives `runner.step()` in slices. Deterministic from the seed.
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
  namedParams,
  type Rng,
  softmaxCrossEntropy,
  type Tensor,
} from '../../engine';
import type { Fixes } from './script';

export const SETUP = {
  vocab: 100,
  embed: 32,
  hidden: 64,
  classes: 2,
  seqLen: 10,
  samples: 1000,
  batch: 16,
  epochs: 5,
  lr: 1e-3,
  heldOut: 200,
} as const;

export const CRASH_MESSAGE = 'ValueError: RNN: Expected input to be 2D or 3D, got 4D tensor instead';

export interface PrintedLine {
  epoch: number;
  batch: number;
  loss: number;
}

export interface RunResult {
  crashed: boolean;
  /** Loss of every training step, in order (as the script computes it). */
  losses: number[];
  printed: PrintedLine[];
  /** Accuracy on 200 correctly made held-out sequences (measured by the re-enactment, not the script). */
  heldOutAccuracy: number | null;
  /** How many distinct token ids X contains, and the fraction of label 1 (what `X.unique()` would show). */
  distinctIds: number;
  labelMean: number;
}

interface Data {
  X: Int32Array; // (n, T)
  y: Int32Array; // (n,)
}

function labelOf(X: Int32Array, row: number, T: number, V: number): number {
  let s = 0;
  for (let t = 0; t < T; t++) s += X[row * T + t];
  return s / T > (V - 1) / 2 ? 1 : 0;
}

/** Data as the script (with these fixes) makes it; null when the shape is wrong (the run will crash). */
export function makeData(fixes: Fixes, rng: Rng, n: number = SETUP.samples): Data | null {
  const { seqLen: T, vocab: V, classes } = SETUP;
  if (!fixes['not-token-ids']) return null; // (n, T, 100): the embedding makes it 4-D, the RNN raises
  const X = new Int32Array(n * T);
  // torch.rand draws floats in [0, 1); .long() truncates them all to 0.
  for (let k = 0; k < X.length; k++) X[k] = fixes['random-floats'] ? rng.int(V) : Math.trunc(rng.next());
  const y = new Int32Array(n);
  for (let r = 0; r < n; r++) y[r] = fixes['random-labels'] ? labelOf(X, r, T, V) : rng.int(classes);
  return { X, y };
}

/** Correct data with learnable labels: what the held-out accuracy is measured on. */
export function heldOutData(seed: number): Data {
  const all = { 'random-floats': true, 'not-token-ids': true, 'random-labels': true } as Fixes;
  return makeData(all, createRng(seed ^ 0x5eed), SETUP.heldOut) as Data;
}

/** The classifier: embedding table E (V, e), the RNN, the head; initialised like PyTorch's layers. */
function createClassifier(rng: Rng) {
  const { vocab: V, embed: e, hidden: H, classes: C } = SETUP;
  const E: Tensor = { shape: [V, e], data: new Float32Array(V * e) };
  for (let k = 0; k < E.data.length; k++) E.data[k] = rng.normal(); // nn.Embedding: N(0, 1)
  const net = createNetwork({ mode: 'RNN_TANH', inputSize: e, hiddenSize: H, dtype: 'float32' }, rng);
  const head = createHead(H, C, { dtype: 'float32', rng });
  return { E, net, head };
}

type Classifier = ReturnType<typeof createClassifier>;

/**
 * The model's forward (and, with `train`, backward) on one batch, as the script's `forward` computes it:
 * with the time-major bug the (B, T, e) embeddings are read as (time = B, batch = T) and out[:, -1] takes,
 * for each "time step" (= example), the state of the last "batch row" (= the sequences' last position).
 */
function batchStep(
  m: Classifier,
  X: Int32Array,
  rows: readonly number[],
  y: Int32Array | null,
  fixes: Fixes,
  grads: Tensor[] | null,
): { loss: number; predictions: number[] } {
  const { embed: e, hidden: H, classes: C, seqLen: T0 } = SETUP;
  const B0 = rows.length;
  const batchFirstOk = fixes['time-major'];
  // the RNN's view of the data: (T, B)
  const [T, B] = batchFirstOk ? [T0, B0] : [B0, T0];
  const input = new Float32Array(T * B * e);
  const idAt = (t: number, b: number) => (batchFirstOk ? X[rows[b] * T0 + t] : X[rows[t] * T0 + b]); // bug: row-major (B0, T0) read as (T, B)
  for (let t = 0; t < T; t++)
    for (let b = 0; b < B; b++)
      input.set(m.E.data.subarray(idAt(t, b) * e, idAt(t, b) * e + e), (t * B + b) * e);
  const trace = forward(m.net, { shape: [T, B, e], data: input });
  // out[:, -1, :] in the script's indexing, or the last time step when batch_first=True
  const sel = new Float32Array(B0 * H);
  const srcRow = (k: number) => (batchFirstOk ? (T - 1) * B + k : k * B + (B - 1));
  for (let k = 0; k < B0; k++) sel.set(trace.output.data.subarray(srcRow(k) * H, srcRow(k) * H + H), k * H);
  const logits = new Float32Array(B0 * C);
  headForward(m.head, sel, B0, logits);
  const predictions = Array.from({ length: B0 }, (_, k) => (logits[k * C + 1] > logits[k * C] ? 1 : 0));
  if (!y) return { loss: Number.NaN, predictions };
  const targets = rows.map((r) => y[r]);
  const dLogits = new Float32Array(B0 * C);
  let loss: number;
  if (fixes['softmax-before-ce']) {
    loss = softmaxCrossEntropy(logits, B0, C, targets, grads ? dLogits : null);
  } else {
    // loss_fn(torch.softmax(logits)): cross-entropy of the probabilities p; then back through the softmax
    const p = new Float32Array(B0 * C);
    for (let k = 0; k < B0; k++) {
      let mx = -Infinity;
      for (let c = 0; c < C; c++) mx = Math.max(mx, logits[k * C + c]);
      let z = 0;
      for (let c = 0; c < C; c++) z += Math.exp(logits[k * C + c] - mx);
      for (let c = 0; c < C; c++) p[k * C + c] = Math.exp(logits[k * C + c] - mx) / z;
    }
    const dP = new Float32Array(B0 * C);
    loss = softmaxCrossEntropy(p, B0, C, targets, grads ? dP : null);
    if (grads)
      for (let k = 0; k < B0; k++) {
        let dot = 0;
        for (let c = 0; c < C; c++) dot += dP[k * C + c] * p[k * C + c];
        for (let c = 0; c < C; c++) dLogits[k * C + c] = p[k * C + c] * (dP[k * C + c] - dot); // softmax Jacobianᵀ
      }
  }
  if (!grads) return { loss, predictions };
  const dSel = new Float32Array(B0 * H);
  headBackward(m.head, sel, B0, dLogits, dSel);
  const dOut: Tensor = { shape: [T, B, H], data: new Float32Array(T * B * H) };
  for (let k = 0; k < B0; k++) dOut.data.set(dSel.subarray(k * H, k * H + H), srcRow(k) * H);
  const g = backward(m.net, trace, { gradOutput: dOut });
  // nn.Embedding's gradient: each looked-up row receives the input gradient at its positions
  const dE = grads[0].data;
  dE.fill(0);
  const dIn = g.input?.data as Float32Array;
  for (let t = 0; t < T; t++)
    for (let b = 0; b < B; b++) {
      const id = idAt(t, b);
      for (let j = 0; j < e; j++) dE[id * e + j] += dIn[(t * B + b) * e + j];
    }
  const rnnGrads = namedParams(m.net.config, g.params).map(([, t]) => t);
  [...rnnGrads, m.head.gradWeight, m.head.gradBias].forEach((t, k) => {
    grads[k + 1].data.set(t.data);
  });
  return { loss, predictions };
}

export interface Runner {
  /** Runs up to `maxSteps` training steps; returns true when the run is over. */
  step(maxSteps: number): boolean;
  readonly totalSteps: number;
  readonly done: boolean;
  result(): RunResult;
}

/** A training run of the script with `fixes`, on `seed` (torch.manual_seed's stand-in). */
export function createRunner(fixes: Fixes, seed = 0, epochs: number = SETUP.epochs): Runner {
  const rng = createRng(seed);
  const data = makeData(fixes, rng);
  const { samples: n, batch } = SETUP;
  const perEpoch = Math.ceil(n / batch);
  const totalSteps = data ? perEpoch * epochs : 0;
  const losses: number[] = [];
  const printed: PrintedLine[] = [];
  let distinctIds = 0;
  let labelMean = 0;
  if (data) {
    distinctIds = new Set(data.X).size;
    labelMean = data.y.reduce((a, b) => a + b, 0) / n;
  }
  const m = data ? createClassifier(rng) : null;
  const params = m
    ? [m.E, ...namedParams(m.net.config, m.net.params).map(([, t]) => t), m.head.weight, m.head.bias]
    : [];
  const grads = params.map((p) => ({ shape: p.shape, data: new Float32Array(p.data.length) }) as Tensor);
  const accumulated = params.map(
    (p) => ({ shape: p.shape, data: new Float32Array(p.data.length) }) as Tensor,
  );
  const adam = createAdam({ lr: SETUP.lr });
  let order: number[] = [];
  let s = 0;
  let accuracy: number | null = null;
  const finish = () => {
    if (!m) return;
    const held = heldOutData(seed);
    let right = 0;
    for (let start = 0; start < SETUP.heldOut; start += batch) {
      const rows = Array.from({ length: Math.min(batch, SETUP.heldOut - start) }, (_, k) => start + k);
      const { predictions } = batchStep(m, held.X, rows, null, fixes, null);
      predictions.forEach((p, k) => {
        if (p === held.y[rows[k]]) right += 1;
      });
    }
    accuracy = right / SETUP.heldOut;
  };
  const runner: Runner = {
    totalSteps,
    get done() {
      return s >= totalSteps;
    },
    step(maxSteps) {
      if (!data || !m) return true;
      for (let k = 0; k < maxSteps && s < totalSteps; k++, s++) {
        const epoch = Math.floor(s / perEpoch);
        const i = s % perEpoch;
        if (i === 0) {
          order = Array.from({ length: n }, (_, r) => r); // DataLoader(shuffle=True)
          for (let r = n - 1; r > 0; r--) {
            const j = rng.int(r + 1);
            [order[r], order[j]] = [order[j], order[r]];
          }
        }
        const rows = order.slice(i * batch, Math.min(n, (i + 1) * batch));
        const { loss } = batchStep(m, data.X, rows, data.y, fixes, grads);
        let use = grads;
        if (!fixes['no-zero-grad']) {
          // .grad keeps adding up: every step uses the sum of all gradients so far
          for (let q = 0; q < grads.length; q++) {
            const a = accumulated[q].data;
            const g = grads[q].data;
            for (let j = 0; j < a.length; j++) a[j] += g[j];
          }
          use = accumulated;
        }
        adam.step(params, use);
        losses.push(loss);
        if (i % 20 === 0) printed.push({ epoch, batch: i, loss });
      }
      if (s >= totalSteps && accuracy === null) finish();
      return s >= totalSteps;
    },
    result: () => ({
      crashed: !data,
      losses: [...losses],
      printed: [...printed],
      heldOutAccuracy: accuracy,
      distinctIds,
      labelMean,
    }),
  };
  return runner;
}

/** Runs to the end at once (tests, Node). */
export function runAll(fixes: Fixes, seed = 0, epochs: number = SETUP.epochs): RunResult {
  const r = createRunner(fixes, seed, epochs);
  while (!r.step(1000)) {}
  return r.result();
}

/** Mean of each window of `w` losses, for a readable curve. */
export function smooth(values: readonly number[], w = 10): number[] {
  return values.map((_, k) => {
    const lo = Math.max(0, k - w + 1);
    let s = 0;
    for (let j = lo; j <= k; j++) s += values[j];
    return s / (k - lo + 1);
  });
}

/** The loss floor of cross-entropy applied to probabilities, for C classes: log(1 + (C−1)/e). */
export function softmaxFloor(classes: number = SETUP.classes): number {
  return Math.log(1 + (classes - 1) / Math.E);
}
