/**
 * Loads a page's compiled MDX on demand (one chunk per page). The cache lets the first render after a
 * prerendered load hydrate synchronously, and lets the server prime every page up front.
 */
import type { MDXContent } from 'mdx/types';
import type { Lang } from './toc';

export interface PageModule {
  default: MDXContent;
  meta?: { description?: string };
}

const loaders = import.meta.glob<PageModule>('/content/*/*.mdx');
const modules = new Map<string, PageModule>();
const pending = new Map<string, Promise<PageModule>>();

export function pageFile(lang: Lang, slug: string): string {
  return `/content/${lang}/${slug || 'index'}.mdx`;
}

export function hasPage(lang: Lang, slug: string): boolean {
  return pageFile(lang, slug) in loaders || modules.has(pageFile(lang, slug));
}

export function cachedPage(lang: Lang, slug: string): PageModule | undefined {
  return modules.get(pageFile(lang, slug));
}

export function loadPage(lang: Lang, slug: string): Promise<PageModule> {
  const file = pageFile(lang, slug);
  const ready = modules.get(file);
  if (ready) return Promise.resolve(ready);
  let promise = pending.get(file);
  if (!promise) {
    const loader = loaders[file];
    if (!loader) return Promise.reject(new Error(`no page ${file}`));
    promise = loader().then((module) => {
      modules.set(file, module);
      pending.delete(file);
      return module;
    });
    pending.set(file, promise);
  }
  return promise;
}

/** The server build imports every page eagerly and hands them over here. */
export function primePages(eager: Record<string, PageModule>) {
  for (const [file, module] of Object.entries(eager)) modules.set(file, module);
}
