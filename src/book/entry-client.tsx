import { StrictMode } from 'react';
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

/** Load the page's chunk before hydrating, so the first client render matches the prerendered HTML. */
async function start() {
  const [, lang, slug = '', ...rest] = window.location.pathname.replace(/\.html$/, '').split('/');
  const prerendered = isLang(lang) && rest.length === 0 && findEntry(slug) !== undefined;
  if (prerendered) await loadPage(lang, slug).catch(() => undefined);
  if (prerendered && container.hasChildNodes()) {
    hydrateRoot(container, tree);
  } else {
    // The language chooser and the 404 file are not this route's markup: render afresh.
    container.replaceChildren();
    createRoot(container).render(tree);
  }
}

void start();
registerServiceWorker();
