/** The figure's own CSS, rendered once per page through React 19's `<style href precedence>`. */
export const FTB_CSS = `
.find-the-bugs { display: grid; grid-template-columns: minmax(0, 1fr); gap: 0.8rem; min-width: 0; }
.ftb-explain p { text-align: start; }
.ftb-instructions, .ftb-reenact, .ftb-applied, .ftb-setup, .ftb-diag { margin: 0; color: var(--ink-soft); }
.ftb-setup { font-size: 0.8rem; color: var(--ink-faint); }
.ftb-script { font-family: var(--font-mono); font-size: 0.8rem; line-height: 1.5; background: var(--paper);
  border: 1px solid var(--rule); border-radius: 6px; padding: 0.4rem 0; overflow-x: auto; }
.ftb-line { display: flex; align-items: flex-start; gap: 0.5rem; padding: 0 0.5rem 0 0; min-width: max-content; }
.ftb-gutter { flex: none; width: 3.2rem; text-align: right; font-family: var(--font-mono); font-size: 0.78rem;
  color: var(--ink-faint); padding: 0 0.35rem; border: 1px solid transparent; border-radius: 4px;
  background: transparent; line-height: 1.5; font-weight: 400; }
.ftb-inserted { text-align: right; }
button.ftb-gutter:hover { border-color: var(--accent); color: var(--ink); }
.ftb-gutter[aria-pressed="true"] { background: var(--accent-soft); color: var(--accent-ink); border-color: var(--accent);
  font-weight: 700; }
.ftb-flag { display: inline-block; width: 1em; margin-left: 0.15em; }
.ftb-inserted { color: var(--good); font-weight: 700; }
.ftb-code { white-space: pre; font-size: inherit; background: none; padding: 0; }
.ftb-comment { color: var(--ink-faint); font-style: italic; }
.ftb-marked { background: var(--accent-soft); }
.ftb-buggy { box-shadow: inset 4px 0 0 var(--bad); }
.ftb-changed { box-shadow: inset 4px 0 0 var(--good); }
.ftb-badges { display: inline-flex; gap: 0.25rem; font-family: var(--font-sans); }
.ftb-badge { font-size: 0.7rem; border: 1px solid var(--bad); color: var(--bad); border-radius: 999px;
  padding: 0 0.45rem; white-space: nowrap; }
.ftb-badge-fixed { border-color: var(--good); color: var(--good); }
.ftb-buttons { display: flex; flex-wrap: wrap; gap: 0.4rem; }
.ftb-check-result p { margin: 0.3rem 0 0; }
.ftb-bugs { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: minmax(0, 1fr); gap: 0.5rem; }
.ftb-bug, .ftb-run, .ftb-check { min-width: 0; }
.ftb-bug { border: 1px solid var(--rule); border-radius: 8px; padding: 0.5rem 0.7rem; background: var(--paper); }
.ftb-bug h4 { margin: 0 0 0.35rem; font-size: 0.92rem; }
.ftb-bug-shown { border-left: 4px solid var(--bad); }
.ftb-bug[data-bug="random-labels"] { border-style: dashed; }
.ftb-hint { margin: 0.4rem 0 0; }
.ftb-explain p { margin: 0.3rem 0; }
.ftb-where { font-size: 0.82rem; color: var(--ink-faint); }
.ftb-explain pre { margin: 0.3rem 0; padding: 0.4rem 0.6rem; background: var(--paper-sunk); border-radius: 6px;
  overflow-x: auto; }
.ftb-run { display: grid; grid-template-columns: minmax(0, 1fr); gap: 0.5rem; border-top: 1px solid var(--rule); padding-top: 0.7rem; }
.ftb-status { min-height: 1.3em; color: var(--ink-soft); font-variant-numeric: tabular-nums; }
.ftb-output-title { margin: 0; font-size: 0.9rem; }
.ftb-console { margin: 0; max-height: 14rem; overflow: auto; padding: 0.5rem 0.7rem; background: var(--paper-sunk);
  border-radius: 6px; font-size: 0.78rem; }
.ftb-console[data-crashed="true"] { color: var(--bad); }
.ftb-chart { max-width: 640px; }
`;
