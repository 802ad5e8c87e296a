import type { Backend } from '../backend.ts';

export type { Backend };

/** Minimal typing of the WebAssembly global: the engine's tsconfig has no DOM lib. */
export interface WasmMemoryLike {
  readonly buffer: ArrayBuffer;
}
export interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (
    module: object,
    imports: Record<string, Record<string, unknown>>,
  ) => { exports: Record<string, unknown> };
  Memory: new (desc: { initial: number; maximum?: number; shared?: boolean }) => WasmMemoryLike;
}

export function getWasmApi(): WasmApi | null {
  const g = globalThis as unknown as { WebAssembly?: WasmApi };
  return g.WebAssembly ?? null;
}

/** Number of f32 elements a row-major operand op(X) (rows×cols, row stride ld) spans. */
export function spanOf(trans: boolean, rows: number, cols: number, ld: number): number {
  if (rows === 0 || cols === 0) return 0;
  return trans ? (cols - 1) * ld + rows : (rows - 1) * ld + cols;
}

function isCount(x: number): boolean {
  return Number.isInteger(x) && x >= 0;
}

export function checkGemmArgs(
  transA: boolean,
  transB: boolean,
  M: number,
  N: number,
  K: number,
  A: Float32Array,
  lda: number,
  B: Float32Array,
  ldb: number,
  C: Float32Array,
  ldc: number,
): void {
  if (!isCount(M) || !isCount(N) || !isCount(K))
    throw new RangeError(`gemmF32: bad shape M=${M} N=${N} K=${K}`);
  // the stored shape of A is M×K (K×M when transposed); the row stride must cover a stored row
  if (!isCount(lda) || (M > 0 && K > 0 && lda < (transA ? M : K)))
    throw new RangeError(`gemmF32: lda=${lda} too small for ${transA ? 'Aᵀ' : 'A'} (M=${M}, K=${K})`);
  if (!isCount(ldb) || (N > 0 && K > 0 && ldb < (transB ? K : N)))
    throw new RangeError(`gemmF32: ldb=${ldb} too small for ${transB ? 'Bᵀ' : 'B'} (K=${K}, N=${N})`);
  if (!isCount(ldc) || (M > 0 && N > 0 && ldc < N)) throw new RangeError(`gemmF32: ldc=${ldc} < N=${N}`);
  const sa = spanOf(transA, M, K, lda);
  const sb = spanOf(transB, K, N, ldb);
  const sc = spanOf(false, M, N, ldc);
  if (A.length < sa) throw new RangeError(`gemmF32: A has ${A.length} elements, needs ${sa}`);
  if (B.length < sb) throw new RangeError(`gemmF32: B has ${B.length} elements, needs ${sb}`);
  if (C.length < sc) throw new RangeError(`gemmF32: C has ${C.length} elements, needs ${sc}`);
}
