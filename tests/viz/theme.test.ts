import { describe, expect, it } from 'vitest';
import { contrastRatio, NEUTRALS, PAPER, ROLES, roleColor, THEME, themeCss } from '../../src/viz/theme';

describe('theme table', () => {
  it('every role has ≥ 3:1 contrast against the page in both themes', () => {
    for (const r of ROLES) {
      expect(contrastRatio(THEME[r].light, PAPER.light), `${r} light`).toBeGreaterThanOrEqual(3);
      expect(contrastRatio(THEME[r].dark, PAPER.dark), `${r} dark`).toBeGreaterThanOrEqual(3);
    }
    for (const k of ['ink', 'muted', 'highlight'] as const) {
      expect(contrastRatio(NEUTRALS[k].light, PAPER.light)).toBeGreaterThanOrEqual(3);
      expect(contrastRatio(NEUTRALS[k].dark, PAPER.dark)).toBeGreaterThanOrEqual(3);
    }
  });

  it('gates drawn together (LSTM i f g o c; GRU r z n; x h y) have distinct colours, glyphs and CSS names', () => {
    for (const group of [
      ['i', 'f', 'g', 'o', 'c', 'x', 'h', 'y'],
      ['r', 'z', 'n', 'x', 'h', 'y'],
    ] as const) {
      for (const theme of ['light', 'dark'] as const) {
        const colours = group.map((r) => THEME[r][theme]);
        expect(new Set(colours).size).toBe(group.length);
      }
      expect(new Set(group.map((r) => THEME[r].glyph)).size).toBe(group.length);
    }
    expect(new Set(ROLES.map((r) => THEME[r].cssVar)).size).toBe(ROLES.length);
  });

  it('exposes custom properties for both themes', () => {
    const css = themeCss();
    expect(css).toContain('[data-theme="dark"]');
    expect(css).toContain(`--gate-forget: ${THEME.f.light};`);
    expect(css).toContain(`--gate-forget: ${THEME.f.dark};`);
    expect(roleColor('f')).toBe('var(--gate-forget)');
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
  });
});
