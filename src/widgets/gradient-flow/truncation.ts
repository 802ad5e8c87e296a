/**
 * The truncation view's numbers: a vanilla RNN with a loss at every step, L = Σ_i g_i·h_i, and the
 * contribution of every pair (loss at step i, use of W_hh at step t ≤ i) to ∂L/∂W_hh. Full BPTT keeps every
 * pair; truncation at k (consecutive chunks of k steps, the state detached between chunks) keeps the pairs
 * inside one chunk; randomized truncation cuts the chain at random places (P(keep a step) = π) and scales
 * each surviving chain by 1/π per step it crosses, so that the estimate is unbiased.
 *
 * ∂ℓ_i/∂h_t for all (i, t) comes from one engine backward pass over a batch of T copies of the sequence,
 * copy i carrying only the loss at step i. Pure.
 */
import { backward, createRng, forward, type Tensor, zeros } from '../../engine';
import {
  type Activation,
  buildNetwork,
  HIDDEN,
  INPUT,
  type Ingredients,
  inputTensor,
  type Setup,
} from './model';

export type Strategy = 'full' | 'truncated' | 'randomized';
export const STRATEGIES: readonly Strategy[] = ['full', 'truncated', 'randomized'];

export interface TruncationResult {
  T: number;
  k: number;
  /** P(the chain survives one more step) for randomized truncation: k/(k+1), mean chain length k. */
  pi: number;
  /** ‖∂ℓ_i/∂h_t‖ = ‖e_i M_{i,t}‖ at [i·T + t] (t ≤ i; zero above the diagonal). */
  pair: Float64Array;
  /** ‖contribution of (i, t) to ∂L/∂W_hh‖_F at [i·T + t]. */
  pairW: Float64Array;
  /** Weight of each pair under each strategy (0: dropped; > 1: reweighted). */
  weight: Record<Strategy, Float64Array>;
  /** ∂L/∂W_hh (PyTorch layout, H×H) under each strategy. */
  grad: Record<Strategy, Float64Array>;
  /** Per strategy: ‖G‖, relative error against full BPTT, and the share of Σ‖contribution‖ it drops. */
  summary: Record<Strategy, { norm: number; relError: number; droppedShare: number; kept: number }>;
  /** The randomized cut points: cut[s] = true when the chain is cut between steps s−1 and s. */
  cut: boolean[];
  finite: boolean;
}

function frob(a: ArrayLike<number>): number {
  let s = 0;
  for (let k = 0; k < a.length; k++) s += a[k] * a[k];
  return Math.sqrt(s);
}

/** Chunked truncation: is the pair (i, t) inside one chunk of k steps? */
export function sameChunk(i: number, t: number, k: number): boolean {
  return Math.floor(i / k) === Math.floor(t / k);
}

/** Seeded cut points for randomized truncation: cut[s] (s = 1 … T−1) with probability 1 − π. */
export function randomCuts(T: number, pi: number, drawSeed: number): boolean[] {
  const rng = createRng(drawSeed * 7919 + 17);
  const cut = [true];
  for (let s = 1; s < T; s++) cut.push(rng.next() >= pi);
  return cut;
}

export function computeTruncation(
  setup: Setup,
  activation: Activation,
  k: number,
  drawSeed: number,
  ing: Ingredients,
): TruncationResult {
  const { T } = setup;
  const H = HIDDEN;
  const I = INPUT;
  const key = activation === 'relu' ? 'rnn-relu' : 'rnn-tanh';
  const net = buildNetwork(ing, key, setup.radius);
  const x = inputTensor(ing, T, setup.inputScale);
  // batch of T copies; copy i has only the loss at step i
  const xb = new Float64Array(T * T * I);
  for (let t = 0; t < T; t++)
    for (let b = 0; b < T; b++) for (let j = 0; j < I; j++) xb[(t * T + b) * I + j] = x.data[t * I + j];
  const tr = forward(net, { shape: [T, T, I], data: xb });
  const gradOutput: Tensor = zeros([T, T, H]);
  for (let i = 0; i < T; i++)
    for (let j = 0; j < H; j++) gradOutput.data[(i * T + i) * H + j] = ing.gs[i * H + j];
  const gr = backward(net, tr, { gradOutput });
  const dh = gr.dh[0][0].data; // [t][i][j] = ∂ℓ_i/∂h_t[j]
  const out = tr.output.data; // [t][b][j]; every copy has the same states
  const h = (t: number, j: number) => (t < 0 ? 0 : out[(t * T + 0) * H + j]);
  const slope = (t: number, j: number) => {
    const v = h(t, j);
    return activation === 'relu' ? (v > 0 ? 1 : 0) : 1 - v * v;
  };
  const pair = new Float64Array(T * T);
  const pairW = new Float64Array(T * T);
  const hPrevNorm = Array.from({ length: T }, (_, t) => {
    let s = 0;
    for (let j = 0; j < H; j++) s += h(t - 1, j) ** 2;
    return Math.sqrt(s);
  });
  // δ_t^{(i)} = ∂ℓ_i/∂h_t ⊙ φ′(a_t), stored [i][t][j]
  const delta = new Float64Array(T * T * H);
  for (let i = 0; i < T; i++)
    for (let t = 0; t <= i; t++) {
      let s = 0;
      let sd = 0;
      for (let j = 0; j < H; j++) {
        const g = dh[(t * T + i) * H + j];
        const d = g * slope(t, j);
        delta[(i * T + t) * H + j] = d;
        s += g * g;
        sd += d * d;
      }
      pair[i * T + t] = Math.sqrt(s);
      pairW[i * T + t] = Math.sqrt(sd) * hPrevNorm[t];
    }
  const pi = k / (k + 1);
  const cut = randomCuts(T, pi, drawSeed);
  const weight = {} as Record<Strategy, Float64Array>;
  for (const s of STRATEGIES) weight[s] = new Float64Array(T * T);
  for (let i = 0; i < T; i++) {
    let w = 1;
    for (let t = i; t >= 0; t--) {
      if (t < i) w = cut[t + 1] ? 0 : w / pi;
      weight.full[i * T + t] = 1;
      weight.truncated[i * T + t] = sameChunk(i, t, k) ? 1 : 0;
      weight.randomized[i * T + t] = w;
    }
  }
  const grad = {} as Record<Strategy, Float64Array>;
  let total = 0;
  for (let q = 0; q < T * T; q++) total += pairW[q];
  const summary = {} as TruncationResult['summary'];
  for (const s of STRATEGIES) {
    const G = new Float64Array(H * H);
    const acc = new Float64Array(H);
    let dropped = 0;
    let kept = 0;
    for (let t = 0; t < T; t++) {
      acc.fill(0);
      for (let i = t; i < T; i++) {
        const w = weight[s][i * T + t];
        if (w === 0) {
          dropped += pairW[i * T + t];
          continue;
        }
        kept++;
        for (let j = 0; j < H; j++) acc[j] += w * delta[(i * T + t) * H + j];
      }
      // PyTorch layout: ∂L/∂W_hh[j][m] = Σ_t δ_t[j] h_{t−1}[m]
      for (let j = 0; j < H; j++) for (let m = 0; m < H; m++) G[j * H + m] += acc[j] * h(t - 1, m);
    }
    grad[s] = G;
    summary[s] = { norm: frob(G), relError: 0, droppedShare: total > 0 ? dropped / total : 0, kept };
  }
  const full = summary.full.norm;
  for (const s of STRATEGIES) {
    const diff = grad[s].map((v, q) => v - grad.full[q]);
    summary[s].relError = full > 0 ? frob(diff) / full : 0;
  }
  let finite = true;
  for (let q = 0; q < T * T; q++) if (!Number.isFinite(pair[q]) || !Number.isFinite(pairW[q])) finite = false;
  if (!Number.isFinite(summary.full.norm)) finite = false;
  return { T, k, pi, pair, pairW, weight, grad, summary, cut, finite };
}
