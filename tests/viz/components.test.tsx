// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { CellDiagram } from '../../src/viz/CellDiagram';
import { layoutCell } from '../../src/viz/cellLayout';
import { Legend } from '../../src/viz/Legend';
import { LineChart } from '../../src/viz/LineChart';
import { layoutUnrolled } from '../../src/viz/layout';
import { MatrixView, VectorView } from '../../src/viz/MatrixView';
import { divergingScale, magnitudeScale } from '../../src/viz/scales';
import { UnrolledGraph } from '../../src/viz/UnrolledGraph';

afterEach(cleanup);

describe('MatrixView', () => {
  const values = [0.5, -0.25, 1, 0, -1.5, 0.125];

  it('renders rows × cols focusable cells with row, column and value in the aria-label', () => {
    render(<MatrixView values={values} rows={2} cols={3} label="W_{xh}" />);
    const cells = screen.getAllByRole('gridcell');
    expect(cells).toHaveLength(6);
    expect(cells.filter((c) => c.getAttribute('tabindex') === '0')).toHaveLength(1);
    expect(cells.every((c) => c.hasAttribute('tabindex'))).toBe(true);
    expect(cells[1].getAttribute('aria-label')).toBe('W xh row 1, column 2: −0.250');
    expect(cells[4].getAttribute('aria-label')).toBe('W xh row 2, column 2: −1.500');
    expect(screen.getAllByRole('row')).toHaveLength(2);
    expect(screen.getByRole('grid').getAttribute('aria-label')).toBe('W xh, 2 × 3');
    // coloured through the theme's custom properties
    expect((cells[0] as unknown as SVGElement).style.getPropertyValue('--v-light')).toMatch(/rgb|#/);
  });

  it('shows the exact value on focus and moves with the arrow keys', () => {
    render(<MatrixView values={values} rows={2} cols={3} label="W" />);
    const cells = screen.getAllByRole('gridcell');
    act(() => (cells[0] as unknown as SVGElement).focus());
    expect(document.body.textContent).toContain('W[1, 1] = 0.500');
    fireEvent.keyDown(cells[0], { key: 'ArrowDown' });
    expect(document.activeElement).toBe(cells[3]);
    expect(cells[3].getAttribute('tabindex')).toBe('0');
    expect(document.body.textContent).toContain('W[2, 1] = 0.000');
    fireEvent.keyDown(cells[3], { key: 'End' });
    expect(document.activeElement).toBe(cells[5]);
    fireEvent.pointerEnter(cells[2]);
    expect(document.body.textContent).toContain('W[1, 3] = 1.000');
  });

  it('VectorView names elements', () => {
    render(<VectorView values={[0.1, -0.2]} label="h_t" itemLabels={['a', 'b']} highlight={1} />);
    const cells = screen.getAllByRole('gridcell');
    expect(cells).toHaveLength(2);
    expect(cells[1].getAttribute('aria-label')).toBe('h t element 2 (b): −0.200');
  });
});

describe('other primitives', () => {
  it('UnrolledGraph draws every node and edge and highlights', () => {
    const layout = layoutUnrolled({ T: 3, L: 2, D: 2, cell: 'lstm' });
    const { container } = render(
      <UnrolledGraph
        layout={layout}
        title="LSTM unrolled"
        highlight={new Set(['cell:l0:d0:t1'])}
        dimOthers
      />,
    );
    expect(screen.getByRole('img', { name: 'LSTM unrolled' })).toBeTruthy();
    expect(container.querySelectorAll('path[fill="none"]').length).toBeGreaterThanOrEqual(
      layout.edges.length,
    );
    expect(container.querySelectorAll('rect').length).toBeGreaterThanOrEqual(3 * 2 * 2);
  });

  it('CellDiagram highlights a named part', () => {
    const { container } = render(
      <CellDiagram layout={layoutCell('lstm')} title="LSTM cell" highlight="gate:f" />,
    );
    expect(screen.getByRole('img', { name: 'LSTM cell' })).toBeTruthy();
    expect(container.querySelectorAll('g[opacity="0.35"]').length).toBeGreaterThan(0);
  });

  it('LineChart has a hidden table of its values and a legend', () => {
    render(
      <LineChart
        title="Loss"
        xLabel="step"
        logY
        series={[
          { name: 'train', values: [1, 0.5, 0.1], color: 'var(--state-hidden)' },
          { name: 'valid', values: [1.2, 0.7, 0.3], color: 'var(--gate-forget)', dash: '4 2' },
        ]}
      />,
    );
    const table = screen.getByRole('table');
    expect(table.textContent).toContain('train');
    expect(screen.getAllByRole('row')).toHaveLength(4);
    expect(screen.getByRole('img', { name: 'Loss' })).toBeTruthy();
  });

  it('Legend describes its scale', () => {
    const { container } = render(<Legend scale={divergingScale({ maxAbs: 2 })} title="value" />);
    expect(container.querySelector('desc')?.textContent).toContain('−2');
    render(<Legend scale={magnitudeScale({ domain: [1e-18, 1], log: true })} title="gradient" />);
    expect(screen.getByRole('img', { name: 'gradient' })).toBeTruthy();
  });
});
