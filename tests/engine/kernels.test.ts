import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bestBackend,
  createTsBackend,
  createWasmBackend,
  decodeBase64,
  hasWasmSimd,
  type WasmBackend,
} from '../../src/engine/kernels/index';
import type { Backend } from '../../src/engine/kernels/types';

/** Float64 reference: returns the expected C and the per-element magnitude bound Σ|α a b| + |β c|. */
function reference(
  tA: boolean,
  tB: boolean,
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
): { out: Float64Array; mag: Float64Array } {
  const out = new Float64Array(C.length);
  const mag = new Float64Array(C.length);
  for (let i = 0; i < C.length; i++) out[i] = C[i];
  for (let i = 0; i < M; i++) {
    for (let j = 0; j < N; j++) {
      let s = 0;
      let m = 0;
      for (let k = 0; k < K; k++) {
        const a = tA ? A[k * lda + i] : A[i * lda + k];
        const b = tB ? B[j * ldb + k] : B[k * ldb + j];
        s += a * b;
        m += Math.abs(a * b);
      }
      const c = C[i * ldc + j];
      out[i * ldc + j] = alpha * s + (beta === 0 ? 0 : beta * c);
      mag[i * ldc + j] = Math.abs(alpha) * m + (beta === 0 ? 0 : Math.abs(beta * c));
    }
  }
  return { out, mag };
}

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

interface Case {
  tA: boolean;
  tB: boolean;
  M: number;
  N: number;
  K: number;
  alpha: number;
  beta: number;
  padA: number;
  padB: number;
  padC: number;
  offA: number;
  offB: number;
  offC: number;
  seed: number;
}

/** Runs one case on `be`, with operands as offset subarray views of backend storage (or plain arrays). */
function check(be: Backend, c: Case, plain = false): void {
  const rand = lcg(c.seed);
  const rowsA = c.tA ? c.K : c.M;
  const colsA = c.tA ? c.M : c.K;
  const rowsB = c.tB ? c.N : c.K;
  const colsB = c.tB ? c.K : c.N;
  const lda = colsA + c.padA;
  const ldb = colsB + c.padB;
  const ldc = c.N + c.padC;
  const alloc = (n: number) => (plain ? new Float32Array(n) : be.allocF32(n));
  const fill = (n: number, off: number) => {
    const base = alloc(n + off + 3);
    for (let i = 0; i < base.length; i++) base[i] = rand() * 2 - 1;
    return base.subarray(off, off + n);
  };
  const A = fill(Math.max(1, rowsA * lda), c.offA);
  const B = fill(Math.max(1, rowsB * ldb), c.offB);
  const C = fill(Math.max(1, c.M * ldc), c.offC);
  const before = C.slice();
  const { out, mag } = reference(c.tA, c.tB, c.M, c.N, c.K, c.alpha, A, lda, B, ldb, c.beta, before, ldc);
  be.gemmF32(c.tA, c.tB, c.M, c.N, c.K, c.alpha, A, lda, B, ldb, c.beta, C, ldc);
  for (let i = 0; i < c.M; i++) {
    for (let j = 0; j < ldc; j++) {
      const idx = i * ldc + j;
      if (idx >= C.length) break;
      if (j >= c.N) {
        // padding between rows is untouched
        expect(C[idx]).toBe(before[idx]);
        continue;
      }
      const tol = 2e-6 * (c.K + 2) * mag[idx] + 1e-6;
      if (!(Math.abs(C[idx] - out[idx]) <= tol)) {
        throw new Error(`C[${i},${j}] = ${C[idx]}, expected ${out[idx]} ± ${tol} in ${JSON.stringify(c)}`);
      }
    }
  }
}

const wasm = createWasmBackend({ memoryBytes: 64 * 1024 * 1024 });

const caseArb = fc.record({
  tA: fc.boolean(),
  tB: fc.boolean(),
  M: fc.integer({ min: 1, max: 23 }),
  N: fc.integer({ min: 1, max: 37 }),
  K: fc.integer({ min: 0, max: 29 }),
  alpha: fc.constantFrom(1, -0.5, 2.25, 0),
  beta: fc.constantFrom(0, 1, 0.5, -1.5),
  padA: fc.integer({ min: 0, max: 3 }),
  padB: fc.integer({ min: 0, max: 3 }),
  padC: fc.integer({ min: 0, max: 3 }),
  offA: fc.integer({ min: 0, max: 5 }),
  offB: fc.integer({ min: 0, max: 5 }),
  offC: fc.integer({ min: 0, max: 5 }),
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
});

describe('wasm SIMD gemm', () => {
  it('is available in Node 20+ and decodes its base64 bytes', () => {
    expect(hasWasmSimd()).toBe(true);
    expect(wasm).not.toBeNull();
    expect(bestBackend().name).toBe('wasm-simd');
    expect(Array.from(decodeBase64('AGFzbQ=='))).toEqual([0, 97, 115, 109]);
  });

  const be = wasm as WasmBackend;

  it('matches a float64 reference on fixed edge shapes, all transposes', () => {
    const shapes = [
      [1, 1, 1],
      [1, 1, 7],
      [1, 8, 3],
      [4, 8, 1],
      [3, 5, 2],
      [5, 9, 13],
      [4, 12, 4],
      [7, 17, 31],
      [16, 512, 128],
      [1, 512, 128],
      [33, 20, 65],
    ];
    for (const [M, N, K] of shapes) {
      for (const tA of [false, true]) {
        for (const tB of [false, true]) {
          const mark = be.mark();
          check(be, {
            tA,
            tB,
            M,
            N,
            K,
            alpha: 0.75,
            beta: 0.5,
            padA: 1,
            padB: 2,
            padC: 3,
            offA: 1,
            offB: 2,
            offC: 3,
            seed: M * 1000 + N + K,
          });
          check(be, {
            tA,
            tB,
            M,
            N,
            K,
            alpha: 1,
            beta: 0,
            padA: 0,
            padB: 0,
            padC: 0,
            offA: 0,
            offB: 0,
            offC: 0,
            seed: 7,
          });
          be.release(mark);
        }
      }
    }
  });

  it('matches the reference on random shapes, strides, offsets, alpha and beta (fast-check)', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const mark = be.mark();
        try {
          check(be, c);
        } finally {
          be.release(mark);
        }
      }),
      { numRuns: 300, seed: 42 },
    );
  });

  it('accepts plain Float32Arrays that are not views on its memory (copied through scratch)', () => {
    fc.assert(
      fc.property(caseArb, (c) => check(be, c, true)),
      { numRuns: 100, seed: 7 },
    );
  });

  it('does not read C when beta = 0 (NaN in C does not propagate)', () => {
    const A = be.allocF32(6).fill(1);
    const B = be.allocF32(6).fill(2);
    const C = be.allocF32(4).fill(Number.NaN);
    be.gemmF32(false, false, 2, 2, 3, 1, A, 3, B, 2, 0, C, 2);
    expect(Array.from(C)).toEqual([6, 6, 6, 6]);
  });

  it('keeps views attached; arena exhaustion is a clear error; mark/release/reset free storage', () => {
    const small = createWasmBackend({ memoryBytes: 1 << 20 }) as WasmBackend;
    expect(small.bytesCapacity).toBe(1 << 20);
    const a = small.allocF32(1000);
    a[999] = 3;
    const m = small.mark();
    small.allocF32(100_000);
    expect(() => small.allocF32(200_000)).toThrow(/arena exhausted/);
    small.release(m);
    expect(small.bytesUsed).toBe(m);
    const b = small.allocF32(200_000);
    expect(b.length).toBe(200_000);
    expect(a[999]).toBe(3);
    expect(a.buffer.byteLength).toBe(1 << 20);
    small.reset();
    expect(small.bytesUsed).toBeLessThan(128);
    expect(() => small.release(1 << 30)).toThrow(RangeError);
  });

  it('rejects bad arguments with RangeError', () => {
    const A = be.allocF32(4);
    expect(() => be.gemmF32(false, false, 2, 2, 2, 1, A, 1, A, 2, 0, A, 2)).toThrow(/lda/);
    expect(() => be.gemmF32(false, false, 2, 2, 3, 1, A, 3, A, 2, 0, A, 2)).toThrow(/A has 4/);
    expect(() => be.gemmF32(false, false, -1, 2, 2, 1, A, 2, A, 2, 0, A, 2)).toThrow(RangeError);
  });
});

describe('TypeScript gemm', () => {
  const ts = createTsBackend();
  it('matches the reference (fast-check)', () => {
    fc.assert(
      fc.property(caseArb, (c) => check(ts, c)),
      { numRuns: 200, seed: 3 },
    );
  });
});
