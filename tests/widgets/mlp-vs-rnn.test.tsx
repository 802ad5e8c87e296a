// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createRng, forward } from '../../src/engine';
import MlpVsRnn from '../../src/widgets/mlp-vs-rnn';
import {
  compare,
  createExperiment,
  exampleSequence,
  HIDDEN,
  LAG,
  labels,
  mlpTable,
  parseSequence,
  predict,
  sampleSequence,
  TOTAL_STEPS,
  trainSteps,
} from '../../src/widgets/mlp-vs-rnn/model';

afterEach(() => {
  cleanup();
  history.replaceState(null, '', '/');
});

describe('mlp-vs-rnn model', () => {
  it('labels a step yes when it repeats the symbol two steps back', () => {
    expect([...labels([0, 1, 0, 2, 0, 0])]).toEqual([0, 0, 1, 0, 1, 0]);
    const rng = createRng(1);
    let yes = 0;
    let scored = 0;
    for (let k = 0; k < 200; k++) {
      const y = labels(sampleSequence(rng, 16));
      for (let t = LAG; t < 16; t++, scored++) yes += y[t];
    }
    expect(yes / scored).toBeGreaterThan(0.45);
    expect(yes / scored).toBeLessThan(0.55);
  });

  it('predicts with the engine’s forward pass; the MLP has no recurrent weights', () => {
    const exp = createExperiment(3);
    expect([...exp.mlp.net.params[0][0].wHh.data].every((v) => v === 0)).toBe(true);
    trainSteps(exp, 20);
    expect([...exp.mlp.net.params[0][0].wHh.data].every((v) => v === 0)).toBe(true);
    const symbols = Int32Array.from([0, 1, 0, 2]);
    const trace = forward(exp.rnn.net, { shape: [4, 1], tokens: symbols });
    const w = exp.rnn.head.weight.data;
    const b = exp.rnn.head.bias.data;
    const p = predict(exp.rnn, symbols);
    for (let t = 0; t < 4; t++) {
      const logit = (c: number) => {
        let v = b[c];
        for (let j = 0; j < HIDDEN; j++) v += w[c * HIDDEN + j] * trace.output.data[t * HIDDEN + j];
        return v;
      };
      expect(p[t]).toBeCloseTo(1 / (1 + Math.exp(logit(0) - logit(1))), 12);
    }
  });

  it('the MLP’s answer depends only on x_t; the RNN’s does not', () => {
    const exp = createExperiment(5);
    trainSteps(exp, 100);
    const rows = compare(exp, Int32Array.from([0, 1, 0, 2, 0, 0, 1]));
    const table = mlpTable(exp);
    for (const r of rows) expect(r.mlp).toBeCloseTo(table['abc'.indexOf(r.char)], 12);
    const aRows = rows.filter((r) => r.char === 'a').map((r) => r.rnn);
    expect(Math.max(...aRows) - Math.min(...aRows)).toBeGreaterThan(0.01);
  });

  it('after training the RNN is accurate and the MLP stays near chance', () => {
    const exp = createExperiment(1);
    trainSteps(exp, TOTAL_STEPS + 50);
    expect(exp.step).toBe(TOTAL_STEPS);
    const last = exp.history[exp.history.length - 1];
    expect(last.step).toBe(TOTAL_STEPS);
    expect(last.rnn).toBeGreaterThan(0.95);
    expect(Math.abs(last.mlp - 0.5)).toBeLessThan(0.06);
  });

  it('one training step of both models is cheap enough for a 12 ms slice', () => {
    const exp = createExperiment(2);
    trainSteps(exp, 10);
    const start = performance.now();
    trainSteps(exp, 50);
    expect((performance.now() - start) / 50).toBeLessThan(10);
  });

  it('is deterministic by seed, however the steps are sliced', () => {
    const a = createExperiment(8);
    const b = createExperiment(8);
    trainSteps(a, 30);
    for (let k = 0; k < 30; k++) trainSteps(b, 1);
    expect(a.history).toEqual(b.history);
    expect(a.rnn.params[0].data).toEqual(b.rnn.params[0].data);
    expect(createExperiment(9).rnn.params[0].data).not.toEqual(a.rnn.params[0].data);
    expect(exampleSequence(4)).toBe(exampleSequence(4));
  });

  it('reads typed test sequences and rejects bad ones', () => {
    const ok = parseSequence('A b C');
    expect(ok.ok && [...ok.symbols]).toEqual([0, 1, 2]);
    expect(parseSequence('abx!')).toEqual({ ok: false, reason: 'unknown', unknown: ['x', '!'] });
    expect(parseSequence('  ')).toEqual({ ok: false, reason: 'empty', unknown: [] });
    const long = parseSequence('ab'.repeat(40));
    expect(long.ok && long.truncated).toBe(true);
  });
});

describe('<MlpVsRnn>', () => {
  it('shows both models, a per-step table and the MLP lookup, in English', () => {
    render(<MlpVsRnn lang="en" id="mvr" />);
    expect(screen.getByRole('button', { name: /Train both/ })).toBeTruthy();
    expect(screen.getByRole('table', { name: /Each model’s answer/ })).toBeTruthy();
    expect(screen.getByText('The MLP’s whole behaviour: one answer per symbol')).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/Test sequence/), { target: { value: 'abz' } });
    expect(screen.getByText(/remove: z/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/Test sequence/), { target: { value: 'abab' } });
    const table = screen.getByRole('table', { name: /Each model’s answer/ });
    expect(within(table).getAllByRole('row')).toHaveLength(5);
  });

  it('speaks Chinese', () => {
    render(<MlpVsRnn lang="zh" id="mvr" />);
    expect(screen.getByRole('button', { name: /训练两个模型/ })).toBeTruthy();
    expect(screen.getByText(/任务：/)).toBeTruthy();
  });
});
