// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { linePartsOf } from '../../src/viz/linkedMath';
import ConcatEquivalence from '../../src/widgets/concat-equivalence/ConcatEquivalence';
import { CONCAT_PARTS, identityLines } from '../../src/widgets/concat-equivalence/linked';

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

  it('links the identity to the matrices: a symbol lights its matrix and names its shape and an entry', () => {
    render(<ConcatEquivalence lang="en" id="fig-concat-link" />);
    const eq = screen.getByRole('group', { name: 'The identity, symbol by symbol' });
    // every tagged symbol names a matrix of the figure (no dangling links)
    const figureParts = [...document.querySelectorAll<HTMLElement>('.ce-matrix[data-part]')].map(
      (e) => e.dataset.part,
    );
    expect(figureParts).toEqual([...CONCAT_PARTS]);
    for (const p of linePartsOf(identityLines({ n: 3, d: 1, h: 4 }))) expect(figureParts).toContain(p);
    const symbols = screen.getAllByRole('button').filter((b) => eq.contains(b));
    expect(symbols).toHaveLength(8);
    expect(symbols.filter((b) => b.tabIndex === 0).map((b) => b.dataset.part)).toEqual(['X']);
    // the arrows read left to right, each product after its factors
    const order: string[] = [];
    act(() => symbols.find((b) => b.tabIndex === 0)!.focus());
    for (let k = 0; k < 8; k++) {
      order.push((document.activeElement as HTMLElement).dataset.part ?? '');
      fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    }
    expect(order).toEqual(['X', 'W_xh', 'H', 'W_hh', 'sum', 'XH', 'W', 'joint']);
    act(() => (document.activeElement as HTMLElement).blur());
    const whh = eq.querySelector<HTMLElement>('[data-part="W_hh"]')!;
    expect(whh.getAttribute('aria-label')).toMatch(/^W_hh: 4 × 4 \(h × h\); entry row 1, column 1 = −?\d/);
    act(() => whh.focus());
    expect(document.querySelector('.ce-matrix[data-part="W_hh"]')!.getAttribute('data-on')).toBe('true');
    expect(document.querySelectorAll('.ce-matrix[data-on]')).toHaveLength(1);
    expect(document.querySelector('.ce-readout')!.textContent).toMatch(/^W_hh: 4 × 4/);
    // the product's brace carries the live shape
    const sum = eq.querySelector<HTMLElement>('[data-part="sum"]')!;
    expect(sum.textContent).toContain('3×4');
    // and back: pointing at a matrix cell lights its symbol and moves the named entry
    const cell = screen.getByRole('gridcell', { name: /^X row 2, column 1:/ });
    fireEvent.pointerEnter(cell.closest('.ce-matrix')!);
    fireEvent.pointerEnter(cell);
    expect(eq.querySelector('[data-part="X"]')!.classList.contains('viz-lt-sym-on')).toBe(true);
    const value = cell.getAttribute('aria-label')!.split(': ')[1];
    expect(eq.querySelector('[data-part="X"]')!.getAttribute('aria-label')).toBe(
      `X: 3 × 1 (n × d); entry row 2, column 1 = ${value}`,
    );
    fireEvent.change(screen.getByLabelText(/Batch size n/), { target: { value: '5' } });
    expect(eq.querySelector('[data-part="sum"]')!.textContent).toContain('5×4');
  });

  it('names the symbols in Chinese', () => {
    render(<ConcatEquivalence lang="zh" id="fig-concat-link-zh" />);
    const eq = screen.getByRole('group', { name: '逐个符号看这个等式' });
    expect(eq.querySelector('[data-part="XH"]')!.getAttribute('aria-label')).toMatch(
      /^\[X, H\]：3 × 5（n × \(d \+ h\)）；第 1 行第 1 列 = /,
    );
  });
});
