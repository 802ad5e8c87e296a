/** MiniSearch options shared by the build (scripts/vite-plugin-book.ts) and the reader's browser. */
import type { Options, SearchOptions } from 'minisearch';
import type { Lang } from '../toc.ts';
import { indexTokens, isHan, queryTokens } from './tokenize.ts';

/** One section of one page in one language. */
export interface SearchDocument {
  /** `<lang>/<slug>#<section>` */
  id: string;
  lang: Lang;
  /** `/<lang>/<slug>#<section>` (no hash for the text before the first heading) */
  href: string;
  /** The section's heading, or the page title for its introduction. */
  title: string;
  /** The page's title, with its chapter number. */
  page: string;
  text: string;
}

export const indexOptions: Options<SearchDocument> = {
  idField: 'id',
  fields: ['title', 'page', 'text'],
  storeFields: ['lang', 'href', 'title', 'page', 'text'],
  tokenize: indexTokens,
  // Terms are lower-cased by the tokenizer already.
  processTerm: (term) => term,
};

export const querySearchOptions: SearchOptions = {
  tokenize: queryTokens,
  processTerm: (term) => term,
  boost: { title: 3, page: 1.5, text: 1 },
  combineWith: 'AND',
  prefix: (term) => !isHan(term) && term.length >= 3,
  fuzzy: (term) => (!isHan(term) && term.length >= 5 ? 0.2 : false),
};
