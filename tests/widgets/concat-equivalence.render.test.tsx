// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import ConcatEquivalence from '../../src/widgets/concat-equivalence/ConcatEquivalence';

afterEach(cleanup);

describe('<ConcatEquivalence>', () => {
  it('renders both sides with labelled controls and answers them (en)', () => {
    render(<ConcatEquivalence lang="en" id="fig-concat" />);
    const n = screen.getByLabelText(/Batch size n/);
    expect((n as HTMLInputElement).value).toBe('3');
    // X (3×1), W_xh (1×4), H (3×4), W_hh (4×4), sum (3×4), [X,H] (3×5), W (5×4), product (3×4)
    expect(screen.getAllByRole('gridcell')).toHaveLength(3 + 4 + 12 + 16 + 12 + 15 + 20 + 12);
    expect(screen.getByText(/The two results agree/)).toBeTruthy();
    fireEvent.change(n, { target: { value: '2' } });
    expect(screen.getAllByRole('gridcell')).toHaveLength(2 + 4 + 8 + 16 + 8 + 10 + 20 + 8);
    expect(window.location.search).toContain('fig-concat=n2d1h4s1');
    fireEvent.change(n, { target: { value: '30' } });
    fireEvent.blur(n);
    expect(screen.getByRole('status').textContent).toBe('n must be between 1 and 8; using 8.');
    const before = screen.getAllByRole('gridcell')[0].getAttribute('aria-label');
    fireEvent.click(screen.getByRole('button', { name: 'New random matrices' }));
    expect(screen.getAllByRole('gridcell')[0].getAttribute('aria-label')).not.toBe(before);
  });

  it('speaks Chinese', () => {
    render(<ConcatEquivalence lang="zh" id="fig-concat-zh" />);
    expect(screen.getByLabelText(/批量大小 n/)).toBeTruthy();
    expect(screen.getByRole('button', { name: '重新生成随机矩阵' })).toBeTruthy();
    expect(screen.getByText(/两种算法的结果一致/)).toBeTruthy();
  });
});
