// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { judge, parseNumber, type Question, validateQuestions } from '../../src/widgets/quiz/model';
import Quiz from '../../src/widgets/quiz/Quiz';

const questions: Question[] = [
  {
    kind: 'choice',
    prompt: 'How many inputs does a step take?',
    options: ['One', 'Two'],
    answer: 1,
    explain: '$x_t$ and $h_{t-1}$.',
  },
  { kind: 'number', prompt: 'Tensors in a 2-layer nn.RNN with bias?', answer: 8, explain: 'Four per layer.' },
];

afterEach(cleanup);

describe('quiz model', () => {
  it('reads numbers the way readers type them', () => {
    expect(parseNumber(' 12 ')).toBe(12);
    expect(parseNumber('1,024')).toBe(1024);
    expect(parseNumber('−3')).toBe(-3);
    expect(parseNumber('１２')).toBe(12);
    expect(parseNumber('1e-3')).toBe(0.001);
    expect(parseNumber('twelve')).toBeNull();
    expect(parseNumber('')).toBeNull();
    expect(parseNumber('1e999')).toBeNull();
  });

  it('judges with the tolerance and rejects non-numbers', () => {
    const question: Question = { kind: 'number', prompt: 'p', answer: 0.5, tolerance: 0.01, explain: '' };
    expect(judge(question, '0.505')).toBe('correct');
    expect(judge(question, '0.52')).toBe('wrong');
    expect(judge(question, 'abc')).toBe('invalid');
    expect(judge(questions[0], 1)).toBe('correct');
    expect(judge(questions[0], 0)).toBe('wrong');
  });

  it('reports malformed questions instead of crashing', () => {
    expect(validateQuestions([])).toHaveLength(1);
    expect(
      validateQuestions([{ kind: 'choice', prompt: 'p', options: ['a'], answer: 0, explain: '' }])[0],
    ).toMatch(/two options/);
    expect(
      validateQuestions([{ kind: 'choice', prompt: 'p', options: ['a', 'b'], answer: 5, explain: '' }])[0],
    ).toMatch(/index/);
    expect(validateQuestions([{ kind: 'essay', prompt: 'p', explain: '' }])[0]).toMatch(/kind/);
    expect(validateQuestions(questions)).toEqual([]);
  });
});

describe('<Quiz>', () => {
  it('checks a choice at once and explains it', () => {
    render(<Quiz lang="en" id="q" questions={questions} />);
    fireEvent.click(screen.getByLabelText('One'));
    fireEvent.click(screen.getAllByRole('button', { name: 'Check' })[0]);
    expect(screen.getByText(/Not quite/)).toBeTruthy();
    fireEvent.click(screen.getByLabelText('Two'));
    fireEvent.click(screen.getAllByRole('button', { name: 'Check' })[0]);
    expect(screen.getByText(/Correct/)).toBeTruthy();
    expect(screen.getByText('1 of 2 answered correctly')).toBeTruthy();
  });

  it('asks for a number in Chinese when the answer is not one', () => {
    render(<Quiz lang="zh" id="q" questions={questions} />);
    const input = screen.getByRole('textbox');
    fireEvent.change(input, { target: { value: '八' } });
    fireEvent.click(screen.getAllByRole('button', { name: '检查' })[1]);
    expect(screen.getByText(/请输入一个数/)).toBeTruthy();
    fireEvent.change(input, { target: { value: '8' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(screen.getByText(/正确/)).toBeTruthy();
  });

  it('shows a malformed quiz as a message, not a crash', () => {
    render(<Quiz lang="en" id="q" questions={[]} />);
    expect(screen.getByRole('alert').textContent).toMatch(/malformed/);
  });
});

describe('plain-text names for options with math', () => {
  it('keeps the words and a readable form of the TeX', async () => {
    const { plainText } = await import('../../src/widgets/shared/MathText');
    expect(plainText('The state $\\mathbf{H}_{t-1}$ and $x_t$')).toBe('The state H_t-1 and x_t');
    expect(plainText('$\\tanh$')).toBe('tanh');
  });
});
