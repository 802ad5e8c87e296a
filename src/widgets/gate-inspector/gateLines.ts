/**
 * The gate equations of the inspected cell (PyTorch's GRU and LSTM, as the engine runs them), every gate
 * and state tagged with the strip of the figure that shows it, and the value a symbol has at a step and
 * unit. Pure.
 */
import { type LinkedLine, tagPart as s } from '../../viz/linkedMath';
import type { GateCell, Inspection, StripName } from './model';

/** A tagged symbol: a strip, or the previous step's state (the same strip one column to the left). */
export type GatePart = StripName | 'hprev' | 'cprev';

export const stripOf = (p: GatePart): StripName => (p === 'hprev' ? 'h' : p === 'cprev' ? 'c' : p);

const isStrip = (p: string): p is StripName => ['r', 'z', 'i', 'f', 'o', 'c', 'h'].includes(p);
export const isGatePart = (p: string | null): p is GatePart =>
  p !== null && (p === 'hprev' || p === 'cprev' || isStrip(p));

const X = '\\Xt';
const gate = (part: StripName, lhs: string, g: string, fn = '\\sigma') => ({
  lhs: s(part, lhs),
  rhs: `${fn}\\big(${X}\\, \\mathbf{W}_{x${g}} + ${s('hprev', '\\Hprev')}\\, \\mathbf{W}_{h${g}} + \\mathbf{b}_{${g}}\\big)`,
});

export function gateLines(cell: GateCell): LinkedLine[] {
  const H = s('h', '\\Ht');
  const Hp = s('hprev', '\\Hprev');
  if (cell === 'gru') {
    const R = s('r', '\\Rt');
    const Z = s('z', '\\Zt');
    return [
      gate('r', '\\Rt', 'r'),
      gate('z', '\\Zt', 'z'),
      {
        lhs: '\\Htilde',
        rhs: `\\tanh\\big(${X}\\, \\Wxh + \\mathbf{b}_{xh} + ${R} \\odot (${Hp}\\, \\Whh + \\mathbf{b}_{hh})\\big)`,
      },
      { lhs: H, rhs: `${Z} \\odot ${Hp} + (1 - ${Z}) \\odot \\Htilde` },
    ];
  }
  const C = s('c', '\\Ct');
  return [
    gate('i', '\\It', 'i'),
    gate('f', '\\Ft', 'f'),
    gate('o', '\\mathbf{O}_t', 'o'),
    {
      lhs: '\\Ctilde',
      rhs: `\\tanh\\big(${X}\\, \\mathbf{W}_{xc} + ${Hp}\\, \\mathbf{W}_{hc} + \\mathbf{b}_{c}\\big)`,
    },
    {
      lhs: C,
      rhs: `${s('f', '\\Ft')} \\odot ${s('cprev', '\\mathbf{C}_{t-1}')} + ${s('i', '\\It')} \\odot \\Ctilde`,
    },
    { lhs: H, rhs: `${s('o', '\\mathbf{O}_t')} \\odot \\tanh(${C})` },
  ];
}

/**
 * The value of a symbol at step `t` (0-based) and unit `u`; the previous state before the first step is
 * the initial state, zero.
 */
export function valueAt(result: Inspection, part: GatePart, t: number, u: number): number | null {
  const strip = result.strips[stripOf(part)];
  if (!strip || u < 0 || u >= result.H || t < 0 || t >= result.T) return null;
  const at = part === 'hprev' || part === 'cprev' ? t - 1 : t;
  return at < 0 ? 0 : strip[u * result.T + at];
}
