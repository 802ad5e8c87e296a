import { describe, expect, it } from 'vitest';
import { backward, createRng, forward, tensor, zeros } from '../../src/engine';
import {
  eigenvalues,
  singularValues,
  spectralNormPower,
  spectralRadius,
} from '../../src/widgets/gradient-flow/linalg';
import {
  buildNetwork,
  clipSummary,
  computeFlow,
  decadesPerStep,
  HIDDEN,
  INPUT,
  ingredients,
  inputTensor,
  NET_KEYS,
  recurrentBlocks,
  rescaleToRadius,
  runCell,
} from '../../src/widgets/gradient-flow/model';
import { computeTruncation, randomCuts, sameChunk } from '../../src/widgets/gradient-flow/truncation';

const sortC = (zs: { re: number; im: number }[]) =>
  [...zs].sort((a, b) => a.re - b.re || a.im - b.im).map((z) => [z.re, z.im]);

describe('linalg', () => {
  it('finds known eigenvalues, real and complex', () => {
    expect(sortC(eigenvalues([0, -2, 2, 0], 2))).toEqual([
      [0, -2],
      [0, 2],
    ]);
    // companion matrix of (x − 1)(x − 2)(x + 3) = x³ − 7x + 6
    const ev = sortC(eigenvalues([0, 0, -6, 1, 0, 7, 0, 1, 0], 3));
    expect(ev.map(([re]) => re)).toEqual([
      expect.closeTo(-3, 10),
      expect.closeTo(1, 10),
      expect.closeTo(2, 10),
    ]);
    for (const [, im] of ev) expect(Math.abs(im)).toBeLessThan(1e-12);
  });

  it('matches trace identities on random matrices (Σλ^p = tr Wᵖ)', () => {
    const rng = createRng(5);
    for (const n of [3, 8, 16]) {
      const W = Float64Array.from({ length: n * n }, () => rng.normal());
      const ev = eigenvalues(W, n);
      let P = Float64Array.from(W);
      for (let p = 1; p <= 3; p++) {
        let tr = 0;
        for (let i = 0; i < n; i++) tr += P[i * n + i];
        let sre = 0;
        for (const z of ev) {
          const r = Math.hypot(z.re, z.im) ** p;
          sre += r * Math.cos(p * Math.atan2(z.im, z.re));
        }
        expect(sre).toBeCloseTo(tr, 8);
        const Q = new Float64Array(n * n);
        for (let i = 0; i < n; i++)
          for (let k = 0; k < n; k++) for (let j = 0; j < n; j++) Q[i * n + j] += P[i * n + k] * W[k * n + j];
        P = Q;
      }
    }
  });

  it('gives singular values and the spectral norm', () => {
    const sv = singularValues([3, 0, 0, -2], 2);
    expect(sv[0]).toBeCloseTo(3, 12);
    expect(sv[1]).toBeCloseTo(2, 12);
    const rng = createRng(2);
    const W = Float64Array.from({ length: 64 }, () => rng.normal());
    expect(spectralNormPower(W, 8)).toBeCloseTo(singularValues(W, 8)[0], 6);
    expect(eigenvalues([Number.NaN, 0, 0, 1], 2)[0].re).toBeNaN();
  });

  it('rescales a matrix to the requested spectral radius', () => {
    const ing = ingredients(3);
    for (const r of [0.1, 0.9, 1, 1.5, 50]) {
      expect(spectralRadius(rescaleToRadius(ing.blocks[0], HIDDEN, r), HIDDEN)).toBeCloseTo(r, 9);
      for (const key of NET_KEYS)
        for (const block of recurrentBlocks(ing, key, r))
          expect(spectralRadius(block, HIDDEN) / r).toBeCloseTo(1, 9);
    }
  });
});

describe('gradient-flow model', () => {
  it('reports the engine’s ‖∂L/∂h_t‖ for L = g·h_T, for every cell', () => {
    const ing = ingredients(1);
    const setup = { seed: 1, T: 30, radius: 1.2, inputScale: 0.5 };
    const flow = computeFlow(setup, 'lstm', ing);
    for (const key of NET_KEYS) {
      const net = buildNetwork(ing, key, setup.radius);
      const tr = forward(net, inputTensor(ing, setup.T, setup.inputScale));
      const g = backward(net, tr, { gradHN: tensor([1, 1, HIDDEN], ing.g) });
      for (const t of [0, 10, 29]) {
        const row = g.dh[0][0].data.subarray(t * HIDDEN, (t + 1) * HIDDEN);
        expect(flow.cells[key].dhNorm[t]).toBeCloseTo(Math.hypot(...row), 12);
      }
      // the last state's gradient is g itself
      expect(flow.cells[key].dhNorm[setup.T - 1]).toBeCloseTo(1, 12);
      expect(flow.cells[key].finite).toBe(true);
    }
  });

  it('is deterministic for a seed and differs across seeds', () => {
    const a = computeFlow({ seed: 7, T: 20, radius: 1, inputScale: 1 }, 'rnn-tanh');
    const b = computeFlow({ seed: 7, T: 20, radius: 1, inputScale: 1 }, 'rnn-tanh');
    const c = computeFlow({ seed: 8, T: 20, radius: 1, inputScale: 1 }, 'rnn-tanh');
    expect([...a.cells.gru.dhNorm]).toEqual([...b.cells.gru.dhNorm]);
    expect([...a.cells.gru.dhNorm]).not.toEqual([...c.cells.gru.dhNorm]);
  });

  it('vanishes below radius 1 and explodes above it (linear regime, zero input)', () => {
    const low = computeFlow({ seed: 1, T: 50, radius: 0.8, inputScale: 0 }, 'rnn-tanh');
    const high = computeFlow({ seed: 1, T: 50, radius: 1.3, inputScale: 0 }, 'rnn-tanh');
    expect(decadesPerStep(low.cells['rnn-tanh'].dhNorm)).toBeLessThan(0);
    expect(decadesPerStep(high.cells['rnn-tanh'].dhNorm)).toBeGreaterThan(0);
    // with zero input and zero bias the state stays at 0: ‖∂h_T/∂h_t‖ = ‖W^(T−t)‖ ~ ρ^(T−t)
    const slope = decadesPerStep(Array.from(high.jacobian));
    expect(slope).toBeCloseTo(Math.log10(1.3), 1);
    // the saturating input brings the tanh RNN back to vanishing
    const saturated = computeFlow({ seed: 1, T: 50, radius: 1.3, inputScale: 3 }, 'rnn-tanh');
    expect(decadesPerStep(saturated.cells['rnn-tanh'].dhNorm)).toBeLessThan(0);
  });

  it('the Jacobian product norm bounds the gradient norm (‖g‖ = 1)', () => {
    const flow = computeFlow({ seed: 2, T: 40, radius: 1.1, inputScale: 1 }, 'gru');
    expect(flow.jacobian[40]).toBeCloseTo(1, 9);
    for (let t = 1; t <= 40; t++)
      expect(flow.cells.gru.dhNorm[t - 1]).toBeLessThanOrEqual(flow.jacobian[t] * (1 + 1e-9));
  });

  it('flags overflow instead of throwing', () => {
    const ing = ingredients(1);
    const net = buildNetwork(ing, 'rnn-relu', 1e6);
    const r = runCell(net, 'rnn-relu', inputTensor(ing, 100, 5), ing.g);
    expect(r.finite).toBe(false);
    expect(() => computeFlow({ seed: 1, T: 100, radius: 1e6, inputScale: 5 }, 'rnn-relu')).not.toThrow();
    expect(clipSummary(Number.POSITIVE_INFINITY, 1).after).toBeNaN();
  });

  it('clips like clip_grad_norm_', () => {
    expect(clipSummary(50, 5)).toMatchObject({ clipped: true });
    expect(clipSummary(50, 5).after).toBeCloseTo(5, 5);
    expect(clipSummary(2, 5)).toEqual({ before: 2, after: 2, factor: 1, clipped: false });
  });
});

describe('truncation', () => {
  const ing = ingredients(4);
  const setup = { seed: 4, T: 12, radius: 1.1, inputScale: 0.7 };

  it('full BPTT: the sum of pair contributions is the engine’s ∂L/∂W_hh', () => {
    const r = computeTruncation(setup, 'tanh', 3, 1, ing);
    const net = buildNetwork(ing, 'rnn-tanh', setup.radius);
    const tr = forward(net, inputTensor(ing, setup.T, setup.inputScale));
    const gradOutput = tensor([setup.T, 1, HIDDEN], ing.gs.subarray(0, setup.T * HIDDEN));
    const g = backward(net, tr, { gradOutput });
    const ref = g.params[0][0].wHh.data;
    for (let q = 0; q < ref.length; q++) expect(r.grad.full[q]).toBeCloseTo(ref[q], 10);
    expect(r.summary.full.relError).toBe(0);
  });

  it('truncation at k equals running the engine on detached chunks of k steps', () => {
    for (const k of [1, 4, 5]) {
      const r = computeTruncation(setup, 'relu', k, 1, ing);
      const net = buildNetwork(ing, 'rnn-relu', setup.radius);
      const x = inputTensor(ing, setup.T, setup.inputScale);
      const sum = new Float64Array(HIDDEN * HIDDEN);
      let h0 = zeros([1, 1, HIDDEN]);
      for (let s = 0; s < setup.T; s += k) {
        const len = Math.min(k, setup.T - s);
        const xc = tensor([len, 1, INPUT], x.data.subarray(s * INPUT, (s + len) * INPUT));
        const tr = forward(net, xc, h0, null, { fresh: true });
        const go = tensor([len, 1, HIDDEN], ing.gs.subarray(s * HIDDEN, (s + len) * HIDDEN));
        const g = backward(net, tr, { gradOutput: go });
        g.params[0][0].wHh.data.forEach((v, q) => {
          sum[q] += v;
        });
        h0 = tensor([1, 1, HIDDEN], tr.hN.data); // detached: a constant for the next chunk
      }
      for (let q = 0; q < sum.length; q++) expect(r.grad.truncated[q]).toBeCloseTo(sum[q], 10);
      expect(r.summary.truncated.kept).toBe(
        Array.from({ length: setup.T }, (_, i) => i).reduce(
          (n, i) => n + Array.from({ length: i + 1 }, (_, t) => t).filter((t) => sameChunk(i, t, k)).length,
          0,
        ),
      );
    }
  });

  it('randomized truncation is unbiased: the weights average to 1', () => {
    const T = 8;
    const pi = 0.6;
    const mean = new Float64Array(T);
    const draws = 4000;
    for (let d = 0; d < draws; d++) {
      const cut = randomCuts(T, pi, d);
      let w = 1;
      for (let t = T - 2; t >= 0; t--) {
        w = cut[t + 1] ? 0 : w / pi;
        mean[t] += w / draws;
      }
    }
    for (let t = 0; t < T - 1; t++) expect(mean[t]).toBeGreaterThan(0.8);
    for (let t = 0; t < T - 1; t++) expect(mean[t]).toBeLessThan(1.25);
    const r = computeTruncation(setup, 'tanh', 3, 2, ing);
    for (let i = 0; i < setup.T; i++) expect(r.weight.randomized[i * setup.T + i]).toBe(1);
  });
});
