// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import FindTheBugs from '../../src/widgets/find-the-bugs';

afterEach(cleanup);

describe('<FindTheBugs>', () => {
  it('marks lines, checks them, reveals and applies a fix', () => {
    render(<FindTheBugs lang="en" id="fig-ftb" />);
    expect(document.querySelectorAll('.ftb-line')).toHaveLength(40);
    fireEvent.click(screen.getByLabelText('Mark line 27 as buggy'));
    fireEvent.click(screen.getByLabelText('Mark line 26 as buggy'));
    fireEvent.click(screen.getByText('Check my marks'));
    expect(document.querySelector('[data-found]')?.getAttribute('data-found')).toBe('1');
    expect(screen.getByText(/Line 26 is where the script crashes/)).toBeTruthy();
    const card = document.querySelector('[data-bug="softmax-before-ce"]') as HTMLElement;
    fireEvent.click(card.querySelector('button:last-of-type') as HTMLElement);
    expect(card.textContent).toContain('Softmax applied before nn.CrossEntropyLoss');
    fireEvent.click(screen.getByLabelText('Apply this fix'));
    expect(document.querySelector('[data-line="36"]')?.textContent).toContain('loss = loss_fn(logits, yb)');
    expect(window.location.search).toContain('fig-ftb=');
  });

  it('speaks Chinese', () => {
    render(<FindTheBugs lang="zh" id="fig-ftb-zh" />);
    expect(screen.getByText('检查我的标记')).toBeTruthy();
    expect(screen.getByText(/这是重演，不是 PyTorch/)).toBeTruthy();
  });
});
