import { describe, expect, it } from 'vitest';
import { backward } from '../../src/engine/bptt.ts';
import type { RnnConfig } from '../../src/engine/config.ts';
import { gradCheck, gradCheckNetwork } from '../../src/engine/gradcheck.ts';
import { createLanguageModel, lmLoss, lmLossAndGrads } from '../../src/engine/lm.ts';
import { createNetwork, forward, fromStateDict, toStateDict } from '../../src/engine/network.ts';
import { namedParams } from '../../src/engine/params.ts';
import { createRng } from '../../src/engine/random.ts';
import type { Tensor } from '../../src/engine/tensor.ts';
import { makeNet, randTensor } from './helpers.ts';

interface Case {
  name: string;
  config: RnnConfig;
  T: number;
  B: number;
  states?: boolean;
}

const cases: Case[] = [
  { name: 'RNN tanh', config: { mode: 'RNN_TANH', inputSize: 3, hiddenSize: 4 }, T: 5, B: 2, states: true },
  { name: 'RNN relu', config: { mode: 'RNN_RELU', inputSize: 3, hiddenSize: 4 }, T: 4, B: 2, states: true },
  { name: 'GRU', config: { mode: 'GRU', inputSize: 3, hiddenSize: 4 }, T: 5, B: 2, states: true },
  { name: 'LSTM', config: { mode: 'LSTM', inputSize: 3, hiddenSize: 4 }, T: 5, B: 2, states: true },
  {
    name: 'GRU reset before matmul (d2l)',
    config: { mode: 'GRU', inputSize: 3, hiddenSize: 4, gruResetBeforeMatmul: true },
    T: 5,
    B: 2,
    states: true,
  },
  {
    name: 'LSTM peephole',
    config: { mode: 'LSTM', inputSize: 2, hiddenSize: 3, peephole: true },
    T: 6,
    B: 2,
    states: true,
  },
  {
    name: 'Jordan',
    config: { mode: 'JORDAN_TANH', inputSize: 3, hiddenSize: 4, outputSize: 2 },
    T: 5,
    B: 2,
    states: true,
  },
  {
    name: 'Jordan O=H no bias',
    config: { mode: 'JORDAN_TANH', inputSize: 2, hiddenSize: 3, bias: false },
    T: 4,
    B: 1,
  },
  {
    name: 'RNN tanh no bias',
    config: { mode: 'RNN_TANH', inputSize: 2, hiddenSize: 3, bias: false },
    T: 4,
    B: 3,
  },
  { name: 'GRU no bias', config: { mode: 'GRU', inputSize: 2, hiddenSize: 3, bias: false }, T: 4, B: 2 },
  { name: 'LSTM no bias', config: { mode: 'LSTM', inputSize: 2, hiddenSize: 3, bias: false }, T: 4, B: 2 },
  ...(['RNN_TANH', 'GRU', 'LSTM'] as const).map((mode) => ({
    name: `${mode} 2-layer bidirectional`,
    config: { mode, inputSize: 3, hiddenSize: 3, numLayers: 2, bidirectional: true },
    T: 4,
    B: 2,
    states: true,
  })),
  {
    name: 'GRU d2l 2-layer bidirectional',
    config: {
      mode: 'GRU',
      inputSize: 2,
      hiddenSize: 3,
      numLayers: 2,
      bidirectional: true,
      gruResetBeforeMatmul: true,
    },
    T: 3,
    B: 2,
    states: true,
  },
  {
    name: 'LSTM peephole 2-layer bidirectional',
    config: { mode: 'LSTM', inputSize: 2, hiddenSize: 3, numLayers: 2, bidirectional: true, peephole: true },
    T: 3,
    B: 2,
    states: true,
  },
  {
    name: 'Jordan 2-layer bidirectional',
    config: {
      mode: 'JORDAN_TANH',
      inputSize: 2,
      hiddenSize: 3,
      numLayers: 2,
      bidirectional: true,
      outputSize: 2,
    },
    T: 3,
    B: 2,
    states: true,
  },
  { name: 'LSTM T=1 B=1', config: { mode: 'LSTM', inputSize: 1, hiddenSize: 2 }, T: 1, B: 1, states: true },
];

describe('finite-difference gradient checks (float64)', () => {
  for (const c of cases) {
    it(c.name, () => {
      const { net, rng } = makeNet(c.config, 7);
      const H = c.config.hiddenSize;
      const LD = (c.config.numLayers ?? 1) * (c.config.bidirectional ? 2 : 1);
      const input = randTensor(rng, [c.T, c.B, c.config.inputSize]);
      const h0 = c.states ? randTensor(rng, [LD, c.B, H], 0.5) : null;
      const c0 = c.states && c.config.mode === 'LSTM' ? randTensor(rng, [LD, c.B, H], 0.5) : null;
      const r = gradCheckNetwork(net, input, { h0, c0, rng });
      expect(r.ok, JSON.stringify(r.worst)).toBe(true);
      expect(r.checked).toBeGreaterThan(20);
    });
  }
});

describe('language model gradients', () => {
  for (const mode of ['RNN_TANH', 'GRU', 'LSTM'] as const) {
    it(`${mode} head + cross-entropy + token gather`, () => {
      const rng = createRng(3);
      const model = createLanguageModel({ mode, vocabSize: 5, hiddenSize: 4, numLayers: 2 }, rng);
      const tokens = { shape: [4, 2] as [number, number], tokens: [0, 1, 2, 3, 4, 0, 1, 2] };
      const targets = [1, 2, 3, 4, 0, 1, 2, 3];
      const res = lmLossAndGrads(model, tokens, targets);
      const entries = res.names.map((name, i) => ({
        name,
        value: res.params[i].data,
        grad: Float64Array.from(res.grads[i].data),
      }));
      const r = gradCheck(() => lmLoss(model, tokens, targets), entries);
      expect(r.ok, JSON.stringify(r.worst)).toBe(true);
    });

    it(`${mode} with an embedding table: repeated tokens add their rows' gradients`, () => {
      const rng = createRng(5);
      const model = createLanguageModel(
        { mode, vocabSize: 6, hiddenSize: 4, numLayers: 2, embedDim: 3 },
        rng,
      );
      // token 2 appears three times, token 5 never: its row's gradient must stay exactly zero
      const tokens = { shape: [4, 2] as [number, number], tokens: [2, 1, 2, 3, 4, 0, 2, 1] };
      const targets = [1, 2, 3, 4, 0, 1, 2, 3];
      const res = lmLossAndGrads(model, tokens, targets);
      expect(res.names[0]).toBe('embedding.weight');
      expect(res.names).toContain('weight_ih_l0');
      expect(res.params[res.names.indexOf('weight_ih_l0')].shape).toEqual([
        4 * (mode === 'LSTM' ? 4 : mode === 'GRU' ? 3 : 1),
        3,
      ]);
      const gE = res.grads[0].data;
      expect(Array.from(gE.subarray(15, 18))).toEqual([0, 0, 0]);
      const entries = res.names.map((name, i) => ({
        name,
        value: res.params[i].data,
        grad: Float64Array.from(res.grads[i].data),
      }));
      const r = gradCheck(() => lmLoss(model, tokens, targets), entries);
      expect(r.ok, JSON.stringify(r.worst)).toBe(true);
    });
  }
});

/**
 * Truncated BPTT against its definition: for a single-layer forward network, the truncated gradient
 * equals the sum over loss positions s of the full gradient of ⟨g_s, h_s⟩ on the window
 * x[s−k+1 .. s] started from the (constant) state h_{s−k} of the full run.
 */
describe('truncated BPTT', () => {
  for (const mode of ['RNN_TANH', 'GRU', 'LSTM', 'JORDAN_TANH'] as const) {
    it(`${mode}, k = 3 over T = 7`, () => {
      const cfg: RnnConfig = { mode, inputSize: 2, hiddenSize: 3, dtype: 'float64' };
      const { net, rng } = makeNet(cfg, 11);
      const T = 7;
      const B = 2;
      const H = 3;
      const k = 3;
      const lstm = mode === 'LSTM';
      const input = randTensor(rng, [T, B, 2]);
      const h0 = randTensor(rng, [1, B, H], 0.5);
      const c0 = lstm ? randTensor(rng, [1, B, H], 0.5) : null;
      const gOut = randTensor(rng, [T, B, H]);
      const gHN = randTensor(rng, [1, B, H]);
      const full = forward(net, input, h0, c0, { fresh: true });
      const states = Float64Array.from(full.ws.dirs[0][0].h);
      const cells = lstm ? Float64Array.from(full.ws.dirs[0][0].c) : null;
      const tr = backward(
        net,
        forward(net, input, h0, c0),
        { gradOutput: gOut, gradHN: gHN },
        { truncate: k },
      );
      const got = namedParams(net.config, tr.params).map(([n, t]) => [n, Float64Array.from(t.data)] as const);
      const gotH0 = Float64Array.from(tr.h0.data);
      const gotDh = Float64Array.from(tr.dh[0][0].data);
      const want = got.map(([n, t]) => [n, new Float64Array(t.length)] as const);
      const wantH0 = new Float64Array(B * H);
      const wantDh = new Float64Array(T * B * H);
      const n = B * H;
      const sub = createNetwork(cfg);
      fromStateDict(sub, toStateDict(net));
      for (let s = 0; s < T; s++) {
        const start = Math.max(0, s - k + 1);
        const len = s - start + 1;
        const x: Tensor = { shape: [len, B, 2], data: input.data.slice(start * B * 2, (s + 1) * B * 2) };
        const hs: Tensor = { shape: [1, B, H], data: states.slice(start * n, (start + 1) * n) };
        const cs: Tensor | null = cells
          ? { shape: [1, B, H], data: cells.slice(start * n, (start + 1) * n) }
          : null;
        const g: Tensor = { shape: [len, B, H], data: new Float64Array(len * n) };
        g.data.set(gOut.data.subarray(s * n, (s + 1) * n), (len - 1) * n);
        if (s === T - 1) for (let i = 0; i < n; i++) g.data[(len - 1) * n + i] += gHN.data[i];
        const r = backward(sub, forward(sub, x, hs, cs), { gradOutput: g });
        namedParams(sub.config, r.params).forEach(([, t], i) => {
          for (let j = 0; j < t.data.length; j++) want[i][1][j] += t.data[j];
        });
        for (let i = 0; i < len * n; i++) wantDh[start * n + i] += r.dh[0][0].data[i];
        if (start === 0) for (let i = 0; i < n; i++) wantH0[i] += r.h0.data[i];
        else for (let i = 0; i < n; i++) wantDh[(start - 1) * n + i] += r.h0.data[i];
      }
      got.forEach(([name, t], i) => {
        for (let j = 0; j < t.length; j++) expect(t[j], `${name}[${j}]`).toBeCloseTo(want[i][1][j], 12);
      });
      for (let i = 0; i < n; i++) expect(gotH0[i]).toBeCloseTo(wantH0[i], 12);
      for (let i = 0; i < T * n; i++) expect(gotDh[i]).toBeCloseTo(wantDh[i], 12);
    });
  }

  it('k ≥ T equals full BPTT; k = 1 differs', () => {
    const { net, rng } = makeNet({
      mode: 'GRU',
      inputSize: 2,
      hiddenSize: 3,
      numLayers: 2,
      bidirectional: true,
    });
    const input = randTensor(rng, [5, 2, 2]);
    const gradOutput = randTensor(rng, [5, 2, 6]);
    const grab = (truncate?: number) =>
      Float64Array.from(
        backward(net, forward(net, input), { gradOutput }, { truncate }).params[0][1].wHh.data,
      );
    const full = grab();
    expect(grab(5)).toEqual(full);
    expect(grab(9)).toEqual(full);
    expect(grab(1)).not.toEqual(full);
  });
});
