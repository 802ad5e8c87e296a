import type { CellKernels } from '../backend.ts';
import {
  ACT_BWD_WASM_BASE64,
  ACT_WASM_BASE64,
  GEMM_WASM_BASE64,
  SIMD_PROBE_WASM_BASE64,
} from './gemm.wasm.generated';
import { createTsBackend } from './ts-backend';
import { type Backend, checkGemmArgs, getWasmApi, spanOf, type WasmMemoryLike } from './types';

/**
 * WebAssembly SIMD backend.
 *
 * Memory model (why views never detach): the module imports one `WebAssembly.Memory` whose
 * `maximum` equals its `initial` size, and nothing ever calls `memory.grow`, so its ArrayBuffer is
 * never replaced and every Float32Array handed out by `allocF32` stays valid for the backend's life.
 * Storage comes from that fixed arena (64-byte aligned blocks): first from a free list of returned
 * blocks (first fit, split, coalesced with neighbours), else from a bump pointer. When it is
 * exhausted, `allocF32` throws an Error that says how much was asked, used and available. To free
 * storage: `freeF32(view)` returns one block (any order; the engine's `dispose(net)` does this for
 * a network's parameters and workspaces), `const m = backend.mark(); …; backend.release(m)` frees
 * everything above the mark (stack discipline; blocks reused from the free list below the mark are
 * not affected), and `reset()` frees everything. Freed views stay attached (no crash) but their
 * storage will be handed out again, so do not use them after freeing.
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
  /** Returns the block of a view that `allocF32` handed out (the whole view, not a subarray). */
  freeF32(a: Float32Array): void;
  /** Bytes in returned blocks below the bump pointer, available for reuse. */
  readonly bytesFree: number;
  /** Number of live blocks (allocated and not freed). */
  readonly liveBlocks: number;
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
let actModuleCache: object | undefined;
let actBwdModuleCache: object | undefined;
type Act8 = (a: number, b: number, c: number, d: number, e: number, f: number, B: number, H: number) => void;
type Tanh2 = (pS: number, pD1: number, pD2: number, n: number) => void;
type Bwd = (...args: number[]) => void;

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
    actModuleCache ??= new api.Module(decodeBase64(ACT_WASM_BASE64));
    const act = new api.Instance(actModuleCache, { env: { memory } }).exports;
    actBwdModuleCache ??= new api.Module(decodeBase64(ACT_BWD_WASM_BASE64));
    const actBwd = new api.Instance(actBwdModuleCache, { env: { memory } }).exports;
    return new WasmBackendImpl(
      memory,
      instance.exports.gemm as GemmFn,
      instance.exports.gemm_nt as GemmNtFn,
      instance.exports.transpose as TransposeFn,
      act.lstm_fwd as Act8,
      act.gru_fwd as Act8,
      act.tanh2 as Tanh2,
      actBwd.lstm_bwd as Bwd,
      actBwd.gru_bwd as Bwd,
      actBwd.gather_rows as Bwd,
      actBwd.gather_cols as Bwd,
      actBwd.scatter_rows as Bwd,
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
  /** Live blocks: start byte → size in bytes (aligned). */
  private readonly live = new Map<number, number>();
  /** Free blocks below `top`, sorted by start, never adjacent (coalesced). */
  private freeStarts: number[] = [];
  private freeSizes: number[] = [];

  constructor(
    memory: WasmMemoryLike,
    private readonly gemm: GemmFn,
    private readonly gemmNt: GemmNtFn,
    private readonly transpose: TransposeFn,
    lstmFwd: Act8,
    gruFwd: Act8,
    tanh2: Tanh2,
    lstmBwd: Bwd,
    gruBwd: Bwd,
    gatherRows: Bwd,
    gatherCols: Bwd,
    scatterRows: Bwd,
  ) {
    this.buffer = memory.buffer;
    this.bytesCapacity = this.buffer.byteLength;
    this.f32 = new Float32Array(this.buffer);
    const buf = this.buffer;
    this.cellsF32 = {
      lstmForward(pre, cPrev, gates, c, tc, h, B, H) {
        if (pre.buffer !== buf || cPrev.buffer !== buf || gates.buffer !== buf || c.buffer !== buf) return 0;
        if (tc.buffer !== buf || h.buffer !== buf) return 0;
        lstmFwd(
          pre.byteOffset,
          cPrev.byteOffset,
          gates.byteOffset,
          c.byteOffset,
          tc.byteOffset,
          h.byteOffset,
          B,
          H,
        );
        return H & ~3;
      },
      gruForward(pre, sh, hPrev, gates, aux, h, B, H) {
        if (pre.buffer !== buf || sh.buffer !== buf || hPrev.buffer !== buf || gates.buffer !== buf) return 0;
        if (aux.buffer !== buf || h.buffer !== buf) return 0;
        gruFwd(
          pre.byteOffset,
          sh.byteOffset,
          hPrev.byteOffset,
          gates.byteOffset,
          aux.byteOffset,
          h.byteOffset,
          B,
          H,
        );
        return H & ~3;
      },
      lstmBackward(gates, tc, cPrev, dh, dc, dcOut, da, dPre, B, H, beta) {
        if (gates.buffer !== buf || tc.buffer !== buf || cPrev.buffer !== buf || dh.buffer !== buf) return 0;
        if (dc.buffer !== buf || dcOut.buffer !== buf || da.buffer !== buf || dPre.buffer !== buf) return 0;
        lstmBwd(
          gates.byteOffset,
          tc.byteOffset,
          cPrev.byteOffset,
          dh.byteOffset,
          dc.byteOffset,
          dcOut.byteOffset,
          da.byteOffset,
          dPre.byteOffset,
          B,
          H,
          beta,
        );
        return H & ~3;
      },
      gruBackward(gates, aux, hPrev, dh, sx, sh, dX, dH, B, H) {
        if (gates.buffer !== buf || aux.buffer !== buf || hPrev.buffer !== buf || dh.buffer !== buf) return 0;
        if (sx.buffer !== buf || sh.buffer !== buf || dX.buffer !== buf || dH.buffer !== buf) return 0;
        gruBwd(
          gates.byteOffset,
          aux.byteOffset,
          hPrev.byteOffset,
          dh.byteOffset,
          sx.byteOffset,
          sh.byteOffset,
          dX.byteOffset,
          dH.byteOffset,
          B,
          H,
        );
        return H & ~3;
      },
      transpose: (src, rows, cols, ld, dst) => {
        if (src.buffer !== buf || dst.buffer !== buf) return false;
        transpose(src.byteOffset, rows, cols, ld * 4, dst.byteOffset);
        return true;
      },
      gatherRows(table, ld, tokens, n, dst, w, bias) {
        if (table.buffer !== buf || tokens.buffer !== buf || dst.buffer !== buf || bias.buffer !== buf)
          return false;
        gatherRows(table.byteOffset, ld, tokens.byteOffset, n, dst.byteOffset, w, bias.byteOffset);
        return true;
      },
      gatherCols(W, I, tokens, n, dst, w, bias) {
        if (W.buffer !== buf || tokens.buffer !== buf || dst.buffer !== buf || bias.buffer !== buf)
          return false;
        gatherCols(W.byteOffset, I, tokens.byteOffset, n, dst.byteOffset, w, bias.byteOffset);
        return true;
      },
      scatterRows(src, n, tokens, dst, w) {
        if (src.buffer !== buf || tokens.buffer !== buf || dst.buffer !== buf) return false;
        scatterRows(src.byteOffset, n, tokens.byteOffset, dst.byteOffset, w);
        return true;
      },
      tanh2(src, d1, d2, n) {
        if (src.buffer !== buf || d1.buffer !== buf || d2.buffer !== buf) return 0;
        tanh2(src.byteOffset, d1.byteOffset, d2.byteOffset, n);
        return n & ~3;
      },
    };
  }

  readonly cellsF32: CellKernels;
  /** Scratch position above the bump pointer during one gemmF32 call. */
  private scratch = 0;

  private take(elements: number): number {
    const p = this.scratch;
    this.scratch = Math.ceil((this.scratch + elements * 4) / ALIGN) * ALIGN;
    if (this.scratch > this.bytesCapacity) {
      throw new Error(
        `wasm backend arena exhausted: gemmF32 scratch needs ${this.scratch - this.top} bytes above ` +
          `${this.top} of ${this.bytesCapacity}; create the backend with a larger memoryBytes`,
      );
    }
    return p;
  }

  private place(X: Float32Array, span: number): number {
    if (X.buffer === this.buffer) return X.byteOffset;
    const p = this.take(span);
    this.f32.set(X.subarray(0, span), p >> 2);
    return p;
  }

  get bytesUsed(): number {
    return this.top - this.bytesFree;
  }

  get bytesFree(): number {
    let n = 0;
    for (const s of this.freeSizes) n += s;
    return n;
  }

  get liveBlocks(): number {
    return this.live.size;
  }

  owns(a: Float32Array): boolean {
    return a.buffer === this.buffer;
  }

  mark(): number {
    return this.top;
  }

  release(mark: number): void {
    if (!Number.isInteger(mark) || mark < ALIGN || mark % ALIGN !== 0 || mark > this.bytesCapacity)
      throw new RangeError(`release(${mark}): not a mark of this backend (current position ${this.top})`);
    if (mark >= this.top) return; // everything above the mark was freed already
    this.top = mark;
    for (const [start] of this.live) if (start >= mark) this.live.delete(start);
    // drop free blocks above the mark; clip one that straddles it
    let n = this.freeStarts.length;
    while (n > 0 && this.freeStarts[n - 1] >= mark) n--;
    this.freeStarts.length = n;
    this.freeSizes.length = n;
    if (n > 0 && this.freeStarts[n - 1] + this.freeSizes[n - 1] >= mark) {
      this.top = this.freeStarts[n - 1];
      this.freeStarts.length = n - 1;
      this.freeSizes.length = n - 1;
    }
  }

  reset(): void {
    this.top = ALIGN;
    this.live.clear();
    this.freeStarts = [];
    this.freeSizes = [];
  }

  freeF32(a: Float32Array): void {
    const start = a.byteOffset;
    const size = this.live.get(start);
    if (a.buffer !== this.buffer || size === undefined || a.byteLength > size)
      throw new RangeError('freeF32: not a live block of this backend (double free, or a subarray?)');
    this.live.delete(start);
    const fs = this.freeStarts;
    const fz = this.freeSizes;
    // insertion point: first free block after `start`
    let lo = 0;
    let hi = fs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (fs[mid] < start) lo = mid + 1;
      else hi = mid;
    }
    let s0 = start;
    let z0 = size;
    if (lo > 0 && fs[lo - 1] + fz[lo - 1] === s0) {
      // merge with the previous free block
      lo--;
      s0 = fs[lo];
      z0 += fz[lo];
      fs.splice(lo, 1);
      fz.splice(lo, 1);
    }
    if (lo < fs.length && s0 + z0 === fs[lo]) {
      z0 += fz[lo];
      fs.splice(lo, 1);
      fz.splice(lo, 1);
    }
    if (s0 + z0 === this.top)
      this.top = s0; // give the tail back to the bump pointer
    else {
      fs.splice(lo, 0, s0);
      fz.splice(lo, 0, z0);
    }
  }

  allocF32(length: number): Float32Array {
    if (!Number.isInteger(length) || length < 0) throw new RangeError(`allocF32: bad length ${length}`);
    const size = Math.max(ALIGN, Math.ceil((length * 4) / ALIGN) * ALIGN);
    let start = -1;
    const fs = this.freeStarts;
    const fz = this.freeSizes;
    for (let i = 0; i < fs.length; i++) {
      if (fz[i] >= size) {
        start = fs[i];
        if (fz[i] === size) {
          fs.splice(i, 1);
          fz.splice(i, 1);
        } else {
          fs[i] += size;
          fz[i] -= size;
        }
        break;
      }
    }
    if (start < 0) {
      start = this.top;
      if (start + size > this.bytesCapacity) {
        throw new Error(
          `wasm backend arena exhausted: allocF32(${length}) needs ${length * 4} bytes, ` +
            `${this.bytesUsed} of ${this.bytesCapacity} bytes are in use (${this.live.size} blocks); ` +
            'create the backend with a larger memoryBytes, or free storage (dispose(net), ' +
            'freeF32, release(mark), reset())',
        );
      }
      this.top = start + size;
    }
    this.live.set(start, size);
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
    const buf = this.buffer;
    if (A.buffer === buf && B.buffer === buf && C.buffer === buf && !(transA && transB)) {
      // fast path: every operand already lives in the arena (the engine's case)
      if (transB)
        this.gemmNt(
          M,
          N,
          K,
          alpha,
          A.byteOffset,
          lda * 4,
          B.byteOffset,
          ldb * 4,
          beta,
          C.byteOffset,
          ldc * 4,
        );
      else {
        const sAi = transA ? 4 : lda * 4;
        const sAk = transA ? lda * 4 : 4;
        this.gemm(M, N, K, alpha, A.byteOffset, sAi, sAk, B.byteOffset, ldb * 4, beta, C.byteOffset, ldc * 4);
      }
      return;
    }
    this.scratch = this.top;
    const spanA = spanOf(transA, M, K, lda);
    const spanB = spanOf(transB, K, N, ldb);
    const spanC = spanOf(false, M, N, ldc);
    let pA = this.place(A, spanA);
    const pB = this.place(B, spanB);
    const foreignC = C.buffer !== this.buffer;
    const pC = foreignC ? this.place(C, spanC) : C.byteOffset;
    if (transB) {
      // C = A·Bᵀ as dot products along contiguous rows of A and B (no packing of B)
      let sAi = lda * 4;
      if (transA) {
        // stored A is K×M; pack Aᵀ into a contiguous M×K block (rare)
        const pT = this.take(M * K);
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
