import { type Backend, checkGemmArgs } from './types';

/**
 * Plain TypeScript GEMM (no SIMD): the fallback where WebAssembly SIMD is missing, and the
 * reference the wasm kernel is measured against. Loop orders keep the inner loop contiguous
 * where the layout allows (i-k-j for B untransposed, dot products for Bᵀ).
 */
export function gemmF32Ts(
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
): void {
  checkGemmArgs(transA, transB, M, N, K, A, lda, B, ldb, C, ldc);
  if (M === 0 || N === 0) return;
  const sAi = transA ? 1 : lda;
  const sAk = transA ? lda : 1;
  if (!transB) {
    for (let i = 0; i < M; i++) {
      const c0 = i * ldc;
      if (beta === 0) C.fill(0, c0, c0 + N);
      else if (beta !== 1) for (let j = 0; j < N; j++) C[c0 + j] *= beta;
      const a0 = i * sAi;
      for (let k = 0; k < K; k++) {
        const a = alpha * A[a0 + k * sAk];
        const b0 = k * ldb;
        for (let j = 0; j < N; j++) C[c0 + j] += a * B[b0 + j];
      }
    }
  } else {
    for (let i = 0; i < M; i++) {
      const c0 = i * ldc;
      const a0 = i * sAi;
      for (let j = 0; j < N; j++) {
        const b0 = j * ldb;
        let s = 0;
        if (sAk === 1) for (let k = 0; k < K; k++) s += A[a0 + k] * B[b0 + k];
        else for (let k = 0; k < K; k++) s += A[a0 + k * sAk] * B[b0 + k];
        C[c0 + j] = beta === 0 ? alpha * s : alpha * s + beta * C[c0 + j];
      }
    }
  }
}

export function createTsBackend(): Backend {
  return {
    name: 'ts',
    allocF32: (length: number) => new Float32Array(length),
    gemmF32: gemmF32Ts,
  };
}
