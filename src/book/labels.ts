/** Resolves an id used in <Ref to> to what it names and the text that shows it. */
import bookIndexData from 'virtual:book-index';
import type { BookIndex, PageIndex } from './bookIndex';

const bookIndex: BookIndex = bookIndexData;

import { tFor } from './i18n';
import { chapterNumber, findEntry, type Lang, pathOf } from './toc';

export interface ResolvedLabel {
  kind: 'section' | 'equation' | 'figure' | 'chapter';
  /** The page that holds it. */
  slug: string;
  href: string;
  text: string;
}

export function resolveLabel(
  to: string,
  lang: Lang,
  index: BookIndex = bookIndex,
): ResolvedLabel | undefined {
  const t = tFor(lang);
  const entry = findEntry(to);
  if (entry && to) {
    const number = chapterNumber(to);
    return {
      kind: 'chapter',
      slug: to,
      href: pathOf(lang, to),
      text: number === undefined ? entry.title[lang] : t('ref.chapter', { number }),
    };
  }
  for (const [slug, page] of Object.entries(index[lang] ?? {})) {
    const href = `${pathOf(lang, slug)}#${to}`;
    const equation = page.equations[to];
    if (equation) return { kind: 'equation', slug, href, text: `(${equation})` };
    const figure = page.figures[to];
    if (figure) return { kind: 'figure', slug, href, text: t('ref.figure', { number: figure.number }) };
    const heading = page.headings.find((candidate) => candidate.id === to);
    if (heading) {
      return {
        kind: 'section',
        slug,
        href,
        text: heading.number ? t('ref.section', { number: heading.number }) : heading.text,
      };
    }
  }
  return undefined;
}

export function pageIndex(lang: Lang, slug: string): PageIndex | undefined {
  return bookIndex[lang]?.[slug];
}
