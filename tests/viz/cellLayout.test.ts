import { describe, expect, it } from 'vitest';
import { layoutCell, matchPart, partsOf } from '../../src/viz/cellLayout';

describe('layoutCell', () => {
  it('LSTM: four gate layers, the c line, pointwise ops as circles', () => {
    const g = layoutCell('lstm');
    const layers = g.nodes.filter((n) => n.kind === 'layer');
    expect(layers.map((n) => n.id).sort()).toEqual(['gate:f', 'gate:g', 'gate:i', 'gate:o']);
    expect(
      g.nodes
        .filter((n) => n.kind === 'pointwise')
        .map((n) => n.label)
        .sort(),
    ).toEqual(['+', 'tanh', '×', '×', '×']);
    const parts = partsOf(g);
    for (const p of ['W_xf', 'W_hf', 'b_f', 'gate:f', 'c_prev', 'h_prev', 'x', 'h', 'c', 'concat'])
      expect(parts).toContain(p);
    const f = matchPart(g, 'gate:f');
    expect(f.nodes.has('gate:f')).toBe(true);
    expect(f.nodes.has('mul:f')).toBe(true);
    expect(f.edges.has('e:f')).toBe(true);
    expect(matchPart(g, null).nodes.size).toBe(0);
  });

  it('GRU follows PyTorch: r scales W_hn h, z keeps h_{t−1}, 1 − z admits n', () => {
    const g = layoutCell('gru');
    const parts = partsOf(g);
    for (const p of ['gate:r', 'gate:z', 'gate:n', 'W_hn', 'W_in', 'op:1-z', 'h_prev'])
      expect(parts).toContain(p);
    expect(matchPart(g, 'gate:r').nodes.has('mul:r')).toBe(true);
  });

  it('RNN and Jordan: one tanh layer fed by a concatenation', () => {
    const rnn = layoutCell('rnn');
    expect(rnn.nodes.filter((n) => n.kind === 'layer')).toHaveLength(1);
    expect(matchPart(rnn, 'W_xh').nodes.has('layer:tanh')).toBe(true);
    expect(partsOf(rnn)).toContain('W_hh');
    const jordan = layoutCell('jordan');
    expect(partsOf(jordan)).toContain('y_prev');
    expect(partsOf(jordan)).not.toContain('h_prev');
  });

  it('all nodes and edge points stay inside the box', () => {
    for (const k of ['rnn', 'gru', 'lstm', 'jordan'] as const) {
      const g = layoutCell(k);
      for (const n of g.nodes) {
        expect(n.x - n.w / 2, `${k} ${n.id}`).toBeGreaterThanOrEqual(0);
        expect(n.x + n.w / 2, `${k} ${n.id}`).toBeLessThanOrEqual(g.width);
        expect(n.y - n.h / 2, `${k} ${n.id}`).toBeGreaterThanOrEqual(0);
        expect(n.y + n.h / 2, `${k} ${n.id}`).toBeLessThanOrEqual(g.height);
      }
      for (const e of g.edges)
        for (const [x, y] of e.points)
          expect(x >= 0 && x <= g.width && y >= 0 && y <= g.height, e.id).toBe(true);
      expect(new Set(g.nodes.map((n) => n.id)).size).toBe(g.nodes.length);
      expect(new Set(g.edges.map((e) => e.id)).size).toBe(g.edges.length);
    }
  });
});
