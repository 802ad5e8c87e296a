/**
 * LSTM cell, PyTorch gate blocks [i, f, g, o]:
 *   i = σ(a_i), f = σ(a_f), g = tanh(a_g), o = σ(a_o),  a = W_ih x + b_ih + W_hh h_{t−1} + b_hh
 *   c_t = f ⊙ c_{t−1} + i ⊙ g,   h_t = o ⊙ tanh(c_t)
 * Peephole option (Gers & Schmidhuber): a_i += w_ci ⊙ c_{t−1}, a_f += w_cf ⊙ c_{t−1}, a_o += w_co ⊙ c_t.
 */
import type { FloatArray } from '../tensor.ts';
import {
  addRowBias,
  type Cell,
  type DirCtx,
  sigmoid,
  sigmoid32,
  standardRecurrentGrads,
  tanh32,
} from './types.ts';

function forwardStep(k: DirCtx, t: number, prev: number, cur: number): void {
  const { B, H, GH } = k;
  const pre = k.preV[t];
  // pre[t] holds W_ih x_t + b_ih + b_hh (biases folded by the input projection); add h_{t−1} W_hhᵀ
  k.gemm(false, true, B, GH, H, 1, k.hV[prev], H, k.p.wHh.data, H, 1, pre, GH);
  if (k.p.bHh && k.biasFolded < GH) addRowBias(pre, 0, B, GH, k.p.bHh.data);
  const gates = k.gatesV[t];
  const tc = k.auxV[t];
  const cPrev = k.cV[prev];
  const c = k.cV[cur];
  const h = k.hV[cur];
  if (k.fast && !k.peephole) {
    // float32: the same equations with float32-accurate exp — fused SIMD kernel for whole vectors
    // of columns when the backend has one, these loops for the rest (see sigmoid32/tanh32)
    const j0 = k.act
      ? k.act.lstmForward(
          pre as Float32Array,
          cPrev as Float32Array,
          gates as Float32Array,
          c as Float32Array,
          tc as Float32Array,
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
        const ig = sigmoid32(pre[r + j]);
        const fg = sigmoid32(pre[r + H + j]);
        const gg = tanh32(pre[r + 2 * H + j]);
        const og = sigmoid32(pre[r + 3 * H + j]);
        const ct = fg * cPrev[s + j] + ig * gg;
        const th = tanh32(ct);
        gates[r + j] = ig;
        gates[r + H + j] = fg;
        gates[r + 2 * H + j] = gg;
        gates[r + 3 * H + j] = og;
        c[s + j] = ct;
        tc[s + j] = th;
        h[s + j] = og * th;
      }
    }
    return;
  }
  const sg = k.fast ? sigmoid32 : sigmoid;
  const tanh = k.fast ? tanh32 : Math.tanh;
  const wCi = k.p.wCi?.data;
  const wCf = k.p.wCf?.data;
  const wCo = k.p.wCo?.data;
  for (let b = 0; b < B; b++) {
    const r = b * GH;
    const s = b * H;
    for (let j = 0; j < H; j++) {
      const cp = cPrev[s + j];
      if (wCi && wCf) {
        pre[r + j] += wCi[j] * cp;
        pre[r + H + j] += wCf[j] * cp;
      }
      const ig = sg(pre[r + j]);
      const fg = sg(pre[r + H + j]);
      const gg = tanh(pre[r + 2 * H + j]);
      const ct = fg * cp + ig * gg;
      if (wCo) pre[r + 3 * H + j] += wCo[j] * ct;
      const og = sg(pre[r + 3 * H + j]);
      const th = tanh(ct);
      gates[r + j] = ig;
      gates[r + H + j] = fg;
      gates[r + 2 * H + j] = gg;
      gates[r + 3 * H + j] = og;
      c[s + j] = ct;
      tc[s + j] = th;
      h[s + j] = og * th;
    }
  }
}

function backwardStep(
  k: DirCtx,
  t: number,
  prev: number,
  cur: number,
  dhIn: FloatArray,
  dcIn: FloatArray,
  dhOut: FloatArray,
  dcOut: FloatArray,
  beta: number,
): void {
  const { B, H, GH } = k;
  const gates = k.gatesV[t];
  const tc = k.auxV[t];
  const cPrev = k.cV[prev];
  const c = k.cV[cur];
  const da = k.sx;
  const dPre = k.dPreXV[t];
  const wCi = k.p.wCi?.data;
  const wCf = k.p.wCf?.data;
  const wCo = k.p.wCo?.data;
  const gCi = k.g.wCi?.data;
  const gCf = k.g.wCf?.data;
  const gCo = k.g.wCo?.data;
  // float32 without peepholes: fused SIMD kernel for whole vectors of columns, this loop for the rest
  const j0 =
    k.act && !k.peephole
      ? k.act.lstmBackward(
          gates as Float32Array,
          tc as Float32Array,
          cPrev as Float32Array,
          dhIn as Float32Array,
          dcIn as Float32Array,
          dcOut as Float32Array,
          da as Float32Array,
          dPre as Float32Array,
          B,
          H,
          beta,
        )
      : 0;
  for (let b = 0; b < B; b++) {
    const r = b * GH;
    const s = b * H;
    for (let j = j0; j < H; j++) {
      const ig = gates[r + j];
      const fg = gates[r + H + j];
      const gg = gates[r + 2 * H + j];
      const og = gates[r + 3 * H + j];
      const th = tc[s + j];
      const dh = dhIn[s + j];
      const dao = dh * th * og * (1 - og); // dh/do = tanh(c); dσ(a)/da = σ(1 − σ)
      let dc = dcIn[s + j] + dh * og * (1 - th * th); // dh/dc = o ⊙ (1 − tanh²c)
      if (wCo && gCo) {
        dc += dao * wCo[j]; // a_o = … + w_co ⊙ c_t
        gCo[j] += dao * c[s + j];
      }
      dcIn[s + j] = dc;
      const cp = cPrev[s + j];
      const dai = dc * gg * ig * (1 - ig); // dc/di = g
      const daf = dc * cp * fg * (1 - fg); // dc/df = c_{t−1}
      const dag = dc * ig * (1 - gg * gg); // dc/dg = i; dtanh = 1 − g²
      let dcp = dc * fg; // dc_t/dc_{t−1} = f
      if (wCi && wCf && gCi && gCf) {
        dcp += dai * wCi[j] + daf * wCf[j];
        gCi[j] += dai * cp;
        gCf[j] += daf * cp;
      }
      dcOut[s + j] = beta * dcOut[s + j] + dcp;
      da[r + j] = dai;
      da[r + H + j] = daf;
      da[r + 2 * H + j] = dag;
      da[r + 3 * H + j] = dao;
      dPre[r + j] += dai;
      dPre[r + H + j] += daf;
      dPre[r + 2 * H + j] += dag;
      dPre[r + 3 * H + j] += dao;
    }
  }
  // dL/dh_{t−1} = da · W_hh
  k.gemm(false, false, B, H, GH, 1, da, GH, k.p.wHh.data, H, beta, dhOut, H);
}

export const lstmCell: Cell = {
  gateNames: ['i', 'f', 'g', 'o'],
  auxWidth: (H) => H,
  separateHiddenGrad: false,
  forwardStep,
  backwardStep,
  recurrentGrads: standardRecurrentGrads,
  foldedBias: (H) => 4 * H,
};
