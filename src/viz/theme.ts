/**
 * The one theme table of the book's pictures.
 *
 * Every role (a gate, a state, a signal, gradients) has one fixed colour per theme, a CSS custom
 * property name, a glyph and a short label, so colour is never the only signal. Hues follow the
 * Okabe–Ito palette (colour-blind safe), darkened for light paper and lightened for the dark page so
 * that each keeps at least 3:1 contrast against the background (checked in tests/viz/theme.test.ts).
 *
 * LSTM gates (i f g o, c) and GRU gates (r z n) never share a diagram, so the GRU reuses nearby hues:
 * the update gate z sits near the input gate i, the candidate n is the candidate g's orange.
 *
 * Components never hard-code a colour: they use `var(--gate-forget)` etc. The page puts
 * `data-theme="light" | "dark"` on <html>; the CSS from `themeCss()` (rendered by <VizStyles/>) does the
 * rest, so a theme switch recolours every picture without a React render.
 */

export type ThemeName = 'light' | 'dark';

export type Role =
  | 'i' // LSTM input gate
  | 'f' // LSTM forget gate
  | 'o' // LSTM output gate
  | 'g' // LSTM candidate (cell input)
  | 'c' // LSTM cell state
  | 'r' // GRU reset gate
  | 'z' // GRU update gate
  | 'n' // GRU candidate
  | 'h' // hidden state
  | 'x' // input
  | 'y' // network output (o_t / y_t in the text)
  | 'grad'; // gradients ∂L/∂·

export interface RoleStyle {
  /** CSS custom property, e.g. `--gate-forget`. */
  cssVar: string;
  /** Colour on light paper. */
  light: string;
  /** Colour on the dark page. */
  dark: string;
  /** The letter used in the text and equations. */
  symbol: string;
  /** A glyph drawn next to the colour so colour is never the only signal. */
  glyph: string;
  /** English name (the widgets translate it; this is the fallback and the aria text). */
  name: string;
  /** SVG dash pattern for strokes of this role ('' = solid). */
  dash: string;
}

/** Page backgrounds the colours are checked against. */
export const PAPER: Record<ThemeName, string> = { light: '#fffdf8', dark: '#16181d' };

/** Neutral inks for text, axes, grids and highlight rings. */
export const NEUTRALS: Record<string, { cssVar: string; light: string; dark: string }> = {
  ink: { cssVar: '--viz-ink', light: '#1c1b19', dark: '#e6e4df' },
  muted: { cssVar: '--viz-muted', light: '#5f5b53', dark: '#a3a09a' },
  grid: { cssVar: '--viz-grid', light: '#d9d4c7', dark: '#3a3e47' },
  panel: { cssVar: '--viz-panel', light: '#f6f1e4', dark: '#21242b' },
  highlight: { cssVar: '--viz-highlight', light: '#111111', dark: '#ffd84d' },
};

export const THEME: Record<Role, RoleStyle> = {
  i: {
    cssVar: '--gate-input',
    light: '#007A5A',
    dark: '#2BB58A',
    symbol: 'i',
    glyph: '▲',
    name: 'input gate',
    dash: '',
  },
  f: {
    cssVar: '--gate-forget',
    light: '#C8500A',
    dark: '#E8743B',
    symbol: 'f',
    glyph: '■',
    name: 'forget gate',
    dash: '6 3',
  },
  o: {
    cssVar: '--gate-output',
    light: '#A8477F',
    dark: '#D98CB8',
    symbol: 'o',
    glyph: '●',
    name: 'output gate',
    dash: '2 2',
  },
  g: {
    cssVar: '--gate-candidate',
    light: '#A86F00',
    dark: '#E69F00',
    symbol: 'g',
    glyph: '◆',
    name: 'candidate',
    dash: '',
  },
  c: {
    cssVar: '--cell-state',
    light: '#7A6A00',
    dark: '#F0E442',
    symbol: 'c',
    glyph: '═',
    name: 'cell state',
    dash: '',
  },
  r: {
    cssVar: '--gate-reset',
    light: '#B03A5B',
    dark: '#E68AA3',
    symbol: 'r',
    glyph: '✕',
    name: 'reset gate',
    dash: '6 3',
  },
  z: {
    cssVar: '--gate-update',
    light: '#1E7F6E',
    dark: '#56C6A9',
    symbol: 'z',
    glyph: '▼',
    name: 'update gate',
    dash: '2 2',
  },
  n: {
    cssVar: '--gate-new',
    light: '#A86F00',
    dark: '#E69F00',
    symbol: 'n',
    glyph: '◆',
    name: 'candidate',
    dash: '',
  },
  h: {
    cssVar: '--state-hidden',
    light: '#0072B2',
    dark: '#56B4E9',
    symbol: 'h',
    glyph: '○',
    name: 'hidden state',
    dash: '',
  },
  x: {
    cssVar: '--signal-input',
    light: '#4B5563',
    dark: '#A7B0BE',
    symbol: 'x',
    glyph: '□',
    name: 'input',
    dash: '',
  },
  y: {
    cssVar: '--signal-output',
    light: '#6A3D9A',
    dark: '#B79BDB',
    symbol: 'o',
    glyph: '◇',
    name: 'output',
    dash: '',
  },
  grad: {
    cssVar: '--gradient',
    light: '#B5179E',
    dark: '#F28AD8',
    symbol: '∂',
    glyph: '∇',
    name: 'gradient',
    dash: '4 2',
  },
};

export const ROLES = Object.keys(THEME) as Role[];

/** `var(--gate-forget)` for a role: what components put in `fill`/`stroke`. */
export function roleColor(role: Role): string {
  return `var(${THEME[role].cssVar})`;
}

/** `var(--viz-ink)` etc. for a neutral. */
export function neutral(name: keyof typeof NEUTRALS): string {
  return `var(${NEUTRALS[name].cssVar})`;
}

/** The concrete colour of a role in a theme (for canvas or tests; components use roleColor). */
export function resolveRoleColor(role: Role, theme: ThemeName): string {
  return THEME[role][theme];
}

/** WCAG relative luminance of a #rrggbb colour. */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((k) => {
    const v = Number.parseInt(hex.slice(k, k + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio between two #rrggbb colours (1…21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((p, q) => q - p);
  return (hi + 0.05) / (lo + 0.05);
}

function varsFor(theme: ThemeName): string {
  const lines = ROLES.map((r) => `  ${THEME[r].cssVar}: ${THEME[r][theme]};`);
  for (const n of Object.values(NEUTRALS)) lines.push(`  ${n.cssVar}: ${n[theme]};`);
  lines.push(`  --viz-paper: ${PAPER[theme]};`);
  return lines.join('\n');
}

/**
 * The CSS text of the theme: custom properties for both themes, plus the few `.viz-*` rules the
 * primitives rely on (a value-coloured cell carries its light and dark fill as `--v-light`/`--v-dark`).
 */
export function themeCss(): string {
  return `:root, [data-theme="light"] {
${varsFor('light')}
}
[data-theme="dark"] {
${varsFor('dark')}
}
@media (prefers-color-scheme: dark) {
  :root:not([data-theme]) {
${varsFor('dark')}
  }
  :root:not([data-theme]) .viz-valued { fill: var(--v-dark); }
  :root:not([data-theme]) .viz-valued-text { fill: var(--t-dark); }
}
.viz-valued { fill: var(--v-light); }
.viz-valued-text { fill: var(--t-light); }
[data-theme="dark"] .viz-valued { fill: var(--v-dark); }
[data-theme="dark"] .viz-valued-text { fill: var(--t-dark); }
.viz-svg { display: block; width: 100%; height: auto; overflow: visible; font-family: inherit; color: var(--viz-ink); }
.viz-focusable:focus { outline: none; }
.viz-focusable:focus-visible { stroke: var(--viz-highlight); stroke-width: 2.5px; }
.viz-sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
@media (prefers-reduced-motion: no-preference) {
  .viz-anim { transition: fill 150ms ease, stroke 150ms ease, stroke-width 150ms ease, opacity 150ms ease; }
}
`;
}
