/**
 * The cell's equations in the book's notation (row vectors, d2l), one line per sub-step, with every
 * symbol tagged by the part of the cell diagram it names (`data-part`), so that pointing at a symbol
 * can light the diagram and show the live value, and the other way round.
 */
import { tagPart } from '../../viz/linkedMath';
import type { CellKind } from './model';

export interface EquationLine {
  /** Sub-step (phase) that computes this line. */
  phase: number;
  lhs: string;
  rhs: string;
}

/** A symbol tagged with a diagram part. */
const s = tagPart;

const X = s('x', '\\Xt');
const Hp = s('h_prev', '\\Hprev');
const sig = '\\sigma';

function gateLine(
  phase: number,
  lhsPart: string,
  lhs: string,
  g: string,
  letter: string,
  fn = sig,
): EquationLine {
  return {
    phase,
    lhs: s(lhsPart, lhs),
    rhs: `${fn}\\big(${X}\\, ${s(`W_x${g}`, `\\mathbf{W}_{x${letter}}`)} + ${Hp}\\, ${s(`W_h${g}`, `\\mathbf{W}_{h${letter}}`)} + ${s(`b_${g}`, `\\mathbf{b}_{${letter}}`)}\\big)`,
  };
}

export function equationLines(cell: CellKind): EquationLine[] {
  if (cell === 'rnn')
    return [
      {
        phase: 0,
        lhs: s('h', '\\Ht'),
        rhs: `\\tanh\\big(${s('a', `${X}\\, ${s('W_xh', '\\Wxh')} + ${Hp}\\, ${s('W_hh', '\\Whh')} + ${s('b_h', '\\bh')}`)}\\big)`,
      },
    ];
  if (cell === 'jordan') {
    const O = s('y_prev', '\\mathbf{O}_{t-1}');
    return [
      { phase: 0, lhs: O, rhs: `${Hp}\\, ${s('W_hq', '\\Whq')} + ${s('b_q', '\\bq')}` },
      {
        phase: 1,
        lhs: s('h', '\\Ht'),
        rhs: `\\tanh\\big(${s('a', `${X}\\, ${s('W_xh', '\\Wxh')} + ${O}\\, ${s('W_yh', '\\mathbf{W}_{qh}')} + ${s('b_h', '\\bh')}`)}\\big)`,
      },
    ];
  }
  if (cell === 'gru') {
    const R = s('gate:r', '\\Rt');
    const Z = s('gate:z', '\\Zt');
    const N = s('gate:n', '\\Htilde');
    return [
      gateLine(0, 'gate:r', '\\Rt', 'r', 'r'),
      gateLine(0, 'gate:z', '\\Zt', 'z', 'z'),
      {
        phase: 1,
        lhs: N,
        rhs: `\\tanh\\big(${X}\\, ${s('W_in', '\\Wxh')} + ${s('b_in', '\\mathbf{b}_{xh}')} + ${s(
          'op:r*(W_hn h)',
          `${R} \\odot (${Hp}\\, ${s('W_hn', '\\Whh')} + ${s('b_hn', '\\mathbf{b}_{hh}')})`,
        )}\\big)`,
      },
      {
        phase: 2,
        lhs: s('h', '\\Ht'),
        rhs: `${s('op:z*h', `${Z} \\odot ${Hp}`)} + ${s('op:(1-z)*n', `${s('op:1-z', `(1 - ${Z})`)} \\odot ${N}`)}`,
      },
    ];
  }
  const C = s('c', '\\Ct');
  return [
    gateLine(0, 'gate:i', '\\It', 'i', 'i'),
    gateLine(0, 'gate:f', '\\Ft', 'f', 'f'),
    gateLine(0, 'gate:o', '\\mathbf{O}_t', 'o', 'o'),
    gateLine(1, 'gate:g', '\\Ctilde', 'g', 'c', '\\tanh'),
    {
      phase: 2,
      lhs: C,
      rhs: `${s('op:f*c', `${s('gate:f', '\\Ft')} \\odot ${s('c_prev', '\\mathbf{C}_{t-1}')}`)} + ${s('op:i*g', `${s('gate:i', '\\It')} \\odot ${s('gate:g', '\\Ctilde')}`)}`,
    },
    {
      phase: 3,
      lhs: s('h', '\\Ht'),
      rhs: `${s('gate:o', '\\mathbf{O}_t')} \\odot ${s('op:tanh(c)', `\\tanh(${C})`)}`,
    },
  ];
}

/** The backward pass: what one step passes back (generic, plus the vanilla RNN's explicit form). */
export function backwardLines(cell: CellKind, fromAbove: string): EquationLine[] {
  const lines: EquationLine[] = [
    {
      phase: 0,
      lhs: s('grad', '\\frac{\\partial L}{\\partial \\Hprev}'),
      rhs: `${s('grad', '\\frac{\\partial L}{\\partial \\Ht}')}\\, \\frac{\\partial \\Ht}{\\partial \\Hprev} + \\big(\\text{${fromAbove}}\\big)`,
    },
  ];
  if (cell === 'rnn')
    lines.push({
      phase: 0,
      lhs: '\\frac{\\partial \\Ht}{\\partial \\Hprev}',
      rhs: `\\operatorname{diag}\\big(1 - ${s('h', '\\Ht')}^{2}\\big)\\, ${s('W_hh', '\\Whh')}^{\\top}`,
    });
  return lines;
}
