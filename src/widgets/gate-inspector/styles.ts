/** The figure's own CSS, rendered once per page through React 19's `<style href precedence>`. */
export const GATE_INSPECTOR_CSS = `
.gate-inspector { display: grid; grid-template-columns: minmax(0, 1fr); gap: 0.6rem; min-width: 0; }
.gi-controls { display: flex; flex-wrap: wrap; gap: 0.4rem 0.8rem; align-items: center; }
.gi-controls .gi-sequence { flex: 1 1 14rem; min-width: 0; font-family: var(--font-mono); }
.gi-seed, .gi-bias { display: inline-flex; gap: 0.4rem; align-items: center; flex-wrap: wrap; }
.gi-seed input { width: 6.5rem; }
.gi-bias output { font-variant-numeric: tabular-nums; min-width: 2.5em; font-weight: 600; }
.gi-model, .gi-hint, .gi-retention { margin: 0; color: var(--ink-soft); }
.gi-unknown { margin: 0; color: var(--bad); }
.gi-empty { margin: 0; font-style: italic; }
.gi-chars { display: flex; flex-wrap: wrap; gap: 2px; }
.gi-char { font-family: var(--font-mono); min-width: 1.8rem; padding: 0.2rem 0.3rem; line-height: 1.2; }
.gi-char-active { background: var(--accent-soft); border-color: var(--accent); font-weight: 700;
  text-decoration: underline; }
.gi-char-unknown { border-style: dashed; border-color: var(--bad); }
.gi-strips { display: grid; gap: 0.4rem; }
.gi-strip { min-width: 0; }
.gi-strip-title { margin: 0.2rem 0; font-size: 0.9rem; font-weight: 600; display: flex; gap: 0.35rem;
  align-items: center; }
.gi-swatch { display: inline-block; min-width: 1.1em; text-align: center; font-size: 1em; }
.gi-strip-title { border-left: 4px solid; padding-left: 0.4rem; }
.gi-legends { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; }
.gi-legends svg { max-width: 260px; }
.gi-step { overflow-x: auto; min-height: 2rem; }
.gi-table { border-collapse: collapse; font-variant-numeric: tabular-nums; font-size: 0.85rem; }
.gi-table caption { text-align: left; font-weight: 600; padding-bottom: 0.25rem; }
.gi-table th, .gi-table td { padding: 0.15rem 0.45rem; border-bottom: 1px solid var(--rule); text-align: right; }
.gi-table thead th { font-weight: 600; white-space: nowrap; }
.gi-memory { display: grid; gap: 0.3rem; max-width: 640px; }
`;
