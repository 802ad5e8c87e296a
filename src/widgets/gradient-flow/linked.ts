/**
 * Why gradients vanish or explode, as linked math: ‖∂L/∂h_t‖ through the product of step Jacobians
 * ∂h_T/∂h_t = ∏ diag(f′(a_s)) W_hhᵀ, bounded by σ_max^(T−t) and tracking ρ^(T−t). Each symbol is tagged
 * with what shows it in the figure (a chart, the eigenvalue plot, a control), and named with its live
 * value. Pure.
 */
import { type LinkedLine, tagPart as s } from '../../viz/linkedMath';
import type { Activation, FlowResult, NetKey } from './model';

export const FLOW_PARTS = ['dh', 'jac', 'fprime', 'Whh', 'rho', 'sigma'] as const;
export type FlowPart = (typeof FLOW_PARTS)[number];
export const isFlowPart = (p: string | null): p is FlowPart =>
  p !== null && (FLOW_PARTS as readonly string[]).includes(p);

/** What shows each part in the figure: the `data-link` names of charts, plot marks and controls. */
export const TARGETS: Record<FlowPart, readonly string[]> = {
  dh: ['norms-chart'],
  jac: ['jac-chart'],
  fprime: ['activation'],
  Whh: ['eigen'],
  rho: ['eigen-rho', 'radius', 'jac-chart'],
  sigma: ['jac-chart'],
};

/** The figure's target under the pointer or focus → the part it lights in the equation. */
export const PART_OF_TARGET: Record<string, FlowPart> = {
  'norms-chart': 'dh',
  'jac-chart': 'jac',
  activation: 'fprime',
  eigen: 'Whh',
  'eigen-rho': 'rho',
  radius: 'rho',
};

export const isLinked = (target: string, part: string | null) =>
  isFlowPart(part) && TARGETS[part].includes(target);

const jac = () => s('jac', '\\frac{\\partial \\mathbf{h}_T}{\\partial \\mathbf{h}_t}');
const norm = (tex: string) => `\\left\\| ${tex} \\right\\|`;

export function flowLines(): LinkedLine[] {
  return [
    {
      lhs: s('dh', norm('\\frac{\\partial L}{\\partial \\mathbf{h}_t}')),
      rhs: norm(`\\frac{\\partial L}{\\partial \\mathbf{h}_T}\\, ${jac()}`),
    },
    {
      lhs: jac(),
      rhs: `\\prod_{s=t+1}^{T} ${s('fprime', "\\diag\\big(f'(\\mathbf{a}_s)\\big)")}\\, ${s('Whh', '\\Whh')}^\\top`,
    },
    { lhs: norm(jac()), rel: '≤', rhs: `${s('sigma', '\\sigma_{\\max}')}^{\\,T-t}` },
    { lhs: norm(jac()), rel: '∼', rhs: `${s('rho', '\\rho')}^{\\,T-t}` },
  ];
}

export interface LinkedFlowText {
  label: string;
  hint: string;
  gated: string;
  dh: (net: string, T: number, atT: string, at1: string) => string;
  jac: (net: string, T: number, half: number, atHalf: string, at0: string) => string;
  fprime: Record<Activation, string>;
  Whh: (rho: string, sigma: string) => string;
  rho: (rho: string, T: number, power: string) => string;
  sigma: (sigma: string, T: number, power: string) => string;
}

/** The accessible name and read-out of a part, with the figure's live numbers. */
export function describeFlowPart(
  part: string,
  flow: FlowResult,
  selected: NetKey,
  activation: Activation,
  text: LinkedFlowText,
  netName: string,
  fmt: (v: number) => string,
): string {
  if (!isFlowPart(part)) return part;
  const { T } = flow.setup;
  const { radius: rho, singular } = flow.spectrum;
  const sigma = singular[0];
  const gated = selected === 'gru' || selected === 'lstm' ? text.gated : '';
  switch (part) {
    case 'dh': {
      const n = flow.cells[selected].dhNorm;
      return text.dh(netName, T, fmt(n[T - 1]), fmt(n[0]));
    }
    case 'jac': {
      const half = Math.floor(T / 2);
      return `${text.jac(netName, T, half, fmt(flow.jacobian[half]), fmt(flow.jacobian[0]))}${gated}`;
    }
    case 'fprime':
      return `${text.fprime[activation]}${gated}`;
    case 'Whh':
      return text.Whh(fmt(rho), fmt(sigma));
    case 'rho':
      return text.rho(fmt(rho), T, fmt(rho ** T));
    case 'sigma':
      return text.sigma(fmt(sigma), T, fmt(sigma ** T));
  }
}
