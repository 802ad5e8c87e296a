/**
 * The cell's equations, typeset once per cell type with KaTeX; the line being computed is marked, and
 * each tagged symbol is a roving-focus target (one tab stop, arrows move) that names its live value and
 * lights the matching part of the cell diagram. Highlights from the diagram come back as a class.
 */
import { type KeyboardEvent, memo, useEffect, useRef } from 'react';
import { type EquationLine, texHtml } from './equations';

export interface EquationsProps {
  lines: EquationLine[];
  /** Sub-step being computed (−1: none). */
  phase: number;
  focus: string | null;
  label: string;
  /** Accessible name of a symbol with its live value. */
  describe: (part: string) => string;
  onFocusPart: (part: string | null) => void;
}

export const Equations = memo(function Equations({
  lines,
  phase,
  focus,
  label,
  describe,
  onFocusPart,
}: EquationsProps) {
  const root = useRef<HTMLDivElement>(null);

  // symbols: one tab stop (the first), names with live values
  // biome-ignore lint/correctness/useExhaustiveDependencies: lines change the DOM the effect reads
  useEffect(() => {
    const el = root.current;
    if (!el) return;
    // KaTeX hides its HTML from assistive technology; here the symbols are the interface, so un-hide it.
    for (const hidden of el.querySelectorAll('.katex-html[aria-hidden]'))
      hidden.removeAttribute('aria-hidden');
    // A part nested inside another part is reached through the outer one: no nested buttons.
    const symbols = [...el.querySelectorAll<HTMLElement>('[data-part]')].filter(
      (s) => !s.parentElement?.closest('[data-part]'),
    );
    symbols.forEach((s, k) => {
      s.tabIndex = k === 0 ? 0 : -1;
      s.setAttribute('role', 'button');
      s.setAttribute('aria-label', describe(s.dataset.part ?? ''));
    });
  }, [lines, describe]);

  // highlight from the diagram (or from a symbol) on every symbol of the same part
  // biome-ignore lint/correctness/useExhaustiveDependencies: new lines are new DOM to mark
  useEffect(() => {
    const el = root.current;
    if (!el) return;
    for (const s of el.querySelectorAll<HTMLElement>('[data-part]'))
      s.classList.toggle('us-sym-on', focus !== null && s.dataset.part === focus);
  }, [focus, lines]);

  const partOf = (target: EventTarget | null) =>
    target instanceof Element
      ? ((target.closest('[data-part]') as HTMLElement | null)?.dataset.part ?? null)
      : null;

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const keys = ['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp', 'Home', 'End'];
    if (!keys.includes(e.key) || !root.current) return;
    const symbols = [...root.current.querySelectorAll<HTMLElement>('[data-part]')].filter(
      (s) => !s.parentElement?.closest('[data-part]'),
    );
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
    symbols[to].focus();
  };

  return (
    // biome-ignore lint/a11y/useSemanticElements: a group of typeset symbols, not a form
    <div
      ref={root}
      className="us-equations"
      role="group"
      aria-label={label}
      onPointerOver={(e) => onFocusPart(partOf(e.target))}
      onPointerLeave={() => onFocusPart(null)}
      onFocus={(e) => onFocusPart(partOf(e.target))}
      onBlur={() => onFocusPart(null)}
      onKeyDown={onKeyDown}
    >
      {lines.map((line, k) => (
        <div
          // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list per cell type
          key={k}
          className={`us-eq${line.phase === phase ? ' us-eq-now' : line.phase > phase && phase >= 0 ? ' us-eq-later' : ''}`}
        >
          {/* biome-ignore lint/security/noDangerouslySetInnerHtml: KaTeX output of our own TeX */}
          <span className="us-eq-lhs" dangerouslySetInnerHTML={{ __html: texHtml(line.lhs) }} />
          <span className="us-eq-op">=</span>
          {/* biome-ignore lint/security/noDangerouslySetInnerHtml: KaTeX output of our own TeX */}
          <span className="us-eq-rhs" dangerouslySetInnerHTML={{ __html: texHtml(line.rhs) }} />
        </div>
      ))}
    </div>
  );
});
