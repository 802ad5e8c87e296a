/**
 * ∂L/∂W_hh as a sum over time, as linked math: every symbol of every term H_{t−1}ᵀ e_i (D_i W_hhᵀ) ⋯ D_t
 * is tagged with the term it belongs to and the node or edge of the graph it stands for, so pointing at
 * it can light the term's path through the graph and name the symbol's value. Pure.
 */
import { formatFixed } from '../../viz';
import { type LinkedLine, linePartsOf, tagPart } from '../../viz/linkedMath';
import type { Mat, Term, Vec, Walk } from './model';

/** A tagged symbol: a factor of the term (i, t), or the whole gradient. */
export type BpttSymbol =
  | { kind: 'sum' }
  | { kind: 'H'; i: number; t: number }
  | { kind: 'e'; i: number; t: number }
  | { kind: 'D'; i: number; t: number; j: number }
  | { kind: 'W'; i: number; t: number; j: number };

/** Part names: `dWhh`, or `T<i><t>.H`, `T<i><t>.e`, `T<i><t>.D<j>`, `T<i><t>.W<j>`. */
export function partName(s: BpttSymbol): string {
  if (s.kind === 'sum') return 'dWhh';
  const term = `T${s.i}${s.t}`;
  return s.kind === 'D' || s.kind === 'W' ? `${term}.${s.kind}${s.j}` : `${term}.${s.kind}`;
}

export function parsePart(part: string): BpttSymbol | null {
  if (part === 'dWhh') return { kind: 'sum' };
  const m = part.match(/^T(\d)(\d)\.(H|e|D|W)(\d)?$/);
  if (!m) return null;
  const i = Number(m[1]);
  const t = Number(m[2]);
  if (m[3] === 'H' || m[3] === 'e') return m[4] ? null : { kind: m[3], i, t };
  if (!m[4]) return null;
  return { kind: m[3] as 'D' | 'W', i, t, j: Number(m[4]) };
}

const s = (sym: BpttSymbol, tex: string) => tagPart(partName(sym), tex);

/** One term, its factors tagged: H_{t−1}ᵀ e_i (D_i W_hhᵀ) ⋯ (D_{t+1} W_hhᵀ) D_t, as `termTex` writes it. */
export function linkedTermTex({ i, t }: Pick<Term, 'i' | 't'>): string {
  let tex = `${s({ kind: 'H', i, t }, `\\mathbf{H}_{${t - 1}}^\\top`)} ${s({ kind: 'e', i, t }, `\\mathbf{e}_{${i}}`)}`;
  for (let j = i; j > t; j--)
    tex += ` ${s({ kind: 'D', i, t, j }, `\\mathbf{D}_{${j}}`)} ${s({ kind: 'W', i, t, j }, '\\Whh^\\top')}`;
  return `${tex} ${s({ kind: 'D', i, t, j: t }, `\\mathbf{D}_{${t}}`)}`;
}

/** The expansion as far as the backward pass has gone (all six terms at the end). */
export function expansionLines(terms: readonly Pick<Term, 'i' | 't'>[], total = 6): LinkedLine[] {
  return [
    {
      lhs: s({ kind: 'sum' }, '\\frac{\\partial L}{\\partial \\Whh}'),
      rhs: `${terms.map((x) => linkedTermTex(x)).join(' + ')}${terms.length < total ? ' + \\cdots' : ''}`,
    },
  ];
}

/** What a symbol lights in the graph: its own nodes and edges, and the path of its term. */
export interface GraphLink {
  nodes: string[];
  edges: string[];
  pathNodes: string[];
  pathEdges: string[];
}

/** The path of term (i, t): from the loss at step i down the recurrent edges to the use of W_hh at step t. */
export function termPath(i: number, t: number): { nodes: string[]; edges: string[] } {
  const nodes = ['L', `l${i}`, `o${i}`];
  const edges = [`L-l${i}`, `l${i}-o${i}`, `o${i}-h${i}`];
  for (let j = i; j >= t; j--) nodes.push(`h${j}`);
  for (let j = i; j > t; j--) edges.push(`h${j}-h${j - 1}`);
  nodes.push(`h${t - 1}`, 'Whh');
  edges.push(`h${t}-Whh`);
  return { nodes, edges };
}

export function graphLink(part: string, termsSoFar: readonly Pick<Term, 'i' | 't'>[]): GraphLink | null {
  const sym = parsePart(part);
  if (!sym) return null;
  if (sym.kind === 'sum') {
    const uses = [...new Set(termsSoFar.map((x) => x.t))];
    return { nodes: ['Whh'], edges: uses.map((t) => `h${t}-Whh`), pathNodes: [], pathEdges: [] };
  }
  const path = termPath(sym.i, sym.t);
  const own =
    sym.kind === 'H'
      ? { nodes: [`h${sym.t - 1}`], edges: [] }
      : sym.kind === 'e'
        ? { nodes: [`o${sym.i}`], edges: [`o${sym.i}-h${sym.i}`] }
        : sym.kind === 'D'
          ? { nodes: [`h${sym.j}`], edges: [] }
          : { nodes: ['Whh'], edges: [`h${sym.j}-h${sym.j - 1}`] };
  return { ...own, pathNodes: path.nodes, pathEdges: path.edges };
}

/** Every part the full expansion tags (T = 3, six terms). */
export function allParts(T = 3): string[] {
  const terms: Pick<Term, 'i' | 't'>[] = [];
  for (let t = T; t >= 1; t--) for (let i = t; i <= T; i++) terms.push({ i, t });
  return linePartsOf(expansionLines(terms));
}

// --- the live values ---------------------------------------------------------------------------
const num = (v: number) => formatFixed(v, 3);
export const vecValue = (v: readonly number[]) => `[${v.map(num).join(', ')}]`;
export const matValue = (m: Mat) => `[[${num(m[0])}, ${num(m[1])}], [${num(m[2])}, ${num(m[3])}]]`;

export interface SymbolText {
  H: (k: number, t: number, v: string) => string;
  e: (i: number, v: string) => string;
  D: (j: number, v: string) => string;
  W: (j: number, v: string) => string;
  term: (i: number, t: number, v: string) => string;
  sum: (n: number, v: string) => string;
}

/** The accessible name (and read-out) of a symbol: what it is, its value, and its term's value. */
export function describeSymbol(part: string, w: Walk, termsSoFar: readonly Term[], text: SymbolText): string {
  const sym = parsePart(part);
  if (!sym) return part;
  if (sym.kind === 'sum') {
    const sum = termsSoFar.reduce((a, b) => a.map((v, q) => v + b.value[q]) as Mat, [0, 0, 0, 0] as Mat);
    return text.sum(termsSoFar.length, matValue(sum));
  }
  const term = w.terms.find((x) => x.i === sym.i && x.t === sym.t);
  const d = (j: number): Vec => w.fwd.d[j - 1] as Vec;
  const Whh = w.problem.Whh;
  const own =
    sym.kind === 'H'
      ? text.H(sym.t - 1, sym.t, vecValue(w.fwd.h[sym.t - 1]))
      : sym.kind === 'e'
        ? text.e(sym.i, vecValue(w.e[sym.i - 1]))
        : sym.kind === 'D'
          ? text.D(sym.j, `diag(${d(sym.j).map(num).join(', ')})`)
          : text.W(sym.j, matValue([Whh[0], Whh[2], Whh[1], Whh[3]]));
  return term ? `${own}${text.term(sym.i, sym.t, matValue(term.value))}` : own;
}
