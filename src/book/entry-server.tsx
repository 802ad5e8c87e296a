/** Renders one route to HTML for the prerender step (scripts/prerender.ts). */
import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { StaticRouter } from 'react-router';
import { App, titleOf } from './App';
import { pageIndex } from './labels';
import { type PageModule, primePages } from './pages';
import { type Lang, toc } from './toc';

primePages(import.meta.glob<PageModule>('/content/*/*.mdx', { eager: true }));

export function render(url: string): string {
  return renderToString(
    <StrictMode>
      <StaticRouter location={url}>
        <App />
      </StaticRouter>
    </StrictMode>,
  );
}

export function routes(): { lang: Lang; slug: string; title: string; description: string }[] {
  return (['en', 'zh'] as const).flatMap((lang) =>
    toc.map((entry) => ({
      lang,
      slug: entry.slug,
      title: titleOf(lang, entry.slug),
      description: pageIndex(lang, entry.slug)?.description ?? '',
    })),
  );
}
