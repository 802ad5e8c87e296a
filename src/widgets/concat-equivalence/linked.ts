/**
 * The identity as linked math: every symbol of X W_xh + H W_hh = [X, H] [W_xh ; W_hh] is tagged with the
 * matrix of the figure it names, and the two products carry their live shape under a brace. Pure.
 */
import { type LinkedLine, tagPart as s } from '../../viz/linkedMath';
import type { Dims, Equivalence, Mat } from './model';

/** The figure's matrices, in the order they are drawn; each is a part the equation can name. */
export const CONCAT_PARTS = ['X', 'W_xh', 'H', 'W_hh', 'sum', 'XH', 'W', 'joint'] as const;
export type ConcatPart = (typeof CONCAT_PARTS)[number];

export const isConcatPart = (p: string | null): p is ConcatPart =>
  p !== null && (CONCAT_PARTS as readonly string[]).includes(p);

/** The matrix a part names. */
export function matrixOf(eq: Equivalence, part: ConcatPart): Mat {
  return {
    X: eq.X,
    W_xh: eq.Wxh,
    H: eq.H,
    W_hh: eq.Whh,
    sum: eq.separate,
    XH: eq.XH,
    W: eq.W,
    joint: eq.joint,
  }[part];
}

/** The shape in the book's letters. */
export const SYMBOLIC_SHAPE: Record<ConcatPart, string> = {
  X: 'n × d',
  W_xh: 'd × h',
  H: 'n × h',
  W_hh: 'h × h',
  sum: 'n × h',
  XH: 'n × (d + h)',
  W: '(d + h) × h',
  joint: 'n × h',
};

/** Plain-text names for accessible labels and the read-out. */
export const PART_NAME: Record<ConcatPart, string> = {
  X: 'X',
  W_xh: 'W_xh',
  H: 'H',
  W_hh: 'W_hh',
  sum: 'X W_xh + H W_hh',
  XH: '[X, H]',
  W: '[W_xh ; W_hh]',
  joint: '[X, H] [W_xh ; W_hh]',
};

/** The identity, one line; under each side a brace carries the product's live shape. */
export function identityLines(dims: Dims): LinkedLine[] {
  // the keyboard reads left to right, each product after its factors (KaTeX puts a brace's label first)
  const X = s('X', '\\mathbf{X}', 1);
  const Wxh = s('W_xh', '\\Wxh', 2);
  const H = s('H', '\\mathbf{H}', 3);
  const Whh = s('W_hh', '\\Whh', 4);
  const shape = `${dims.n} \\times ${dims.h}`;
  const XH = s('XH', `[\\mathbf{X},\\, \\mathbf{H}]`, 6);
  const W = s('W', `\\begin{bmatrix} \\Wxh \\\\ \\Whh \\end{bmatrix}`, 7);
  return [
    {
      rhs: `\\displaystyle\\underbrace{${X}\\, ${Wxh} + ${H}\\, ${Whh}}_{${s('sum', shape, 5)}} = \\underbrace{${XH}\\, ${W}}_{${s('joint', shape, 8)}}`,
    },
  ];
}
