import { describe, expect, it } from 'vitest';
import {
  type Backend,
  backendFor,
  defaultBackend,
  setDefaultBackend,
  tsBackend,
} from '../../src/engine/backend.ts';
import { backward } from '../../src/engine/bptt.ts';
import type { RnnConfig } from '../../src/engine/config.ts';
import { TOLERANCES } from '../../src/engine/conformance.ts';
import { createWasmBackend, hasWasmSimd } from '../../src/engine/kernels/index.ts';
import {
  createLanguageModel,
  dispose,
  lmFromStateDict,
  lmLossAndGrads,
  lmToStateDict,
} from '../../src/engine/lm.ts';
import { createNetwork, forward, fromStateDict, toStateDict } from '../../src/engine/network.ts';
import { namedParams } from '../../src/engine/params.ts';
import { createRng } from '../../src/engine/random.ts';
import { randTensor } from './helpers.ts';

const wasm = createWasmBackend({ memoryBytes: 32 * 1024 * 1024 });
const tol = TOLERANCES.float32;
const close = (got: ArrayLike<number>, want: ArrayLike<number>, what: string) => {
  expect(got.length, what).toBe(want.length);
  for (let i = 0; i < want.length; i++) {
    const err = Math.abs(got[i] - want[i]);
    if (!(err <= tol.atol + tol.rtol * Math.abs(want[i])))
      throw new Error(`${what}[${i}]: ${got[i]} vs ${want[i]}`);
  }
};

// H = 13: whole SIMD vectors (12 columns) through the fused kernels and a scalar tail column
const configs: RnnConfig[] = [
  { mode: 'RNN_TANH', inputSize: 5, hiddenSize: 13, numLayers: 2, bidirectional: true },
  { mode: 'RNN_RELU', inputSize: 5, hiddenSize: 13 },
  { mode: 'GRU', inputSize: 5, hiddenSize: 13, numLayers: 2, bidirectional: true },
  { mode: 'GRU', inputSize: 5, hiddenSize: 13, gruResetBeforeMatmul: true },
  { mode: 'LSTM', inputSize: 5, hiddenSize: 13, numLayers: 2, bidirectional: true },
  { mode: 'LSTM', inputSize: 5, hiddenSize: 13, peephole: true },
  { mode: 'LSTM', inputSize: 5, hiddenSize: 16, bias: false },
  { mode: 'JORDAN_TANH', inputSize: 5, hiddenSize: 13, outputSize: 6 },
];

describe('float32 backends agree with float64', () => {
  it('has WebAssembly SIMD and the default backend uses it for float32', () => {
    expect(hasWasmSimd()).toBe(true);
    expect(defaultBackend().name).toBe('wasm-simd');
    expect(backendFor('float64', undefined)).toBe(tsBackend);
    expect(createNetwork({ mode: 'GRU', inputSize: 2, hiddenSize: 3, dtype: 'float32' }).backend.name).toBe(
      'wasm-simd',
    );
    const prev = setDefaultBackend(tsBackend);
    expect(createNetwork({ mode: 'GRU', inputSize: 2, hiddenSize: 3, dtype: 'float32' }).backend).toBe(
      tsBackend,
    );
    setDefaultBackend(prev ?? null);
  });

  for (const cfg of configs) {
    const label = `${cfg.mode}${cfg.peephole ? ' peephole' : ''}${cfg.gruResetBeforeMatmul ? ' reset-before' : ''}${cfg.bias === false ? ' no bias' : ''}`;
    it(`${label}: forward and backward, ts and wasm`, () => {
      const rng = createRng(11);
      const ref = createNetwork({ ...cfg, dtype: 'float64' }, rng);
      const T = 9;
      const B = 3;
      const D = cfg.bidirectional ? 2 : 1;
      const L = cfg.numLayers ?? 1;
      const x = randTensor(rng, [T, B, cfg.inputSize]);
      const h0 = randTensor(rng, [L * D, B, cfg.hiddenSize], 0.5);
      const c0 = cfg.mode === 'LSTM' ? randTensor(rng, [L * D, B, cfg.hiddenSize], 0.5) : null;
      const gy = randTensor(rng, [T, B, cfg.hiddenSize * D]);
      const tr = forward(ref, x, h0, c0);
      const g = backward(ref, tr, { gradOutput: gy });
      for (const be of [tsBackend, wasm as Backend]) {
        const net = createNetwork({ ...cfg, dtype: 'float32' }, undefined, be);
        fromStateDict(net, toStateDict(ref));
        for (let rep = 0; rep < 2; rep++) {
          const t32 = forward(net, x, h0, c0);
          close(t32.output.data, tr.output.data, `${be.name} output`);
          close(t32.hN.data, tr.hN.data, `${be.name} h_n`);
          const g32 = backward(net, t32, { gradOutput: gy });
          close(g32.input!.data, g.input!.data, `${be.name} d input`);
          close(g32.h0.data, g.h0.data, `${be.name} d h0`);
          const want = namedParams(ref.config, g.params);
          namedParams(net.config, g32.params).forEach(([n, t], i) => {
            close(t.data, want[i][1].data, `${be.name} d ${n}`);
          });
          // truncated BPTT goes through the same kernels with beta = 0
          const gk = backward(ref, forward(ref, x, h0, c0), { gradOutput: gy }, { truncate: 3 });
          const gk32 = backward(net, forward(net, x, h0, c0), { gradOutput: gy }, { truncate: 3 });
          close(gk32.input!.data, gk.input!.data, `${be.name} truncated d input`);
          forward(ref, x, h0, c0); // restore ref's trace for the next repetition
          backward(ref, tr, { gradOutput: gy });
        }
        dispose(net);
      }
    });
  }

  it('language model with token input (gather and scatter paths), ts and wasm', () => {
    for (const mode of ['RNN_TANH', 'GRU', 'LSTM'] as const) {
      const ref = createLanguageModel({ mode, vocabSize: 7, hiddenSize: 12 }, createRng(3));
      for (const [T, B] of [
        [5, 3], // T·B ≥ vocab: transposed gather/scatter
        [2, 1], // T·B < vocab: strided
      ]) {
        const rng = createRng(T);
        const ids = Array.from({ length: T * B }, () => Math.floor(rng.uniform(0, 7)));
        const tokens = { shape: [T, B] as [number, number], tokens: ids };
        const r = lmLossAndGrads(ref, tokens, ids.slice().reverse());
        for (const be of [tsBackend, wasm as Backend]) {
          const m = createLanguageModel(
            { mode, vocabSize: 7, hiddenSize: 12, dtype: 'float32' },
            undefined,
            be,
          );
          lmFromStateDict(m, lmToStateDict(ref));
          const r32 = lmLossAndGrads(m, tokens, ids.slice().reverse());
          close([r32.loss], [r.loss], `${mode} ${be.name} loss`);
          r32.grads.forEach((t, i) => {
            close(t.data, r.grads[i].data, `${mode} ${be.name} d ${r.names[i]}`);
          });
          dispose(m);
        }
      }
    }
  });
});
