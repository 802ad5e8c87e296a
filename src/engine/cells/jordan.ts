/**
 * Jordan network cell (JORDAN_TANH): the previous *output* is fed back, not the hidden state.
 *   y_{t−1} = W_hy h_{t−1} + b_y           (own output weights, size O; y_{−1} = W_hy h0 + b_y)
 *   h_t     = tanh(W_ih x_t + b_ih + W_yh y_{t−1} + b_hh)
 * W_yh (H, O) is stored in `wHh` (state_dict `weight_hh`), W_hy (O, H) in `wHy`, b_y in `bY`.
 * aux[t] holds y_{t−1}. The layer's output sequence is h (so layers stack as usual).
 */
import type { FloatArray } from '../tensor.ts';
import { addColSum, addRowBias, type Cell, type DirCtx } from './types.ts';

function forwardStep(k: DirCtx, t: number, prev: number, cur: number): void {
  const { B, H, O } = k;
  const y = k.auxV[t];
  const wHy = k.p.wHy!.data;
  // y_{t−1} = h_{t−1} W_hyᵀ + b_y
  k.gemm(false, true, B, O, H, 1, k.hV[prev], H, wHy, H, 0, y, O);
  if (k.p.bY) addRowBias(y, 0, B, O, k.p.bY.data);
  const pre = k.preV[t];
  // a_t += y_{t−1} W_yhᵀ + b_hh
  k.gemm(false, true, B, H, O, 1, y, O, k.p.wHh.data, O, 1, pre, H);
  if (k.p.bHh) addRowBias(pre, 0, B, H, k.p.bHh.data);
  const gates = k.gatesV[t];
  const h = k.hV[cur];
  const n = B * H;
  for (let i = 0; i < n; i++) {
    const v = Math.tanh(pre[i]);
    gates[i] = v;
    h[i] = v;
  }
}

function backwardStep(
  k: DirCtx,
  t: number,
  prev: number,
  cur: number,
  dhIn: FloatArray,
  _dcIn: FloatArray,
  dhOut: FloatArray,
  _dcOut: FloatArray,
  beta: number,
): void {
  const { B, H, O } = k;
  const n = B * H;
  const da = k.sx;
  const h = k.hV[cur];
  const dPre = k.dPreXV[t];
  for (let i = 0; i < n; i++) da[i] = dhIn[i] * (1 - h[i] * h[i]); // dtanh(a)/da = 1 − h²
  for (let i = 0; i < n; i++) dPre[i] += da[i];
  // dL/dy_{t−1} = da · W_yh
  const dy = k.tmp;
  k.gemm(false, false, B, O, H, 1, da, H, k.p.wHh.data, O, 0, dy, O);
  // dL/dW_hy += dyᵀ h_{t−1}; dL/db_y += Σ_b dy
  k.gemm(true, false, O, H, B, 1, dy, O, k.hV[prev], H, 1, k.g.wHy!.data, H);
  if (k.g.bY) addColSum(k.g.bY.data, dy, B, O, O);
  // dL/dh_{t−1} = dy · W_hy
  k.gemm(false, false, B, H, O, 1, dy, O, k.p.wHy!.data, H, beta, dhOut, H);
}

function recurrentGrads(k: DirCtx): void {
  const { T, B, H, O } = k;
  // dW_yh += dPreᵀ · y_prev over all steps; db_hh += Σ dPre
  k.gemm(true, false, H, O, T * B, 1, k.dPreH, H, k.aux, O, 1, k.g.wHh.data, O);
  if (k.g.bHh) addColSum(k.g.bHh.data, k.dPreH, T * B, H, H);
}

export const jordanCell: Cell = {
  gateNames: ['h'],
  auxWidth: (_H, O) => O,
  separateHiddenGrad: false,
  forwardStep,
  backwardStep,
  foldedBias: () => 0,
  recurrentGrads,
};
