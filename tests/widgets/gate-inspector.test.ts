import { describe, expect, it } from 'vitest';
import {
  ALPHABET,
  createFreshModel,
  encode,
  inspect,
  mean,
  meanAbsPerStep,
  retention,
  withForgetBias,
} from '../../src/widgets/gate-inspector/model';

const SEQ = 'the cat sat on the mat';

describe('gate-inspector model', () => {
  it('encodes characters and lists unknown ones once', () => {
    const e = encode('Ab€b', ALPHABET);
    expect(e.chars).toEqual(['A', 'b', '€', 'b']);
    expect(e.unknown).toEqual(['A', '€']);
    expect(e.ids[0]).toBe(0);
    expect(e.ids[1]).toBe(ALPHABET.indexOf('b'));
  });

  it('gives GRU r, z in (0,1) for every unit and step, deterministically from the seed', () => {
    const m = createFreshModel('gru', 7);
    const ids = encode(SEQ, m.vocab).ids;
    const a = inspect(m.net, ids, 'gru');
    const b = inspect(createFreshModel('gru', 7).net, ids, 'gru');
    expect(a.T).toBe(SEQ.length);
    expect(a.strips.r?.length).toBe(8 * SEQ.length);
    for (const v of a.strips.z ?? []) expect(v > 0 && v < 1).toBe(true);
    expect(Array.from(a.strips.r ?? [])).toEqual(Array.from(b.strips.r ?? []));
    // a fresh model is grey: gates near 0.5
    expect(Math.abs(mean(a.strips.z as Float64Array) - 0.5)).toBeLessThan(0.15);
    const other = inspect(createFreshModel('gru', 8).net, ids, 'gru');
    expect(Array.from(other.strips.r ?? [])).not.toEqual(Array.from(a.strips.r ?? []));
  });

  it('a forget-gate bias of +3 opens f and keeps the cell: c_t persists', () => {
    const m = createFreshModel('lstm', 1);
    const ids = encode(SEQ, m.vocab).ids;
    const plain = inspect(m.net, ids, 'lstm');
    const biased = inspect(withForgetBias(m.net, 3), ids, 'lstm');
    const T = ids.length;
    const f0 = retention(plain.strips.f as Float64Array, 8, T);
    const f3 = retention(biased.strips.f as Float64Array, 8, T);
    expect(f0.meanF).toBeLessThan(0.65);
    expect(f3.meanF).toBeGreaterThan(0.9);
    expect(f3.survivesToEnd).toBeGreaterThan(100 * f0.survivesToEnd);
    const c0 = meanAbsPerStep(plain.strips.c as Float64Array, 8, T);
    const c3 = meanAbsPerStep(biased.strips.c as Float64Array, 8, T);
    expect(c3[T - 1]).toBeGreaterThan(2 * c0[T - 1]);
    // the original network is untouched
    expect(Array.from(inspect(m.net, ids, 'lstm').strips.f ?? [])).toEqual(Array.from(plain.strips.f ?? []));
  });

  it('handles the empty sequence', () => {
    const m = createFreshModel('lstm', 1);
    expect(inspect(m.net, [], 'lstm').T).toBe(0);
  });
});
