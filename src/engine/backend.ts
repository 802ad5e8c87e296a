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
