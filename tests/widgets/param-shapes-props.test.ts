import { describe, expect, it } from 'vitest';
import { settingsFromProps } from '../../src/widgets/param-shapes/ParamShapes';

describe('param-shapes page props', () => {
  it('reads the props the chapters pass', () => {
    expect(settingsFromProps({ cell: 'rnn', layers: 3 })).toEqual({ cell: 'RNN', numLayers: 3 });
    expect(settingsFromProps({ cell: 'lstm', layers: 2, bidirectional: true })).toEqual({
      cell: 'LSTM',
      numLayers: 2,
      bidirectional: true,
    });
  });

  it('ignores an unknown cell and clamps the layer count', () => {
    expect(settingsFromProps({ cell: 'transformer' })).toEqual({});
    expect(settingsFromProps({ layers: 99 }).numLayers).toBe(8);
  });
});
