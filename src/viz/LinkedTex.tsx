/**
 * An equation whose symbols are linked to a figure. Lines of TeX with tagged parts (linkedMath.ts) are
 * typeset by KaTeX; every tagged symbol is a roving-focus target (one tab stop, arrows and Home/End move),
 * named by `describe(part)` (the symbol and its live value), and hovering or focusing it reports its part
 * (`onFocusPart`), so the figure can light it. The figure's highlight comes back through `focus` (or `lit`)
 * as a class on every symbol of that part.
 *
 * A part nested inside another part is reached through the outer one by keyboard (no nested buttons) and
 * on its own by pointer.
 */
import { createElement, type KeyboardEvent, memo, useEffect, useRef } from 'react';
import { type LinkedLine, linkedTexHtml } from './linkedMath';

export interface LinkedTexProps {
  lines: readonly LinkedLine[];
  /** The part lit from outside (the figure, or a symbol): its symbols get the "on" class. */
  focus: string | null;
  /** Which symbols to light, when more than the symbols of `focus` should be (default: part === focus). */
  lit?: (part: string) => boolean;
  /** Accessible name of the whole equation group. */
  label: string;
  /** Accessible name of a symbol with its live value. */
  describe: (part: string) => string;
  /** Hover or focus entered a symbol (its part), or left the equation (null). */
  onFocusPart: (part: string | null) => void;
  /**
   * Prefix of the class names: `P-equations` (root), `P-eq` (a line), `P-eq-lhs`, `P-eq-op`, `P-eq-rhs`,
   * `P-eq-whole` (a line without left side), `P-sym-on` (a lit symbol). Default `viz-lt`, whose CSS this
   * component brings; a widget with its own CSS passes its own prefix.
   */
  classPrefix?: string;
  className?: string;
}

const CSS = `
.viz-lt-equations { display: grid; grid-template-columns: auto auto minmax(0, 1fr); gap: 0.1rem 0.4rem;
  align-items: center; overflow-x: auto; overflow-y: hidden; max-width: 100%; min-width: 0; padding: 0.3rem 0.25rem;
  box-sizing: border-box; -webkit-overflow-scrolling: touch; }
.viz-lt-eq { display: contents; }
.viz-lt-eq > span { padding: 0.15rem 0.1rem; border-radius: 4px; }
.viz-lt-eq-lhs { justify-self: end; white-space: nowrap; }
.viz-lt-eq-op { white-space: nowrap; }
.viz-lt-eq-whole { grid-column: 1 / -1; }
.viz-lt-equations [data-part] { cursor: help; border-radius: 3px;
  transition: background-color 120ms ease, box-shadow 120ms ease; }
.viz-lt-equations [data-part]:hover, .viz-lt-equations .viz-lt-sym-on {
  background: color-mix(in srgb, var(--focus, var(--viz-highlight)) 28%, transparent);
  box-shadow: 0 0 0 1px var(--focus, var(--viz-highlight)); }
.viz-lt-equations [data-part]:focus { outline: none; }
.viz-lt-equations [data-part]:focus-visible { outline: 2px solid var(--focus, var(--viz-highlight)); outline-offset: 1px; }
@media (prefers-reduced-motion: reduce) { .viz-lt-equations [data-part] { transition: none; } }
`;

/**
 * The symbols that take focus: tagged, and not inside another tagged symbol; in document order, or in
 * `data-order` when every one has it (tagPart's `order`).
 */
function targetsIn(el: HTMLElement): HTMLElement[] {
  const targets = [...el.querySelectorAll<HTMLElement>('[data-part]')].filter(
    (s) => !s.parentElement?.closest('[data-part]'),
  );
  if (targets.length && targets.every((s) => s.dataset.order !== undefined))
    targets.sort((a, b) => Number(a.dataset.order) - Number(b.dataset.order));
  return targets;
}

const partOf = (target: EventTarget | null) =>
  target instanceof Element
    ? ((target.closest('[data-part]') as HTMLElement | null)?.dataset.part ?? null)
    : null;

export const LinkedTex = memo(function LinkedTex({
  lines,
  focus,
  lit,
  label,
  describe,
  onFocusPart,
  classPrefix = 'viz-lt',
  className,
}: LinkedTexProps) {
  const root = useRef<HTMLDivElement>(null);
  /** The roving tab stop, kept when the labels or the lines change. */
  const stop = useRef(0);
  // The pointer and the keyboard each hold a part; the pointer's wins while it is over a symbol. Kept apart
  // so that a pointer leaving the equation (say, when focus scrolls the page under a resting mouse) does not
  // drop the symbol the keyboard is on.
  const pointed = useRef<string | null>(null);
  const focused = useRef<string | null>(null);
  const report = () => onFocusPart(pointed.current ?? focused.current);
  const p = classPrefix;

  // symbols: one tab stop, names with live values
  // biome-ignore lint/correctness/useExhaustiveDependencies: lines change the DOM the effect reads
  useEffect(() => {
    const el = root.current;
    if (!el) return;
    // KaTeX hides its HTML from assistive technology; here the symbols are the interface, so un-hide it.
    for (const hidden of el.querySelectorAll('.katex-html[aria-hidden]'))
      hidden.removeAttribute('aria-hidden');
    const symbols = targetsIn(el);
    stop.current = Math.min(stop.current, Math.max(0, symbols.length - 1));
    symbols.forEach((s, k) => {
      s.tabIndex = k === stop.current ? 0 : -1;
      s.setAttribute('role', 'button');
      s.setAttribute('aria-label', describe(s.dataset.part ?? ''));
    });
  }, [lines, describe]);

  // the highlight from the figure (or from a symbol) on every symbol it lights
  // biome-ignore lint/correctness/useExhaustiveDependencies: new lines are new DOM to mark
  useEffect(() => {
    const el = root.current;
    if (!el) return;
    const on = `${p}-sym-on`;
    for (const s of el.querySelectorAll<HTMLElement>('[data-part]')) {
      const part = s.dataset.part ?? '';
      s.classList.toggle(on, lit ? lit(part) : focus !== null && part === focus);
    }
  }, [focus, lit, lines, p]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const keys = ['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp', 'Home', 'End'];
    if (!keys.includes(e.key) || !root.current) return;
    const symbols = targetsIn(root.current);
    const at = symbols.indexOf(document.activeElement as HTMLElement);
    if (at < 0) return;
    e.preventDefault();
    const to =
      e.key === 'Home'
        ? 0
        : e.key === 'End'
          ? symbols.length - 1
          : Math.min(
              symbols.length - 1,
              Math.max(0, at + (e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : -1)),
            );
    symbols[at].tabIndex = -1;
    symbols[to].tabIndex = 0;
    stop.current = to;
    symbols[to].focus();
  };

  const onFocus = (target: EventTarget | null) => {
    const el = root.current;
    if (el && target instanceof HTMLElement) {
      const k = targetsIn(el).indexOf(target);
      if (k >= 0) stop.current = k;
    }
    focused.current = partOf(target);
    report();
  };

  return (
    // biome-ignore lint/a11y/useSemanticElements: a group of typeset symbols, not a form
    <div
      ref={root}
      className={`${p}-equations${className ? ` ${className}` : ''}`}
      role="group"
      aria-label={label}
      onPointerOver={(e) => {
        pointed.current = partOf(e.target);
        report();
      }}
      onPointerLeave={() => {
        pointed.current = null;
        report();
      }}
      onFocus={(e) => onFocus(e.target)}
      onBlur={() => {
        focused.current = null;
        report();
      }}
      onKeyDown={onKeyDown}
    >
      {p === 'viz-lt' ? createElement('style', { href: 'viz-linked-tex', precedence: 'default' }, CSS) : null}
      {lines.map((line, k) => (
        <div
          // biome-ignore lint/suspicious/noArrayIndexKey: lines are a fixed list per figure state
          key={k}
          className={`${p}-eq${line.className ? ` ${line.className}` : ''}`}
        >
          {line.lhs !== undefined ? (
            <>
              {/* biome-ignore lint/security/noDangerouslySetInnerHtml: KaTeX output of our own TeX */}
              <span className={`${p}-eq-lhs`} dangerouslySetInnerHTML={{ __html: linkedTexHtml(line.lhs) }} />
              <span className={`${p}-eq-op`}>{line.rel ?? '='}</span>
              {/* biome-ignore lint/security/noDangerouslySetInnerHtml: KaTeX output of our own TeX */}
              <span className={`${p}-eq-rhs`} dangerouslySetInnerHTML={{ __html: linkedTexHtml(line.rhs) }} />
            </>
          ) : (
            <span
              className={`${p}-eq-rhs ${p}-eq-whole`}
              // biome-ignore lint/security/noDangerouslySetInnerHtml: KaTeX output of our own TeX
              dangerouslySetInnerHTML={{ __html: linkedTexHtml(line.rhs) }}
            />
          )}
        </div>
      ))}
    </div>
  );
});
