import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  divergingScale,
  interpolateRdBuDark,
  magnitudeScale,
  maxAbsOf,
  oklabLightness,
  parseColor,
  textOn,
  widthScale,
} from '../../src/viz/scales';
import { PAPER } from '../../src/viz/theme';

describe('divergingScale', () => {
  it('is symmetric around 0: t(v) + t(−v) = 1, zero in the middle', () => {
    const s = divergingScale({ maxAbs: 2.5 });
    expect(s.domain).toEqual([-2.5, 2.5]);
    expect(s.t(0)).toBeCloseTo(0.5, 12);
    fc.assert(
      fc.property(fc.double({ min: -10, max: 10, noNaN: true }), (v) => {
        expect(s.t(v) + s.t(-v)).toBeCloseTo(1, 9);
      }),
    );
    expect(s.ticks()).toContain(0);
    const ticks = s.ticks();
    expect(ticks.map((v) => (v === 0 ? 0 : -v)).sort((a, b) => a - b)).toEqual(ticks);
  });

  it('clamps beyond the domain and maps non-finite to the middle colour', () => {
    const s = divergingScale({ maxAbs: 1 });
    expect(s.light(5)).toBe(s.light(1));
    expect(s.dark(-5)).toBe(s.dark(-1));
    expect(s.light(Number.NaN)).toBe(s.light(0));
  });

  it('lightness moves away from the page as |v| grows, in both themes', () => {
    const s = divergingScale({ maxAbs: 1 });
    const paperL = { light: oklabLightness(PAPER.light), dark: oklabLightness(PAPER.dark) };
    for (const theme of ['light', 'dark'] as const) {
      const f = theme === 'light' ? s.light : s.dark;
      for (const sign of [1, -1]) {
        let prev = 0;
        for (let k = 0; k <= 10; k++) {
          const dist = Math.abs(oklabLightness(f((sign * k) / 10)) - paperL[theme]);
          expect(dist).toBeGreaterThanOrEqual(prev - 0.02);
          prev = dist;
        }
      }
    }
    // negative and positive ends differ in hue: red vs blue
    const [r1, , b1] = parseColor(s.light(-1));
    const [r2, , b2] = parseColor(s.light(1));
    expect(r1).toBeGreaterThan(b1);
    expect(b2).toBeGreaterThan(r2);
    expect(interpolateRdBuDark(0.5)).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('maxAbsOf ignores non-finite values and has a floor', () => {
    expect(maxAbsOf([0.5, -3, Number.NaN, Number.POSITIVE_INFINITY])).toBe(3);
    expect(maxAbsOf([0, 0])).toBeGreaterThan(0);
  });
});

describe('magnitudeScale', () => {
  it('log: a decade is the same step anywhere', () => {
    const s = magnitudeScale({ domain: [1e-18, 1], log: true });
    expect(s.t(1e-18)).toBeCloseTo(0, 9);
    expect(s.t(1)).toBeCloseTo(1, 9);
    expect(s.t(1e-9)).toBeCloseTo(0.5, 9);
    expect(s.t(0)).toBe(0);
    expect(s.ticks(5).every((v) => Number.isInteger(Math.round(Math.log10(v))))).toBe(true);
  });

  it('small magnitudes are near the page and large ones stand out, in both themes', () => {
    const s = magnitudeScale({ domain: [0, 1] });
    const dl = (c: string, bg: string) => Math.abs(oklabLightness(c) - oklabLightness(bg));
    expect(dl(s.light(1), PAPER.light)).toBeGreaterThan(dl(s.light(0), PAPER.light));
    expect(dl(s.dark(1), PAPER.dark)).toBeGreaterThan(dl(s.dark(0), PAPER.dark));
  });

  it('widthScale maps into its range', () => {
    const w = widthScale({ domain: [1e-6, 1], log: true, range: [1, 9] });
    expect(w(1)).toBeCloseTo(9);
    expect(w(1e-6)).toBeCloseTo(1);
    expect(w(1e-3)).toBeCloseTo(5);
  });

  it('textOn picks readable text', () => {
    expect(textOn('#ffffff')).toBe('#1c1b19');
    expect(textOn('#053061')).toBe('#f5f3ee');
  });
});
