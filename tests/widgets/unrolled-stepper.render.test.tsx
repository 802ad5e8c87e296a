// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatAuto } from '../../src/viz';
import UnrolledStepper from '../../src/widgets/unrolled-stepper';
import { buildRun, stepDetail } from '../../src/widgets/unrolled-stepper/model';

afterEach(cleanup);
beforeEach(() => history.replaceState(null, '', '/'));

const group = () => document.querySelector('[role="group"][aria-label="Stepper controls"]') as HTMLElement;
const status = (c: HTMLElement) => c.querySelector('.us-status')?.textContent ?? '';
const timeline = (name = 'Time step') => screen.getByLabelText(name) as HTMLInputElement;

describe('<UnrolledStepper> keyboard', { timeout: 90_000 }, () => {
  it('steps with ← →, Home / End, and shows the engine numbers', async () => {
    const { container } = render(<UnrolledStepper lang="en" id="fig-us" cell="rnn" sequence="hello" />);
    const root = group();
    expect(status(container)).toContain('t = 1 of 5: x_1 = “h”');
    fireEvent.keyDown(root, { key: 'ArrowRight' });
    expect(status(container)).toContain('t = 2 of 5: x_2 = “e”');
    expect(timeline().value).toBe('1');
    // h_t shown is the engine's h_2
    const run = buildRun({ cell: 'rnn', layers: 1, bidirectional: false, sequence: 'hello', seed: 1 });
    const h = stepDetail(run!, 0, 0, 1).h;
    expect(container.querySelector(`[aria-label="h t element 1: ${formatAuto(h[0])}"]`)).toBeTruthy();
    fireEvent.keyDown(root, { key: 'End' });
    expect(status(container)).toContain('t = 5 of 5');
    fireEvent.keyDown(root, { key: 'ArrowRight' }); // stays at the end
    expect(status(container)).toContain('t = 5 of 5');
    fireEvent.keyDown(root, { key: 'ArrowLeft' });
    expect(status(container)).toContain('t = 4 of 5');
    fireEvent.keyDown(root, { key: 'Home' });
    expect(status(container)).toContain('t = 1 of 5');
    // the address bar follows, a moment later
    await act(() => new Promise((r) => setTimeout(r, 400)));
    expect(window.location.search).toContain('fig-us=');
  });

  it('walks the sub-steps of an LSTM cell, and Space plays and pauses', () => {
    const { container } = render(
      <UnrolledStepper lang="en" id="fig-us2" cell="lstm" sequence="想要有直升机" />,
    );
    const root = group();
    expect(status(container)).toContain('Part 1 of 4: the input, forget and output gates');
    fireEvent.keyDown(root, { key: 'ArrowRight' });
    expect(status(container)).toContain('Part 2 of 4: the candidate');
    fireEvent.keyDown(root, { key: 'ArrowRight' });
    fireEvent.keyDown(root, { key: 'ArrowRight' });
    fireEvent.keyDown(root, { key: 'ArrowRight' });
    expect(status(container)).toContain('t = 2 of 6');
    expect(status(container)).toContain('Part 1 of 4');
    fireEvent.keyDown(root, { key: 'ArrowLeft' });
    expect(status(container)).toContain('Part 4 of 4');
    const play = screen.getByLabelText('Play');
    fireEvent.keyDown(root, { key: ' ' });
    expect(play.getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByLabelText('Pause')).toBeTruthy();
    fireEvent.keyDown(root, { key: ' ' });
    expect(screen.getByLabelText('Play').getAttribute('aria-pressed')).toBe('false');
  });

  it('leaves typing alone and reports unknown characters and empty input', () => {
    render(<UnrolledStepper lang="en" id="fig-us3" cell="gru" sequence="hello" />);
    const input = screen.getByLabelText('Sequence') as HTMLInputElement;
    fireEvent.keyDown(input, { key: 'ArrowRight' });
    expect(timeline().value).toBe('0');
    fireEvent.change(input, { target: { value: 'abcdefghijklmn' } });
    expect(screen.getByText(/“k”, “l”, “m”, “n” are outside it/)).toBeTruthy();
    fireEvent.change(input, { target: { value: '' } });
    expect(screen.getByText(/Type at least one character/)).toBeTruthy();
    // the figure still shows the last good sequence (14 steps)
    expect(timeline().max).toBe('13');
  });

  it('jumps with the timeline, switches to the backward pass and speaks Chinese', () => {
    const { container } = render(
      <UnrolledStepper lang="zh" id="fig-us4" cell="rnn" sequence="hello" layers={2} bidirectional />,
    );
    fireEvent.change(timeline('时间步'), { target: { value: '7' } });
    expect(status(container)).toContain('第 8 / 10 步');
    act(() => {
      fireEvent.change(screen.getByLabelText('传播'), { target: { value: 'backward' } });
    });
    expect(status(container)).toContain('第 1 / 10 步，第 2 层：t = 5 / 5');
    expect(container.textContent).toContain('L = g · o_T');
    expect(screen.getByLabelText('前进一步')).toBeTruthy();
  });
});
