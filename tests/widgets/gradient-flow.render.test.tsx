// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import GradientFlow from '../../src/widgets/gradient-flow';

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
});
