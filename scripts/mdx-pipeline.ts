/**
 * The one MDX pipeline used by the Vite build, the label index and the content checks, so that what a test
 * compiles is exactly what the reader gets.
 */
import type { Options as MdxOptions } from '@mdx-js/rollup';
import type { Element, Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Heading, Root as MdastRoot, RootContent, Table, TableCell, Text } from 'mdast';
import type { MdxJsxTextElementHast } from 'mdast-util-mdx-jsx';
import rehypeKatex from 'rehype-katex';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { katexMacros, type NotationGroup, notation, notationGroups } from '../src/viz/notation.ts';

/** `## Title [#some-id]`: the id a section keeps in both languages. */
export const HEADING_ID = /\s*\[#([a-z0-9][a-z0-9-]*)\]\s*$/;

export class ContentError extends Error {}

function where(file: VFile, line: number | undefined): string {
  return `${file.path ?? '<mdx>'}:${line ?? '?'}`;
}

/** Moves `[#id]` from the end of a heading into its id; sections without one fail the build. */
export function remarkHeadingIds() {
  return (tree: MdastRoot, file: VFile) => {
    visit(tree, 'heading', (heading: Heading) => {
      const last = heading.children[heading.children.length - 1];
      const match = last?.type === 'text' ? HEADING_ID.exec((last as Text).value) : null;
      if (!match) {
        if (heading.depth === 1) {
          throw new ContentError(
            `${where(file, heading.position?.start.line)}: a chapter has no '#' heading; the layout prints its title`,
          );
        }
        throw new ContentError(
          `${where(file, heading.position?.start.line)}: heading needs a stable id, e.g. '## Title [#chapter-topic]'`,
        );
      }
      (last as Text).value = (last as Text).value.replace(HEADING_ID, '');
      heading.data = { ...heading.data, hProperties: { ...heading.data?.hProperties, id: match[1] } };
    });
  };
}

/** rehype-katex reports bad TeX as a message and renders red text; the book refuses to build instead. */
export function rehypeFailOnKatexError() {
  return (_tree: unknown, file: VFile) => {
    const problem = file.messages.find((message) => message.source === 'rehype-katex');
    if (problem) {
      const cause = problem.cause instanceof Error ? problem.cause.message : String(problem.reason);
      throw new ContentError(`${where(file, problem.line ?? undefined)}: bad TeX: ${cause}`);
    }
  };
}

/**
 * Hands each typeset formula to React as one string of HTML (`dangerouslySetInnerHTML`) instead of a tree of
 * elements. The markup is the same, but a chapter's thousands of KaTeX spans no longer become React elements that
 * the page builds and hydrates on every load: math is static, and hydration leaves such an element's inside alone.
 */
export function rehypeStaticMath() {
  return (tree: HastRoot) => {
    visit(tree, 'element', (node: Element, index, parent) => {
      const classes = node.properties.className;
      if (!Array.isArray(classes) || !classes.some((name) => name === 'katex' || name === 'katex-display'))
        return;
      // Only the outermost wrapper, which KaTeX gives nothing but its class.
      if (parent === undefined || index === undefined || Object.keys(node.properties).length !== 1) return;
      const html = toHtml(node.children);
      const element: MdxJsxTextElementHast = {
        type: 'mdxJsxTextElement',
        name: node.tagName,
        attributes: [
          { type: 'mdxJsxAttribute', name: 'className', value: classes.join(' ') },
          {
            type: 'mdxJsxAttribute',
            name: 'dangerouslySetInnerHTML',
            value: {
              type: 'mdxJsxAttributeValueExpression',
              value: `{__html: ${JSON.stringify(html)}}`,
              data: {
                estree: {
                  type: 'Program',
                  sourceType: 'module',
                  body: [
                    {
                      type: 'ExpressionStatement',
                      expression: {
                        type: 'ObjectExpression',
                        properties: [
                          {
                            type: 'Property',
                            key: { type: 'Identifier', name: '__html' },
                            value: { type: 'Literal', value: html },
                            kind: 'init',
                            method: false,
                            shorthand: false,
                            computed: false,
                          },
                        ],
                      },
                    },
                  ],
                },
              },
            },
          },
        ],
        children: [],
      };
      parent.children[index] = element;
      return SKIP;
    });
  };
}

/**
 * Expands `<NotationTable />` into headings and markdown tables of inline math, so the notation page is typeset
 * at build time from the same table that defines the macros (no KaTeX in the reader's JavaScript).
 */
export function remarkNotationTable() {
  return (tree: MdastRoot, file: VFile) => {
    const lang = /[\\/]zh[\\/]/.test(file.path ?? '') ? 'zh' : 'en';
    const head = lang === 'zh' ? ['符号', '含义', '宏'] : ['Symbol', 'Meaning', 'Macro'];
    const cell = (children: TableCell['children']): TableCell => ({ type: 'tableCell', children });
    const math = (value: string) =>
      ({
        type: 'inlineMath',
        value,
        data: {
          hName: 'code',
          hProperties: { className: ['language-math', 'math-inline'] },
          hChildren: [{ type: 'text', value }],
        },
      }) as unknown as TableCell['children'][number];
    tree.children = tree.children.flatMap((node): RootContent[] => {
      if (node.type !== 'mdxJsxFlowElement' || node.name !== 'NotationTable') return [node];
      return (Object.keys(notationGroups) as NotationGroup[]).flatMap((group): RootContent[] => {
        const table: Table = {
          type: 'table',
          align: ['left', 'left', 'left'],
          children: [
            { type: 'tableRow', children: head.map((title) => cell([{ type: 'text', value: title }])) },
            ...notation
              .filter((entry) => entry.group === group)
              .map((entry) => ({
                type: 'tableRow' as const,
                children: [
                  cell([math(entry.tex)]),
                  cell([{ type: 'text', value: entry[lang] }]),
                  cell(entry.macro ? [{ type: 'inlineCode', value: `\\${entry.macro}` }] : []),
                ],
              })),
          ],
        };
        const heading: Heading = {
          type: 'heading',
          depth: 3,
          children: [{ type: 'text', value: `${notationGroups[group][lang]} [#notation-${group}]` }],
        };
        return [heading, table];
      });
    });
  };
}

/** Remark plugins shared by the build and the book index, in order. */
export const remarkBookPlugins = [remarkGfm, remarkMath, remarkNotationTable, remarkHeadingIds] as const;

export const katexOptions = { macros: katexMacros, strict: 'error' as const, output: 'html' as const };

export const mdxOptions: MdxOptions = {
  remarkPlugins: [...remarkBookPlugins],
  rehypePlugins: [[rehypeKatex, katexOptions], rehypeFailOnKatexError, rehypeStaticMath],
  providerImportSource: undefined,
};
