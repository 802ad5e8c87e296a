// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import BpttGraph from '../../src/widgets/bptt-graph';
import { addM, type Mat, problemOf, runEngine, walk } from '../../src/widgets/bptt-graph/model';
import { STEPS } from '../../src/widgets/bptt-graph/store';

afterEach(cleanup);

describe('bptt-graph model', () => {
  it('replays the engine: ∂L/∂H_t and the sum of the W_hh terms equal the engine’s gradients', () => {
    for (const seed of [1, 2, 3, 99]) {
      const w = walk(problemOf(seed));
      expect(w.maxDiff).toBeLessThan(1e-12);
      expect(w.terms).toHaveLength(6); // pairs (i, t), t ≤ i, for T = 3
      const sum = w.terms.reduce((a, b) => addM(a, b.value), [0, 0, 0, 0] as Mat);
      for (let q = 0; q < 4; q++) expect(sum[q]).toBeCloseTo(w.engine.dWhh[q], 12);
      for (let q = 0; q < 2; q++) expect(w.dWxh[q]).toBeCloseTo(w.engine.dWxh[q], 12);
      expect(w.steps).toHaveLength(STEPS);
    }
  });

  it('the term for (i, t) carries i − t factors of W_hhᵀ, and the h_2 gradient has two parts', () => {
    const w = walk(problemOf(1));
    const dH2 = w.steps.find((s) => s.kind === 'dH' && s.t === 2)!;
    expect(dH2.fromFuture).toBeDefined();
    expect(dH2.edges).toEqual(['o2-h2', 'h3-h2']);
    const order = w.steps.filter((s) => s.kind === 'dW').map((s) => s.terms!.map((x) => x.i - x.t));
    expect(order).toEqual([[0], [0, 1], [0, 1, 2]]);
  });

  it('matches a hand computation of the forward pass', () => {
    const p = problemOf(5);
    const { fwd } = runEngine(p);
    const a1 = [
      p.x[0] * p.Wxh[0] + p.h0[0] * p.Whh[0] + p.h0[1] * p.Whh[2],
      p.x[0] * p.Wxh[1] + p.h0[0] * p.Whh[1] + p.h0[1] * p.Whh[3],
    ];
    expect(fwd.h[1][0]).toBeCloseTo(Math.tanh(a1[0]), 14);
    expect(fwd.h[1][1]).toBeCloseTo(Math.tanh(a1[1]), 14);
  });
});

describe('<BpttGraph>', () => {
  it('steps with buttons and keys, shows terms and the engine check (en)', () => {
    render(<BpttGraph lang="en" id="fig-bptt" />);
    expect(screen.getByText('Step 0 of 13')).toBeTruthy();
    fireEvent.click(screen.getByLabelText('Next step'));
    expect(screen.getByText('Step 1 of 13')).toBeTruthy();
    const nav = screen.getByRole('group', { name: /Backward pass/ });
    fireEvent.keyDown(nav, { key: 'End' });
    expect(screen.getByText('Step 13 of 13')).toBeTruthy();
    expect(document.querySelectorAll('tr[data-term]')).toHaveLength(6);
    expect(document.querySelector('.bg-check')?.getAttribute('data-ok')).toBe('true');
    fireEvent.keyDown(nav, { key: 'ArrowLeft' });
    expect(screen.getByText('Step 12 of 13')).toBeTruthy();
    fireEvent.keyDown(nav, { key: 'Home' });
    expect(document.querySelectorAll('tr[data-term]')).toHaveLength(0);
    expect(window.location.search).toContain('fig-bptt=');
  });

  it('speaks Chinese', () => {
    render(<BpttGraph lang="zh" id="fig-bptt-zh" />);
    expect(screen.getByLabelText('下一步')).toBeTruthy();
    expect(screen.getByText('第 0 步，共 13 步')).toBeTruthy();
  });
});
