/**
 * Tensors: a shape and a flat, row-major typed array (the last index varies fastest).
 * One storage type per network, chosen when it is built: Float32Array ('float32') for
 * training speed, Float64Array ('float64') for finite-difference checks and conformance.
 */

export type DType = 'float32' | 'float64';
export type FloatArray = Float32Array | Float64Array;

export interface Tensor {
  readonly shape: readonly number[];
  readonly data: FloatArray;
}

/** A (T, B) batch of integer token ids, time-major, as the fixtures store `tokens`. */
export interface TokenInput {
  readonly shape: readonly [number, number];
  readonly tokens: ArrayLike<number>;
}

/** Number of elements of a shape. */
export function sizeOf(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** A zero-filled array of the given storage type. */
export function allocArray(dtype: DType, length: number): FloatArray {
  return dtype === 'float32' ? new Float32Array(length) : new Float64Array(length);
}

export function dtypeOf(a: FloatArray): DType {
  return a instanceof Float32Array ? 'float32' : 'float64';
}

/** A zero tensor. */
export function zeros(shape: readonly number[], dtype: DType = 'float64'): Tensor {
  return { shape: [...shape], data: allocArray(dtype, sizeOf(shape)) };
}

/** A tensor holding a copy of `data` (any array-like of numbers) in the given storage type. */
export function tensor(shape: readonly number[], data: ArrayLike<number>, dtype: DType = 'float64'): Tensor {
  const n = sizeOf(shape);
  if (data.length !== n) {
    throw new Error(`tensor: shape [${shape.join(', ')}] needs ${n} values, got ${data.length}`);
  }
  const out = allocArray(dtype, n);
  for (let i = 0; i < n; i++) out[i] = data[i];
  return { shape: [...shape], data: out };
}

/** A tensor that shares `data` (no copy). */
export function view(shape: readonly number[], data: FloatArray): Tensor {
  if (data.length !== sizeOf(shape)) {
    throw new Error(`view: shape [${shape.join(', ')}] does not fit ${data.length} values`);
  }
  return { shape: [...shape], data };
}

/** A deep copy, optionally converted to another storage type. */
export function clone(t: Tensor, dtype: DType = dtypeOf(t.data)): Tensor {
  return tensor(t.shape, t.data, dtype);
}

/** Copy `src` into `dst` elementwise (lengths must match). */
export function copyInto(dst: FloatArray, src: ArrayLike<number>): void {
  if (dst.length !== src.length) throw new Error(`copyInto: length ${src.length} into ${dst.length}`);
  for (let i = 0; i < dst.length; i++) dst[i] = src[i];
}

/** Element [i0, i1, ...] of a tensor (for tests and widgets, not hot loops). */
export function at(t: Tensor, ...index: number[]): number {
  let off = 0;
  for (let k = 0; k < t.shape.length; k++) off = off * t.shape[k] + (index[k] ?? 0);
  return t.data[off];
}

export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

export function shapeString(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

/** L2 norm of a flat array. */
export function norm2(a: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * a[i];
  return Math.sqrt(s);
}
