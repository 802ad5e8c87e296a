/**
 * Elman RNN cell (PyTorch RNN_TANH / RNN_RELU):
 *   a_t = W_ih x_t + b_ih + W_hh h_{t−1} + b_hh
 *   h_t = tanh(a_t)   or   max(0, a_t)
 */
import type { FloatArray } from '../tensor.ts';
import { addRowBias, type Cell, type DirCtx, standardRecurrentGrads, tanh32 } from './types.ts';

function forwardStep(k: DirCtx, t: number, prev: number, cur: number): void {
  const { B, H } = k;
  const pre = k.preV[t];
  // a_t += h_{t−1} W_hhᵀ (+ b_hh); pre[t] already holds W_ih x_t + b_ih.
  k.gemm(false, true, B, H, H, 1, k.hV[prev], H, k.p.wHh.data, H, 1, pre, H);
  if (k.p.bHh && k.biasFolded < H) addRowBias(pre, 0, B, H, k.p.bHh.data);
  const gates = k.gatesV[t];
  const h = k.hV[cur];
  const n = B * H;
  if (k.relu) {
    for (let i = 0; i < n; i++) {
      const a = pre[i];
      const v = a > 0 ? a : 0;
      gates[i] = v;
      h[i] = v;
    }
  } else if (k.fast) {
    const i0 = k.act ? k.act.tanh2(pre as Float32Array, gates as Float32Array, h as Float32Array, n) : 0;
    for (let i = i0; i < n; i++) {
      const v = tanh32(pre[i]);
      gates[i] = v;
      h[i] = v;
    }
  } else {
    for (let i = 0; i < n; i++) {
      const v = Math.tanh(pre[i]);
      gates[i] = v;
      h[i] = v;
    }
  }
}

function backwardStep(
  k: DirCtx,
  t: number,
  _prev: number,
  cur: number,
  dhIn: FloatArray,
  _dcIn: FloatArray,
  dhOut: FloatArray,
  _dcOut: FloatArray,
  beta: number,
): void {
  const { B, H } = k;
  const n = B * H;
  const da = k.sx;
  const dPre = k.dPreXV[t];
  const h = k.hV[cur];
  if (k.relu) {
    const pre = k.preV[t];
    // d max(0,a)/da = 1 if a > 0 else 0 (PyTorch's choice at the kink)
    for (let i = 0; i < n; i++) da[i] = pre[i] > 0 ? dhIn[i] : 0;
  } else {
    // d tanh(a)/da = 1 − tanh²(a) = 1 − h²
    for (let i = 0; i < n; i++) da[i] = dhIn[i] * (1 - h[i] * h[i]);
  }
  for (let i = 0; i < n; i++) dPre[i] += da[i];
  // dL/dh_{t−1} = da · W_hh
  k.gemm(false, false, B, H, H, 1, da, H, k.p.wHh.data, H, beta, dhOut, H);
}

export const rnnCell: Cell = {
  gateNames: ['h'],
  auxWidth: () => 0,
  separateHiddenGrad: false,
  forwardStep,
  backwardStep,
  recurrentGrads: standardRecurrentGrads,
  foldedBias: (H) => H,
};
