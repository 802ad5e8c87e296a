/**
 * Build-time glossary links: in every chapter, the first use of each glossary term in each section (## …)
 * becomes `<Term id="…">as written</Term>`, which the reading app shows with a definition popover. Chapter files
 * are never edited; headings, links, code, math and widgets are left alone.
 */
import type { Parent, Root, RootContent, Text } from 'mdast';
import type { MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { VFile } from 'vfile';
import { type Lang, toc } from '../toc.ts';
import { glossary } from './terms.ts';

/** Nodes whose text is never linked. */
const SKIP = new Set([
  'heading',
  'link',
  'linkReference',
  'inlineCode',
  'code',
  'inlineMath',
  'math',
  'html',
  'definition',
  'mdxjsEsm',
  'mdxFlowExpression',
  'mdxTextExpression',
]);

/** Components whose children are prose. */
const PROSE_COMPONENTS = new Set(['Note', 'Recap', 'Exercises', 'Exercise', 'Hint', 'Solution']);

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface TermMatcher {
  regex: RegExp;
  idOf: Map<string, string>;
}

export function termMatcher(lang: Lang): TermMatcher {
  const idOf = new Map<string, string>();
  for (const entry of glossary) for (const form of entry[lang].forms) idOf.set(form.toLowerCase(), entry.id);
  const forms = [...idOf.keys()].sort((a, b) => b.length - a.length);
  // Latin edges need word boundaries ("gate" is not in "gated"); Han characters have none.
  const alternatives = forms.map((form) => {
    const before = /^[a-z0-9]/i.test(form) ? '(?<![\\p{L}\\p{N}])' : '';
    const after = /[a-z0-9]$/i.test(form) ? '(?![\\p{L}\\p{N}])' : '';
    return `${before}${escapeRegExp(form)}${after}`;
  });
  return { regex: new RegExp(alternatives.join('|'), 'giu'), idOf };
}

const chapterSlugs = new Set(toc.filter((entry) => entry.kind === 'chapter').map((entry) => entry.slug));

/** Splits one text node into text and <Term> nodes for terms not yet used in this section. */
export function linkTerms(
  value: string,
  matcher: TermMatcher,
  used: Set<string>,
): (Text | MdxJsxTextElement)[] {
  const out: (Text | MdxJsxTextElement)[] = [];
  let last = 0;
  for (const match of value.matchAll(matcher.regex)) {
    const id = matcher.idOf.get(match[0].toLowerCase());
    if (!id || used.has(id)) continue;
    used.add(id);
    const start = match.index ?? 0;
    if (start > last) out.push({ type: 'text', value: value.slice(last, start) });
    out.push({
      type: 'mdxJsxTextElement',
      name: 'Term',
      attributes: [{ type: 'mdxJsxAttribute', name: 'id', value: id }],
      children: [{ type: 'text', value: match[0] }],
    });
    last = start + match[0].length;
  }
  if (out.length === 0) return [{ type: 'text', value }];
  if (last < value.length) out.push({ type: 'text', value: value.slice(last) });
  return out;
}

export function remarkGlossary() {
  return (tree: Root, file: VFile) => {
    const path = file.path ?? '';
    const lang: Lang = /[\\/]zh[\\/]/.test(path) ? 'zh' : 'en';
    const slug = /([^\\/]+)\.mdx$/.exec(path)?.[1] ?? '';
    if (!chapterSlugs.has(slug)) return;
    const matcher = termMatcher(lang);
    let used = new Set<string>();

    const walk = (parent: Parent) => {
      const children: RootContent[] = [];
      for (const child of parent.children as RootContent[]) {
        if (child.type === 'heading' && child.depth === 2) used = new Set();
        if (child.type === 'text') {
          children.push(...(linkTerms(child.value, matcher, used) as RootContent[]));
          continue;
        }
        const jsx = child.type === 'mdxJsxFlowElement' || child.type === 'mdxJsxTextElement';
        if (!SKIP.has(child.type) && (!jsx || PROSE_COMPONENTS.has(child.name ?? '')) && 'children' in child)
          walk(child as Parent);
        children.push(child);
      }
      parent.children = children as Parent['children'];
    };
    walk(tree);
  };
}
