/**
 * Math linked to a figure, the pure half: TeX whose symbols are tagged with the figure part they name
 * (`\htmlData{part=…}`), the list of parts a TeX string tags, and KaTeX's HTML for it. The HTML keeps each
 * tag as a `data-part` attribute, so a component (LinkedTex.tsx) can make the symbols focusable, name them
 * with live values and light the figure, and the figure can light them back.
 *
 * KaTeX runs as strictly as the book's build (scripts/mdx-pipeline.ts): an unknown macro or any other
 * non-strict input throws. The one exception is KaTeX's "HTML extension" report, raised by `\htmlData`
 * itself, and `\htmlData` is the only command trusted. Only our own TeX strings reach this module.
 */
import katex from 'katex';
import { katexMacros } from './notation';

/** A figure part's name inside TeX: anything but what would end the `\htmlData` argument or split it. */
const PART_NAME = /^[^,={}\\%#$&~^\s][^,={}\\%#$&~^]*$/;

export function isPartName(part: string): boolean {
  return PART_NAME.test(part) && !/\s$/.test(part);
}

/**
 * `tex` tagged as the figure part `part`: `\htmlData{part=W_hh}{\Whh}`. `order` sets the keyboard order
 * when KaTeX's DOM order is not the reading order (an `\underbrace` label comes before its body): when
 * every symbol of an equation has one, the arrows follow it.
 */
export function tagPart(part: string, tex: string, order?: number): string {
  if (!isPartName(part)) throw new Error(`linked TeX: "${part}" cannot be a part name`);
  if (order !== undefined && !Number.isInteger(order))
    throw new Error(`linked TeX: order ${order} is not an integer`);
  return `\\htmlData{part=${part}${order === undefined ? '' : `,order=${order}`}}{${tex}}`;
}

/** Every part tagged in a TeX string, in order of appearance, each once. */
export function taggedParts(tex: string): string[] {
  const seen = new Set<string>();
  for (const m of tex.matchAll(/\\htmlData\{part=([^},]*)[,}]/g)) seen.add(m[1]);
  return [...seen];
}

/** One line of a linked equation: `lhs rel rhs`, or `rhs` alone when there is no left side. */
export interface LinkedLine {
  lhs?: string;
  rhs: string;
  /** The relation between the sides, as TeX (default `=`). */
  rel?: string;
  /** Extra class on the line (e.g. "the line being computed"). */
  className?: string;
}

/** Every part tagged in a set of lines, each once. */
export function linePartsOf(lines: readonly LinkedLine[]): string[] {
  return taggedParts(lines.map((l) => `${l.lhs ?? ''} ${l.rel ?? ''} ${l.rhs}`).join(' '));
}

/** KaTeX's handling of a report: only `\htmlData`'s own "HTML extension" report passes. */
export function strictReport(code: string): 'ignore' | 'error' {
  return code === 'htmlExtension' ? 'ignore' : 'error';
}

const cache = new Map<string, string>();

/**
 * KaTeX HTML of a linked TeX string (inline style, the book's macros). Throws on bad TeX. Cached: the same
 * string is typeset once per page.
 */
export function linkedTexHtml(tex: string): string {
  let html = cache.get(tex);
  if (html === undefined) {
    html = katex.renderToString(tex, {
      macros: { ...katexMacros },
      throwOnError: true,
      strict: strictReport,
      trust: (context) => context.command === '\\htmlData',
      output: 'html',
    });
    if (cache.size > 500) cache.clear();
    cache.set(tex, html);
  }
  return html;
}
