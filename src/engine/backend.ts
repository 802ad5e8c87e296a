/**
 * Matrix-product backends. Every float32 matrix product on the hot paths goes through
 * `Backend.gemmF32`; a WebAssembly SIMD backend implements the same interface. Float64
 * networks use `gemmF64` (same contract, plain TypeScript).
 *
 * Contract (BLAS sgemm, row-major): C = alpha·op(A)·op(B) + beta·C, op(X) = X or Xᵀ,
 * C is M×N, K is the inner size; lda/ldb/ldc are the row strides of the *stored* matrices
 * (A stored K×M when transA). beta = 0 overwrites C (NaN in C is not propagated).
 * A, B, C may be subarray views; element 0 of a view is the matrix's (0, 0).
 */
import { gemmF64, gemmTs32 } from './gemm.ts';
import { bestBackend } from './kernels/wasm-backend.ts';
import type { FloatArray } from './tensor.ts';

export { gemmF64, gemmTs32 };

export interface Backend {
  readonly name: string;
  /** Float32 storage that gemmF32 reads/writes without copying (for wasm: a view on its linear memory). */
  allocF32(length: number): Float32Array;
  /** Row-major C = alpha·op(A)·op(B) + beta·C, op(X) = X or Xᵀ; M×N result, K inner; lda/ldb/ldc are row strides; A, B, C may be subarray views (use their byteOffset). */
  gemmF32(
    transA: boolean,
    transB: boolean,
    M: number,
    N: number,
    K: number,
    alpha: number,
    A: Float32Array,
    lda: number,
    B: Float32Array,
    ldb: number,
    beta: number,
    C: Float32Array,
    ldc: number,
  ): void;
  /**
   * Optional: return a block that `allocF32` handed out (arena backends). Backends without it rely
   * on garbage collection. The engine's `dispose(net)` calls it for everything a network owns.
   */
  freeF32?(a: Float32Array): void;
  /** Optional fused float32 cell activations (the wasm backend has them); see `CellKernels`. */
  readonly cellsF32?: CellKernels;
}

/**
 * Fused float32 activations for the cells' forward steps. Each processes the first `H & ~3`
 * columns of every row (whole SIMD vectors) and returns that count, or returns 0 without doing
 * anything when an array is not its own storage; the caller finishes the remaining columns.
 * Same equations as the cells' TypeScript loops, exp to float32 accuracy (~1 ulp).
 */
export interface CellKernels {
  /** pre (B,4H) [i,f,g,o] → gates (B,4H), c = f⊙cPrev + i⊙g, tc = tanh(c), h = o⊙tc (B,H). */
  lstmForward(
    pre: Float32Array,
    cPrev: Float32Array,
    gates: Float32Array,
    c: Float32Array,
    tc: Float32Array,
    h: Float32Array,
    B: number,
    H: number,
  ): number;
  /** PyTorch GRU: pre (B,3H) input side, sh (B,3H) hidden side with b_hn → pre (full), gates, aux = sh[:,2H:], h. */
  gruForward(
    pre: Float32Array,
    sh: Float32Array,
    hPrev: Float32Array,
    gates: Float32Array,
    aux: Float32Array,
    h: Float32Array,
    B: number,
    H: number,
  ): number;
  /** d1 = d2 = tanh(src) for the first n & ~3 elements; returns that count (or 0). */
  tanh2(src: Float32Array, d1: Float32Array, d2: Float32Array, n: number): number;
  /**
   * LSTM backwardStep, pointwise part (no peepholes): from gates, tc = tanh(c_t), cPrev and dhIn:
   * da (B,4H), dPre += da, dc ← dc + dh⊙o⊙(1−tc²) (in place), dcOut ← beta·dcOut + dc⊙f.
   */
  lstmBackward(
    gates: Float32Array,
    tc: Float32Array,
    cPrev: Float32Array,
    dh: Float32Array,
    dc: Float32Array,
    dcOut: Float32Array,
    da: Float32Array,
    dPre: Float32Array,
    B: number,
    H: number,
    beta: number,
  ): number;
  /** dst (cols × rows, contiguous) = srcᵀ, src rows×cols with row stride ld; false when it cannot. */
  transpose(src: Float32Array, rows: number, cols: number, ld: number, dst: Float32Array): boolean;
  /** dst[r, :w] = table[tokens[r], :w] + bias (table row stride ld), r < n; false when it cannot. */
  gatherRows(
    table: Float32Array,
    ld: number,
    tokens: Int32Array,
    n: number,
    dst: Float32Array,
    w: number,
    bias: Float32Array,
  ): boolean;
  /** dst[r, j] = W[j, tokens[r]] + bias[j] (W is w × I), r < n; false when it cannot. */
  gatherCols(
    W: Float32Array,
    I: number,
    tokens: Int32Array,
    n: number,
    dst: Float32Array,
    w: number,
    bias: Float32Array,
  ): boolean;
  /** dst[tokens[r], :w] += src[r, :w], r < n; false when it cannot. */
  scatterRows(src: Float32Array, n: number, tokens: Int32Array, dst: Float32Array, w: number): boolean;
  /** PyTorch GRU backwardStep, pointwise part: sx, sh (B,3H) = dL/da input/hidden side; dX += sx, dH += sh. */
  gruBackward(
    gates: Float32Array,
    aux: Float32Array,
    hPrev: Float32Array,
    dh: Float32Array,
    sx: Float32Array,
    sh: Float32Array,
    dX: Float32Array,
    dH: Float32Array,
    B: number,
    H: number,
  ): number;
}

/** The gemm signature the engine uses internally, over either storage type. */
export type Gemm = (
  transA: boolean,
  transB: boolean,
  M: number,
  N: number,
  K: number,
  alpha: number,
  A: FloatArray,
  lda: number,
  B: FloatArray,
  ldb: number,
  beta: number,
  C: FloatArray,
  ldc: number,
) => void;

/** The pure-TypeScript backend: plain Float32Arrays and `gemmTs32`. */
export const tsBackend: Backend = {
  name: 'ts',
  allocF32: (length) => new Float32Array(length),
  gemmF32: gemmTs32,
};

/** The engine's internal gemm for a storage type: the backend's for float32, TS for float64. */
export function gemmFor(dtype: 'float32' | 'float64', backend: Backend): Gemm {
  if (dtype === 'float64') return gemmF64 as Gemm;
  const g = backend.gemmF32.bind(backend);
  return g as Gemm;
}

let defaultCache: Backend | undefined;

/**
 * The backend float32 networks, heads and language models use when none is passed: the WebAssembly
 * SIMD backend (`bestBackend()`, one shared 256 MiB arena, created on first use) wherever the runtime
 * has WebAssembly SIMD (Node ≥ 16, current browsers), else `tsBackend`. Free what you no longer
 * need with `dispose(net)` / `dispose(model)`: the arena is fixed-size.
 */
export function defaultBackend(): Backend {
  defaultCache ??= bestBackend();
  return defaultCache;
}

/** Replace the engine-wide default (e.g. `tsBackend` to force the pure TypeScript path); returns the previous one. */
export function setDefaultBackend(backend: Backend | null): Backend | undefined {
  const prev = defaultCache;
  defaultCache = backend ?? undefined;
  return prev;
}

/** The backend for a new float32/float64 object when the caller passed `backend` (or nothing). */
export function backendFor(dtype: 'float32' | 'float64', backend: Backend | undefined): Backend {
  if (backend) return backend;
  return dtype === 'float32' ? defaultBackend() : tsBackend;
}
