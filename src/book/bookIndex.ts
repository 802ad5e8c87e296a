/** Shape of `virtual:book-index`: what each page holds that other pages and the layout refer to. */
import type { Lang } from './toc';

export interface HeadingLabel {
  id: string;
  text: string;
  depth: number;
  /** "2.3" in chapters; undefined in front matter. */
  number?: string;
}

export interface PageIndex {
  description: string;
  headings: HeadingLabel[];
  /** Equation id → its number ("2.1"). */
  equations: Record<string, string>;
  /** Figure id → its number and the component that draws it. */
  figures: Record<string, { number: string; kind: string }>;
}

export type BookIndex = Record<Lang, Record<string, PageIndex>>;
