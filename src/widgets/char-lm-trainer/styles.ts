/** The trainer's own CSS (scoped by .clt), using the book's theme variables. */
export const css = `
.clt { display: grid; gap: 0.75rem; contain: layout style; font-family: var(--font-sans); font-size: 0.92rem; }
.clt fieldset { border: 1px solid var(--rule); border-radius: var(--radius); padding: 0.5rem 0.75rem 0.75rem; margin: 0; min-width: 0; }
.clt legend { padding: 0 0.3rem; color: var(--ink-soft); }
.clt-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 10.5rem), 1fr)); gap: 0.5rem 0.75rem; align-items: end; }
.clt-field { display: flex; flex-direction: column; gap: 0.2rem; min-width: 0; }
.clt-field label { color: var(--ink-soft); font-size: 0.85rem; }
.clt-field input, .clt-field select, .clt-field textarea { width: 100%; box-sizing: border-box; min-width: 0; }
.clt-field small { color: var(--ink-faint); font-size: 0.78rem; }
.clt-field small.clt-invalid { color: var(--bad); }
.clt-check { flex-direction: row; align-items: center; gap: 0.4rem; }
.clt-check input { width: auto; }
.clt-own { margin-top: 0.6rem; }
.clt-own textarea { font-family: var(--font-mono); font-size: 0.85rem; resize: vertical; }
.clt-buttons { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
.clt-buttons .share-link { margin-left: auto; }
.clt-primary { border-color: var(--accent) !important; font-weight: 600; }
.clt-status, .clt-stats, .clt-hint { margin: 0; color: var(--ink-soft); }
.clt-stats { font-variant-numeric: tabular-nums; }
.clt-problem { margin: 0; padding: 0.45rem 0.6rem; border-left: 3px solid var(--bad); background: var(--paper-sunk); color: var(--ink); }
.clt-charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 19rem), 1fr)); gap: 0.75rem; }
.clt-charts .viz-linechart { min-width: 0; contain: layout paint style; }
.clt-stats, .clt-status { contain: layout paint style; min-height: 1.4em; }
.clt-sample, .clt-file { display: grid; gap: 0.5rem; border-top: 1px solid var(--rule); padding-top: 0.6rem; }
.clt h4 { margin: 0; font-size: 0.95rem; }
.clt-sample > button { justify-self: start; }
.clt-output { display: block; white-space: pre-wrap; overflow-wrap: anywhere; font-family: var(--font-serif); font-size: 1rem; line-height: 1.6; background: var(--paper-sunk); border-radius: var(--radius); padding: 0.6rem 0.75rem; max-height: 16rem; overflow: auto; }
.clt-output strong { color: var(--accent-ink); }
`;
