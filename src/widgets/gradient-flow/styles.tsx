/** The figure's own layout rules (colours come from src/viz's CSS variables), put in <head> once. */
const CSS = `
.gf { display: grid; gap: 0.9rem; }
.gf-tabs { display: flex; flex-wrap: wrap; gap: 0.35rem; border: 0; padding: 0; margin: 0; min-width: 0; }
.gf-tabs button[aria-pressed="true"] { font-weight: 700; outline: 2px solid var(--viz-highlight); outline-offset: 1px; }
.gf-controls { display: grid; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); gap: 0.5rem 1rem;
  border: 1px solid var(--viz-grid); border-radius: 6px; padding: 0.6rem 0.8rem; margin: 0; min-width: 0; }
.gf-controls legend { padding: 0 0.3rem; font-weight: 600; }
.gf-control { display: grid; gap: 0.15rem; min-width: 0; }
.gf-control label { font-size: 0.85rem; }
.gf-control output { font-variant-numeric: tabular-nums; font-weight: 600; }
.gf-control input[type="range"] { width: 100%; }
.gf-buttons { display: flex; flex-wrap: wrap; gap: 0.4rem; align-items: center; }
.gf-seed { color: var(--viz-muted); font-size: 0.85rem; }
.gf :focus-visible { outline: 2px solid var(--viz-highlight); outline-offset: 2px; }
.gf-panels { display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 1fr); gap: 1rem; align-items: start; }
.gf-panels > * { min-width: 0; }
@media (max-width: 720px) { .gf-panels { grid-template-columns: minmax(0, 1fr); } }
.gf-panel { display: grid; gap: 0.4rem; min-width: 0; }
.gf-panel h4 { margin: 0; font-size: 0.9rem; }
.gf-note { margin: 0; color: var(--viz-muted); font-size: 0.85rem; }
.gf-alert { margin: 0; padding: 0.5rem 0.7rem; border: 2px solid var(--gate-forget); border-radius: 6px; }
.gf-alert button { margin-left: 0.5rem; }
.gf-status { margin: 0; min-height: 1.2em; font-size: 0.85rem; }
.gf-clipbars { display: grid; grid-template-columns: max-content minmax(0, 1fr) max-content; gap: 0.3rem 0.5rem; align-items: center; font-size: 0.85rem; }
.gf-bar { height: 0.8rem; border: 1px solid var(--viz-ink); }
.gf-tri-grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr)); gap: 0.8rem; }
.gf-tri-grid figure { margin: 0; min-width: 0; }
.gf-tri-grid figcaption { font-size: 0.85rem; }
.gf table.gf-summary { border-collapse: collapse; font-size: 0.85rem; width: 100%; }
.gf table.gf-summary th, .gf table.gf-summary td { border-bottom: 1px solid var(--viz-grid); padding: 0.2rem 0.4rem; text-align: left; }
.gf table.gf-summary td { font-variant-numeric: tabular-nums; }
.gf-scroll { overflow-x: auto; }
.gf-linked { display: grid; gap: 0.2rem; min-width: 0; }
.gf-equations { font-size: 0.95rem; }
.gf-readout { min-height: 2.6em; font-variant-numeric: tabular-nums; overflow-wrap: anywhere; }
.gf-linkable, .gf-control { border-radius: 6px; transition: box-shadow 120ms ease; }
.gf-linkable.gf-lit, .gf-control.gf-lit { box-shadow: 0 0 0 2px var(--focus, var(--viz-highlight));
  background: color-mix(in srgb, var(--focus, var(--viz-highlight)) 8%, transparent); }
.gf-eigen { max-width: 260px; }
.gf circle.gf-rho[data-linked] { stroke: var(--viz-highlight); stroke-width: 3; stroke-dasharray: none; }
@media (prefers-reduced-motion: reduce) { .gf-linkable, .gf-control { transition: none; } }
`;

export function FlowStyles() {
  return (
    <style href="unrolled-gradient-flow" precedence="default">
      {CSS}
    </style>
  );
}
