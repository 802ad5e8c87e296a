/**
 * Linear head and softmax cross-entropy (mean over N = T·B positions), forward and backward.
 *   logits = x Wᵀ + b;   loss = (1/N) Σ_n [logsumexp(logits_n) − logits_n[y_n]]
 *   dloss/dlogits_n = (softmax(logits_n) − onehot(y_n)) / N
 */
import { type Backend, backendFor, type Gemm, gemmFor } from './backend.ts';
import { exp32 } from './cells/types.ts';
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
  /** @internal where the float32 storage came from (for disposeHead). */
  readonly backend?: Backend;
  /** @internal set by disposeHead. */
  disposed?: boolean;
}

/** Return a head's storage to its backend's arena (float32 on the wasm backend); idempotent. */
export function disposeHead(head: LinearHead): void {
  if (head.disposed) return;
  head.disposed = true;
  const be = head.backend;
  if (be?.freeF32 && head.weight.data instanceof Float32Array)
    for (const t of [head.weight, head.bias, head.gradWeight, head.gradBias])
      be.freeF32(t.data as Float32Array);
}

/** A head with nn.Linear's init U(−1/√F, 1/√F) (weight then bias) when `rng` is given, else zeros. */
export function createHead(
  inFeatures: number,
  outFeatures: number,
  options: { dtype?: DType; rng?: Rng; backend?: Backend } = {},
): LinearHead {
  const dtype = options.dtype ?? 'float64';
  const backend = backendFor(dtype, options.backend);
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
    backend,
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
  // float32 logits: exp to float32 accuracy (exp32), float64: Math.exp
  const ex = logits instanceof Float32Array ? exp32 : Math.exp;
  for (let n = 0; n < N; n++) {
    const o = n * V;
    const y = targets[n];
    if (!Number.isInteger(y) || y < 0 || y >= V)
      throw new Error(`softmaxCrossEntropy: target ${y} outside [0, ${V})`);
    let m = -Infinity;
    for (let v = 0; v < V; v++) if (logits[o + v] > m) m = logits[o + v];
    let z = 0;
    if (dLogits) {
      // one exp per logit: keep e^{l−m} in dLogits, then scale to softmax / N
      for (let v = 0; v < V; v++) {
        const e = ex(logits[o + v] - m);
        dLogits[o + v] = e;
        z += e;
      }
      const lse = m + Math.log(z);
      total += lse - logits[o + y];
      const inv = 1 / (z * N);
      for (let v = 0; v < V; v++) dLogits[o + v] *= inv; // softmax / N
      dLogits[o + y] -= 1 / N; // − onehot / N
    } else {
      for (let v = 0; v < V; v++) z += ex(logits[o + v] - m);
      total += m + Math.log(z) - logits[o + y];
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
