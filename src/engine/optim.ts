/**
 * Optimizers and gradient clipping, as torch.optim.SGD / Adam (no weight decay) and
 * torch.nn.utils.clip_grad_norm_. They update parameter tensors in place; `params[i]` pairs
 * with `grads[i]`. Scalar arithmetic is float64; results are stored in the tensors' dtype.
 */
import type { FloatArray, Tensor } from './tensor.ts';

export interface Optimizer {
  /** One update of every parameter from its gradient. */
  step(params: readonly Tensor[], grads: readonly Tensor[]): void;
  /** Forget the state (momentum buffers, Adam moments and step count). */
  reset(): void;
}

function checkPairs(params: readonly Tensor[], grads: readonly Tensor[]): void {
  if (params.length !== grads.length)
    throw new Error(`optimizer: ${params.length} params but ${grads.length} grads`);
  for (let i = 0; i < params.length; i++) {
    if (params[i].data.length !== grads[i].data.length)
      throw new Error(`optimizer: param ${i} and its grad differ in size`);
  }
}

/** SGD: p ← p − lr·g; with momentum μ: buf ← μ·buf + g (buf = g at the first step), p ← p − lr·buf. */
export function createSgd(options: { lr: number; momentum?: number }): Optimizer {
  const mu = options.momentum ?? 0;
  let bufs: Float64Array[] | null = null;
  return {
    step(params, grads) {
      checkPairs(params, grads);
      const first = bufs === null;
      if (mu !== 0 && bufs === null) bufs = params.map((p) => new Float64Array(p.data.length));
      for (let i = 0; i < params.length; i++) {
        const p = params[i].data;
        const g = grads[i].data;
        if (mu === 0 || !bufs) {
          for (let j = 0; j < p.length; j++) p[j] -= options.lr * g[j];
        } else {
          const b = bufs[i];
          for (let j = 0; j < p.length; j++) {
            b[j] = first ? g[j] : mu * b[j] + g[j];
            p[j] -= options.lr * b[j];
          }
        }
      }
    },
    reset() {
      bufs = null;
    },
  };
}

/**
 * Adam: m ← β1 m + (1−β1) g; v ← β2 v + (1−β2) g²;
 * p ← p − (lr / (1−β1^s)) · m / (√v / √(1−β2^s) + ε)   (PyTorch's evaluation order).
 */
export function createAdam(options: { lr: number; betas?: [number, number]; eps?: number }): Optimizer {
  const [b1, b2] = options.betas ?? [0.9, 0.999];
  const eps = options.eps ?? 1e-8;
  let m: Float64Array[] | null = null;
  let v: Float64Array[] | null = null;
  let s = 0;
  return {
    step(params, grads) {
      checkPairs(params, grads);
      if (!m || !v) {
        m = params.map((p) => new Float64Array(p.data.length));
        v = params.map((p) => new Float64Array(p.data.length));
      }
      s += 1;
      const bc1 = 1 - b1 ** s;
      const bc2sqrt = Math.sqrt(1 - b2 ** s);
      const stepSize = options.lr / bc1;
      for (let i = 0; i < params.length; i++) {
        const p = params[i].data;
        const g = grads[i].data;
        const mi = m[i];
        const vi = v[i];
        for (let j = 0; j < p.length; j++) {
          mi[j] = b1 * mi[j] + (1 - b1) * g[j];
          vi[j] = b2 * vi[j] + (1 - b2) * g[j] * g[j];
          p[j] -= (stepSize * mi[j]) / (Math.sqrt(vi[j]) / bc2sqrt + eps);
        }
      }
    },
    reset() {
      m = null;
      v = null;
      s = 0;
    },
  };
}

/** Global L2 norm over all gradients, √(Σ g²), accumulated in float64. */
export function globalNorm(grads: readonly (Tensor | FloatArray)[]): number {
  let s = 0;
  for (const t of grads) {
    const g = 'data' in t ? t.data : t;
    for (let j = 0; j < g.length; j++) s += g[j] * g[j];
  }
  return Math.sqrt(s);
}

/**
 * torch.nn.utils.clip_grad_norm_: N = global norm; coef = maxNorm / (N + 1e-6);
 * if coef < 1 every gradient is scaled by coef. Returns N, the norm before clipping.
 */
export function clipGradNorm(grads: readonly Tensor[], maxNorm: number): number {
  const total = globalNorm(grads);
  const coef = maxNorm / (total + 1e-6);
  if (coef < 1) for (const t of grads) for (let j = 0; j < t.data.length; j++) t.data[j] *= coef;
  return total;
}
