/**
 * gradient-flow, the numbers: seeded RNN (tanh, ReLU), GRU and LSTM cells on the same inputs, their
 * recurrent weights rescaled to a chosen spectral radius, and everything the engine's backward pass says
 * about a loss at the last step, L = g·h_T: ‖∂L/∂h_t‖ for every t, the norm of the Jacobian product
 * ‖∂h_T/∂h_t‖, the parameter gradient before and after clipping. Pure; every gradient comes from
 * `backward` in src/engine.
 */
import {
  backward,
  clipGradNorm,
  createNetwork,
  createRng,
  forward,
  globalNorm,
  type Mode,
  type Network,
  type Rng,
  type Tensor,
  tensor,
  zeros,
} from '../../engine';
import { type Complex, eigenvalues, singularValues, spectralNormPower, spectralRadius } from './linalg';

export type CellName = 'rnn' | 'gru' | 'lstm';
export type Activation = 'tanh' | 'relu';
/** The four networks of the figure. */
export type NetKey = 'rnn-tanh' | 'rnn-relu' | 'gru' | 'lstm';

export const NET_KEYS: readonly NetKey[] = ['rnn-tanh', 'rnn-relu', 'gru', 'lstm'];
export const MODE_OF: Record<NetKey, Mode> = {
  'rnn-tanh': 'RNN_TANH',
  'rnn-relu': 'RNN_RELU',
  gru: 'GRU',
  lstm: 'LSTM',
};
export const GATES_OF: Record<NetKey, number> = { 'rnn-tanh': 1, 'rnn-relu': 1, gru: 3, lstm: 4 };
/** Which gate block holds the candidate (the block that plays the plain RNN's W_hh). */
const CANDIDATE_BLOCK: Record<NetKey, number> = { 'rnn-tanh': 0, 'rnn-relu': 0, gru: 2, lstm: 2 };

export function netKeyOf(cell: CellName, activation: Activation): NetKey {
  return cell === 'rnn' ? (activation === 'relu' ? 'rnn-relu' : 'rnn-tanh') : cell;
}

export const HIDDEN = 16;
export const INPUT = 4;
export const LIMITS = {
  T: [2, 100] as const,
  radius: [0.1, 100] as const,
  inputScale: [0, 5] as const,
  clip: [0.01, 1000] as const,
  k: [1, 50] as const,
};

export interface Setup {
  seed: number;
  T: number;
  /** Target spectral radius of every H×H block of W_hh. */
  radius: number;
  /** Standard deviation of the inputs x_t. */
  inputScale: number;
}

/** The seeded ingredients shared by every cell: the base recurrent blocks, the inputs, the loss vector g. */
export interface Ingredients {
  /** Four seeded H×H Gaussian blocks, N(0, 1/H); block 0 is the candidate (the RNN's W_hh). */
  blocks: Float64Array[];
  /** Their spectral radii before rescaling. */
  blockRadius: number[];
  /** x (T, 1, I) at scale 1 for T = 100 (shorter sequences take a prefix). */
  x: Float64Array;
  /** g, unit length: L = g·h_T. */
  g: Float64Array;
  /** g_1 … g_100, unit length each (truncation view: L = Σ_i g_i·h_i). */
  gs: Float64Array;
  /** Seeds for the other parameters (W_ih, biases), one per network kind. */
  initSeed: number;
}

function gaussian(rng: Rng, n: number, sd: number): Float64Array {
  const a = new Float64Array(n);
  for (let k = 0; k < n; k++) a[k] = rng.normal() * sd;
  return a;
}

function normalizeRows(a: Float64Array, rows: number, width: number): void {
  for (let r = 0; r < rows; r++) {
    let s = 0;
    for (let j = 0; j < width; j++) s += a[r * width + j] ** 2;
    const n = Math.sqrt(s) || 1;
    for (let j = 0; j < width; j++) a[r * width + j] /= n;
  }
}

export function ingredients(seed: number): Ingredients {
  const rng = createRng(seed);
  const H = HIDDEN;
  const blocks = [0, 1, 2, 3].map(() => gaussian(rng.fork(), H * H, 1 / Math.sqrt(H)));
  const x = gaussian(rng.fork(), LIMITS.T[1] * INPUT, 1);
  const g = gaussian(rng.fork(), H, 1);
  normalizeRows(g, 1, H);
  const gs = gaussian(rng.fork(), LIMITS.T[1] * H, 1);
  normalizeRows(gs, LIMITS.T[1], H);
  return {
    gs,
    blocks,
    blockRadius: blocks.map((b) => spectralRadius(b, H)),
    x,
    g,
    initSeed: Math.floor(rng.next() * 2 ** 31),
  };
}

/** A copy of the n×n matrix `m` rescaled so that its spectral radius is `radius`. */
export function rescaleToRadius(
  m: ArrayLike<number>,
  n: number,
  radius: number,
  current?: number,
): Float64Array {
  const r = current ?? spectralRadius(m, n);
  const f = r > 0 && Number.isFinite(r) ? radius / r : 0;
  return Float64Array.from({ length: n * n }, (_, k) => m[k] * f);
}

/** The recurrent weight blocks of `key` at `radius`: block b of W_hh (rows b·H … b·H+H−1). */
export function recurrentBlocks(ing: Ingredients, key: NetKey, radius: number): Float64Array[] {
  const G = GATES_OF[key];
  const cand = CANDIDATE_BLOCK[key];
  // the candidate block is always base block 0, so the RNN's W_hh and the gated cells' W_hn / W_hg agree
  const order = Array.from({ length: G }, (_, b) => (b === cand ? 0 : b < cand ? b + 1 : b));
  return order.map((src) => rescaleToRadius(ing.blocks[src], HIDDEN, radius, ing.blockRadius[src]));
}

/**
 * A float64 network of kind `key`: seeded input weights (PyTorch's init), W_hh at `radius`, and zero biases,
 * so that with zero input the state rests at the origin where tanh′ = 1 (and the LSTM's forget gates sit
 * at σ(0) = 0.5, as in a freshly initialised cell).
 */
export function buildNetwork(ing: Ingredients, key: NetKey, radius: number): Network {
  const net = createNetwork(
    { mode: MODE_OF[key], inputSize: INPUT, hiddenSize: HIDDEN, dtype: 'float64' },
    createRng(ing.initSeed),
  );
  const p = net.params[0][0];
  p.bIh?.data.fill(0);
  p.bHh?.data.fill(0);
  const w = p.wHh.data;
  recurrentBlocks(ing, key, radius).forEach((block, b) => {
    w.set(block, b * HIDDEN * HIDDEN);
  });
  return net;
}

export function inputTensor(ing: Ingredients, T: number, scale: number): Tensor {
  const data = new Float64Array(T * INPUT);
  for (let k = 0; k < data.length; k++) data[k] = ing.x[k] * scale;
  return { shape: [T, 1, INPUT], data };
}

const finite = (a: ArrayLike<number>) => {
  for (let k = 0; k < a.length; k++) if (!Number.isFinite(a[k])) return false;
  return true;
};

export interface CellResult {
  key: NetKey;
  /** ‖∂L/∂h_t‖ for t = 1 … T (index t−1). */
  dhNorm: Float64Array;
  /** ‖∂L/∂c_t‖ (LSTM), else null. */
  dcNorm: Float64Array | null;
  /** ‖∂L/∂x_t‖, t = 1 … T. */
  dxNorm: Float64Array;
  /** ‖∂L/∂h_0‖. */
  dh0Norm: number;
  /** Global norm of all parameter gradients (what clip_grad_norm_ measures). */
  paramNorm: number;
  /** ‖∂L/∂W_hh‖_F. */
  whhNorm: number;
  /** False when the forward or backward pass produced NaN or ±∞ (overflow). */
  finite: boolean;
}

function rowNorms(data: ArrayLike<number>, T: number, H: number): Float64Array {
  const out = new Float64Array(T);
  for (let t = 0; t < T; t++) {
    let s = 0;
    for (let j = 0; j < H; j++) s += data[t * H + j] ** 2;
    out[t] = Math.sqrt(s);
  }
  return out;
}

/** Forward, then backward from L = g·h_T, for one network: the per-step gradient norms. */
export function runCell(net: Network, key: NetKey, x: Tensor, g: Float64Array): CellResult {
  const T = x.shape[0];
  const H = HIDDEN;
  const tr = forward(net, x);
  const grads = backward(net, tr, { gradHN: tensor([1, 1, H], g) });
  const p = grads.params[0][0];
  const all = [p.wIh, p.wHh, p.bIh, p.bHh].filter((t): t is Tensor => t !== null);
  const dhNorm = rowNorms(grads.dh[0][0].data, T, H);
  const dcNorm = grads.dc ? rowNorms(grads.dc[0][0].data, T, H) : null;
  const ok =
    finite(tr.output.data) &&
    finite(grads.dh[0][0].data) &&
    all.every((t) => finite(t.data)) &&
    finite(dhNorm);
  const paramNorm = globalNorm(all);
  return {
    key,
    dhNorm,
    dcNorm,
    dxNorm: rowNorms(grads.input?.data ?? new Float64Array(T * INPUT), T, INPUT),
    dh0Norm: Math.hypot(...grads.h0.data),
    paramNorm,
    whhNorm: globalNorm([p.wHh]),
    finite: ok && Number.isFinite(paramNorm),
  };
}

/**
 * ‖∂h_T/∂h_t‖₂ for t = 0 … T (index t; t = T is the identity, 1): the norm of the product of the step
 * Jacobians from t to T. Row j of ∂h_T/∂h_t is what reaches h_t from a loss e_j·h_T, so one backward pass
 * over a batch of H copies of the sequence, copy j seeded with e_j, gives the whole matrix at every t.
 */
export function jacobianProductNorms(net: Network, x: Tensor): Float64Array {
  const T = x.shape[0];
  const H = HIDDEN;
  const I = INPUT;
  const xb = new Float64Array(T * H * I);
  for (let t = 0; t < T; t++)
    for (let b = 0; b < H; b++) for (let i = 0; i < I; i++) xb[(t * H + b) * I + i] = x.data[t * I + i];
  const tr = forward(net, { shape: [T, H, I], data: xb });
  const eye = zeros([1, H, H]);
  for (let j = 0; j < H; j++) eye.data[j * H + j] = 1;
  const gr = backward(net, tr, { gradHN: eye });
  const dh = gr.dh[0][0].data; // (T, B=H, H): [t][j][i] = ∂h_T[j]/∂h_{t+1}[i]
  const out = new Float64Array(T + 1);
  const v = new Float64Array(H).fill(1 / Math.sqrt(H));
  for (let t = T; t >= 1; t--) out[t] = spectralNormPower(dh.subarray((t - 1) * H * H, t * H * H), H, v);
  out[0] = spectralNormPower(gr.h0.data, H, v);
  return out;
}

/** Clip the parameter gradient to global norm θ the way torch.nn.utils.clip_grad_norm_ does. */
export function clipSummary(
  norm: number,
  threshold: number,
): { before: number; after: number; factor: number; clipped: boolean } {
  if (!Number.isFinite(norm)) return { before: norm, after: Number.NaN, factor: Number.NaN, clipped: true };
  // the engine's clipGradNorm on a one-element stand-in with the same norm: identical factor and result
  const g = { shape: [1], data: new Float64Array([norm]) };
  clipGradNorm([g], threshold);
  const after = g.data[0];
  return { before: norm, after, factor: norm > 0 ? after / norm : 1, clipped: after < norm };
}

export interface Spectrum {
  /** Eigenvalues of the candidate block (the RNN's W_hh). */
  eigen: Complex[];
  radius: number;
  /** Singular values, largest first. */
  singular: number[];
}

export function spectrumOf(ing: Ingredients, radius: number): Spectrum {
  const W = recurrentBlocks(ing, 'rnn-tanh', radius)[0];
  return {
    eigen: eigenvalues(W, HIDDEN),
    radius: spectralRadius(W, HIDDEN),
    singular: singularValues(W, HIDDEN),
  };
}

export interface FlowResult {
  setup: Setup;
  cells: Record<NetKey, CellResult>;
  /** ‖∂h_T/∂h_t‖₂, t = 0 … T, for the selected network. */
  jacobian: Float64Array;
  spectrum: Spectrum;
}

/** Everything the norms and graph views draw, for one setup and the selected network. */
export function computeFlow(setup: Setup, selected: NetKey, ing = ingredients(setup.seed)): FlowResult {
  const x = inputTensor(ing, setup.T, setup.inputScale);
  const cells = {} as Record<NetKey, CellResult>;
  let jacobian: Float64Array = new Float64Array(setup.T + 1);
  for (const key of NET_KEYS) {
    const net = buildNetwork(ing, key, setup.radius);
    cells[key] = runCell(net, key, x, ing.g);
    if (key === selected) jacobian = jacobianProductNorms(net, x);
  }
  return { setup, cells, jacobian, spectrum: spectrumOf(ing, setup.radius) };
}

/** The slope of log₁₀‖∂L/∂h_t‖ per step back in time (least squares over the finite, positive values). */
export function decadesPerStep(norms: ArrayLike<number>): number {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let t = 0; t < norms.length; t++)
    if (norms[t] > 0 && Number.isFinite(norms[t])) {
      xs.push(norms.length - 1 - t);
      ys.push(Math.log10(norms[t]));
    }
  if (xs.length < 2) return Number.NaN;
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let sxy = 0;
  let sxx = 0;
  for (let k = 0; k < xs.length; k++) {
    sxy += (xs[k] - mx) * (ys[k] - my);
    sxx += (xs[k] - mx) ** 2;
  }
  return sxy / sxx;
}
