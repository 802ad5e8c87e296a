/**
 * The identity X W_xh + H W_hh = [X, H] [W_xh ; W_hh], computed both ways with the engine's own matrix
 * product (gemmF64) and seeded generator. Pure: no React, no store.
 *
 * Shapes: X (n, d), W_xh (d, h), H (n, h), W_hh (h, h); [X, H] is (n, d + h), [W_xh ; W_hh] is (d + h, h).
 */
import { createRng, gemmF64 } from '../../engine';

export interface Dims {
  /** Rows of X and H: the batch size. */
  n: number;
  /** Columns of X: the input size. */
  d: number;
  /** Columns of H: the hidden size. */
  h: number;
}

export type DimKey = keyof Dims;

export const DEFAULT_DIMS: Dims = { n: 3, d: 1, h: 4 };
export const DIM_LIMITS: Record<DimKey, [number, number]> = { n: [1, 8], d: [1, 8], h: [1, 8] };

export interface Clamped {
  value: number;
  /** Why the typed value was changed, if it was: 'not-a-number' | 'too-small' | 'too-large' | 'not-integer'. */
  issue: 'not-a-number' | 'too-small' | 'too-large' | 'not-integer' | null;
}

/** Read a typed size: integers in the key's range; anything else is clamped with the reason. */
export function clampDim(key: DimKey, raw: string | number, previous: number): Clamped {
  const [lo, hi] = DIM_LIMITS[key];
  const v = typeof raw === 'number' ? raw : Number(String(raw).trim());
  if (String(raw).trim() === '' || !Number.isFinite(v)) return { value: previous, issue: 'not-a-number' };
  if (v < lo) return { value: lo, issue: 'too-small' };
  if (v > hi) return { value: hi, issue: 'too-large' };
  if (!Number.isInteger(v)) return { value: Math.round(v), issue: 'not-integer' };
  return { value: v, issue: null };
}

/** A row-major matrix. */
export interface Mat {
  rows: number;
  cols: number;
  data: Float64Array;
}

export function mat(rows: number, cols: number, data?: ArrayLike<number>): Mat {
  const m = { rows, cols, data: new Float64Array(rows * cols) };
  if (data) m.data.set(data);
  return m;
}

/** A · B with the engine's gemm (C = 1·A·B + 0·C). */
export function matmul(a: Mat, b: Mat): Mat {
  if (a.cols !== b.rows) throw new Error(`matmul: (${a.rows}, ${a.cols}) · (${b.rows}, ${b.cols})`);
  const c = mat(a.rows, b.cols);
  gemmF64(false, false, a.rows, b.cols, a.cols, 1, a.data, a.cols, b.data, b.cols, 0, c.data, b.cols);
  return c;
}

export function add(a: Mat, b: Mat): Mat {
  const c = mat(a.rows, a.cols);
  for (let k = 0; k < c.data.length; k++) c.data[k] = a.data[k] + b.data[k];
  return c;
}

/** [A, B]: side by side (same rows). */
export function hcat(a: Mat, b: Mat): Mat {
  if (a.rows !== b.rows) throw new Error('hcat: rows differ');
  const c = mat(a.rows, a.cols + b.cols);
  for (let r = 0; r < a.rows; r++) {
    c.data.set(a.data.subarray(r * a.cols, (r + 1) * a.cols), r * c.cols);
    c.data.set(b.data.subarray(r * b.cols, (r + 1) * b.cols), r * c.cols + a.cols);
  }
  return c;
}

/** [A ; B]: stacked (same columns). */
export function vcat(a: Mat, b: Mat): Mat {
  if (a.cols !== b.cols) throw new Error('vcat: columns differ');
  const c = mat(a.rows + b.rows, a.cols);
  c.data.set(a.data, 0);
  c.data.set(b.data, a.data.length);
  return c;
}

export function maxAbsDiff(a: Mat, b: Mat): number {
  let m = 0;
  for (let k = 0; k < a.data.length; k++) m = Math.max(m, Math.abs(a.data[k] - b.data[k]));
  return m;
}

export interface Equivalence {
  dims: Dims;
  X: Mat;
  Wxh: Mat;
  H: Mat;
  Whh: Mat;
  /** X W_xh and H W_hh. */
  XW: Mat;
  HW: Mat;
  /** X W_xh + H W_hh. */
  separate: Mat;
  /** [X, H] and [W_xh ; W_hh]. */
  XH: Mat;
  W: Mat;
  /** [X, H] [W_xh ; W_hh]. */
  joint: Mat;
  maxAbsDiff: number;
}

/** Values rounded to 2 decimals, so the reader can check a product by hand. */
function randomMat(rows: number, cols: number, next: () => number): Mat {
  const m = mat(rows, cols);
  for (let k = 0; k < m.data.length; k++) m.data[k] = Math.round(next() * 100) / 100;
  return m;
}

/** Draw the four matrices from `seed` (uniform in [−1, 1], 2 decimals) and compute both sides. */
export function computeEquivalence(dims: Dims, seed: number): Equivalence {
  const rng = createRng(seed);
  const next = () => rng.uniform(-1, 1);
  const { n, d, h } = dims;
  const X = randomMat(n, d, next);
  const Wxh = randomMat(d, h, next);
  const H = randomMat(n, h, next);
  const Whh = randomMat(h, h, next);
  const XW = matmul(X, Wxh);
  const HW = matmul(H, Whh);
  const separate = add(XW, HW);
  const XH = hcat(X, H);
  const W = vcat(Wxh, Whh);
  const joint = matmul(XH, W);
  return { dims, X, Wxh, H, Whh, XW, HW, separate, XH, W, joint, maxAbsDiff: maxAbsDiff(separate, joint) };
}

/** URL state: "n3d1h4s42". */
export function encodeState(dims: Dims, seed: number): string {
  return `n${dims.n}d${dims.d}h${dims.h}s${seed}`;
}

export function decodeState(s: string | null | undefined): { dims: Dims; seed: number } | null {
  const m = s?.match(/^n(\d+)d(\d+)h(\d+)s(\d+)$/);
  if (!m) return null;
  const dims = {
    n: clampDim('n', Number(m[1]), DEFAULT_DIMS.n).value,
    d: clampDim('d', Number(m[2]), DEFAULT_DIMS.d).value,
    h: clampDim('h', Number(m[3]), DEFAULT_DIMS.h).value,
  };
  return { dims, seed: Number(m[4]) >>> 0 };
}
