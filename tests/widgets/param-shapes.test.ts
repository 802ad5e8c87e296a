import { describe, expect, it } from 'vitest';
import { createNetwork, namedParams } from '../../src/engine';
import {
  type CellType,
  clampSize,
  DEFAULT_SETTINGS,
  decodeSettings,
  encodeSettings,
  modeOf,
  type ParamSettings,
  paramTable,
  pytorchCall,
} from '../../src/widgets/param-shapes/model';
import { createParamShapesStore } from '../../src/widgets/param-shapes/store';

const base: ParamSettings = { ...DEFAULT_SETTINGS, batch: 1 };

describe('param-shapes model', () => {
  it('matches the engine: createNetwork + namedParams give the same names and shapes, in order', () => {
    for (const cell of ['RNN', 'GRU', 'LSTM'] as CellType[])
      for (const numLayers of [1, 2, 3])
        for (const bias of [true, false])
          for (const bidirectional of [false, true]) {
            const s: ParamSettings = {
              ...base,
              cell,
              inputSize: 3,
              hiddenSize: 5,
              numLayers,
              bias,
              bidirectional,
            };
            const net = createNetwork({
              mode: modeOf(s),
              inputSize: 3,
              hiddenSize: 5,
              numLayers,
              bias,
              bidirectional,
            });
            const engine = namedParams(net.config, net.params).map(([name, t]) => [name, [...t.shape]]);
            const table = paramTable(s);
            expect(table.rows.map((r) => [r.name, r.shape])).toEqual(engine);
            const total = namedParams(net.config, net.params).reduce((a, [, t]) => a + t.data.length, 0);
            expect(table.total).toBe(total);
          }
  });

  it('known PyTorch counts', () => {
    // nn.LSTM(10, 20, 2): 5920 parameters; nn.GRU(10, 20): 1920; nn.RNN(1, 4): 28
    expect(paramTable({ ...base, cell: 'LSTM', inputSize: 10, hiddenSize: 20, numLayers: 2 }).total).toBe(
      5920,
    );
    expect(paramTable({ ...base, cell: 'GRU', inputSize: 10, hiddenSize: 20, numLayers: 1 }).total).toBe(
      1920,
    );
    expect(paramTable({ ...base, cell: 'RNN', inputSize: 1, hiddenSize: 4, numLayers: 1 }).total).toBe(28);
  });

  it('gate size, h0/c0 shapes, symbolic shapes, Keras bias', () => {
    const t = paramTable({
      ...base,
      cell: 'LSTM',
      inputSize: 10,
      hiddenSize: 20,
      numLayers: 2,
      bidirectional: true,
      batch: 7,
    });
    expect(t.gates).toBe(4);
    expect(t.gateSize).toBe(80);
    expect(t.h0Shape).toEqual([4, 7, 20]);
    expect(t.c0Shape).toEqual([4, 7, 20]);
    expect(t.outputFeatures).toBe(40);
    const w1 = t.rows.find((r) => r.name === 'weight_ih_l1_reverse')!;
    expect(w1.shape).toEqual([80, 40]);
    expect(w1.symbolic).toBe('(4H, 2H)');
    expect(t.rows.find((r) => r.name === 'bias_hh_l0')!.symbolic).toBe('(4H,)');
    expect(t.kerasSingleBias).toBe(t.total - 4 * 80);
    expect(t.kerasGruDefault).toBeNull();
    const g = paramTable({ ...base, cell: 'GRU' });
    expect(g.gateSize).toBe(60);
    expect(g.c0Shape).toBeNull();
    expect(g.kerasGruDefault).toBe(g.total);
    const nb = paramTable({ ...base, cell: 'RNN', bias: false });
    expect(nb.rows.some((r) => r.field === 'bIh')).toBe(false);
    expect(nb.kerasSingleBias).toBe(nb.total);
  });

  it('large sizes cost nothing (no allocation)', () => {
    const t = paramTable({
      ...base,
      cell: 'LSTM',
      inputSize: 10000,
      hiddenSize: 10000,
      numLayers: 8,
      bidirectional: true,
    });
    expect(t.total).toBe(2 * (4e4 * 2e4 + 8e4) + 7 * 2 * (4e4 * 3e4 + 8e4));
  });

  it('PyTorch call, clamping, URL state, store', () => {
    expect(pytorchCall({ ...base, cell: 'RNN', nonlinearity: 'relu' })).toBe(
      "nn.RNN(input_size=10, hidden_size=20, num_layers=2, nonlinearity='relu', bias=True, bidirectional=False)",
    );
    expect(clampSize('numLayers', '9', 2)).toEqual({ value: 8, issue: 'too-large' });
    expect(clampSize('hiddenSize', 'x', 2)).toEqual({ value: 2, issue: 'not-a-number' });
    const s: ParamSettings = { ...base, cell: 'GRU', bidirectional: true, batch: 4 };
    expect(decodeSettings(encodeSettings(s))).toEqual(s);
    expect(decodeSettings('nope')).toBeNull();
    const store = createParamShapesStore();
    store.getState().setSize('hiddenSize', '0');
    expect(store.getState().settings.hiddenSize).toBe(1);
    expect(store.getState().notice?.issue).toBe('too-small');
    store.getState().set('cell', 'GRU');
    expect(store.getState().settings.cell).toBe('GRU');
    expect(store.getState().notice).toBeNull();
  });
});
