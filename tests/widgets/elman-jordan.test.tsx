// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createHead, createNetwork, createRng, forward, headForward, traceStep } from '../../src/engine';
import ElmanJordan from '../../src/widgets/elman-jordan';
import {
  clampStep,
  HIDDEN,
  MAX_LENGTH,
  parseSequence,
  runBoth,
  runElman,
  runJordan,
} from '../../src/widgets/elman-jordan/model';
import { feedbackEdgeId } from '../../src/widgets/elman-jordan/NetworkPanel';

afterEach(() => {
  cleanup();
  history.replaceState(null, '', '/');
});

const hello = () => {
  const p = parseSequence('hello');
  if (!p.ok) throw new Error('hello did not parse');
  return p;
};

describe('elman-jordan model', () => {
  it('reads the sequence with its own vocabulary and rejects empty input', () => {
    const p = hello();
    expect(p.vocab).toEqual(['h', 'e', 'l', 'o']);
    expect([...p.ids]).toEqual([0, 1, 2, 2, 3]);
    expect(parseSequence('')).toEqual({ ok: false, reason: 'empty' });
    expect(parseSequence('   ').ok).toBe(false);
    const long = parseSequence('abcdefghijklmnop');
    expect(long.ok && long.chars.length).toBe(MAX_LENGTH);
    expect(long.ok && long.truncated).toBe(true);
  });

  it('Elman: equals the engine, and feeds h_{t−1} back', () => {
    const p = hello();
    const run = runElman(p.ids, 4, 9);
    const rng = createRng(9);
    const net = createNetwork({ mode: 'RNN_TANH', inputSize: 4, hiddenSize: HIDDEN }, rng);
    const head = createHead(HIDDEN, 4, { rng });
    const trace = forward(net, { shape: [5, 1], tokens: p.ids });
    const logits = new Float64Array(20);
    headForward(head, trace.output.data, 5, logits);
    for (let t = 0; t < 5; t++) {
      expect(run.steps[t].h).toEqual(Array.from(trace.output.data.slice(t * HIDDEN, (t + 1) * HIDDEN)));
      expect(run.steps[t].o).toEqual(Array.from(logits.slice(t * 4, t * 4 + 4)));
      expect(run.steps[t].carried).toEqual(t === 0 ? Array(HIDDEN).fill(0) : run.steps[t - 1].h);
    }
    expect(run.carriedSize).toBe(HIDDEN);
  });

  it('Jordan: equals the engine, and feeds o_{t−1} back', () => {
    const p = hello();
    const run = runJordan(p.ids, 4, 9);
    const net = createNetwork(
      { mode: 'JORDAN_TANH', inputSize: 4, hiddenSize: HIDDEN, outputSize: 4 },
      createRng(9),
    );
    // one more step reveals the engine's own y_T (fed back at step T+1)
    const ids = Int32Array.from([...p.ids, 0]);
    const trace = forward(net, { shape: [6, 1], tokens: ids });
    for (let t = 0; t < 5; t++) {
      expect(run.steps[t].h).toEqual(Array.from(trace.output.data.slice(t * HIDDEN, (t + 1) * HIDDEN)));
      const next = traceStep(trace, 0, 0, t + 1).yPrev!.data;
      for (let k = 0; k < 4; k++) expect(run.steps[t].o[k]).toBeCloseTo(next[k], 12);
      if (t > 0) expect(run.steps[t].carried).toEqual(Array.from(traceStep(trace, 0, 0, t).yPrev!.data));
    }
    expect(run.carriedSize).toBe(4);
    // at t = 0 the Jordan network receives o_0 = W_hy·0 + b_y = b_y
    expect(run.steps[0].carried).toEqual(Array.from(net.params[0][0].bY!.data));
  });

  it('is deterministic by seed and clamps steps', () => {
    const p = hello();
    expect(runBoth(p.ids, 4, 2)).toEqual(runBoth(p.ids, 4, 2));
    expect(runBoth(p.ids, 4, 2).jordan.steps[3].h).not.toEqual(runBoth(p.ids, 4, 3).jordan.steps[3].h);
    expect(clampStep(9, 5)).toBe(4);
    expect(clampStep(-1, 5)).toBe(0);
    expect(clampStep(Number.NaN, 5)).toBe(0);
    expect(feedbackEdgeId('elman', 0)).toBe('e:init:l0:d0');
    expect(feedbackEdgeId('elman', 2)).toBe('e:recurrent:l0:d0:t2');
    expect(feedbackEdgeId('jordan', 2)).toBe('e:feedback:t2');
  });
});

describe('<ElmanJordan>', () => {
  it('steps both networks together with buttons and keys', () => {
    render(<ElmanJordan lang="en" id="ej" sequence="hello" />);
    expect(screen.getByText('Step 1 of 5: both networks read “h”.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Next step' }));
    expect(screen.getByText('Step 2 of 5: both networks read “e”.')).toBeTruthy();
    expect(document.body.textContent).toContain('fed back into step 2: h1');
    expect(document.body.textContent).toContain('fed back into step 2: o1');
    const group = screen.getByRole('group', { name: 'Step through both networks' });
    fireEvent.keyDown(group, { key: 'End' });
    expect(screen.getByText(/Step 5 of 5/)).toBeTruthy();
    fireEvent.keyDown(group, { key: 'ArrowLeft' });
    expect(screen.getByText(/Step 4 of 5/)).toBeTruthy();
    fireEvent.keyDown(group, { key: 'Home' });
    expect(screen.getByText(/Step 1 of 5/)).toBeTruthy();
    expect(location.search).toContain('ej=');
  });

  it('speaks Chinese and handles an empty sequence', () => {
    render(<ElmanJordan lang="zh" id="ej" sequence="想要" />);
    expect(screen.getByText('第 1 步（共 2 步）：两个网络都读入“想”。')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('序列'), { target: { value: '' } });
    expect(screen.getByText(/请输入一个短序列/)).toBeTruthy();
    expect(screen.queryByRole('group')).toBeNull();
  });
});
