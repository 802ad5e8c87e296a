import { describe, expect, it } from 'vitest';
import { tsBackend } from '../../src/engine/backend.ts';
import { backward } from '../../src/engine/bptt.ts';
import { createWasmBackend, type WasmBackend } from '../../src/engine/kernels/index.ts';
import { createLanguageModel, dispose, lmLossAndGrads } from '../../src/engine/lm.ts';
import {
  createNetwork,
  forward,
  releaseTrace,
  releaseWorkspace,
  WORKSPACE_CACHE_SIZE,
} from '../../src/engine/network.ts';
import { createRng } from '../../src/engine/random.ts';
import { randTensor } from './helpers.ts';

const arena = (mb: number) => {
  const be = createWasmBackend({ memoryBytes: mb * 1024 * 1024 });
  if (!be) throw new Error('WebAssembly SIMD is not available');
  return be as WasmBackend;
};

const tokens = (T: number, B: number, V: number, seed: number) => {
  const rng = createRng(seed);
  const ids = Array.from({ length: T * B }, () => Math.floor(rng.uniform(0, V)));
  return { input: { shape: [T, B] as [number, number], tokens: ids }, targets: ids.slice().reverse() };
};

describe('wasm arena free list', () => {
  it('reuses freed blocks, coalesces neighbours and gives the tail back', () => {
    const be = arena(1);
    const base = be.bytesUsed;
    const a = be.allocF32(100);
    const b = be.allocF32(100);
    const c = be.allocF32(100);
    be.freeF32(a);
    be.freeF32(b); // merges with a
    expect(be.liveBlocks).toBe(1);
    const d = be.allocF32(150); // fits in a+b
    expect(d.byteOffset).toBe(a.byteOffset);
    expect(Array.from(d.subarray(0, 3))).toEqual([0, 0, 0]); // zeroed
    be.freeF32(c);
    be.freeF32(d);
    expect(be.bytesUsed).toBe(base);
    expect(be.bytesFree).toBe(0);
    expect(() => be.freeF32(d)).toThrow(/not a live block/);
    expect(() => be.freeF32(new Float32Array(4))).toThrow(RangeError);
  });

  it('mark/release still frees everything above the mark', () => {
    const be = arena(1);
    const keep = be.allocF32(10);
    const m = be.mark();
    const x = be.allocF32(1000);
    be.allocF32(1000);
    be.freeF32(x);
    be.release(m);
    expect(be.liveBlocks).toBe(1);
    expect(be.bytesFree).toBe(0);
    be.freeF32(keep);
    expect(be.liveBlocks).toBe(0);
  });
});

describe('dispose and workspace reuse', () => {
  it('creating and disposing 1,000 language models does not exhaust a 16 MiB arena', () => {
    const be = arena(16);
    const base = be.bytesUsed;
    const { input, targets } = tokens(8, 4, 16, 1);
    for (let i = 0; i < 1000; i++) {
      const mode = (['LSTM', 'GRU', 'RNN_TANH'] as const)[i % 3];
      const m = createLanguageModel(
        { mode, vocabSize: 16, hiddenSize: 32, dtype: 'float32', numLayers: 1 + (i % 2) },
        createRng(i),
        be,
      );
      const r = lmLossAndGrads(m, input, targets);
      expect(Number.isFinite(r.loss)).toBe(true);
      forward(m.rnn, randTensor(createRng(i), [3, 1, 16]), null, null, { fresh: true }); // tracked too
      dispose(m);
    }
    expect(be.liveBlocks).toBe(0);
    expect(be.bytesUsed).toBe(base);
  });

  it('alternating shapes reuse cached workspaces; the cache is bounded', () => {
    const be = arena(16);
    const net = createNetwork(
      { mode: 'GRU', inputSize: 5, hiddenSize: 16, dtype: 'float32' },
      createRng(3),
      be,
    );
    const rng = createRng(4);
    const xa = randTensor(rng, [7, 3, 5]);
    const xb = randTensor(rng, [2, 1, 5]);
    const a1 = Array.from(forward(net, xa).output.data);
    forward(net, xb);
    const used = be.bytesUsed;
    for (let i = 0; i < 1000; i++) {
      forward(net, i % 2 ? xa : xb);
    }
    expect(be.bytesUsed).toBe(used); // no new workspaces
    expect(Array.from(forward(net, xa).output.data)).toEqual(a1);
    // many shapes: at most WORKSPACE_CACHE_SIZE stay cached, the rest is freed
    for (let i = 0; i < 1000; i++) forward(net, randTensor(rng, [1 + (i % 17), 1 + (i % 3), 5]));
    expect(net.pool!.length).toBe(WORKSPACE_CACHE_SIZE);
    const before = be.bytesUsed;
    releaseWorkspace(net);
    expect(be.bytesUsed).toBeLessThan(before);
    const tr = forward(net, xa, null, null, { fresh: true });
    releaseTrace(tr);
    expect(() => backward(net, tr)).toThrow(/released/);
    dispose(net);
    expect(be.liveBlocks).toBe(0);
    expect(() => forward(net, xa)).toThrow(/disposed/);
  });

  it('a released workspace is rebuilt with the same results; ts-backend networks dispose too', () => {
    for (const be of [arena(4), tsBackend]) {
      const net = createNetwork(
        { mode: 'LSTM', inputSize: 3, hiddenSize: 6, dtype: 'float32' },
        createRng(5),
        be,
      );
      const x = randTensor(createRng(6), [4, 2, 3]);
      const y1 = Array.from(forward(net, x).output.data);
      releaseWorkspace(net, 4, 2);
      expect(Array.from(forward(net, x).output.data)).toEqual(y1);
      dispose(net);
      dispose(net); // idempotent
    }
  });
});
