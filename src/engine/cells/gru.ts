/**
 * GRU cell, PyTorch gate blocks [r, z, n]:
 *   r = σ(W_ir x + b_ir + W_hr h_{t−1} + b_hr),  z = σ(W_iz x + b_iz + W_hz h_{t−1} + b_hz)
 *   n = tanh(W_in x + b_in + r ⊙ (W_hn h_{t−1} + b_hn))           (PyTorch, default)
 *   n = tanh(W_in x + b_in + W_hn (r ⊙ h_{t−1}) + b_hn)           (gruResetBeforeMatmul, d2l)
 *   h_t = (1 − z) ⊙ n + z ⊙ h_{t−1}
 * aux[t] holds W_hn h_{t−1} + b_hn (PyTorch) or r ⊙ h_{t−1} (d2l); pre[t] holds the full
 * pre-activations of r, z and n.
 */
import type { FloatArray } from '../tensor.ts';
import { addColSum, type Cell, type DirCtx, sigmoid, sigmoid32, tanh32 } from './types.ts';

function forwardStep(k: DirCtx, t: number, prev: number, cur: number): void {
  const { B, H, GH } = k;
  const pre = k.preV[t];
  const gates = k.gatesV[t];
  const aux = k.auxV[t];
  const hPrev = k.hV[prev];
  const h = k.hV[cur];
  const sh = k.sh;
  const bHh = k.p.bHh?.data;
  const H2 = 2 * H;
  // pre[t] holds W_ih x_t + b_ih, plus b_hr, b_hz when folded (k.biasFolded = 2H)
  const from = k.biasFolded;
  const sg = k.fast ? sigmoid32 : sigmoid;
  const tanh = k.fast ? tanh32 : Math.tanh;
  if (!k.resetBefore) {
    // sh = h_{t−1} W_hhᵀ + b_hh for all three blocks (minus the folded part)
    k.gemm(false, true, B, GH, H, 1, hPrev, H, k.p.wHh.data, H, 0, sh, GH);
    if (bHh) for (let b = 0; b < B; b++) for (let j = from; j < GH; j++) sh[b * GH + j] += bHh[j];
    const j0 = k.act
      ? k.act.gruForward(
          pre as Float32Array,
          sh as Float32Array,
          hPrev as Float32Array,
          gates as Float32Array,
          aux as Float32Array,
          h as Float32Array,
          B,
          H,
        )
      : 0;
    if (j0 === H) return;
    for (let b = 0; b < B; b++) {
      const r = b * GH;
      const s = b * H;
      for (let j = j0; j < H; j++) {
        const ar = pre[r + j] + sh[r + j];
        const az = pre[r + H + j] + sh[r + H + j];
        const rg = sg(ar);
        const zg = sg(az);
        pre[r + j] = ar;
        pre[r + H + j] = az;
        gates[r + j] = rg;
        gates[r + H + j] = zg;
        const hn = sh[r + H2 + j];
        aux[s + j] = hn;
        const a = pre[r + H2 + j] + rg * hn;
        pre[r + H2 + j] = a;
        const ng = tanh(a);
        gates[r + H2 + j] = ng;
        h[s + j] = (1 - zg) * ng + zg * hPrev[s + j];
      }
    }
    return;
  }
  // d2l variant: r and z blocks first; the n block needs r
  k.gemm(false, true, B, H2, H, 1, hPrev, H, k.p.wHh.data, H, 0, sh, GH);
  if (bHh && from < H2) for (let b = 0; b < B; b++) for (let j = from; j < H2; j++) sh[b * GH + j] += bHh[j];
  for (let b = 0; b < B; b++) {
    const r = b * GH;
    for (let j = 0; j < H2; j++) {
      const a = pre[r + j] + sh[r + j];
      pre[r + j] = a;
      gates[r + j] = sg(a);
    }
  }
  for (let b = 0; b < B; b++) {
    for (let j = 0; j < H; j++) aux[b * H + j] = gates[b * GH + j] * hPrev[b * H + j];
  }
  // sh[:, 2H:] = (r ⊙ h_{t−1}) W_hnᵀ + b_hn
  k.gemm(false, true, B, H, H, 1, aux, H, k.wHhN, H, 0, k.shN, GH);
  if (bHh) for (let b = 0; b < B; b++) for (let j = 0; j < H; j++) sh[b * GH + H2 + j] += bHh[H2 + j];
  for (let b = 0; b < B; b++) {
    const r = b * GH;
    const s = b * H;
    for (let j = 0; j < H; j++) {
      const zg = gates[r + H + j];
      const a = pre[r + H2 + j] + sh[r + H2 + j];
      pre[r + H2 + j] = a;
      const ng = tanh(a);
      gates[r + H2 + j] = ng;
      h[s + j] = (1 - zg) * ng + zg * hPrev[s + j];
    }
  }
}

function backwardStep(
  k: DirCtx,
  t: number,
  prev: number,
  _cur: number,
  dhIn: FloatArray,
  _dcIn: FloatArray,
  dhOut: FloatArray,
  _dcOut: FloatArray,
  beta: number,
): void {
  const { B, H, GH } = k;
  const H2 = 2 * H;
  const gates = k.gatesV[t];
  const aux = k.auxV[t];
  const hPrev = k.hV[prev];
  const sx = k.sx; // dL/da, input side
  const sh = k.sh; // dL/da, hidden side
  const dX = k.dPreXV[t];
  const dH = k.dPreHV[t];
  // PyTorch GRU in float32: fused SIMD kernel (also adds into dX, dH) for whole vectors of columns
  const j0 =
    k.act && !k.resetBefore
      ? k.act.gruBackward(
          gates as Float32Array,
          aux as Float32Array,
          hPrev as Float32Array,
          dhIn as Float32Array,
          sx as Float32Array,
          sh as Float32Array,
          dX as Float32Array,
          dH as Float32Array,
          B,
          H,
        )
      : 0;
  // n, z and the direct path first
  for (let b = 0; b < B; b++) {
    const r = b * GH;
    const s = b * H;
    for (let j = j0; j < H; j++) {
      const zg = gates[r + H + j];
      const ng = gates[r + H2 + j];
      const dh = dhIn[s + j];
      const dan = dh * (1 - zg) * (1 - ng * ng); // dh/dn = 1 − z; dtanh = 1 − n²
      const daz = dh * (hPrev[s + j] - ng) * zg * (1 - zg); // dh/dz = h_{t−1} − n
      sx[r + H + j] = daz;
      sx[r + H2 + j] = dan;
      sh[r + H + j] = daz;
      if (!k.resetBefore) {
        const rg = gates[r + j];
        sx[r + j] = dan * aux[s + j] * rg * (1 - rg); // da_n/dr = W_hn h + b_hn
        sh[r + j] = sx[r + j];
        sh[r + H2 + j] = dan * rg; // da_n/d(W_hn h + b_hn) = r
      } else {
        sh[r + H2 + j] = dan;
      }
    }
  }
  if (!k.resetBefore) {
    // dL/dh_{t−1} = sh · W_hh + dh ⊙ z
    k.gemm(false, false, B, H, GH, 1, sh, GH, k.p.wHh.data, H, beta, dhOut, H);
  } else {
    // d(r⊙h) = da_n · W_hn; dr = d(r⊙h) ⊙ h_{t−1}; dh_{t−1} gets d(r⊙h) ⊙ r
    const drh = k.tmp;
    k.gemm(false, false, B, H, H, 1, k.sxN, GH, k.wHhN, H, 0, drh, H);
    for (let b = 0; b < B; b++) {
      const r = b * GH;
      const s = b * H;
      for (let j = 0; j < H; j++) {
        const rg = gates[r + j];
        const dar = drh[s + j] * hPrev[s + j] * rg * (1 - rg);
        sx[r + j] = dar;
        sh[r + j] = dar;
      }
    }
    k.gemm(false, false, B, H, H2, 1, sh, GH, k.p.wHh.data, H, beta, dhOut, H);
    for (let b = 0; b < B; b++) {
      for (let j = 0; j < H; j++) dhOut[b * H + j] += drh[b * H + j] * gates[b * GH + j];
    }
  }
  for (let b = 0; b < B; b++) {
    for (let j = 0; j < H; j++) dhOut[b * H + j] += dhIn[b * H + j] * gates[b * GH + H + j]; // dh_t/dh_{t−1} ∋ z
  }
  // dPre += this step's dL/da (the kernel did columns < j0 of every gate block)
  for (let b = 0; b < B; b++) {
    for (let q = 0; q < 3; q++) {
      const o = b * GH + q * H;
      for (let j = j0; j < H; j++) {
        dX[o + j] += sx[o + j];
        dH[o + j] += sh[o + j];
      }
    }
  }
}

function recurrentGrads(k: DirCtx): void {
  const { T, B, H, GH } = k;
  const TB = T * B;
  if (!k.resetBefore) {
    k.gemm(true, false, GH, H, TB, 1, k.dPreH, GH, k.hPrevAll, H, 1, k.g.wHh.data, H);
  } else {
    // rows r, z pair with h_{t−1}; rows n pair with r ⊙ h_{t−1}
    k.gemm(true, false, 2 * H, H, TB, 1, k.dPreH, GH, k.hPrevAll, H, 1, k.g.wHh.data, H);
    k.gemm(true, false, H, H, TB, 1, k.dPreH.subarray(2 * H), GH, k.aux, H, 1, k.gWhhN, H);
  }
  if (k.g.bHh) addColSum(k.g.bHh.data, k.dPreH, TB, GH, GH);
}

export const gruCell: Cell = {
  gateNames: ['r', 'z', 'n'],
  auxWidth: (H) => H,
  separateHiddenGrad: true,
  forwardStep,
  backwardStep,
  recurrentGrads,
  foldedBias: (H) => 2 * H,
};
