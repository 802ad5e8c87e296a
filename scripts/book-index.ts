/**
 * Reads every MDX page once, with the same remark plugins as the build, and collects what navigation and
 * cross-references need: headings with their ids and numbers, numbered equations and figures, and every
 * <Ref to>. The Vite plugin serves it to the app as `virtual:book-index`; tests read it directly.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Heading, Root } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { toString as mdastToString } from 'mdast-util-to-string';
import MiniSearch from 'minisearch';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import type { BookIndex, PageIndex } from '../src/book/bookIndex.ts';
import { glossary, glossaryAnchor } from '../src/book/glossary/terms.ts';
import { indexOptions, type SearchDocument } from '../src/book/search/options.ts';
import { chapterNumber, fileOf, type Lang, languages, toc } from '../src/book/toc.ts';
import { remarkBookPlugins } from './mdx-pipeline.ts';

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

function attribute(node: JsxElement, name: string): string | undefined {
  for (const attr of node.attributes) {
    if (attr.type === 'mdxJsxAttribute' && attr.name === name && typeof attr.value === 'string')
      return attr.value;
  }
  return undefined;
}

export interface PageSource {
  lang: Lang;
  slug: string;
  path: string;
  refs: { to: string; line: number }[];
  /** Plain text of the page (prose, headings and figure captions), for search. */
  text: string;
  /** Text before the first heading. */
  intro: string;
  sections: { id: string; text: string }[];
}

export function indexPage(
  lang: Lang,
  slug: string,
  path: string,
  source: string,
): { page: PageIndex; src: PageSource } {
  const processor = unified().use(remarkParse).use(remarkMdx);
  for (const plugin of remarkBookPlugins) processor.use(plugin);
  const file = new VFile({ path, value: source });
  const tree = processor.runSync(processor.parse(file), file) as Root;
  const chapter = chapterNumber(slug);
  const prefix = chapter === undefined ? '' : `${chapter}.`;
  const page: PageIndex = { headings: [], equations: {}, figures: {}, description: '' };
  const src: PageSource = { lang, slug, path, refs: [], text: '', intro: '', sections: [] };
  const counters = { h2: 0, h3: 0, eq: 0, fig: 0 };
  const duplicate = (id: string, line: number | undefined) => {
    const taken =
      page.headings.some((heading) => heading.id === id) || id in page.equations || id in page.figures;
    if (taken) throw new Error(`${path}:${line ?? '?'}: id '${id}' is used twice in this page`);
  };

  const addText = (value: string) => {
    src.text += `${value} `;
    const current = src.sections[src.sections.length - 1];
    if (current) current.text += `${value} `;
    else src.intro += `${value} `;
  };

  visit(tree, (node) => {
    if (node.type === 'heading') {
      const heading = node as Heading;
      const id = (heading.data?.hProperties as { id?: string } | undefined)?.id ?? '';
      duplicate(id, heading.position?.start.line);
      let number: string | undefined;
      if (heading.depth === 2) {
        counters.h2++;
        counters.h3 = 0;
        number = chapter === undefined ? undefined : `${prefix}${counters.h2}`;
      } else if (heading.depth === 3) {
        counters.h3++;
        number = chapter === undefined ? undefined : `${prefix}${counters.h2}.${counters.h3}`;
      }
      const text = mdastToString(heading).trim();
      page.headings.push({ id, text, depth: heading.depth, number });
      src.sections.push({ id, text: '' });
      return;
    }
    if (node.type === 'mdxjsEsm') {
      const match = /description:\s*(['"])((?:\\.|(?!\1).)*)\1/.exec((node as { value: string }).value);
      if (match) page.description = match[2].replace(/\\(['"])/g, '$1');
      return;
    }
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      const element = node as JsxElement;
      const id = attribute(element, 'id');
      const line = element.position?.start.line ?? 0;
      const caption = attribute(element, 'caption');
      if (caption) addText(caption);
      if (element.name === 'Eq') {
        if (!id) throw new Error(`${path}:${line}: <Eq> needs an id`);
        duplicate(id, line);
        page.equations[id] = `${prefix}${++counters.eq}`;
      } else if (id && attribute(element, 'caption') !== undefined) {
        duplicate(id, line);
        page.figures[id] = { number: `${prefix}${++counters.fig}`, kind: element.name ?? 'Figure' };
      } else if (element.name === 'Ref') {
        const to = attribute(element, 'to');
        if (!to) throw new Error(`${path}:${line}: <Ref> needs a 'to'`);
        src.refs.push({ to, line });
      }
      return;
    }
    if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') {
      addText((node as { value: string }).value);
    }
  });
  return { page, src };
}

export function contentDir(root: string): string {
  return join(root, 'content');
}

/** Every page of the table of contents, in both languages. Missing files are reported by the toc test. */
export function buildBookIndex(root: string): { index: BookIndex; sources: PageSource[] } {
  const index = { en: {}, zh: {} } as BookIndex;
  const sources: PageSource[] = [];
  for (const lang of languages) {
    for (const entry of toc) {
      const path = join(contentDir(root), lang, fileOf(entry));
      if (!existsSync(path)) continue;
      const { page, src } = indexPage(lang, entry.slug, path, readFileSync(path, 'utf8'));
      index[lang][entry.slug] = page;
      sources.push(src);
    }
  }
  return { index, sources };
}

export function listContentFiles(root: string): string[] {
  const files: string[] = [];
  for (const lang of readdirSync(contentDir(root), { withFileTypes: true })) {
    if (!lang.isDirectory()) continue;
    for (const file of readdirSync(join(contentDir(root), lang.name))) {
      if (file.endsWith('.mdx')) files.push(`${lang.name}/${file}`);
    }
  }
  return files.sort();
}

/**
 * Section-level documents for search: one per section of every page in both languages (the text before the
 * first heading belongs to the page itself), plus one per glossary entry.
 */
export function searchDocuments(index: BookIndex, sources: PageSource[]): SearchDocument[] {
  const documents: SearchDocument[] = [];
  for (const source of sources) {
    const { lang, slug } = source;
    const entry = toc.find((candidate) => candidate.slug === slug);
    if (!entry) continue;
    const number = chapterNumber(slug);
    const page = number === undefined ? entry.title[lang] : `${number}. ${entry.title[lang]}`;
    const base = slug ? `/${lang}/${slug}` : `/${lang}/`;
    const description = index[lang][slug]?.description ?? '';
    documents.push({
      id: `${lang}/${slug}`,
      lang,
      href: base,
      title: entry.title[lang],
      page,
      text: `${description} ${source.intro}`.replace(/\s+/g, ' ').trim(),
    });
    for (const section of source.sections) {
      const heading = index[lang][slug]?.headings.find((candidate) => candidate.id === section.id);
      const title = heading ? `${heading.number ? `${heading.number} ` : ''}${heading.text}` : section.id;
      // The heading's own words open the section's text; drop them from the body.
      const text = section.text.replace(/\s+/g, ' ').trim();
      documents.push({
        id: `${lang}/${slug}#${section.id}`,
        lang,
        href: `${base}#${section.id}`,
        title,
        page,
        text: heading && text.startsWith(heading.text) ? text.slice(heading.text.length).trim() : text,
      });
    }
  }
  for (const lang of languages) {
    const title = toc.find((entry) => entry.slug === 'glossary')?.title[lang] ?? 'Glossary';
    for (const entry of glossary) {
      documents.push({
        id: `${lang}/glossary#${glossaryAnchor(entry.id)}`,
        lang,
        href: `/${lang}/glossary#${glossaryAnchor(entry.id)}`,
        title: entry[lang].forms[0],
        page: title,
        text: entry[lang].definition,
      });
    }
  }
  return documents;
}

/** MiniSearch over every document, as the plain object the browser loads with MiniSearch.loadJS. */
export function buildSearchIndex(index: BookIndex, sources: PageSource[]) {
  const engine = new MiniSearch<SearchDocument>(indexOptions);
  engine.addAll(searchDocuments(index, sources));
  return engine.toJSON();
}
