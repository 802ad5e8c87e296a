/**
 * Linear head and softmax cross-entropy (mean over N = T·B positions), forward and backward.
 *   logits = x Wᵀ + b;   loss = (1/N) Σ_n [logsumexp(logits_n) − logits_n[y_n]]
 *   dloss/dlogits_n = (softmax(logits_n) − onehot(y_n)) / N
 */
import { type Backend, type Gemm, gemmFor, tsBackend } from './backend.ts';
import { allocFloat } from './params.ts';
import type { Rng } from './random.ts';
import type { DType, FloatArray, Tensor } from './tensor.ts';

export interface LinearHead {
  readonly inFeatures: number;
  readonly outFeatures: number;
  /** (V, F) and (V,). */
  readonly weight: Tensor;
  readonly bias: Tensor;
  /** Gradients, same shapes (overwritten by headBackward). */
  readonly gradWeight: Tensor;
  readonly gradBias: Tensor;
  /** @internal */ readonly gemm: Gemm;
}

/** A head with nn.Linear's init U(−1/√F, 1/√F) (weight then bias) when `rng` is given, else zeros. */
export function createHead(
  inFeatures: number,
  outFeatures: number,
  options: { dtype?: DType; rng?: Rng; backend?: Backend } = {},
): LinearHead {
  const dtype = options.dtype ?? 'float64';
  const backend = options.backend ?? tsBackend;
  const t = (shape: number[]): Tensor => ({
    shape,
    data: allocFloat(
      dtype,
      shape.reduce((a, b) => a * b, 1),
      backend,
    ),
  });
  const head: LinearHead = {
    inFeatures,
    outFeatures,
    weight: t([outFeatures, inFeatures]),
    bias: t([outFeatures]),
    gradWeight: t([outFeatures, inFeatures]),
    gradBias: t([outFeatures]),
    gemm: gemmFor(dtype, backend),
  };
  const rng = options.rng;
  if (rng) {
    const k = 1 / Math.sqrt(inFeatures);
    for (let i = 0; i < head.weight.data.length; i++) head.weight.data[i] = rng.uniform(-k, k);
    for (let i = 0; i < head.bias.data.length; i++) head.bias.data[i] = rng.uniform(-k, k);
  }
  return head;
}

/** logits (N, V) = x (N, F) Wᵀ + b. */
export function headForward(head: LinearHead, x: FloatArray, N: number, logits: FloatArray): void {
  const { inFeatures: F, outFeatures: V } = head;
  head.gemm(false, true, N, V, F, 1, x, F, head.weight.data, F, 0, logits, V);
  const b = head.bias.data;
  for (let n = 0; n < N; n++) for (let v = 0; v < V; v++) logits[n * V + v] += b[v];
}

/**
 * Mean softmax cross-entropy of logits (N, V) against integer targets; when `dLogits` is given
 * it receives dloss/dlogits. Computed with the max subtracted (stable), accumulated in float64.
 */
export function softmaxCrossEntropy(
  logits: FloatArray,
  N: number,
  V: number,
  targets: ArrayLike<number>,
  dLogits: FloatArray | null = null,
): number {
  let total = 0;
  for (let n = 0; n < N; n++) {
    const o = n * V;
    const y = targets[n];
    if (!Number.isInteger(y) || y < 0 || y >= V)
      throw new Error(`softmaxCrossEntropy: target ${y} outside [0, ${V})`);
    let m = -Infinity;
    for (let v = 0; v < V; v++) if (logits[o + v] > m) m = logits[o + v];
    let z = 0;
    for (let v = 0; v < V; v++) z += Math.exp(logits[o + v] - m);
    const lse = m + Math.log(z);
    total += lse - logits[o + y];
    if (dLogits) {
      for (let v = 0; v < V; v++) dLogits[o + v] = Math.exp(logits[o + v] - lse) / N; // softmax / N
      dLogits[o + y] -= 1 / N; // − onehot / N
    }
  }
  return total / N;
}

/** dW = dLogitsᵀ x, db = Σ dLogits (overwritten); dx (N, F) = dLogits W when given. */
export function headBackward(
  head: LinearHead,
  x: FloatArray,
  N: number,
  dLogits: FloatArray,
  dx: FloatArray | null,
): void {
  const { inFeatures: F, outFeatures: V } = head;
  head.gemm(true, false, V, F, N, 1, dLogits, V, x, F, 0, head.gradWeight.data, F);
  const gb = head.gradBias.data;
  gb.fill(0);
  for (let n = 0; n < N; n++) for (let v = 0; v < V; v++) gb[v] += dLogits[n * V + v];
  if (dx) head.gemm(false, false, N, F, V, 1, dLogits, V, head.weight.data, F, 0, dx, F);
}
