import { GEMM_WASM_BASE64, SIMD_PROBE_WASM_BASE64 } from './gemm.wasm.generated';
import { createTsBackend } from './ts-backend';
import { type Backend, checkGemmArgs, getWasmApi, spanOf, type WasmMemoryLike } from './types';

/**
 * WebAssembly SIMD backend.
 *
 * Memory model (why views never detach): the module imports one `WebAssembly.Memory` whose
 * `maximum` equals its `initial` size, and nothing ever calls `memory.grow`, so its ArrayBuffer is
 * never replaced and every Float32Array handed out by `allocF32` stays valid for the backend's life.
 * Storage comes from a bump allocator over that fixed arena (64-byte aligned). When it is exhausted,
 * `allocF32` throws an Error that says how much was asked, used and available. To free storage:
 * `const m = backend.mark(); …allocate…; backend.release(m)` frees everything allocated after the
 * mark (stack discipline), and `reset()` frees everything. Released views stay attached (no crash)
 * but their storage will be handed out again, so do not use them after release.
 *
 * The free space above the bump pointer doubles as scratch: gemmF32 packs Aᵀ there when both
 * operands are transposed, and copies operands that are not views on this memory (plain Float32Arrays work too, at the cost of
 * a copy). Operands may be any subarray views; C must not overlap A or B.
 */
export interface WasmBackend extends Backend {
  readonly name: 'wasm-simd';
  /** Total arena size in bytes (fixed at creation). */
  readonly bytesCapacity: number;
  /** Bytes currently allocated (including alignment padding). */
  readonly bytesUsed: number;
  /** True when `a` is a view on this backend's memory (gemmF32 then works on it without copying). */
  owns(a: Float32Array): boolean;
  /** Current allocation position, to pass to `release`. */
  mark(): number;
  /** Frees everything allocated after `mark` was taken. */
  release(mark: number): void;
  /** Frees all allocations. */
  reset(): void;
}

export interface WasmBackendOptions {
  /** Arena size in bytes, rounded up to 64 KiB pages. Default 256 MiB (pages are committed lazily by the OS). */
  memoryBytes?: number;
}

const PAGE = 65536;
const ALIGN = 64;
const DEFAULT_BYTES = 256 * 1024 * 1024;
const MAX_BYTES = 1024 * 1024 * 1024;

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes standard base64 (no atob: the engine runs without DOM or Node globals). */
export function decodeBase64(s: string): Uint8Array {
  const clean = s.replace(/[^A-Za-z0-9+/]/g, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let acc = 0;
  let o = 0;
  for (let i = 0; i < clean.length; i++) {
    acc = (acc << 6) | B64.indexOf(clean[i]);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out.subarray(0, o);
}

let simdCache: boolean | undefined;

/** True when this runtime has WebAssembly with fixed-width SIMD. */
export function hasWasmSimd(): boolean {
  if (simdCache !== undefined) return simdCache;
  const api = getWasmApi();
  try {
    simdCache = !!api && api.validate(decodeBase64(SIMD_PROBE_WASM_BASE64));
  } catch {
    simdCache = false;
  }
  return simdCache;
}

type GemmFn = (
  M: number,
  N: number,
  K: number,
  alpha: number,
  pA: number,
  sAi: number,
  sAk: number,
  pB: number,
  sBk: number,
  beta: number,
  pC: number,
  sCi: number,
) => void;
type GemmNtFn = (
  M: number,
  N: number,
  K: number,
  alpha: number,
  pA: number,
  sAi: number,
  pB: number,
  sBj: number,
  beta: number,
  pC: number,
  sCi: number,
) => void;
type TransposeFn = (pSrc: number, rows: number, cols: number, sSrc: number, pDst: number) => void;

let moduleCache: object | undefined;

/**
 * Creates a WebAssembly SIMD backend with its own fixed arena, or returns null when WebAssembly
 * SIMD is unavailable or the arena cannot be reserved (even at 16 MiB).
 */
export function createWasmBackend(options: WasmBackendOptions = {}): WasmBackend | null {
  const api = getWasmApi();
  if (!api || !hasWasmSimd()) return null;
  let want = Math.min(MAX_BYTES, Math.max(PAGE, options.memoryBytes ?? DEFAULT_BYTES));
  let memory: WasmMemoryLike | undefined;
  while (!memory) {
    const pages = Math.ceil(want / PAGE);
    try {
      memory = new api.Memory({ initial: pages, maximum: pages });
    } catch (e) {
      // explicit sizes are honoured or fail; the default backs off on small devices
      if (options.memoryBytes !== undefined || want <= 16 * 1024 * 1024) {
        if (options.memoryBytes !== undefined) throw e;
        return null;
      }
      want = Math.floor(want / 2);
    }
  }
  try {
    moduleCache ??= new api.Module(decodeBase64(GEMM_WASM_BASE64));
    const instance = new api.Instance(moduleCache, { env: { memory } });
    return new WasmBackendImpl(
      memory,
      instance.exports.gemm as GemmFn,
      instance.exports.gemm_nt as GemmNtFn,
      instance.exports.transpose as TransposeFn,
    );
  } catch {
    return null;
  }
}

class WasmBackendImpl implements WasmBackend {
  readonly name = 'wasm-simd' as const;
  readonly bytesCapacity: number;
  private readonly buffer: ArrayBuffer;
  private readonly f32: Float32Array;
  private top = ALIGN; // keep address 0 unused

  constructor(
    memory: WasmMemoryLike,
    private readonly gemm: GemmFn,
    private readonly gemmNt: GemmNtFn,
    private readonly transpose: TransposeFn,
  ) {
    this.buffer = memory.buffer;
    this.bytesCapacity = this.buffer.byteLength;
    this.f32 = new Float32Array(this.buffer);
  }

  get bytesUsed(): number {
    return this.top;
  }

  owns(a: Float32Array): boolean {
    return a.buffer === this.buffer;
  }

  mark(): number {
    return this.top;
  }

  release(mark: number): void {
    if (!Number.isInteger(mark) || mark < ALIGN || mark > this.top)
      throw new RangeError(`release(${mark}): not a mark of this backend (current position ${this.top})`);
    this.top = mark;
  }

  reset(): void {
    this.top = ALIGN;
  }

  allocF32(length: number): Float32Array {
    if (!Number.isInteger(length) || length < 0) throw new RangeError(`allocF32: bad length ${length}`);
    const start = this.top;
    const end = start + length * 4;
    if (end > this.bytesCapacity) {
      throw new Error(
        `wasm backend arena exhausted: allocF32(${length}) needs ${length * 4} bytes, ` +
          `${start} of ${this.bytesCapacity} bytes are in use; create the backend with a larger ` +
          'memoryBytes, or free storage with release(mark)/reset()',
      );
    }
    this.top = Math.ceil(end / ALIGN) * ALIGN;
    const view = new Float32Array(this.buffer, start, length);
    view.fill(0);
    return view;
  }

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
  ): void {
    checkGemmArgs(transA, transB, M, N, K, A, lda, B, ldb, C, ldc);
    if (M === 0 || N === 0) return;
    if (K === 0 || alpha === 0) {
      // C = beta·C without reading A or B (BLAS semantics)
      for (let i = 0; i < M; i++) {
        const row = C.subarray(i * ldc, i * ldc + N);
        if (beta === 0) row.fill(0);
        else if (beta !== 1) for (let j = 0; j < N; j++) row[j] *= beta;
      }
      return;
    }
    let scratch = this.top;
    const take = (elements: number): number => {
      const p = scratch;
      scratch = Math.ceil((scratch + elements * 4) / ALIGN) * ALIGN;
      if (scratch > this.bytesCapacity) {
        throw new Error(
          `wasm backend arena exhausted: gemmF32 scratch needs ${scratch - this.top} bytes above ` +
            `${this.top} of ${this.bytesCapacity}; create the backend with a larger memoryBytes`,
        );
      }
      return p;
    };
    const place = (X: Float32Array, span: number): number => {
      if (X.buffer === this.buffer) return X.byteOffset;
      const p = take(span);
      this.f32.set(X.subarray(0, span), p >> 2);
      return p;
    };
    const spanA = spanOf(transA, M, K, lda);
    const spanB = spanOf(transB, K, N, ldb);
    const spanC = spanOf(false, M, N, ldc);
    let pA = place(A, spanA);
    const pB = place(B, spanB);
    const foreignC = C.buffer !== this.buffer;
    const pC = foreignC ? place(C, spanC) : C.byteOffset;
    if (transB) {
      // C = A·Bᵀ as dot products along contiguous rows of A and B (no packing of B)
      let sAi = lda * 4;
      if (transA) {
        // stored A is K×M; pack Aᵀ into a contiguous M×K block (rare)
        const pT = take(M * K);
        this.transpose(pA, K, M, lda * 4, pT);
        pA = pT;
        sAi = K * 4;
      }
      this.gemmNt(M, N, K, alpha, pA, sAi, pB, ldb * 4, beta, pC, ldc * 4);
    } else {
      // a transposed A costs nothing: the kernel reads A through (row, k) byte strides
      const sAi = transA ? 4 : lda * 4;
      const sAk = transA ? lda * 4 : 4;
      this.gemm(M, N, K, alpha, pA, sAi, sAk, pB, ldb * 4, beta, pC, ldc * 4);
    }
    if (foreignC) C.set(this.f32.subarray(pC >> 2, (pC >> 2) + spanC));
  }
}

/** The fastest backend this runtime supports: wasm SIMD when available, else plain TypeScript. */
export function bestBackend(options: WasmBackendOptions = {}): Backend {
  return createWasmBackend(options) ?? createTsBackend();
}
