/** The figure's own CSS, rendered once per page through React 19's `<style href precedence>`. */
export const SF_CSS = `
.slot-filling { display: grid; grid-template-columns: minmax(0, 1fr); gap: 0.8rem; min-width: 0; }
.sf-train, .sf-tagging { display: grid; grid-template-columns: minmax(0, 1fr); gap: 0.5rem; min-width: 0; }
.sf-tagging { border-top: 1px solid var(--rule); padding-top: 0.7rem; }
.sf-controls, .sf-examples { display: flex; flex-wrap: wrap; gap: 0.4rem 0.6rem; align-items: center; }
.sf-examples { font-size: 0.85rem; color: var(--ink-soft); }
.sf-example { font-size: 0.8rem; padding: 0.15rem 0.5rem; }
.sf-seed { width: 6.5rem; }
.sf-input { flex: 1 1 14rem; min-width: 0; }
.sf-note, .sf-status { margin: 0; color: var(--ink-soft); }
.sf-unknown, .sf-orphan { margin: 0; color: var(--bad); }
.sf-chart { max-width: 560px; }
.sf-direction { border: 1px solid var(--rule); border-radius: 6px; display: flex; flex-wrap: wrap; gap: 0.3rem 1rem;
  padding: 0.3rem 0.7rem 0.5rem; margin: 0; }
.sf-direction legend { padding: 0 0.3rem; font-size: 0.85rem; color: var(--ink-soft); }
.sf-table-wrap { overflow-x: auto; }
.sf-table { border-collapse: collapse; font-size: 0.85rem; }
.sf-table th, .sf-table td { padding: 0.2rem 0.55rem; border-bottom: 1px solid var(--rule); text-align: left; }
.sf-table thead th { font-weight: 600; }
.sf-table .sf-active { background: var(--accent-soft); }
.sf-unk { font-family: var(--font-mono); color: var(--bad); font-weight: 600; }
.sf-tag { font-family: var(--font-mono); font-size: 0.8rem; padding: 0 0.35rem; border: 1px solid var(--rule);
  border-radius: 4px; color: var(--ink-faint); white-space: nowrap; }
.sf-tag-slot { font-weight: 700; border-width: 2px; color: var(--ink); }
.sf-differ { font-size: 0.75rem; color: var(--ink-faint); white-space: nowrap; }
.sf-slots { margin: 0; display: flex; flex-wrap: wrap; gap: 0.4rem; align-items: center; }
.sf-slot { border: 2px solid; border-radius: 999px; padding: 0 0.6rem; }
`;
