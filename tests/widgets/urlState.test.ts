import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeState,
  defaults,
  encodeState,
  field,
  readFromUrl,
  type Schema,
} from '../../src/widgets/shared/urlState';

interface StepperState {
  cell: 'rnn' | 'gru' | 'lstm';
  layers: number;
  bidirectional: boolean;
  sequence: string;
  seed: number;
  scale: number;
}

const schema: Schema<StepperState> = {
  version: 2,
  fields: {
    cell: field.oneOf(['rnn', 'gru', 'lstm'], 'rnn'),
    layers: field.int(1, 3, 1),
    bidirectional: field.bool(false),
    sequence: field.text(16, 'hello'),
    seed: field.int(0, 2 ** 31 - 1, 1),
    scale: field.number(0, 4, 1),
  },
};

const stateArbitrary = fc.record({
  cell: fc.constantFrom('rnn' as const, 'gru' as const, 'lstm' as const),
  layers: fc.integer({ min: 1, max: 3 }),
  bidirectional: fc.boolean(),
  sequence: fc.string({ unit: 'grapheme', maxLength: 16 }),
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  scale: fc.double({ min: 0, max: 4, noNaN: true }),
});

describe('widget URL state', () => {
  it('round-trips every valid state exactly, CJK and emoji included', () => {
    fc.assert(
      fc.property(stateArbitrary, (state) => {
        const { state: back, notice } = decodeState(schema, encodeState(schema, state));
        expect(notice).toBeUndefined();
        expect(back).toEqual(state);
      }),
    );
    const state = { ...defaults(schema), sequence: '想要有直升机👩‍👩‍👧' };
    expect(decodeState(schema, encodeState(schema, state)).state.sequence).toBe('想要有直升机👩‍👩‍👧');
  });

  it('never throws on arbitrary input and always returns a valid state', () => {
    fc.assert(
      fc.property(fc.string(), (garbage) => {
        const { state } = decodeState(schema, garbage);
        expect(['rnn', 'gru', 'lstm']).toContain(state.cell);
        expect(state.layers).toBeGreaterThanOrEqual(1);
        expect(state.layers).toBeLessThanOrEqual(3);
        expect(Number.isFinite(state.scale)).toBe(true);
      }),
    );
  });

  it('falls back to defaults, field by field, and says why', () => {
    expect(decodeState(schema, '%%%not-base64')).toEqual({ state: defaults(schema), notice: 'malformed' });
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    expect(decodeState(schema, encode([1, 2])).notice).toBe('malformed');
    expect(decodeState(schema, encode({ v: 1, cell: 'gru' }))).toEqual({
      state: defaults(schema),
      notice: 'outdated',
    });
    const adjusted = decodeState(
      schema,
      encode({ v: 2, cell: 'transformer', layers: 9, scale: -5, seed: 7 }),
    );
    expect(adjusted.notice).toBe('adjusted');
    expect(adjusted.state).toMatchObject({ cell: 'rnn', layers: 3, scale: 0, seed: 7 });
  });

  it('reads a figure by its id from a query string and ignores the others', () => {
    const mine = encodeState(schema, { ...defaults(schema), layers: 2 });
    const other = encodeState(schema, { ...defaults(schema), layers: 3 });
    expect(readFromUrl('rnn-stepper', schema, `?other=${other}&rnn-stepper=${mine}`).state.layers).toBe(2);
    expect(readFromUrl('missing', schema, `?other=${other}`)).toEqual({ state: defaults(schema) });
  });
});
