/**
 * A glossary term in the prose (inserted at build time by ./remark.ts): a link to its glossary entry that shows
 * the definition in a popover on hover or keyboard focus. Escape closes it.
 */
import { type ReactNode, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { tFor } from '../i18n';
import { usePage } from '../PageContext';
import { pathOf } from '../toc';
import { glossaryAnchor, glossaryById } from './terms';

export function Term({ id, children }: { id: string; children: ReactNode }) {
  const { lang } = usePage();
  const entry = glossaryById.get(id);
  const tipId = useId();
  const [open, setOpen] = useState(false);
  const [shift, setShift] = useState(0);
  const popover = useRef<HTMLSpanElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (event: KeyboardEvent) => event.key === 'Escape' && setOpen(false);
    window.addEventListener('keydown', close);
    return () => window.removeEventListener('keydown', close);
  }, [open]);

  // Keep the popover inside the window on narrow screens.
  useLayoutEffect(() => {
    if (!open || !popover.current) return;
    const box = popover.current.getBoundingClientRect();
    const overflow = box.right - shift - (document.documentElement.clientWidth - 8);
    const next = overflow > 0 ? -Math.min(overflow, box.left - shift - 8) : 0;
    if (next !== shift) setShift(next);
  }, [open, shift]);

  if (!entry) return <>{children}</>;
  const t = tFor(lang);
  const href = `${pathOf(lang, 'glossary')}#${glossaryAnchor(id)}`;
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: hover is the mouse's way in; the keyboard focuses the link.
    <span
      className="term"
      onMouseEnter={() => setOpen(true)}
      onMouseLeave={() => setOpen(false)}
      data-open={open || undefined}
    >
      <Link
        className="term-link"
        to={href}
        aria-describedby={tipId}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
      >
        {children}
      </Link>
      <span
        className="term-popover"
        role="tooltip"
        id={tipId}
        ref={popover}
        style={shift ? { transform: `translateX(${shift}px)` } : undefined}
      >
        <strong className="term-headword">{entry[lang].forms[0]}</strong> {entry[lang].definition}{' '}
        <Link className="term-more" to={href} tabIndex={-1}>
          {t('glossary.open')} →
        </Link>
      </span>
    </span>
  );
}
