/** The figure's own CSS, rendered once per page through React 19's `<style href precedence>`. */
export const SC_CSS = `
.sequence-classifier { display: grid; grid-template-columns: minmax(0, 1fr); gap: 0.8rem; min-width: 0; }
.sc-train, .sc-try { display: grid; grid-template-columns: minmax(0, 1fr); gap: 0.5rem; min-width: 0; }
.sc-try { border-top: 1px solid var(--rule); padding-top: 0.7rem; }
.sc-controls { display: flex; flex-wrap: wrap; gap: 0.4rem 0.6rem; align-items: center; }
.sc-seed { width: 6.5rem; }
.sc-input { flex: 1 1 12rem; min-width: 0; font-family: var(--font-mono); }
.sc-task, .sc-start, .sc-status, .sc-matrix-title { margin: 0; color: var(--ink-soft); }
.sc-status { font-variant-numeric: tabular-nums; }
.sc-charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 320px), 1fr)); gap: 0.8rem; }
.sc-unknown { margin: 0; color: var(--bad); }
.sc-empty { margin: 0; font-style: italic; }
.sc-prediction { margin: 0; }
.sc-matrix { display: grid; gap: 0.3rem; max-width: 720px; }
`;
