// @vitest-environment jsdom
/** Questions answered by setting a figure: the gradient-flow goal on the engine's real numbers, and the quiz. */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { computeFlow } from '../../src/widgets/gradient-flow/model';
import { checkFigure } from '../../src/widgets/quiz/goals';
import { type Question, validateQuestions } from '../../src/widgets/quiz/model';
import Quiz from '../../src/widgets/quiz/Quiz';
import { publishReading } from '../../src/widgets/shared/figureReadings';

/** The reading gradient-flow publishes, computed by the same engine code for a setting. */
function readingAt(radius: number, net: 'rnn-tanh' | 'gru' = 'rnn-tanh', T = 50) {
  const flow = computeFlow({ seed: 1, T, radius, inputScale: 0.1 }, net);
  const c = flow.cells[net];
  return {
    kind: 'gradient-flow',
    values: { net, T, radius, inputScale: 0.1, dhFirst: c.dhNorm[0], dhLast: c.dhNorm[T - 1] },
  };
}

const question: Question = {
  kind: 'figure',
  figure: 'norms-figure',
  goal: 'gradient-within-10x',
  prompt: 'Set the radius so the gradient at $t = 1$ is within 10× of the one at $t = T$.',
  explain: 'Near $\\rho = 1$.',
};

afterEach(() => {
  cleanup();
  publishReading('norms-figure', null);
});

describe('gradient-within-10x', () => {
  it('is wrong where the gradient vanishes, right near radius 1, and names what the figure shows', () => {
    const vanishing = checkFigure('gradient-within-10x', readingAt(0.9), 'en');
    expect(vanishing.verdict).toBe('wrong');
    expect(vanishing.measured).toMatch(/ρ = 0\.9\).*the ratio is 5\.0×10⁻³, so the gradient vanishes/);
    expect(checkFigure('gradient-within-10x', readingAt(1), 'en').verdict).toBe('correct');
    expect(checkFigure('gradient-within-10x', readingAt(0.5), 'zh').measured).toMatch(
      /梯度在向前传的路上消失了/,
    );
  });

  it('asks for the tanh RNN when the figure shows another cell, and needs a reading of the right kind', () => {
    const gru = checkFigure('gradient-within-10x', readingAt(1, 'gru'), 'en');
    expect(gru).toEqual({ verdict: 'wrong', measured: expect.stringMatching(/shows the GRU.*RNN \(tanh\)/) });
    expect(checkFigure('gradient-within-10x', undefined, 'en').verdict).toBe('no-reading');
    expect(checkFigure('gradient-within-10x', { kind: 'quiz', values: {} }, 'en').verdict).toBe('no-reading');
  });

  it('does not pass overflowed numbers', () => {
    const r = readingAt(1);
    const nan = { ...r, values: { ...r.values, dhFirst: Number.NaN } };
    expect(checkFigure('gradient-within-10x', nan, 'en').verdict).toBe('wrong');
  });

  it('is validated: a figure question needs a figure id and a known goal', () => {
    expect(validateQuestions([question], ['gradient-within-10x'])).toEqual([]);
    expect(validateQuestions([{ ...question, goal: 'nope' }], ['gradient-within-10x'])[0]).toMatch(/goal/);
    expect(validateQuestions([{ ...question, figure: '' }], ['gradient-within-10x'])[0]).toMatch(/figure/);
  });
});

describe('<Quiz> with a figure question', () => {
  it('says when the figure has nothing to read, then judges what it shows and explains once right', () => {
    render(<Quiz lang="en" id="q" questions={[question]} />);
    expect(screen.getByRole('link', { name: /Go to the figure/ }).getAttribute('href')).toBe('#norms-figure');
    const check = screen.getByRole('button', { name: 'Check the figure' });
    fireEvent.click(check);
    expect(screen.getByText(/not showing the numbers this question needs/)).toBeTruthy();
    act(() => publishReading('norms-figure', readingAt(0.8)));
    fireEvent.click(check);
    expect(screen.getByText(/Not quite/)).toBeTruthy();
    expect(screen.queryByText(/Near/)).toBeNull();
    act(() => publishReading('norms-figure', readingAt(1.05)));
    fireEvent.click(check);
    expect(screen.getByText(/within a factor of 10/)).toBeTruthy();
    expect(screen.getByText('1 of 1 answered correctly')).toBeTruthy();
  });

  it('speaks Chinese', () => {
    publishReading('norms-figure', readingAt(1));
    render(<Quiz lang="zh" id="q" questions={[question]} />);
    fireEvent.click(screen.getByRole('button', { name: '检查图中的设置' }));
    expect(screen.getByText(/在 10 倍以内/)).toBeTruthy();
  });
});
