// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import GateInspector from '../../src/widgets/gate-inspector';

afterEach(cleanup);

describe('<GateInspector>', () => {
  it('draws the LSTM strips, lists a step on focus and follows the bias slider (en)', () => {
    render(<GateInspector lang="en" id="fig-gi" cell="lstm" sequence="the cat" />);
    expect(document.querySelectorAll('[data-strip]')).toHaveLength(5);
    fireEvent.focus(screen.getByLabelText('Step 2: h'));
    expect(document.querySelector('.gi-table caption')?.textContent).toBe('Step 2, character h');
    const before = Number(document.querySelector('.gi-retention')?.getAttribute('data-mean-f'));
    fireEvent.change(screen.getByLabelText('Extra forget-gate bias'), { target: { value: '3' } });
    const after = Number(document.querySelector('.gi-retention')?.getAttribute('data-mean-f'));
    expect(after).toBeGreaterThan(before + 0.2);
    fireEvent.change(screen.getByLabelText('Sequence'), { target: { value: '' } });
    expect(screen.getByText('Type at least one character to see the gates.')).toBeTruthy();
    expect(window.location.search).toContain('fig-gi=');
  });

  it('speaks Chinese and names unknown characters', () => {
    render(<GateInspector lang="zh" id="fig-gi-zh" cell="gru" sequence="猫 cat" />);
    expect(document.querySelectorAll('[data-strip]')).toHaveLength(3);
    expect(screen.getByRole('status').textContent).toContain('“猫”');
    expect(screen.getByLabelText('输入序列')).toBeTruthy();
  });
});
