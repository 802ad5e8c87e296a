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
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import type { BookIndex, PageIndex } from '../src/book/bookIndex.ts';
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
  /** Plain text of the page (prose and headings), for search. */
  text: string;
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
  const src: PageSource = { lang, slug, path, refs: [], text: '', sections: [] };
  const counters = { h2: 0, h3: 0, eq: 0, fig: 0 };
  const duplicate = (id: string, line: number | undefined) => {
    const taken =
      page.headings.some((heading) => heading.id === id) || id in page.equations || id in page.figures;
    if (taken) throw new Error(`${path}:${line ?? '?'}: id '${id}' is used twice in this page`);
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
      const value = (node as { value: string }).value;
      src.text += `${value} `;
      const current = src.sections[src.sections.length - 1];
      if (current) current.text += `${value} `;
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
