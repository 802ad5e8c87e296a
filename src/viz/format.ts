/**
 * Number formatting used by every picture and table. Negative numbers use the real minus sign
 * U+2212 "−" (as does d3-format's default locale), never the hyphen; a value that rounds to zero is
 * printed without a sign.
 */
import { format as d3format } from 'd3-format';

export const MINUS = '\u2212';

const toMinus = (s: string) => s.replace(/-/g, MINUS);
const isZeroString = (s: string) => /^[-−+]?0(\.0*)?(e[-−+]?\d+)?$/.test(s);

function unsignZero(s: string): string {
  return isZeroString(s) ? s.replace(/^[-−+]/, '') : s;
}

/** Fixed decimals for small tables: 0.314, −1.200. */
export function formatFixed(v: number, digits = 2): string {
  if (!Number.isFinite(v)) return formatNonFinite(v);
  return unsignZero(toMinus(d3format(`.${digits}f`)(v)));
}

/** Fixed decimals with an explicit sign: +0.31, −0.31, 0.00. */
export function formatSigned(v: number, digits = 2): string {
  if (!Number.isFinite(v)) return formatNonFinite(v);
  const s = formatFixed(v, digits);
  if (isZeroString(s)) return s;
  return v > 0 ? `+${s}` : s;
}

/** Scientific with `sig` significant digits and a real minus in mantissa and exponent: 3.2e−18. */
export function formatScientific(v: number, sig = 2): string {
  if (!Number.isFinite(v)) return formatNonFinite(v);
  if (v === 0) return '0';
  const [mant, exp] = v.toExponential(Math.max(0, sig - 1)).split('e');
  const e = Number(exp);
  return `${toMinus(mant)}e${e < 0 ? MINUS : ''}${Math.abs(e)}`;
}

const SUPERSCRIPT: Record<string, string> = {
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
  '−': '⁻',
};

/** Scientific in typographic form for labels: 3.2×10⁻¹⁸. */
export function formatPower(v: number, sig = 2): string {
  if (!Number.isFinite(v)) return formatNonFinite(v);
  if (v === 0) return '0';
  const s = formatScientific(v, sig);
  const [mant, exp] = s.split('e');
  if (exp === '0') return mant;
  return `${mant}×10${[...exp].map((ch) => SUPERSCRIPT[ch] ?? ch).join('')}`;
}

/**
 * Gradients and other quantities spanning many orders of magnitude: plain when 1e−3 ≤ |v| < 1e4
 * (3 significant digits), scientific otherwise. 3.2e−18, 0.0413, 12.5, 2.1e+5 → 2.1e5.
 */
export function formatCompact(v: number, sig = 3): string {
  if (!Number.isFinite(v)) return formatNonFinite(v);
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 10 ** sig && a < 1e4) return toMinus(d3format('.0f')(v));
  if (a >= 1e-3 && a < 1e4) return unsignZero(toMinus(d3format(`.${sig}~g`)(v)));
  return formatScientific(v, Math.min(sig, 2)).replace(/\.0+e/, 'e');
}

/** The default for a value of unknown size: fixed(3) for ordinary numbers, compact otherwise. */
export function formatAuto(v: number): string {
  if (!Number.isFinite(v)) return formatNonFinite(v);
  const a = Math.abs(v);
  if (a === 0 || (a >= 1e-2 && a < 1e4)) return formatFixed(v, a >= 100 ? 1 : a >= 10 ? 2 : 3);
  return formatCompact(v);
}

/** Integers with thousands separators: 12,345 (parameter counts). */
export function formatCount(n: number): string {
  return toMinus(d3format(',d')(n));
}

/** A tensor shape the PyTorch way: (3, 4); a vector (4,); a scalar (). */
export function formatShape(shape: readonly number[]): string {
  if (shape.length === 1) return `(${shape[0]},)`;
  return `(${shape.join(', ')})`;
}

/** A shape as a product for prose: 3 × 4. */
export function formatDims(shape: readonly number[]): string {
  return shape.join(' × ');
}

/** A fraction in [0, 1] as a percentage: 42.0%. */
export function formatPercent(v: number, digits = 1): string {
  if (!Number.isFinite(v)) return formatNonFinite(v);
  return unsignZero(toMinus(d3format(`.${digits}%`)(v)));
}

function formatNonFinite(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  return v > 0 ? '∞' : `${MINUS}∞`;
}
