/**
 * Finite-difference gradient checks, usable from tests and from the book.
 * Central differences: dL/dθ_i ≈ (L(θ + ε e_i) − L(θ − ε e_i)) / 2ε. Use float64 networks.
 */
import { backward, type Upstream } from './bptt.ts';
import { forward, type Network } from './network.ts';
import { namedParams } from './params.ts';
import type { Rng } from './random.ts';
import type { FloatArray, Tensor, TokenInput } from './tensor.ts';

export interface GradCheckOptions {
  /** Step ε (default 1e-6). */
  eps?: number;
  /** Pass when |analytic − numeric| ≤ atol + rtol·|numeric| (defaults 1e-7, 1e-5). */
  atol?: number;
  rtol?: number;
  /** Check at most this many entries per tensor, chosen with `rng` (default: all). */
  maxPerTensor?: number;
  rng?: Rng;
}

export interface GradCheckResult {
  ok: boolean;
  checked: number;
  maxAbsError: number;
  /** The worst entry relative to the tolerance. */
  worst: { name: string; index: number; analytic: number; numeric: number } | null;
}

export interface GradEntry {
  name: string;
  /** The values to perturb (in place, restored afterwards). */
  value: FloatArray;
  /** The analytic gradient to check (copy it if `loss()` would overwrite it). */
  grad: ArrayLike<number>;
}

/** Check analytic gradients of a scalar `loss()` against central differences. */
export function gradCheck(
  loss: () => number,
  entries: readonly GradEntry[],
  options: GradCheckOptions = {},
): GradCheckResult {
  const eps = options.eps ?? 1e-6;
  const atol = options.atol ?? 1e-7;
  const rtol = options.rtol ?? 1e-5;
  let worstRatio = -1;
  let worst: GradCheckResult['worst'] = null;
  let maxAbs = 0;
  let checked = 0;
  for (const e of entries) {
    const n = e.value.length;
    let idx = [...Array(n).keys()];
    if (options.maxPerTensor !== undefined && n > options.maxPerTensor) {
      const rng = options.rng;
      if (!rng) throw new Error('gradCheck: maxPerTensor needs an rng');
      idx = Array.from({ length: options.maxPerTensor }, () => rng.int(n));
    }
    for (const i of idx) {
      const old = e.value[i];
      e.value[i] = old + eps;
      const lp = loss();
      e.value[i] = old - eps;
      const lm = loss();
      e.value[i] = old;
      const numeric = (lp - lm) / (2 * eps);
      const analytic = e.grad[i];
      const err = Math.abs(analytic - numeric);
      const ratio = err / (atol + rtol * Math.abs(numeric));
      maxAbs = Math.max(maxAbs, err);
      checked++;
      if (ratio > worstRatio) {
        worstRatio = ratio;
        worst = { name: e.name, index: i, analytic, numeric };
      }
    }
  }
  return { ok: worstRatio <= 1, checked, maxAbsError: maxAbs, worst };
}

/**
 * Check every parameter, the (dense) input and h0/c0 of `net` under the loss
 * L = Σ output ⊙ gradOutput + Σ h_n ⊙ gradHN + Σ c_n ⊙ gradCN (upstream drawn from `rng` if omitted).
 */
export function gradCheckNetwork(
  net: Network,
  input: Tensor | TokenInput,
  args: { h0?: Tensor | null; c0?: Tensor | null; upstream?: Upstream; rng: Rng },
  options: GradCheckOptions = {},
): GradCheckResult {
  if (net.config.dtype !== 'float64') throw new Error('gradCheckNetwork: use a float64 network');
  const { h0 = null, c0 = null, rng } = args;
  const tr0 = forward(net, input, h0, c0);
  const rand = (t: Tensor | null): Tensor | null =>
    t && { shape: [...t.shape], data: Float64Array.from(t.data, () => rng.uniform(-1, 1)) };
  const up: Upstream = args.upstream ?? {
    gradOutput: rand(tr0.output),
    gradHN: rand(tr0.hN),
    gradCN: rand(tr0.cN),
  };
  const dot = (a: Tensor | null, b: Tensor | null | undefined): number => {
    let s = 0;
    if (a && b) for (let i = 0; i < a.data.length; i++) s += a.data[i] * b.data[i];
    return s;
  };
  const loss = (): number => {
    const tr = forward(net, input, h0, c0);
    return dot(tr.output, up.gradOutput) + dot(tr.hN, up.gradHN) + dot(tr.cN, up.gradCN);
  };
  const g = backward(net, forward(net, input, h0, c0), up);
  const entries: GradEntry[] = [];
  const gradNamed = namedParams(net.config, g.params);
  namedParams(net.config, net.params).forEach(([name, t], i) => {
    entries.push({ name, value: t.data, grad: Float64Array.from(gradNamed[i][1].data) });
  });
  if (!('tokens' in input) && g.input)
    entries.push({ name: 'input', value: input.data, grad: Float64Array.from(g.input.data) });
  if (h0) entries.push({ name: 'h0', value: h0.data, grad: Float64Array.from(g.h0.data) });
  if (c0 && g.c0) entries.push({ name: 'c0', value: c0.data, grad: Float64Array.from(g.c0.data) });
  return gradCheck(loss, entries, options);
}
