// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import ParamShapes from '../../src/widgets/param-shapes/ParamShapes';

afterEach(cleanup);

const total = () => document.querySelector('[data-total]')?.getAttribute('data-total');

describe('<ParamShapes>', () => {
  it('lists every parameter and follows its controls (en)', () => {
    render(<ParamShapes lang="en" id="fig-params" />);
    expect(total()).toBe('5920');
    expect(document.querySelectorAll('tr[data-param]')).toHaveLength(8);
    expect(
      screen.getByText(
        'nn.LSTM(input_size=10, hidden_size=20, num_layers=2, bias=True, bidirectional=False)',
      ),
    ).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Cell type'), { target: { value: 'GRU' } });
    // nn.GRU(10, 20, 2): 60·10 + 60·20 + 120 + 60·20 + 60·20 + 120
    expect(total()).toBe('4440');
    fireEvent.click(screen.getByLabelText('bidirectional'));
    expect(document.querySelectorAll('tr[data-param]')).toHaveLength(16);
    expect(screen.getByText('(4, 1, 20)')).toBeTruthy();
    expect(screen.getByLabelText('nonlinearity (nn.RNN only)')).toHaveProperty('disabled', true);
    fireEvent.change(screen.getByLabelText('num_layers'), { target: { value: '12' } });
    fireEvent.blur(screen.getByLabelText('num_layers'));
    expect(screen.getByRole('status').textContent).toBe('num_layers must be between 1 and 8; using 8.');
    expect(window.location.search).toContain('fig-params=GRU.10.20.8.tanh.1.1.1');
  });

  it('speaks Chinese', () => {
    render(<ParamShapes lang="zh" id="fig-params-zh" />);
    expect(screen.getByLabelText('单元类型')).toBeTruthy();
    expect(screen.getByText(/Keras 每层每个方向只有一个偏置向量/)).toBeTruthy();
  });
});
