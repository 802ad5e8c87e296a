// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { formatFixed } from '../../src/viz';
import { linePartsOf, linkedTexHtml } from '../../src/viz/linkedMath';
import GateInspector from '../../src/widgets/gate-inspector';
import { type GatePart, gateLines, stripOf, valueAt } from '../../src/widgets/gate-inspector/gateLines';
import { createFreshModel, encode, inspect, STRIPS } from '../../src/widgets/gate-inspector/model';

afterEach(cleanup);

describe('gate-inspector: the gate equations linked to the strips', () => {
  it('every tagged symbol names a strip the figure draws (no dangling links), and typesets strictly', () => {
    for (const cell of ['gru', 'lstm'] as const) {
      const parts = linePartsOf(gateLines(cell)) as GatePart[];
      expect(new Set(parts.map(stripOf))).toEqual(new Set(STRIPS[cell]));
      for (const line of gateLines(cell)) {
        expect(() => linkedTexHtml(line.lhs ?? '')).not.toThrow();
        expect(() => linkedTexHtml(line.rhs)).not.toThrow();
      }
    }
    expect(linePartsOf(gateLines('gru'))).toEqual(['r', 'hprev', 'z', 'h']);
  });

  it('the previous state is the strip one step back, and zero before the first step', () => {
    const model = createFreshModel('lstm', 1);
    const r = inspect(model.net, encode('abc', model.vocab).ids, 'lstm');
    expect(valueAt(r, 'hprev', 0, 2)).toBe(0);
    expect(valueAt(r, 'hprev', 2, 2)).toBe(valueAt(r, 'h', 1, 2));
    expect(valueAt(r, 'cprev', 1, 0)).toBe(valueAt(r, 'c', 0, 0));
    expect(valueAt(r, 'f', 3, 0)).toBeNull();
  });

  it('focusing a gate outlines its strip and unit row and names its value at the character and unit', () => {
    render(<GateInspector lang="en" id="fig-gi-link" cell="lstm" sequence="the cat" />);
    const eq = screen.getByRole('group', { name: /The cell’s equations/ });
    const symbols = screen.getAllByRole('button').filter((b) => eq.contains(b));
    expect(symbols.filter((b) => b.tabIndex === 0)).toHaveLength(1);
    // no character in focus: the last one
    const model = createFreshModel('lstm', 1);
    const r = inspect(model.net, encode('the cat', model.vocab).ids, 'lstm');
    const f = eq.querySelector<HTMLElement>('[data-part="f"]')!;
    expect(f.getAttribute('aria-label')).toBe(
      `F_t, forget gate, at step 7 (t), unit 1: ${formatFixed(valueAt(r, 'f', 6, 0)!, 3)}`,
    );
    // a character and a unit chosen: the name follows
    fireEvent.focus(screen.getByLabelText('Step 2: h'));
    fireEvent.change(screen.getByLabelText('Unit'), { target: { value: '3' } });
    act(() => f.focus());
    expect(f.getAttribute('aria-label')).toBe(
      `F_t, forget gate, at step 2 (h), unit 4: ${formatFixed(valueAt(r, 'f', 1, 3)!, 3)}`,
    );
    expect(document.querySelector('[data-strip="f"]')!.getAttribute('data-linked')).toBe('true');
    expect(document.querySelectorAll('[data-strip][data-linked]')).toHaveLength(1);
    expect(document.querySelector('.gi-eqs-readout')!.textContent).toContain(
      'F_t, forget gate, at step 2 (h), unit 4',
    );
    act(() => f.blur());
    // the previous cell state at the first step is the initial state
    fireEvent.focus(screen.getByLabelText('Step 1: t'));
    expect(eq.querySelector('[data-part="cprev"]')!.getAttribute('aria-label')).toMatch(
      /initial state, unit 4: 0$/,
    );
    // pointing at a strip lights its symbols (both H_t and H_t−1 for the hidden state)
    fireEvent.pointerEnter(document.querySelector('[data-strip="h"]')!);
    const on = [...eq.querySelectorAll('.viz-lt-sym-on')].map((e) => e.getAttribute('data-part'));
    expect(new Set(on)).toEqual(new Set(['h', 'hprev']));
    // and a strip cell picks the unit
    fireEvent.pointerEnter(screen.getByRole('gridcell', { name: /^output gate, unit 6, step 3/ }));
    expect((screen.getByLabelText('Unit') as HTMLSelectElement).value).toBe('5');
  });

  it('speaks Chinese', () => {
    render(<GateInspector lang="zh" id="fig-gi-link-zh" cell="gru" sequence="the cat" />);
    const eq = screen.getByRole('group', { name: /单元的方程/ });
    expect(eq.querySelector('[data-part="z"]')!.getAttribute('aria-label')).toMatch(
      /^Z_t，更新门，第 7 步（t），单元 1：\d\.\d{3}$/,
    );
    expect(screen.getByLabelText('单元')).toBeTruthy();
  });
});
