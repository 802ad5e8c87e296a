/** The reader's tools in Node: the search index, glossary links, saved preferences and progress. */
import { resolve } from 'node:path';
import { compile } from '@mdx-js/mdx';
import MiniSearch from 'minisearch';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { buildBookIndex, buildSearchIndex, searchDocuments } from '../../scripts/book-index';
import { mdxOptions } from '../../scripts/mdx-pipeline';
import { migrate, sanitize } from '../../src/book/appStore';
import { linkTerms, remarkGlossary, termMatcher } from '../../src/book/glossary/remark';
import { glossary } from '../../src/book/glossary/terms';
import { indexOptions, querySearchOptions, type SearchDocument } from '../../src/book/search/options';
import { indexTokens, queryTokens } from '../../src/book/search/tokenize';
import { languages, toc } from '../../src/book/toc';

const root = resolve(import.meta.dirname, '../..');
const { index, sources } = buildBookIndex(root);
const engine = MiniSearch.loadJS<SearchDocument>(
  JSON.parse(JSON.stringify(buildSearchIndex(index, sources))),
  indexOptions,
);
const top = (query: string) => engine.search(query, querySearchOptions).map((hit) => hit.href as string);

describe('search', () => {
  it('cuts Chinese into characters and bigrams, and queries by bigrams', () => {
    expect(indexTokens('LSTM 的遗忘门')).toEqual(['lstm', '的', '遗', '忘', '门', '的遗', '遗忘', '忘门']);
    expect(queryTokens('遗忘门')).toEqual(['遗忘', '忘门']);
    expect(queryTokens('门')).toEqual(['门']);
    expect(queryTokens('Forget gate')).toEqual(['forget', 'gate']);
  });

  it('has one document per section, with hrefs to the section', () => {
    const documents = searchDocuments(index, sources);
    const lstm = documents.filter((document) => document.href.startsWith('/en/lstm'));
    expect(lstm.length).toBe(index.en.lstm.headings.length + 1);
    expect(lstm.every((document) => /^\/en\/lstm(#[a-z0-9-]+)?$/.test(document.href))).toBe(true);
  });

  it('finds the LSTM chapter for 遗忘门 and for "forget gate"', () => {
    expect(top('遗忘门')[0]).toMatch(/^\/zh\/lstm/);
    expect(top('forget gate')[0]).toMatch(/^\/en\/lstm/);
    expect(
      top('Forget Gate')
        .slice(0, 3)
        .every((href) => href.includes('/en/')),
    ).toBe(true);
  });

  it('weights headings above body text', () => {
    const perplexity = top('perplexity')[0];
    const page = index.en['language-models'];
    const heading = page.headings.find((candidate) => /perplexity/i.test(candidate.text));
    expect(heading).toBeDefined();
    expect(perplexity).toBe(`/en/language-models#${heading!.id}`);
  });

  it('finds a Chinese phrase and glossary entries', () => {
    expect(top('通过时间反向传播')[0]).toMatch(/^\/zh\/(bptt|glossary)/);
    expect(top('teacher forcing').some((href) => href === '/en/glossary#glossary-teacher-forcing')).toBe(
      true,
    );
  });
});

describe('glossary', () => {
  it('has every term in both languages, with unique ids and a chapter', () => {
    const ids = glossary.map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const entry of glossary) {
      for (const lang of languages) {
        expect(entry[lang].forms.length, `${entry.id} ${lang}`).toBeGreaterThan(0);
        expect(entry[lang].definition.length, `${entry.id} ${lang}`).toBeGreaterThan(10);
      }
      expect(toc.some((page) => page.slug === entry.chapter && page.kind === 'chapter')).toBe(true);
    }
  });

  it('links a term once per section, longest form first, whole words only', () => {
    const matcher = termMatcher('en');
    const used = new Set<string>();
    const parts = linkTerms('The forget gate is a gate; gated units and the forget gate.', matcher, used);
    const terms = parts.filter((part) => part.type === 'mdxJsxTextElement');
    expect(terms.map((term) => (term.children[0] as { value: string }).value)).toEqual([
      'forget gate',
      'gate',
    ]);
    expect([...used]).toEqual(['forget-gate', 'gate']);
    const zh = linkTerms('遗忘门和输入门都是门控。', termMatcher('zh'), new Set());
    expect(zh.filter((part) => part.type === 'mdxJsxTextElement')).toHaveLength(3);
  });

  it('wraps terms in prose but never in headings, code or math', async () => {
    const source = [
      '## The hidden state [#lstm-x]',
      '',
      'A hidden state and another hidden state, `hidden state`, $h$ and [hidden state](/en/rnn).',
      '',
      '## Next [#lstm-y]',
      '',
      '<Note>',
      '',
      'The hidden state again.',
      '',
      '</Note>',
    ].join('\n');
    const file = new VFile({ path: `${root}/content/en/lstm.mdx`, value: source });
    const output = String(
      await compile(file, {
        remarkPlugins: [...(mdxOptions.remarkPlugins ?? []), remarkGlossary],
        rehypePlugins: mdxOptions.rehypePlugins,
      }),
    );
    expect(output.match(/_jsx\(Term, \{/g)).toHaveLength(2);
  });
});

describe('saved preferences and progress', () => {
  it('migrates version 1 (theme only) and keeps the theme', () => {
    expect(migrate({ theme: 'dark' }, 1)).toEqual({ theme: 'dark', notation: 'row', read: {}, last: null });
  });

  it('drops what it does not understand, field by field', () => {
    const saved = sanitize({
      theme: 'purple',
      notation: 'column',
      read: { lstm: 5, 'no-such-chapter': 1, gru: 'yesterday' },
      last: { lang: 'zh', slug: 'gru', section: 'gru-gates', at: 3 },
    });
    expect(saved).toEqual({
      theme: 'system',
      notation: 'column',
      read: { lstm: 5 },
      last: { lang: 'zh', slug: 'gru', section: 'gru-gates', at: 3 },
    });
    expect(sanitize('garbage')).toEqual({ theme: 'system', notation: 'row', read: {}, last: null });
    expect(sanitize({ last: { lang: 'fr', slug: 'gru', section: '' } }).last).toBeNull();
  });
});
