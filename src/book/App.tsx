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
 * Code blocks, display equations and tables wider than the column scroll sideways; those that do get a tab stop,
 * so a keyboard reader can scroll them too (the rest stay out of the tab order). Measuring them all while the page
 * hydrates would force a layout of the whole chapter, `content-visibility: auto` blocks included (book.css), and
 * hold a phone's main thread for most of a second. So each block is measured when it comes within half a screen
 * of the viewport, where the browser has laid it out anyway (all reads of a batch before any write, so one layout
 * serves them all); the rest are measured together on the reader's first Tab, before the focus moves, so a
 * keyboard reader never tabs past a wide block far down. Measuring them in idle time instead cost 50-90 ms per
 * block on a throttled phone profile, each long enough to delay a tap. Every font that finishes loading puts all
 * blocks back to be measured again.
 */
const SCROLLERS = '.page pre, .page .katex-display, .page table:not([class])';
/** Half a screen above and below the viewport. */
const NEAR_VIEWPORT: IntersectionObserverInit = { rootMargin: '50% 0px 50% 0px' };

function useFocusableScrollers(key: string) {
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` (the page) is a deliberate trigger.
  useEffect(() => {
    const pending = new Set<HTMLElement>();
    const measure = (elements: HTMLElement[]) => {
      const scrolls = elements.map((element) => element.scrollWidth > element.clientWidth + 1);
      elements.forEach((element, index) => {
        if (scrolls[index]) element.tabIndex = 0;
        else element.removeAttribute('tabindex');
        observer.unobserve(element);
        pending.delete(element);
      });
    };
    const observer = new IntersectionObserver((entries) => {
      measure(entries.filter((entry) => entry.isIntersecting).map(({ target }) => target as HTMLElement));
    }, NEAR_VIEWPORT);
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Tab' || pending.size === 0) return;
      measure([...pending].filter((element) => element.isConnected));
      pending.clear();
    };
    const mark = () => {
      for (const element of document.querySelectorAll<HTMLElement>(SCROLLERS)) {
        if (element.closest('[data-widget]')) continue;
        observer.observe(element);
        pending.add(element);
      }
    };
    mark();
    window.addEventListener('resize', mark);
    // A block measured before its KaTeX font arrived was measured in a fallback font, narrower or wider than it
    // will be; KaTeX's fonts load one by one as glyphs need them, so measure again after each.
    document.fonts?.addEventListener('loadingdone', mark);
    // Capture: runs before any handler that might stop the event, and before the browser moves the focus.
    window.addEventListener('keydown', onKeyDown, true);
    return () => {
      window.removeEventListener('resize', mark);
      document.fonts?.removeEventListener('loadingdone', mark);
      window.removeEventListener('keydown', onKeyDown, true);
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
