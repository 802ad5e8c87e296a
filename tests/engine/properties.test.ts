import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backward } from '../../src/engine/bptt.ts';
import type { Mode, RnnConfig } from '../../src/engine/config.ts';
import { createNetwork, forward } from '../../src/engine/network.ts';
import { namedParams } from '../../src/engine/params.ts';
import { createRng } from '../../src/engine/random.ts';
import type { Tensor } from '../../src/engine/tensor.ts';
import { randTensor } from './helpers.ts';

const modes: Mode[] = ['RNN_TANH', 'RNN_RELU', 'GRU', 'LSTM', 'JORDAN_TANH'];

const arbConfig = fc.record({
  mode: fc.constantFrom(...modes),
  inputSize: fc.integer({ min: 1, max: 4 }),
  hiddenSize: fc.integer({ min: 1, max: 5 }),
  numLayers: fc.integer({ min: 1, max: 3 }),
  bias: fc.boolean(),
  bidirectional: fc.boolean(),
  dtype: fc.constantFrom('float32' as const, 'float64' as const),
  variant: fc.boolean(),
});

type ArbConfig = typeof arbConfig extends fc.Arbitrary<infer X> ? X : never;

function toConfig(a: ArbConfig): RnnConfig {
  return {
    mode: a.mode,
    inputSize: a.inputSize,
    hiddenSize: a.hiddenSize,
    numLayers: a.numLayers,
    bias: a.bias,
    bidirectional: a.bidirectional,
    dtype: a.dtype,
    gruResetBeforeMatmul: a.mode === 'GRU' && a.variant,
    peephole: a.mode === 'LSTM' && a.variant,
    outputSize: a.mode === 'JORDAN_TANH' && a.variant ? 2 : undefined,
  };
}

const arbRun = fc.record({
  cfg: arbConfig,
  T: fc.integer({ min: 1, max: 6 }),
  B: fc.integer({ min: 1, max: 3 }),
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
});

function run(cfg: RnnConfig, T: number, B: number, seed: number) {
  const rng = createRng(seed);
  const net = createNetwork(cfg, rng);
  const input = randTensor(rng, [T, B, cfg.inputSize]);
  const tr = forward(net, input, null, null, { fresh: true });
  const H = cfg.hiddenSize;
  const D = cfg.bidirectional ? 2 : 1;
  const g = backward(net, tr, {
    gradOutput: randTensor(rng, [T, B, H * D]),
    gradHN: randTensor(rng, [(cfg.numLayers ?? 1) * D, B, H]),
  });
  return { net, tr, g };
}

describe('engine properties', () => {
  it('the same seed gives the same numbers', () => {
    fc.assert(
      fc.property(arbRun, ({ cfg, T, B, seed }) => {
        const a = run(toConfig(cfg), T, B, seed);
        const b = run(toConfig(cfg), T, B, seed);
        expect(Array.from(a.tr.output.data)).toEqual(Array.from(b.tr.output.data));
        expect(Array.from(a.g.params[0][0].wHh.data)).toEqual(Array.from(b.g.params[0][0].wHh.data));
        expect(Array.from(a.g.input?.data ?? [])).toEqual(Array.from(b.g.input?.data ?? []));
      }),
      { numRuns: 40 },
    );
  });

  it('shapes hold', () => {
    fc.assert(
      fc.property(arbRun, ({ cfg: a, T, B, seed }) => {
        const cfg = toConfig(a);
        const { net, tr, g } = run(cfg, T, B, seed);
        const H = cfg.hiddenSize;
        const D = cfg.bidirectional ? 2 : 1;
        const L = cfg.numLayers ?? 1;
        expect(tr.output.shape).toEqual([T, B, H * D]);
        expect(tr.output.data.length).toBe(T * B * H * D);
        expect(tr.hN.shape).toEqual([L * D, B, H]);
        expect(tr.cN === null).toBe(cfg.mode !== 'LSTM');
        expect(g.input?.shape).toEqual([T, B, cfg.inputSize]);
        expect(g.h0.shape).toEqual([L * D, B, H]);
        expect(g.dh.length).toBe(L);
        for (const row of g.dh) for (const t of row) expect(t.shape).toEqual([T, B, H]);
        const ps = namedParams(net.config, net.params);
        const gs = namedParams(net.config, g.params);
        expect(gs.map(([n, t]) => [n, t.shape])).toEqual(ps.map(([n, t]) => [n, t.shape]));
        // h_n of the top forward direction is the last output step (fixtures README §3)
        const top = (L - 1) * D * B * H;
        for (let b = 0; b < B; b++) {
          for (let j = 0; j < H; j++) {
            expect(tr.hN.data[top + b * H + j]).toBe(tr.output.data[((T - 1) * B + b) * H * D + j]);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('no NaN or Infinity for bounded inputs and weights', () => {
    fc.assert(
      fc.property(arbRun, fc.double({ min: 0.1, max: 5, noNaN: true }), ({ cfg: a, T, B, seed }, scale) => {
        const cfg = toConfig(a);
        const rng = createRng(seed);
        const net = createNetwork(cfg, rng);
        for (const [, t] of namedParams(net.config, net.params))
          for (let i = 0; i < t.data.length; i++) t.data[i] *= scale * 3;
        const input = randTensor(rng, [T, B, cfg.inputSize], 10);
        const tr = forward(net, input);
        const D = cfg.bidirectional ? 2 : 1;
        const g = backward(net, tr, { gradOutput: randTensor(rng, [T, B, cfg.hiddenSize * D]) });
        const finite = (t: Tensor | null) => t === null || Array.from(t.data).every(Number.isFinite);
        expect(finite(tr.output) && finite(tr.hN) && finite(tr.cN)).toBe(true);
        expect(finite(g.input) && finite(g.h0)).toBe(true);
        for (const [, t] of namedParams(net.config, g.params)) expect(finite(t)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('the reverse direction on a sequence equals the forward direction on the reversed sequence', () => {
    fc.assert(
      fc.property(arbRun, ({ cfg: a, T, B, seed }) => {
        const cfg = { ...toConfig(a), numLayers: 1, bidirectional: true, dtype: 'float64' as const };
        const rng = createRng(seed);
        const bi = createNetwork(cfg, rng);
        const uni = createNetwork({ ...cfg, bidirectional: false });
        uni.params[0][0] = bi.params[0][1];
        const I = cfg.inputSize;
        const H = cfg.hiddenSize;
        const input = randTensor(rng, [T, B, I]);
        const reversed: Tensor = { shape: [T, B, I], data: new Float64Array(T * B * I) };
        for (let t = 0; t < T; t++)
          reversed.data.set(input.data.subarray(t * B * I, (t + 1) * B * I), (T - 1 - t) * B * I);
        const h0 = randTensor(rng, [2, B, H]);
        const trB = forward(bi, input, h0);
        const trU = forward(uni, reversed, { shape: [1, B, H], data: h0.data.slice(B * H) });
        for (let t = 0; t < T; t++) {
          for (let b = 0; b < B; b++) {
            for (let j = 0; j < H; j++) {
              const rev = trB.output.data[(t * B + b) * 2 * H + H + j];
              const fwd = trU.output.data[((T - 1 - t) * B + b) * H + j];
              expect(rev).toBeCloseTo(fwd, 12);
            }
          }
        }
        for (let i = 0; i < B * H; i++) expect(trB.hN.data[B * H + i]).toBeCloseTo(trU.hN.data[i], 12);
      }),
      { numRuns: 40 },
    );
  });
});
