/** Routes: /<lang>/<slug>, / to the reader's language, and a real 404 for everything else. */
import { use, useEffect } from 'react';
import { Link, Navigate, Route, Routes, useLocation, useParams } from 'react-router';
import { tFor } from './i18n';
import { Layout } from './Layout';
import { pageIndex } from './labels';
import { mdxComponents } from './mdx/components';
import { PageContext } from './PageContext';
import { cachedPage, hasPage, loadPage } from './pages';
import { ContinueReading } from './progress';
import { chapterNumber, findEntry, isLang, type Lang, pathOf, toc } from './toc';

export function preferredLang(languagesOfBrowser: readonly string[]): Lang {
  return languagesOfBrowser
    .find((tag) => /^(en|zh)\b/i.test(tag))
    ?.toLowerCase()
    .startsWith('zh')
    ? 'zh'
    : 'en';
}

export function titleOf(lang: Lang, slug: string): string {
  const t = tFor(lang);
  const entry = findEntry(slug);
  if (!entry) return `${t('book.name')} — ${t('book.tagline')}`;
  if (!slug) return `${entry.title[lang]} — ${t('book.tagline')}`;
  return `${entry.title[lang]} — ${t('book.name')}`;
}

function RootRedirect() {
  const lang =
    typeof navigator === 'undefined' ? 'en' : preferredLang(navigator.languages ?? [navigator.language]);
  return <Navigate to={pathOf(lang, '')} replace />;
}

/** Whether the page the browser itself loaded has had its first effects (later pages are client navigations). */
let loadedPageSettled = false;

function useScrollToHash(key: string) {
  const { hash } = useLocation();
  // `key` (the page) re-runs the scroll when a new page opens with the same hash.
  // biome-ignore lint/correctness/useExhaustiveDependencies: key is a deliberate trigger.
  useEffect(() => {
    // On the page the browser loaded, it has already scrolled to the hash (or restored the reader's place on a
    // reload); scrolling again would only force a layout of the whole chapter while it hydrates.
    if (!loadedPageSettled) {
      loadedPageSettled = true;
      return;
    }
    if (hash) {
      const target = document.getElementById(decodeURIComponent(hash.slice(1)));
      if (target) {
        target.scrollIntoView();
        return;
      }
    }
    window.scrollTo(0, 0);
  }, [hash, key]);
}

/**
 * Code blocks and display equations wider than the column scroll sideways; those that do get a tab stop, so a
 * keyboard reader can scroll them too (the rest stay out of the tab order). Each is measured when it comes within
 * half a screen of the viewport, the distance at which the browser renders `content-visibility: auto` blocks
 * (book.css): measuring one still skipped would force its layout, one block at a time, on the phone's main thread
 * while the page loads. All reads come before any write, so one layout serves them all.
 */
/** Half a screen above and below the viewport. */
const NEAR_VIEWPORT: IntersectionObserverInit = { rootMargin: '50% 0px 50% 0px' };

function useFocusableScrollers(key: string) {
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` (the page) is a deliberate trigger.
  useEffect(() => {
    const observer = new IntersectionObserver((entries) => {
      const elements = entries.filter((entry) => entry.isIntersecting).map(({ target }) => target as HTMLElement);
      // All reads before any write: a tab stop set between two reads would invalidate the layout the next read
      // needs, and the chapter would be laid out once per element.
      const scrolls = elements.map((element) => element.scrollWidth > element.clientWidth + 1);
      elements.forEach((element, index) => {
        if (scrolls[index]) element.tabIndex = 0;
        else element.removeAttribute('tabindex');
        observer.unobserve(element);
      });
    }, NEAR_VIEWPORT);
    const mark = () => {
      for (const element of document.querySelectorAll<HTMLElement>('.page pre, .page .katex-display')) {
        if (!element.closest('[data-widget]')) observer.observe(element);
      }
    };
    mark();
    window.addEventListener('resize', mark);
    return () => {
      window.removeEventListener('resize', mark);
      observer.disconnect();
    };
  }, [key]);
}

/**
 * Waits for the page's module; the page itself never suspends. A component that suspends with `use` before
 * effect hooks it did not reach tripped React's "expected static flag was missing" (#467, reported as the
 * recoverable #520) on client-side navigation, so the one `use` sits alone here.
 */
function PageBody({ lang, slug }: { lang: Lang; slug: string }) {
  const module = cachedPage(lang, slug) ?? use(loadPage(lang, slug));
  return <LoadedPage lang={lang} slug={slug} Content={module.default} />;
}

function LoadedPage({
  lang,
  slug,
  Content,
}: {
  lang: Lang;
  slug: string;
  Content: Awaited<ReturnType<typeof loadPage>>['default'];
}) {
  const entry = findEntry(slug)!;
  const number = chapterNumber(slug);
  const t = tFor(lang);
  useScrollToHash(`${lang}/${slug}`);
  useFocusableScrollers(`${lang}/${slug}`);
  useEffect(() => {
    document.title = titleOf(lang, slug);
    document.documentElement.lang = lang === 'zh' ? 'zh-Hans' : 'en';
  }, [lang, slug]);
  return (
    <article className="page" lang={lang === 'zh' ? 'zh-Hans' : 'en'}>
      <header className="page-header">
        {number !== undefined ? <p className="page-kicker">{t('nav.chapter', { number })}</p> : null}
        <h1>{entry.title[lang]}</h1>
        {pageIndex(lang, slug)?.description && !slug ? (
          <p className="page-lede">{pageIndex(lang, slug)?.description}</p>
        ) : null}
        {slug ? null : <ContinueReading lang={lang} />}
      </header>
      <PageContext.Provider value={{ lang, slug }}>
        <Content components={mdxComponents} />
      </PageContext.Provider>
    </article>
  );
}

function BookRoute() {
  const { lang, slug: rawSlug = '' } = useParams();
  // Static hosts may serve a page as /en/rnn.html; it is the same page.
  const slug = rawSlug.replace(/\.html$/, '');
  if (!isLang(lang) || !findEntry(slug) || !hasPage(lang, slug)) return <NotFound />;
  return (
    <Layout lang={lang} slug={slug}>
      <PageBody key={`${lang}/${slug}`} lang={lang} slug={slug} />
    </Layout>
  );
}

export function NotFound() {
  const location = useLocation();
  const first = location.pathname.split('/')[1];
  const lang: Lang = isLang(first) ? first : 'en';
  const t = tFor(lang);
  useEffect(() => {
    document.title = `${t('notFound.title')} — ${t('book.name')}`;
  }, [t]);
  return (
    <main className="not-found" id="main">
      <p className="not-found-code" aria-hidden="true">
        404
      </p>
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body', { path: location.pathname })}</p>
      <p>
        <Link to={pathOf(lang, '')}>{t('notFound.home')}</Link>
      </p>
      <p>{t('notFound.contents')}</p>
      <ul>
        {toc
          .filter((entry) => entry.slug)
          .map((entry) => (
            <li key={entry.slug}>
              <Link to={pathOf(lang, entry.slug)}>{entry.title[lang]}</Link>
            </li>
          ))}
      </ul>
    </main>
  );
}

export function App() {
  return (
    <Routes>
      <Route path="/" element={<RootRedirect />} />
      <Route path="/:lang" element={<BookRoute />} />
      <Route path="/:lang/:slug" element={<BookRoute />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
