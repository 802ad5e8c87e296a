/**
 * Reading progress: a chapter counts as read when the reader reaches its end (the previous/next links come into
 * view) or says so with the button; the table of contents shows it, and the front page offers to continue at
 * the last section read. All of it lives in the app store (localStorage), per reader, in no language.
 */
import { type RefObject, useEffect } from 'react';
import { Link } from 'react-router';
import { appStore, useAppState } from './appStore';
import { tFor } from './i18n';
import { pageIndex } from './labels';
import { chapterNumber, findEntry, type Lang, pathOf, toc } from './toc';

const NO_READ: Record<string, number> = {};

export const isChapter = (slug: string) => findEntry(slug)?.kind === 'chapter';

export function useReadChapters(): Record<string, number> {
  return useAppState((state) => state.read, NO_READ);
}

/** The check mark in the table of contents, with words for screen readers. */
export function ReadMark({ lang, read }: { lang: Lang; read: boolean }) {
  if (!read) return null;
  return (
    <span className="read-mark">
      <span aria-hidden="true">✓</span>
      <span className="visually-hidden"> ({tFor(lang)('progress.read')})</span>
    </span>
  );
}

/** Marks the chapter read once `end` (the previous/next links) scrolls into view. */
export function useMarkReadAtEnd(end: RefObject<HTMLElement | null>, slug: string) {
  useEffect(() => {
    const target = end.current;
    if (!target || !isChapter(slug) || typeof IntersectionObserver === 'undefined') return;
    // A chapter already read stays as the reader leaves it: one who marks it unread on this visit and is still at
    // the end (or scrolls there while clicking) must not see it marked read again behind their back.
    if (appStore.getState().read[slug]) return;
    const observer = new IntersectionObserver((entries) => {
      // Only a reader who scrolled gets there; a page opened at its end by a link is not "read".
      if (entries.some((entry) => entry.isIntersecting) && window.scrollY > 0) {
        if (!appStore.getState().read[slug]) appStore.getState().setRead(slug, true);
        observer.disconnect();
      }
    });
    observer.observe(target);
    return () => observer.disconnect();
  }, [end, slug]);
}

export function MarkReadButton({ lang, slug }: { lang: Lang; slug: string }) {
  const t = tFor(lang);
  const read = Boolean(useAppState((state) => state.read[slug], undefined));
  if (!isChapter(slug)) return null;
  return (
    <div className="mark-read">
      {read ? <p className="mark-read-status">✓ {t('progress.isRead')}</p> : null}
      <button type="button" aria-pressed={read} onClick={() => appStore.getState().setRead(slug, !read)}>
        {read ? t('progress.markUnread') : t('progress.markRead')}
      </button>
    </div>
  );
}

/** Remembers the section being read, for "continue where you left off". */
export function useRememberPlace(lang: Lang, slug: string, section: string | undefined) {
  useEffect(() => {
    if (!slug) return;
    appStore.getState().setLast({ lang, slug, section: section ?? '' });
  }, [lang, slug, section]);
}

export function ContinueReading({ lang }: { lang: Lang }) {
  const t = tFor(lang);
  const last = useAppState((state) => state.last, null);
  const read = useReadChapters();
  const chapters = toc.filter((entry) => entry.kind === 'chapter');
  const readCount = chapters.filter((entry) => read[entry.slug]).length;
  if (!last?.slug && readCount === 0) return null;
  const entry = last ? findEntry(last.slug) : undefined;
  const number = last ? chapterNumber(last.slug) : undefined;
  const heading = last?.section
    ? pageIndex(lang, last.slug)?.headings.find((candidate) => candidate.id === last.section)
    : undefined;
  return (
    <aside className="continue-reading" aria-label={t('progress.continue')}>
      {entry && last ? (
        <Link
          className="continue-link"
          to={`${pathOf(lang, last.slug)}${last.section ? `#${last.section}` : ''}`}
        >
          <span className="continue-label">{t('progress.continue')} →</span>
          <span className="continue-title">
            {number === undefined ? entry.title[lang] : `${number}. ${entry.title[lang]}`}
            {heading ? (
              <span className="continue-section">
                {' '}
                — {heading.number ? `${heading.number} ` : ''}
                {heading.text}
              </span>
            ) : null}
          </span>
        </Link>
      ) : null}
      {readCount > 0 ? (
        <p className="continue-count">
          {t('progress.readCount', { read: readCount, total: chapters.length })}
        </p>
      ) : null}
    </aside>
  );
}
