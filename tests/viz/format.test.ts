import { describe, expect, it } from 'vitest';
import {
  formatAuto,
  formatCompact,
  formatCount,
  formatFixed,
  formatPercent,
  formatPower,
  formatScientific,
  formatShape,
  formatSigned,
  MINUS,
} from '../../src/viz/format';

describe('format', () => {
  it('uses the real minus sign and no sign on rounded zero', () => {
    expect(formatFixed(-0.314159, 3)).toBe(`${MINUS}0.314`);
    expect(formatFixed(-0.0001, 2)).toBe('0.00');
    expect(formatFixed(-0, 2)).toBe('0.00');
    expect(formatFixed(1.005, 1)).toBe('1.0');
    expect(formatFixed(-0.314159)).not.toContain('-');
  });

  it('signed values', () => {
    expect(formatSigned(0.31)).toBe('+0.31');
    expect(formatSigned(-0.31)).toBe('−0.31');
    expect(formatSigned(0.001)).toBe('0.00');
  });

  it('scientific and compact for gradients', () => {
    expect(formatScientific(3.2e-18)).toBe('3.2e−18');
    expect(formatScientific(-4.56e7, 3)).toBe('−4.56e7');
    expect(formatPower(3.2e-18)).toBe('3.2×10⁻¹⁸');
    expect(formatCompact(3.2e-18)).toBe('3.2e−18');
    expect(formatCompact(0.0413)).toBe('0.0413');
    expect(formatCompact(12.5)).toBe('12.5');
    expect(formatCompact(1234.5)).toBe('1235');
    expect(formatCompact(-210000)).toBe('−2.1e5');
    expect(formatCompact(0)).toBe('0');
  });

  it('auto, counts, shapes, percent, non-finite', () => {
    expect(formatAuto(0.5)).toBe('0.500');
    expect(formatAuto(-12.345)).toBe('−12.35');
    expect(formatAuto(1e-7)).toBe('1e−7');
    expect(formatCount(12345)).toBe('12,345');
    expect(formatShape([3, 4])).toBe('(3, 4)');
    expect(formatShape([4])).toBe('(4,)');
    expect(formatShape([2, 1, 8])).toBe('(2, 1, 8)');
    expect(formatPercent(0.42)).toBe('42.0%');
    expect(formatAuto(Number.NaN)).toBe('NaN');
    expect(formatCompact(Number.NEGATIVE_INFINITY)).toBe('−∞');
  });
});
