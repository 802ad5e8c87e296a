import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  clampDim,
  computeEquivalence,
  decodeState,
  encodeState,
  hcat,
  mat,
  matmul,
  vcat,
} from '../../src/widgets/concat-equivalence/model';
import { createConcatStore } from '../../src/widgets/concat-equivalence/store';

describe('concat-equivalence model', () => {
  it('default shapes: X (3,1), W_xh (1,4), H (3,4), W_hh (4,4); both sides equal', () => {
    const eq = computeEquivalence({ n: 3, d: 1, h: 4 }, 1);
    expect([
      eq.X.rows,
      eq.X.cols,
      eq.Wxh.rows,
      eq.Wxh.cols,
      eq.H.rows,
      eq.H.cols,
      eq.Whh.rows,
      eq.Whh.cols,
    ]).toEqual([3, 1, 1, 4, 3, 4, 4, 4]);
    expect([eq.XH.rows, eq.XH.cols, eq.W.rows, eq.W.cols, eq.joint.rows, eq.joint.cols]).toEqual([
      3, 5, 5, 4, 3, 4,
    ]);
    expect(eq.maxAbsDiff).toBeLessThan(1e-12);
  });

  it('the identity holds for every size and seed', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 8 }),
        fc.nat(),
        (n, d, h, seed) => {
          const eq = computeEquivalence({ n, d, h }, seed);
          expect(eq.maxAbsDiff).toBeLessThan(1e-12);
          for (const v of eq.X.data) expect(Math.abs(v)).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('is deterministic in the seed', () => {
    const a = computeEquivalence({ n: 2, d: 3, h: 2 }, 42);
    const b = computeEquivalence({ n: 2, d: 3, h: 2 }, 42);
    const c = computeEquivalence({ n: 2, d: 3, h: 2 }, 43);
    expect(Array.from(a.joint.data)).toEqual(Array.from(b.joint.data));
    expect(Array.from(a.X.data)).not.toEqual(Array.from(c.X.data));
  });

  it('matmul, hcat, vcat by hand', () => {
    const a = mat(2, 2, [1, 2, 3, 4]);
    const b = mat(2, 1, [5, 6]);
    expect(Array.from(matmul(a, b).data)).toEqual([17, 39]);
    expect(Array.from(hcat(a, b).data)).toEqual([1, 2, 5, 3, 4, 6]);
    expect(Array.from(vcat(a, mat(1, 2, [7, 8])).data)).toEqual([1, 2, 3, 4, 7, 8]);
    expect(() => matmul(b, b)).toThrow(/matmul/);
  });

  it('clamps sizes with a reason', () => {
    expect(clampDim('n', '12', 3)).toEqual({ value: 8, issue: 'too-large' });
    expect(clampDim('d', '0', 3)).toEqual({ value: 1, issue: 'too-small' });
    expect(clampDim('h', 'abc', 4)).toEqual({ value: 4, issue: 'not-a-number' });
    expect(clampDim('h', '', 4)).toEqual({ value: 4, issue: 'not-a-number' });
    expect(clampDim('h', '2.6', 4)).toEqual({ value: 3, issue: 'not-integer' });
    expect(clampDim('h', '5', 4)).toEqual({ value: 5, issue: null });
  });

  it('URL state round-trips and is clamped', () => {
    expect(decodeState(encodeState({ n: 3, d: 1, h: 4 }, 42))).toEqual({
      dims: { n: 3, d: 1, h: 4 },
      seed: 42,
    });
    expect(decodeState('n99d1h4s1')?.dims.n).toBe(8);
    expect(decodeState('garbage')).toBeNull();
  });

  it('store: setDim clamps and tells why; reroll changes the seed deterministically', () => {
    const s = createConcatStore();
    s.getState().setDim('n', '20');
    expect(s.getState().dims.n).toBe(8);
    expect(s.getState().notice).toMatchObject({ key: 'n', issue: 'too-large', value: 8 });
    s.getState().setDim('n', '2');
    expect(s.getState().notice).toBeNull();
    const seed = s.getState().seed;
    s.getState().reroll();
    const next = s.getState().seed;
    expect(next).not.toBe(seed);
    const t = createConcatStore({ seed });
    t.getState().reroll();
    expect(t.getState().seed).toBe(next);
  });
});
