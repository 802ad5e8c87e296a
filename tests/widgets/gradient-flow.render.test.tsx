// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { linePartsOf, linkedTexHtml } from '../../src/viz/linkedMath';
import GradientFlow from '../../src/widgets/gradient-flow';
import { FLOW_PARTS, flowLines, TARGETS } from '../../src/widgets/gradient-flow/linked';

afterEach(cleanup);

describe('<GradientFlow>', () => {
  it('draws the norms view and answers its controls (en)', async () => {
    render(<GradientFlow lang="en" id="fig-flow" view="norms" cell="rnn" length={30} />);
    await act(async () => {});
    expect(screen.getByText(/RNN \(tanh\): the gradient changes by/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Cell'), { target: { value: 'lstm' } });
    await act(async () => {});
    expect(screen.getByText(/LSTM: the gradient changes by/)).toBeTruthy();
    fireEvent.change(screen.getByRole('slider', { name: /Length T/ }), { target: { value: '12' } });
    await act(async () => {});
    expect(window.location.search).toContain('fig-flow=');
    fireEvent.click(screen.getByRole('button', { name: 'Unrolled graph' }));
    await act(async () => {});
    expect(screen.getByRole('img', { name: /LSTM: the backward pass/ })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Truncation' }));
    await act(async () => {});
    expect(document.querySelectorAll('tr[data-summary]')).toHaveLength(3);
  });

  it('says when a cell diverges and resets', async () => {
    render(<GradientFlow lang="en" id="fig-flow-div" view="norms" cell="rnn" length={100} />);
    await act(async () => {});
    fireEvent.change(screen.getByLabelText('Activation'), { target: { value: 'relu' } });
    fireEvent.change(screen.getByRole('slider', { name: /Spectral radius/ }), { target: { value: '1000' } });
    await act(async () => {});
    const alert = screen.getAllByRole('alert')[0];
    expect(alert.textContent).toMatch(/diverged/);
    fireEvent.click(screen.getAllByRole('button', { name: 'Reset' })[0]);
    await act(async () => {});
    expect(screen.queryAllByRole('alert')).toHaveLength(0);
  });

  it('speaks Chinese', async () => {
    render(<GradientFlow lang="zh" id="fig-flow-zh" view="truncation" />);
    await act(async () => {});
    expect(screen.getByRole('slider', { name: /截断长度 k/ })).toBeTruthy();
    expect(screen.getAllByText('完整 BPTT').length).toBeGreaterThan(0);
  });

  it('links the Jacobian product to the charts, the eigenvalue plot and the slider, both ways', async () => {
    render(<GradientFlow lang="en" id="fig-flow-link" view="norms" cell="rnn" length={30} />);
    await act(async () => {});
    const eq = screen.getByRole('group', { name: 'Why the gradient vanishes or explodes, symbol by symbol' });
    // every tagged symbol is a part, and every part's targets are in the figure (no dangling links)
    const parts = linePartsOf(flowLines());
    expect([...parts].sort()).toEqual([...FLOW_PARTS].sort());
    for (const line of flowLines()) expect(() => linkedTexHtml(line.rhs)).not.toThrow();
    for (const p of parts)
      for (const target of TARGETS[p as keyof typeof TARGETS])
        expect(document.querySelector(`[data-link="${target}"]`), `${p} → ${target}`).toBeTruthy();
    const symbols = screen.getAllByRole('button').filter((b) => eq.contains(b));
    expect(symbols.filter((b) => b.tabIndex === 0)).toHaveLength(1);
    // ρ: the slider, the dashed circle and the Jacobian chart light up; its name carries the live radius
    const rho = eq.querySelector<HTMLElement>('[data-part="rho"]')!;
    expect(rho.getAttribute('aria-label')).toMatch(/^ρ = 0\.9, the spectral radius of W_hh/);
    act(() => rho.focus());
    expect(document.querySelector('[data-link="radius"]')!.getAttribute('data-linked')).toBe('true');
    expect(document.querySelector('[data-link="eigen-rho"]')!.getAttribute('data-linked')).toBe('true');
    expect(document.querySelector('[data-link="jac-chart"]')!.getAttribute('data-linked')).toBe('true');
    expect(document.querySelector('[data-link="norms-chart"]')!.getAttribute('data-linked')).toBeNull();
    expect(document.querySelector('.gf-readout')!.textContent).toMatch(/^ρ = 0\.9/);
    act(() => rho.blur());
    // moving the slider changes the value the symbol names
    fireEvent.change(screen.getByRole('slider', { name: /Spectral radius/ }), { target: { value: '700' } });
    await act(async () => {});
    expect(rho.getAttribute('aria-label')).not.toMatch(/^ρ = 0\.9,/);
    // and back: the norms chart lights ‖∂L/∂h_t‖, whose name has the live norm at t = 1
    fireEvent.pointerEnter(document.querySelector('[data-link="norms-chart"]')!);
    const dh = eq.querySelector<HTMLElement>('[data-part="dh"]')!;
    expect(dh.classList.contains('viz-lt-sym-on')).toBe(true);
    expect(dh.getAttribute('aria-label')).toMatch(
      /^‖∂L\/∂h_t‖ for the RNN \(tanh\): .* at t = 30, .* at t = 1/,
    );
    fireEvent.pointerLeave(document.querySelector('[data-link="norms-chart"]')!);
    expect(dh.classList.contains('viz-lt-sym-on')).toBe(false);
  });

  it('names the linked symbols in Chinese', async () => {
    render(<GradientFlow lang="zh" id="fig-flow-link-zh" view="norms" cell="lstm" length={20} />);
    await act(async () => {});
    const eq = screen.getByRole('group', { name: '逐个符号看梯度为何消失或爆炸' });
    expect(eq.querySelector('[data-part="Whh"]')!.getAttribute('aria-label')).toMatch(
      /^W_hh，16 × 16：谱半径 ρ = /,
    );
    expect(eq.querySelector('[data-part="jac"]')!.getAttribute('aria-label')).toMatch(
      /GRU 与 LSTM 的每个因子里还有门/,
    );
  });
});
