// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { LinkedTex } from '../../src/viz/LinkedTex';
import { type LinkedLine, tagPart as s } from '../../src/viz/linkedMath';

afterEach(cleanup);

const LINES: LinkedLine[] = [
  { lhs: s('h', '\\Ht'), rhs: `\\tanh(${s('a', `${s('x', '\\Xt')} ${s('W_xh', '\\Wxh')}`)})` },
  { rhs: `${s('W_hh', '\\Whh')} + ${s('b_h', '\\bh')}` },
];
const VALUES: Record<string, string> = { h: '(0.1, 0.2)', a: '(0.3, 0.4)', W_hh: '2 × 2', b_h: '(0, 0)' };

function Harness({ onPart }: { onPart?: (p: string | null) => void }) {
  const [focus, setFocus] = useState<string | null>(null);
  return (
    <>
      <LinkedTex
        lines={LINES}
        focus={focus}
        label="Equations"
        describe={(p) => `${p} = ${VALUES[p] ?? '?'}`}
        onFocusPart={(p) => {
          setFocus(p);
          onPart?.(p);
        }}
      />
      <output data-testid="figure">{focus ?? 'none'}</output>
      <button type="button" onClick={() => setFocus('W_hh')}>
        figure W_hh
      </button>
    </>
  );
}

describe('<LinkedTex>', () => {
  it('one tab stop; the outer symbols are buttons named with live values; nested ones are not', () => {
    render(<Harness />);
    const group = screen.getByRole('group', { name: 'Equations' });
    const buttons = screen.getAllByRole('button').filter((b) => group.contains(b));
    expect(buttons.map((b) => b.getAttribute('aria-label'))).toEqual([
      'h = (0.1, 0.2)',
      'a = (0.3, 0.4)',
      'W_hh = 2 × 2',
      'b_h = (0, 0)',
    ]);
    expect(buttons.map((b) => b.tabIndex)).toEqual([0, -1, -1, -1]);
    // x and W_xh sit inside a: reached by pointer, not as nested buttons
    const inner = group.querySelector<HTMLElement>('[data-part="x"]')!;
    expect(inner.getAttribute('role')).toBeNull();
    expect(group.querySelector('.katex-html[aria-hidden]')).toBeNull();
  });

  it('focus and arrows move the tab stop and report the part; the figure lights symbols back', () => {
    const seen: (string | null)[] = [];
    render(<Harness onPart={(p) => seen.push(p)} />);
    const group = screen.getByRole('group', { name: 'Equations' });
    const first = group.querySelector<HTMLElement>('[data-part="h"]')!;
    act(() => first.focus());
    expect(screen.getByTestId('figure').textContent).toBe('h');
    expect(first.classList.contains('viz-lt-sym-on')).toBe(true);
    fireEvent.keyDown(first, { key: 'ArrowRight' });
    expect(document.activeElement?.getAttribute('data-part')).toBe('a');
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    expect(document.activeElement?.getAttribute('data-part')).toBe('b_h');
    expect((document.activeElement as HTMLElement).tabIndex).toBe(0);
    expect(first.tabIndex).toBe(-1);
    fireEvent.keyDown(document.activeElement!, { key: 'Home' });
    expect(document.activeElement).toBe(first);
    expect(seen).toContain('a');
    // pointer on a nested symbol reports the inner part
    fireEvent.pointerOver(group.querySelector('[data-part="W_xh"]')!);
    expect(screen.getByTestId('figure').textContent).toBe('W_xh');
    // the pointer leaving does not drop the symbol the keyboard is on; leaving both does
    fireEvent.pointerLeave(group);
    expect(screen.getByTestId('figure').textContent).toBe('h');
    act(() => first.blur());
    expect(screen.getByTestId('figure').textContent).toBe('none');
    // and the figure's highlight comes back as a class
    fireEvent.click(screen.getByRole('button', { name: 'figure W_hh' }));
    expect(group.querySelector('[data-part="W_hh"]')!.classList.contains('viz-lt-sym-on')).toBe(true);
    expect(group.querySelector('[data-part="h"]')!.classList.contains('viz-lt-sym-on')).toBe(false);
  });
});
