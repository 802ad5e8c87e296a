/**
 * The stepper's CSS, put in the document once (React 19 hoists and deduplicates `<style href precedence>`).
 * Colours come from the book's and viz's custom properties, so the theme switch needs no render.
 */
import { createElement } from 'react';

const CSS = `
.us { display: flex; flex-direction: column; gap: 0.75rem; outline: none; border-radius: 8px; }
.us:focus-visible { box-shadow: 0 0 0 2px var(--focus, #d97706); }
.us button, .us select, .us input { font: inherit; font-size: 0.88rem; }
.us button { cursor: pointer; border: 1px solid var(--rule); background: var(--paper); color: var(--ink);
  border-radius: 6px; padding: 0.25rem 0.6rem; min-height: 2rem; }
.us button:hover:not(:disabled) { border-color: var(--accent); }
.us button:disabled { opacity: 0.45; cursor: default; }
.us button[aria-pressed="true"] { background: var(--accent-soft); border-color: var(--accent); }
.us select, .us input[type="text"], .us input[type="number"] { border: 1px solid var(--rule); background: var(--paper);
  color: var(--ink); border-radius: 6px; padding: 0.2rem 0.4rem; min-height: 2rem; }
.us :focus-visible { outline: 2px solid var(--focus, #d97706); outline-offset: 2px; }
.us-setup { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: flex-end; }
.us-field { display: flex; flex-direction: column; gap: 0.15rem; }
.us-field > label { font-size: 0.78rem; color: var(--ink-soft); font-weight: 600; }
.us-check { flex-direction: row; align-items: center; gap: 0.35rem; min-height: 2rem; }
.us-check > label { font-size: 0.88rem; color: var(--ink); font-weight: 400; }
.us-seq { flex: 1 1 14rem; }
.us-seq input { width: 100%; font-size: 1.05rem; letter-spacing: 0.04em; }
.us-msg { font-size: 0.78rem; color: var(--ink-faint); min-height: 1.1em; }
.us-seed { flex-direction: row; align-items: flex-end; gap: 0.35rem; flex-wrap: wrap; }
.us-seed > label { align-self: center; }
.us-seed input { width: 6.5rem; }
.us-full { flex-basis: 100%; }
.us-play { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: flex-end; padding: 0.5rem 0.6rem;
  background: var(--paper); border: 1px solid var(--rule); border-radius: 8px; }
.us-buttons { display: flex; gap: 0.35rem; }
.us-buttons button { min-width: 2.6rem; display: inline-flex; align-items: center; justify-content: center; }
.us-buttons svg { display: block; }
.us-playbtn { min-width: 3rem !important; }
.us-timeline { flex: 1 1 12rem; }
.us-timeline input { width: 100%; accent-color: var(--accent); }
.us-note { margin: 0; font-size: 0.78rem; color: var(--ink-faint); line-height: 1.4; }
.us-keys { margin-top: -0.35rem; }
.us-status { display: flex; flex-wrap: wrap; gap: 0.25rem 0.9rem; align-items: baseline; font-size: 0.9rem; }
.us-phase { color: var(--accent-ink); }
.us-lossline { font-family: var(--font-mono); font-size: 0.82rem; color: var(--ink-soft); }
.us-scroll { overflow-x: auto; overflow-y: hidden; -webkit-overflow-scrolling: touch; padding: 0.25rem 0; }
.us-unrolled { margin: 0 auto; }
.us-dir { border: 0; padding: 0; margin: 0; display: flex; gap: 0.4rem; align-items: center; flex-wrap: wrap; }
.us-dir legend { float: left; font-size: 0.78rem; color: var(--ink-soft); font-weight: 600; margin-right: 0.4rem; padding: 0; }
.us-detail { display: flex; flex-direction: column; gap: 1rem; }
.us-left, .us-right { display: flex; flex-direction: column; gap: 0.75rem; min-width: 0; }
.us-cell { margin: 0 auto; }
.us-equations { display: grid; grid-template-columns: auto auto minmax(0, 1fr); gap: 0.15rem 0.4rem; align-items: center;
  font-size: 0.95rem; overflow-x: auto; padding: 0.2rem; }
.us-eq { display: contents; }
.us-eq > span { padding: 0.2rem 0.1rem; border-radius: 4px; transition: opacity 150ms ease; }
.us-eq-lhs { justify-self: end; }
.us-eq-now > span { background: var(--accent-soft); }
.us-eq-later > span { opacity: 0.72; }
.us-equations [data-part] { cursor: help; border-radius: 3px; }
.us-equations [data-part]:hover, .us-equations .us-sym-on { background: color-mix(in srgb, var(--focus, #d97706) 28%, transparent);
  box-shadow: 0 0 0 1px var(--focus, #d97706); }
.us-equations [data-part]:focus-visible { outline: 2px solid var(--focus, #d97706); }
.us-readout { min-height: 4.2rem; padding: 0.4rem 0.5rem; border: 1px dashed var(--rule); border-radius: 6px; }
.us-readout .viz-svg { max-width: 100%; }
.us-h { font-size: 0.95rem; margin: 0; }
.us-numbers { display: flex; flex-direction: column; gap: 0.6rem; }
.us-numbers section h4 { margin: 0 0 0.25rem; font-size: 0.78rem; text-transform: uppercase; letter-spacing: 0.05em;
  color: var(--ink-faint); }
.us-items { display: flex; flex-wrap: wrap; gap: 0.5rem 0.9rem; align-items: flex-start; }
.us-item { min-width: 0; max-width: 100%; padding: 0.15rem 0.3rem; border-radius: 6px; border: 1px solid transparent;
  transition: opacity 150ms ease; }
.us-item { max-width: 100%; box-sizing: border-box; }
.us-item .viz-svg { width: 100%; max-width: min(100%, var(--w)) !important; }
.us-now { border-color: var(--accent); background: color-mix(in srgb, var(--accent-soft) 55%, transparent); }
.us-later { opacity: 0.35; }
.us-gate { display: block; border-left: 3px solid; padding-left: 0.3rem; }
.us-grads { display: flex; flex-direction: column; gap: 0.6rem; }
.us-loss, .us-norm { margin: 0; font-family: var(--font-mono); font-size: 0.85rem; }
.us-chart { max-width: 460px; }
.us-legends { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; }
.us-legends .viz-svg { max-width: 240px; }
.us-share { display: flex; justify-content: flex-end; font-size: 0.82rem; }
.us .url-notice { margin: 0; font-size: 0.85rem; color: var(--warm); }
@media (max-width: 520px) {
  .us-equations { font-size: 0.8rem; }
}
/* a step changes hundreds of value cells: colour transitions there would cost frames (and events) */
.us .viz-anim { transition: none; }
@media (prefers-reduced-motion: reduce) {
  .us-eq > span, .us-item { transition: none; }
}
`;

export function StepperStyles() {
  return createElement('style', { href: 'unrolled-stepper', precedence: 'default' }, CSS);
}
