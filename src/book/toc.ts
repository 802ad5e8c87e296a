/**
 * The table of contents: the only source of navigation. Order here is the reading order; a page's number,
 * previous/next links, the sidebar and the prerendered routes all come from this list.
 */

export const languages = ['en', 'zh'] as const;
export type Lang = (typeof languages)[number];

export function isLang(value: string | undefined): value is Lang {
  return value === 'en' || value === 'zh';
}

export interface TocEntry {
  /** URL segment and file name: content/<lang>/<slug>.mdx. The front page has slug ''. */
  slug: string;
  /** Chapters are numbered; front matter and appendices are not. */
  kind: 'front' | 'chapter' | 'appendix';
  title: Record<Lang, string>;
}

export const toc: readonly TocEntry[] = [
  { slug: '', kind: 'front', title: { en: 'Unrolled', zh: 'Unrolled 循环神经网络' } },
  {
    slug: 'mlp',
    kind: 'chapter',
    title: { en: 'Sequences, and an MLP with no memory', zh: '序列与没有记忆的多层感知机' },
  },
  { slug: 'rnn', kind: 'chapter', title: { en: 'Recurrent neural networks', zh: '循环神经网络' } },
  {
    slug: 'language-models',
    kind: 'chapter',
    title: { en: 'Language models and a character-level RNN', zh: '语言模型与字符级循环神经网络' },
  },
  { slug: 'bptt', kind: 'chapter', title: { en: 'Backpropagation through time', zh: '通过时间反向传播' } },
  { slug: 'gru', kind: 'chapter', title: { en: 'Gated recurrent units', zh: '门控循环单元' } },
  { slug: 'lstm', kind: 'chapter', title: { en: 'Long short-term memory', zh: '长短期记忆网络' } },
  {
    slug: 'deep-rnn',
    kind: 'chapter',
    title: { en: 'Deep recurrent neural networks', zh: '深度循环神经网络' },
  },
  {
    slug: 'bidirectional-rnn',
    kind: 'chapter',
    title: { en: 'Bidirectional recurrent neural networks', zh: '双向循环神经网络' },
  },
  {
    slug: 'practice',
    kind: 'chapter',
    title: { en: 'Practice: applications and debugging', zh: '实践：应用与调试' },
  },
  { slug: 'glossary', kind: 'appendix', title: { en: 'Glossary', zh: '术语表' } },
  { slug: 'notation', kind: 'appendix', title: { en: 'Notation', zh: '符号' } },
];

/** File name of a page; the front page is index.mdx. */
export function fileOf(entry: TocEntry): string {
  return `${entry.slug || 'index'}.mdx`;
}

export function pathOf(lang: Lang, slug: string): string {
  return slug ? `/${lang}/${slug}` : `/${lang}/`;
}

export function findEntry(slug: string): TocEntry | undefined {
  return toc.find((entry) => entry.slug === slug);
}

/** Chapter number (1-based) or undefined for front matter and appendices. */
export function chapterNumber(slug: string): number | undefined {
  const chapters = toc.filter((entry) => entry.kind === 'chapter');
  const index = chapters.findIndex((entry) => entry.slug === slug);
  return index < 0 ? undefined : index + 1;
}

export function neighbours(slug: string): { previous?: TocEntry; next?: TocEntry } {
  const index = toc.findIndex((entry) => entry.slug === slug);
  return { previous: index > 0 ? toc[index - 1] : undefined, next: toc[index + 1] };
}
