/**
 * Colour scales for values. Each scale gives a colour for the light and for the dark theme; the
 * primitives put both on an element (`--v-light`, `--v-dark`) and the theme CSS picks one, so a theme
 * switch needs no render.
 *
 * - divergingScale: signed values (weights, activations, hidden states); symmetric around 0.
 *   Light: ColorBrewer RdBu (negative red, 0 near paper, positive blue). Dark: the same hues interpolated
 *   in OKLab through a dark grey a little lighter than the page, so |v| always reads as "more ink".
 * - magnitudeScale: non-negative magnitudes (gradient norms), linear or log. Magma, oriented so that
 *   small values fade toward the page in both themes and large values stand out.
 */

import { scaleDiverging, scaleLinear, scaleLog, scaleSequential } from 'd3-scale';
import { interpolateMagma, interpolateRdBu } from 'd3-scale-chromatic';
import { formatAuto } from './format';

export interface ThemedColorScale {
  kind: 'diverging' | 'magnitude';
  /** [min, max] of the values the scale covers; diverging scales are [−m, m]. */
  domain: [number, number];
  log: boolean;
  /** Colour on light paper, as `rgb(…)` or `#rrggbb`. */
  light(v: number): string;
  /** Colour on the dark page. */
  dark(v: number): string;
  /** Position on the ramp in [0, 1] (diverging: 0.5 is zero). */
  t(v: number): number;
  ticks(count?: number): number[];
  /** One sentence for screen readers. */
  describe(format?: (v: number) => string): string;
}

// --- small colour helpers (no d3-color dependency) -------------------------------------------

/** Parse `#rgb`, `#rrggbb` or `rgb(r, g, b)` into 0…255 channels. */
export function parseColor(c: string): [number, number, number] {
  const s = c.trim();
  if (s.startsWith('#')) {
    const h = s.length === 4 ? [...s.slice(1)].map((d) => d + d).join('') : s.slice(1);
    return [0, 2, 4].map((k) => Number.parseInt(h.slice(k, k + 2), 16)) as [number, number, number];
  }
  const m = s.match(/rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/);
  if (!m) throw new Error(`parseColor: cannot read ${c}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

export function toHex([r, g, b]: [number, number, number]): string {
  const c = (v: number) =>
    Math.round(Math.min(255, Math.max(0, v)))
      .toString(16)
      .padStart(2, '0');
  return `#${c(r)}${c(g)}${c(b)}`;
}

const toLinear = (v: number) => {
  const x = v / 255;
  return x <= 0.04045 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
};
const fromLinear = (x: number) => 255 * (x <= 0.0031308 ? 12.92 * x : 1.055 * x ** (1 / 2.4) - 0.055);

function rgbToOklab([r8, g8, b8]: [number, number, number]): [number, number, number] {
  const [r, g, b] = [toLinear(r8), toLinear(g8), toLinear(b8)];
  const l = Math.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
  const m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
  const s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
  return [
    0.2104542553 * l + 0.793617785 * m - 0.0040720468 * s,
    1.9779984951 * l - 2.428592205 * m + 0.4505937099 * s,
    0.0259040371 * l + 0.7827717662 * m - 0.808675766 * s,
  ];
}

function oklabToRgb([L, a, b]: [number, number, number]): [number, number, number] {
  const l = (L + 0.3963377774 * a + 0.2158037573 * b) ** 3;
  const m = (L - 0.1055613458 * a - 0.0638541728 * b) ** 3;
  const s = (L - 0.0894841775 * a - 1.291485548 * b) ** 3;
  return [
    fromLinear(4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s),
    fromLinear(-1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s),
    fromLinear(-0.0041960863 * l - 0.7034186147 * m + 1.707614701 * s),
  ];
}

/** OKLab lightness (0…1) of a colour: the perceptual lightness the scales are built on. */
export function oklabLightness(c: string): number {
  return rgbToOklab(parseColor(c))[0];
}

/** A piecewise interpolator through colour stops, evenly spaced on [0, 1], mixed in OKLab. */
export function interpolateOklab(stops: string[]): (t: number) => string {
  const labs = stops.map((s) => rgbToOklab(parseColor(s)));
  return (t: number) => {
    const u = Math.min(1, Math.max(0, t)) * (labs.length - 1);
    const k = Math.min(labs.length - 2, Math.floor(u));
    const f = u - k;
    const [a, b] = [labs[k], labs[k + 1]];
    return toHex(oklabToRgb([a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f, a[2] + (b[2] - a[2]) * f]));
  };
}

/** Dark-theme diverging ramp: RdBu's hues, lightness rising away from a dark neutral middle. */
export const interpolateRdBuDark = interpolateOklab(['#ff9b85', '#c4564d', '#2c3039', '#3f6fa0', '#8ec8f5']);

/** Dark or light text, whichever reads better on a fill. */
export function textOn(fill: string): string {
  return oklabLightness(fill) > 0.62 ? '#1c1b19' : '#f5f3ee';
}

// --- scales -----------------------------------------------------------------------------------

export interface DivergingOptions {
  /** Half-width of the domain: values in [−maxAbs, maxAbs]; larger |v| clamp. Default 1. */
  maxAbs?: number;
}

/** The largest |v| of some values (at least `floor`, so an all-zero matrix still gets a scale). */
export function maxAbsOf(values: ArrayLike<number>, floor = 1e-12): number {
  let m = floor;
  for (let k = 0; k < values.length; k++) {
    const a = Math.abs(values[k]);
    if (a > m && Number.isFinite(a)) m = a;
  }
  return m;
}

/** Signed values on a diverging scale symmetric around 0. */
export function divergingScale({ maxAbs = 1 }: DivergingOptions = {}): ThemedColorScale {
  const m = maxAbs > 0 && Number.isFinite(maxAbs) ? maxAbs : 1;
  const pos = scaleDiverging<number>().domain([-m, 0, m]).clamp(true);
  const light = scaleDiverging(interpolateRdBu).domain([-m, 0, m]).clamp(true);
  const dark = scaleDiverging(interpolateRdBuDark).domain([-m, 0, m]).clamp(true);
  const lin = scaleLinear().domain([-m, m]);
  return {
    kind: 'diverging',
    domain: [-m, m],
    log: false,
    light: (v) => light(Number.isFinite(v) ? v : 0),
    dark: (v) => dark(Number.isFinite(v) ? v : 0),
    t: (v) => pos(v),
    ticks: (count = 5) => {
      const ts = lin.ticks(count);
      return ts.includes(0) ? ts : [...ts, 0].sort((a, b) => a - b);
    },
    describe: (fmt = formatAuto) =>
      `Diverging colour scale: red for negative values down to ${fmt(-m)}, near the background for 0, blue for positive values up to ${fmt(m)}.`,
  };
}

export interface MagnitudeOptions {
  /** [min, max] of the magnitudes. With `log`, a min ≤ 0 becomes max·1e−12. */
  domain: [number, number];
  /** Logarithmic scale (for gradients spanning orders of magnitude). */
  log?: boolean;
}

function magnitudeT({ domain, log = false }: MagnitudeOptions): (v: number) => number {
  let [lo, hi] = domain;
  if (log) {
    hi = Math.max(hi, Number.MIN_VALUE);
    if (!(lo > 0)) lo = hi * 1e-12;
    if (lo >= hi) lo = hi / 10;
    const s = scaleLog().domain([lo, hi]).range([0, 1]).clamp(true);
    return (v) => (v > 0 && Number.isFinite(v) ? s(v) : 0);
  }
  if (!(hi > lo)) hi = lo + 1;
  const s = scaleLinear().domain([lo, hi]).range([0, 1]).clamp(true);
  return (v) => (Number.isFinite(v) ? s(v) : 0);
}

/** Non-negative magnitudes (gradient norms) on a sequential scale, optionally logarithmic. */
export function magnitudeScale(options: MagnitudeOptions): ThemedColorScale {
  const t = magnitudeT(options);
  const log = options.log ?? false;
  const light = scaleSequential((u: number) => interpolateMagma(0.92 - 0.82 * u)).domain([0, 1]);
  const dark = scaleSequential((u: number) => interpolateMagma(0.25 + 0.73 * u)).domain([0, 1]);
  const [lo, hi] = options.domain;
  return {
    kind: 'magnitude',
    domain: [lo, hi],
    log,
    light: (v) => light(t(v)),
    dark: (v) => dark(t(v)),
    t,
    ticks: (count = 5) => {
      if (!log) return scaleLinear().domain([lo, hi]).ticks(count);
      const top = Math.max(hi, Number.MIN_VALUE);
      const bottom = lo > 0 ? lo : top * 1e-12;
      const e0 = Math.ceil(Math.log10(bottom));
      const e1 = Math.floor(Math.log10(top));
      const step = Math.max(1, Math.ceil((e1 - e0 + 1) / count));
      const out: number[] = [];
      for (let e = e0; e <= e1; e += step) out.push(10 ** e);
      return out;
    },
    describe: (fmt = formatAuto) =>
      `Sequential ${log ? 'logarithmic ' : ''}colour scale for magnitudes from ${fmt(lo)} (faint) to ${fmt(hi)} (strong).`,
  };
}

/** A stroke width for a magnitude (gradient edges): linear or log, clamped to [minWidth, maxWidth]. */
export function widthScale(options: MagnitudeOptions & { range?: [number, number] }): (v: number) => number {
  const t = magnitudeT(options);
  const [a, b] = options.range ?? [0.75, 8];
  return (v) => a + (b - a) * t(v);
}
