/** The book's frame: header, table of contents, the page, its own headings, previous/next. */
import { type ReactNode, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { Link, useLocation } from 'react-router';
import { useStore } from 'zustand';
import { appStore, resolveTheme } from './appStore';
import { tFor } from './i18n';
import { pageIndex } from './labels';
import { UpdateBanner } from './offline/UpdateBanner';
import { MarkReadButton, ReadMark, useMarkReadAtEnd, useReadChapters, useRememberPlace } from './progress';
import { Search } from './search/Search';
import { chapterNumber, type Lang, neighbours, pathOf, type TocEntry, toc } from './toc';
import { useActiveSection } from './useActiveSection';

function usePrefersDark(): boolean {
  return useSyncExternalStore(
    (notify) => {
      const query = matchMedia('(prefers-color-scheme: dark)');
      query.addEventListener('change', notify);
      return () => query.removeEventListener('change', notify);
    },
    () => matchMedia('(prefers-color-scheme: dark)').matches,
    () => false,
  );
}

function ThemeButton({ lang }: { lang: Lang }) {
  const t = tFor(lang);
  const choice = useStore(appStore, (state) => state.theme);
  const setTheme = useStore(appStore, (state) => state.setTheme);
  const prefersDark = usePrefersDark();
  // The server cannot know the reader's theme; render the neutral label until mounted.
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  const theme = mounted ? resolveTheme(choice, prefersDark) : 'light';
  useEffect(() => {
    if (mounted) document.documentElement.dataset.theme = theme;
  }, [theme, mounted]);
  const next = theme === 'dark' ? 'light' : 'dark';
  return (
    <button
      type="button"
      className="icon-button theme-button"
      aria-label={next === 'dark' ? t('header.themeToDark') : t('header.themeToLight')}
      title={next === 'dark' ? t('header.themeToDark') : t('header.themeToLight')}
      onClick={() => setTheme(next)}
    >
      <span aria-hidden="true">{theme === 'dark' ? '☀' : '☾'}</span>
    </button>
  );
}

function entryLabel(entry: TocEntry, lang: Lang): string {
  const number = chapterNumber(entry.slug);
  return number === undefined ? entry.title[lang] : `${number}. ${entry.title[lang]}`;
}

function Sidebar({ lang, slug, onNavigate }: { lang: Lang; slug: string; onNavigate: () => void }) {
  const headings = pageIndex(lang, slug)?.headings.filter((heading) => heading.depth === 2) ?? [];
  const read = useReadChapters();
  return (
    <nav className="toc" aria-label={tFor(lang)('nav.contents')}>
      <ol>
        {toc.map((entry) => {
          const current = entry.slug === slug;
          return (
            <li key={entry.slug} className={current ? 'toc-current' : undefined}>
              <Link
                to={pathOf(lang, entry.slug)}
                aria-current={current ? 'page' : undefined}
                onClick={onNavigate}
              >
                {entryLabel(entry, lang)}
                <ReadMark lang={lang} read={Boolean(entry.slug && read[entry.slug])} />
              </Link>
              {current && headings.length > 0 ? (
                <ol className="toc-sections">
                  {headings.map((heading) => (
                    <li key={heading.id}>
                      <Link to={`${pathOf(lang, slug)}#${heading.id}`} onClick={onNavigate}>
                        {heading.number ? `${heading.number} ` : ''}
                        {heading.text}
                      </Link>
                    </li>
                  ))}
                </ol>
              ) : null}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

function OnThisPage({ lang, slug, active }: { lang: Lang; slug: string; active?: string }) {
  const headings = pageIndex(lang, slug)?.headings.filter((heading) => heading.depth <= 3) ?? [];
  if (headings.length === 0) return null;
  return (
    <nav className="on-this-page" aria-label={tFor(lang)('nav.onThisPage')}>
      <p className="rail-title">{tFor(lang)('nav.onThisPage')}</p>
      <ol>
        {headings.map((heading) => (
          <li key={heading.id} className={`depth-${heading.depth}`}>
            <a href={`#${heading.id}`} aria-current={heading.id === active ? 'location' : undefined}>
              {heading.number ? `${heading.number} ` : ''}
              {heading.text}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}

function PrevNext({ lang, slug }: { lang: Lang; slug: string }) {
  const t = tFor(lang);
  const { previous, next } = neighbours(slug);
  const end = useRef<HTMLElement>(null);
  useMarkReadAtEnd(end, slug);
  return (
    <nav ref={end} className="prev-next" aria-label={`${t('nav.previous')} / ${t('nav.next')}`}>
      {previous ? (
        <Link className="prev" to={pathOf(lang, previous.slug)} rel="prev">
          <span className="prev-next-label">← {t('nav.previous')}</span>
          <span className="prev-next-title">{entryLabel(previous, lang)}</span>
        </Link>
      ) : (
        <span />
      )}
      {next ? (
        <Link className="next" to={pathOf(lang, next.slug)} rel="next">
          <span className="prev-next-label">{t('nav.next')} →</span>
          <span className="prev-next-title">{entryLabel(next, lang)}</span>
        </Link>
      ) : null}
    </nav>
  );
}

export function Layout({ lang, slug, children }: { lang: Lang; slug: string; children: ReactNode }) {
  const t = tFor(lang);
  const location = useLocation();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const ids = useMemo(
    () => (pageIndex(lang, slug)?.headings ?? []).map((heading) => heading.id),
    [lang, slug],
  );
  const active = useActiveSection(ids, `${lang}/${slug}`);
  const other: Lang = lang === 'en' ? 'zh' : 'en';
  const section = active ?? (location.hash ? location.hash.slice(1) : '');
  useRememberPlace(lang, slug, active);

  // Tests and print styles can tell a live page from the prerendered HTML.
  useEffect(() => {
    document.documentElement.dataset.hydrated = '';
  }, []);

  useEffect(() => {
    if (!drawerOpen) return;
    const close = (event: KeyboardEvent) => event.key === 'Escape' && setDrawerOpen(false);
    window.addEventListener('keydown', close);
    return () => window.removeEventListener('keydown', close);
  }, [drawerOpen]);

  return (
    <div className={`book${drawerOpen ? ' drawer-open' : ''}`}>
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="book-header">
        <button
          type="button"
          className="icon-button drawer-button"
          aria-expanded={drawerOpen}
          aria-controls="book-toc"
          aria-label={drawerOpen ? t('nav.closeContents') : t('nav.openContents')}
          onClick={() => setDrawerOpen((open) => !open)}
        >
          <span aria-hidden="true">☰</span>
        </button>
        <Link className="book-name" to={pathOf(lang, '')}>
          <span className="book-mark" aria-hidden="true" />
          {t('book.name')}
          <span className="book-tagline">{t('book.tagline')}</span>
        </Link>
        <div className="header-tools">
          <Search lang={lang} />
          <Link
            className="language-link"
            to={`${pathOf(other, slug)}${section ? `#${section}` : ''}`}
            hrefLang={other === 'zh' ? 'zh-Hans' : 'en'}
            lang={other === 'zh' ? 'zh-Hans' : 'en'}
            aria-label={t('header.languageLabel')}
          >
            {t('header.language')}
          </Link>
          <ThemeButton lang={lang} />
        </div>
      </header>
      <div className="drawer-scrim" onClick={() => setDrawerOpen(false)} aria-hidden="true" />
      <aside className="book-sidebar" id="book-toc">
        <Sidebar lang={lang} slug={slug} onNavigate={() => setDrawerOpen(false)} />
      </aside>
      <main id="main" className="book-main" tabIndex={-1}>
        {children}
        <MarkReadButton lang={lang} slug={slug} />
        <PrevNext lang={lang} slug={slug} />
      </main>
      <aside className="book-rail">
        <OnThisPage lang={lang} slug={slug} active={active} />
      </aside>
      <UpdateBanner lang={lang} />
    </div>
  );
}
