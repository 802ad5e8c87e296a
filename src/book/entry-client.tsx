import { StrictMode, startTransition } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './App';
import { registerServiceWorker } from './offline/register';
import { loadPage } from './pages';
import { findEntry, isLang } from './toc';
import 'katex/dist/katex.min.css';
import './styles/book.css';

const container = document.getElementById('root')!;
const tree = (
  <StrictMode>
    <BrowserRouter>
      <App />
    </BrowserRouter>
  </StrictMode>
);

/**
 * Resolves once the prerendered page is on screen (its first contentful paint), so that hydrating the chapter
 * does not hold its text off the screen; at once in a hidden tab, which paints nothing, and after a while at
 * worst.
 */
function afterFirstPaint(): Promise<void> {
  const painted = () => performance.getEntriesByName('first-contentful-paint').length > 0;
  if (
    document.visibilityState === 'hidden' ||
    !PerformanceObserver.supportedEntryTypes?.includes('paint') ||
    painted()
  )
    return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      observer.disconnect();
      window.clearTimeout(timer);
      resolve();
    };
    const observer = new PerformanceObserver(() => painted() && done());
    observer.observe({ type: 'paint', buffered: true });
    const timer = window.setTimeout(done, 3000);
  });
}

/** Load the page's chunk before hydrating, so the first client render matches the prerendered HTML. */
async function start() {
  const [, lang, slug = '', ...rest] = window.location.pathname.replace(/\.html$/, '').split('/');
  const prerendered = isLang(lang) && rest.length === 0 && findEntry(slug) !== undefined;
  if (prerendered) await loadPage(lang, slug).catch(() => undefined);
  if (prerendered && container.hasChildNodes()) {
    await afterFirstPaint();
    // In a transition, hydration yields to the browser every few milliseconds instead of holding the main
    // thread for the whole chapter; the prerendered page is on screen and readable meanwhile.
    startTransition(() => {
      hydrateRoot(container, tree);
    });
  } else {
    // The language chooser and the 404 file are not this route's markup: render afresh.
    container.replaceChildren();
    createRoot(container).render(tree);
  }
}

void start();
registerServiceWorker();
