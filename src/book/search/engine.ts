/** Loaded on the first focus of the search box: MiniSearch and the index built at build time. */

import searchIndex from 'virtual:search-index';
import MiniSearch from 'minisearch';
import type { Lang } from '../toc';
import { indexOptions, querySearchOptions, type SearchDocument } from './options';
import { queryTokens } from './tokenize';

const engine = MiniSearch.loadJS<SearchDocument>(searchIndex, indexOptions);

export interface SearchHit {
  id: string;
  lang: Lang;
  href: string;
  title: string;
  page: string;
  /** A short piece of the section's text around the first match, split so matches can be marked. */
  snippet: { text: string; match: boolean }[];
}

function snippetOf(text: string, terms: string[]): SearchHit['snippet'] {
  // Han characters are about twice as wide as Latin letters: show half as many.
  const han = (text.slice(0, 200).match(/\p{Script=Han}/gu)?.length ?? 0) > 40;
  const SNIPPET = han ? 80 : 150;
  const lower = text.toLowerCase();
  let at = -1;
  for (const term of terms) {
    const index = lower.indexOf(term);
    if (index >= 0 && (at < 0 || index < at)) at = index;
  }
  const start = Math.max(0, at < 0 ? 0 : at - (han ? 25 : 50));
  let piece = text
    .slice(start, start + SNIPPET)
    .replace(/\s+/g, ' ')
    .trim();
  if (start > 0) piece = `…${piece}`;
  if (start + SNIPPET < text.length) piece = `${piece}…`;
  if (terms.length === 0) return [{ text: piece, match: false }];
  const pattern = new RegExp(
    `(${terms
      .slice()
      .sort((a, b) => b.length - a.length)
      .map((term) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('|')})`,
    'giu',
  );
  return piece
    .split(pattern)
    .filter(Boolean)
    .map((part) => ({ text: part, match: terms.includes(part.toLowerCase()) }));
}

export function search(query: string, lang: Lang, limit = 8): SearchHit[] {
  const trimmed = query.trim();
  if (!trimmed) return [];
  const results = engine.search(trimmed, {
    ...querySearchOptions,
    // The reader's own language first; the other still answers (e.g. "LSTM" in both).
    boostDocument: (_id, _term, stored) => (stored?.lang === lang ? 2 : 1),
  });
  // Mark what the reader typed: a Chinese phrase as a whole, words as words.
  const terms = [...new Set([...trimmed.toLowerCase().split(/\s+/), ...queryTokens(trimmed)])].filter(
    (term) => term.length > 0,
  );
  return results.slice(0, limit).map((result) => ({
    id: result.id as string,
    lang: result.lang as Lang,
    href: result.href as string,
    title: result.title as string,
    page: result.page as string,
    snippet: snippetOf(result.text as string, terms),
  }));
}
