/**
 * What a cell sees: the buffers of one layer and direction for one (T, B), sized once and
 * reused. Cells are plain objects with `forwardStep` / `backwardStep` working in place.
 *
 * Row layout of the state buffers `h`, `c`, `dh`, `dc` ((T+1) rows of B×H): the forward
 * direction keeps h0 in row 0 and h_t in row t+1; the reverse direction keeps h_t in row t
 * and h0 in row T. So the previous states of all T steps are the T consecutive rows starting
 * at `prevStart` (0 forward, 1 reverse), row-aligned with the time-indexed `pre`/`dPre*`.
 * Time-indexed buffers (`pre`, `gates`, `aux`, `dPreX`, `dPreH`) hold T blocks of B×(width).
 */
import type { CellKernels, Gemm } from '../backend.ts';
import type { DirParams } from '../params.ts';
import type { FloatArray } from '../tensor.ts';

export interface DirCtx {
  readonly T: number;
  readonly B: number;
  readonly H: number;
  /** G·H, the width of the fused gate block. */
  readonly GH: number;
  /** Input size of this layer. */
  readonly I: number;
  /** Jordan output size (0 otherwise). */
  readonly O: number;
  /** 0 forward, 1 reverse. */
  readonly dir: 0 | 1;
  readonly relu: boolean;
  readonly resetBefore: boolean;
  readonly peephole: boolean;
  /** Parameters (the network's) and their gradients (this workspace's). */
  readonly p: DirParams;
  readonly g: DirParams;
  readonly gemm: Gemm;
  /** Pre-activations (T,B,GH); the input projection W_ih x + b_ih is written here first. */
  readonly pre: FloatArray;
  /** Activated gates (T,B,GH): RNN [h], GRU [r,z,n], LSTM [i,f,g,o]. */
  readonly gates: FloatArray;
  /** Per-step extra (T,B,auxWidth): GRU W_hn h+b_hn (or r⊙h for reset-before); LSTM tanh(c_t); Jordan y_{t-1}. */
  readonly aux: FloatArray;
  readonly auxWidth: number;
  readonly h: FloatArray;
  readonly c: FloatArray;
  readonly prevStart: number;
  /** Row views: preV[t], gatesV[t], auxV[t] (time); hV[row], cV[row], dhV[row], dcV[row] (state rows). */
  readonly preV: FloatArray[];
  readonly gatesV: FloatArray[];
  readonly auxV: FloatArray[];
  readonly hV: FloatArray[];
  readonly cV: FloatArray[];
  /** h rows prevStart .. prevStart+T−1: the previous state of every step, (T·B, H). */
  readonly hPrevAll: FloatArray;
  /** Per-step scratch (B,GH) for the input side and the hidden side, plus views at column 2H. */
  readonly sx: FloatArray;
  readonly sh: FloatArray;
  readonly sxN: FloatArray;
  readonly shN: FloatArray;
  /** Per-step scratch (B, max(H,O)). */
  readonly tmp: FloatArray;
  /** W_hh rows 2H.. (GRU n block) of params and grads. */
  readonly wHhN: FloatArray;
  readonly gWhhN: FloatArray;
  /** dL/d(pre-activation), input side (T,B,GH); hidden side dPreH (aliases dPreX unless GRU). */
  readonly dPreX: FloatArray;
  readonly dPreH: FloatArray;
  readonly dPreXV: FloatArray[];
  readonly dPreHV: FloatArray[];
  /** Total dL/dh and dL/dc reaching each state row (same row layout as h, c). */
  readonly dh: FloatArray;
  readonly dc: FloatArray;
  readonly dhV: FloatArray[];
  readonly dcV: FloatArray[];
  /** Carry buffers (B,H) for truncated BPTT. */
  readonly carry: FloatArray[];
  /** float32 storage: activations use `sigmoid32`/`tanh32` (float32-accurate, ~3× faster than Math). */
  readonly fast: boolean;
  /** Leading columns of b_hh already added to `pre` by the input projection (see Cell.foldedBias). */
  readonly biasFolded: number;
  /** float32 on a backend with fused activation kernels (wasm): those, else null. */
  readonly act: CellKernels | null;
  /** @internal lazily made scratch (I, GH) for token gathers/scatters (W_ihᵀ, dW_ihᵀ). */
  scratchT: FloatArray | null;
  /** @internal allocates storage owned by this workspace (freed with it). */
  readonly alloc: (n: number) => FloatArray;
}

export interface Cell {
  /** Gate letters in block order, as the text names them. */
  readonly gateNames: readonly string[];
  /** Width of `aux` per (t, b): see DirCtx.aux. */
  auxWidth(H: number, O: number): number;
  /** Whether the hidden-side pre-activation gradient differs from the input side (GRU). */
  readonly separateHiddenGrad: boolean;
  /** One step at time t: reads pre[t] (input projection), h/c row `prev`; writes row `cur`. */
  forwardStep(k: DirCtx, t: number, prev: number, cur: number): void;
  /**
   * Backward through step t. `dhIn` = total dL/dh_t; `dcIn` = dL/dc_t from later steps, overwritten
   * with the total dL/dc_t (LSTM). Adds this step's dL/dpre into dPreX[t], dPreH[t] and
   * peephole/Jordan-output grads; sets dhOut ← beta·dhOut + dL/dh_{t−1} (and dcOut likewise).
   */
  backwardStep(
    k: DirCtx,
    t: number,
    prev: number,
    cur: number,
    dhIn: FloatArray,
    dcIn: FloatArray,
    dhOut: FloatArray,
    dcOut: FloatArray,
    beta: number,
  ): void;
  /** After all steps: gradients of the recurrent weights (W_hh, b_hh) from dPreH. */
  recurrentGrads(k: DirCtx): void;
  /**
   * How many leading columns of b_hh the input projection may add into `pre` once for all T
   * (they enter the pre-activation additively): G·H for RNN and LSTM, 2H (r, z) for GRU, 0 for Jordan.
   */
  foldedBias(H: number): number;
}

/** The (I, G·H) scratch for token gathers/scatters, allocated on first use (owned by the workspace). */
export function scratchT(k: DirCtx): FloatArray {
  if (!k.scratchT) k.scratchT = k.alloc(k.I * k.GH);
  return k.scratchT;
}

/** σ(a) = 1 / (1 + e^{−a}). */
export function sigmoid(a: number): number {
  return 1 / (1 + Math.exp(-a));
}

/** 2^k for k = −150 … 149 (index k + 150). */
const POW2 = new Float64Array(300);
for (let k = 0; k < 300; k++) POW2[k] = 2 ** (k - 150);
const LOG2E = Math.LOG2E;
const LN2 = Math.LN2;

/**
 * e^x to float32 accuracy (relative error < 2e-7, float32's epsilon is 6e-8 before rounding):
 * x = k·ln2 + r, |r| ≤ ln2/2, e^r by its degree-6 Taylor polynomial, times 2^k from a table.
 * About 3× faster than Math.exp in V8; used for float32 networks only (float64 keeps Math.exp).
 */
export function exp32(x: number): number {
  if (x < -103) return 0;
  if (x > 88.8) return Infinity; // beyond float32's range
  const k = Math.round(x * LOG2E);
  const r = x - k * LN2;
  const p = 1 + r * (1 + r * (0.5 + r * (1 / 6 + r * (1 / 24 + r * (1 / 120 + r * (1 / 720))))));
  return p * POW2[k + 150];
}

/** σ(a) with exp32 (float32 networks). */
export function sigmoid32(a: number): number {
  return 1 / (1 + exp32(-a));
}

/** tanh(a) = 1 − 2/(e^{2a} + 1) with exp32 (float32 networks; absolute error < 1e-7). */
export function tanh32(a: number): number {
  return 1 - 2 / (exp32(2 * a) + 1);
}

/** rows × n block at `off` += bias (broadcast over rows). */
export function addRowBias(x: FloatArray, off: number, rows: number, n: number, b: FloatArray): void {
  for (let r = 0; r < rows; r++) {
    const o = off + r * n;
    for (let j = 0; j < n; j++) x[o + j] += b[j];
  }
}

/** out[j] += Σ_r x[r·ld + j] for j < n. */
export function addColSum(out: FloatArray, x: FloatArray, rows: number, n: number, ld: number): void {
  for (let r = 0; r < rows; r++) {
    const o = r * ld;
    for (let j = 0; j < n; j++) out[j] += x[o + j];
  }
}

/** Generic recurrent grads: dW_hh += dPreHᵀ·h_prev (one gemm over all T·B rows), db_hh += Σ dPreH. */
export function standardRecurrentGrads(k: DirCtx): void {
  const { T, B, H, GH } = k;
  k.gemm(true, false, GH, H, T * B, 1, k.dPreH, GH, k.hPrevAll, H, 1, k.g.wHh.data, H);
  if (!k.g.bHh) return;
  // b_hh enters exactly like b_ih (dPreH is dPreX): db_hh = db_ih, which backward() has just
  // accumulated from the same dPreX into a zeroed buffer
  if (k.dPreH === k.dPreX && k.g.bIh) k.g.bHh.data.set(k.g.bIh.data);
  else addColSum(k.g.bHh.data, k.dPreH, T * B, GH, GH);
}
