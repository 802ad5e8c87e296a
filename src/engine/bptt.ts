/**
 * Backpropagation through time: the backward driver. It unrolls any cell over T steps in
 * either direction, layer by layer from the top, and records the total dL/dh_t (and dL/dc_t)
 * reaching every state.
 *
 * Truncation (`truncate: k`, k ≥ 1), applied per layer and direction: the gradient that arrives
 * at a layer's state h_s from outside the recurrence (dL/doutput at s, from the layer above,
 * or grad_h_n / grad_c_n at the last step) flows back through at most k steps of that layer:
 * it reaches the step computations s, s−1, …, s−k+1 (their parameters and inputs) and the
 * states h_s … h_{s−k} (h_{s−k} = h0 when s−k+1 = 0), and stops there. k ≥ T is full BPTT.
 * Processing order s is the direction's own (reverse direction: s = T−1−t).
 */

import type { DirCtx } from './cells/types.ts';
import { addColSum, scratchT } from './cells/types.ts';
import type { Network, Trace } from './network.ts';
import type { RnnParams } from './params.ts';
import { shapeString, type Tensor } from './tensor.ts';
import { zeroBackward } from './workspace.ts';

export interface Upstream {
  /** dL/doutput (T, B, H·D); omitted = zeros. */
  gradOutput?: Tensor | null;
  /** dL/dh_n (L·D, B, H); omitted = zeros. */
  gradHN?: Tensor | null;
  /** dL/dc_n (L·D, B, H), LSTM only; omitted = zeros. */
  gradCN?: Tensor | null;
}

export interface BackwardOptions {
  /** Truncated BPTT over k steps (see the module comment); omitted = full BPTT. */
  truncate?: number;
}

export interface BackwardResult {
  /** dL/dparam, the same typed record shape as net.params. */
  readonly params: RnnParams;
  /** dL/dinput (T, B, I), or null for token input. */
  readonly input: Tensor | null;
  /** dL/dh0 and dL/dc0 (L·D, B, H) (c0: LSTM only). */
  readonly h0: Tensor;
  readonly c0: Tensor | null;
  /** Per layer/direction, time-indexed (T, B, H): total dL/dh_t and (LSTM) dL/dc_t. */
  readonly dh: Tensor[][];
  readonly dc: Tensor[][] | null;
}

function checkShape(name: string, t: Tensor, shape: number[]): void {
  const ok = t.shape.length === shape.length && t.shape.every((v, i) => v === shape[i]);
  if (!ok)
    throw new Error(`backward: ${name} has shape ${shapeString(t.shape)}, expected ${shapeString(shape)}`);
}

/** Backward through one layer/direction, full BPTT: each step adds into the previous state's row. */
function fullDirection(net: Network, k: DirCtx, lstm: boolean): void {
  const { T } = k;
  const cell = net.cell;
  const dummy = k.carry[2];
  for (let s = T - 1; s >= 0; s--) {
    const t = k.dir === 0 ? s : T - 1 - s;
    const prev = k.dir === 0 ? t : t + 1;
    const cur = k.dir === 0 ? t + 1 : t;
    const dcIn = lstm ? k.dcV[cur] : dummy;
    const dcOut = lstm ? k.dcV[prev] : dummy;
    cell.backwardStep(k, t, prev, cur, k.dhV[cur], dcIn, k.dhV[prev], dcOut, 1);
  }
}

/** Truncated BPTT: every injected gradient is carried back through at most `K` steps. */
function truncatedDirection(net: Network, k: DirCtx, lstm: boolean, K: number, src: Float64Array[]): void {
  const { T, B, H } = k;
  const n = B * H;
  const cell = net.cell;
  const [hSrc, cSrc] = src;
  for (let s = T - 1; s >= 0; s--) {
    let hIn = k.carry[0];
    let hOut = k.carry[1];
    let cIn = k.carry[2];
    let cOut = k.carry[3];
    let any = false;
    for (let i = 0; i < n; i++) {
      hIn[i] = hSrc[s * n + i];
      cIn[i] = cSrc[s * n + i];
      if (hIn[i] !== 0 || cIn[i] !== 0) any = true;
    }
    if (!any) continue;
    const jEnd = Math.max(0, s - K + 1);
    let prev = 0;
    for (let j = s; j >= jEnd; j--) {
      const t = k.dir === 0 ? j : T - 1 - j;
      prev = k.dir === 0 ? t : t + 1;
      const cur = k.dir === 0 ? t + 1 : t;
      const dhRow = k.dhV[cur];
      for (let i = 0; i < n; i++) dhRow[i] += hIn[i];
      cell.backwardStep(k, t, prev, cur, hIn, cIn, hOut, cOut, 0);
      if (lstm) {
        const dcRow = k.dcV[cur];
        for (let i = 0; i < n; i++) dcRow[i] += cIn[i];
      }
      [hIn, hOut] = [hOut, hIn];
      [cIn, cOut] = [cOut, cIn];
    }
    const dhRow = k.dhV[prev];
    for (let i = 0; i < n; i++) dhRow[i] += hIn[i];
    if (lstm) {
      const dcRow = k.dcV[prev];
      for (let i = 0; i < n; i++) dcRow[i] += cIn[i];
    }
  }
}

/**
 * Backpropagate `upstream` through the `trace` of `net`. Returns gradients for every
 * parameter, the input and h0/c0, and the per-step dL/dh_t, dL/dc_t. The result's tensors
 * are views into the trace's workspace (valid until the next backward on it).
 */
export function backward(
  net: Network,
  trace: Trace,
  upstream: Upstream = {},
  options: BackwardOptions = {},
): BackwardResult {
  if (trace.net !== net) throw new Error('backward: the trace was made by another network');
  if (trace.ws.freed)
    throw new Error('backward: the trace was released (releaseTrace/releaseWorkspace/dispose)');
  const c = net.config;
  const ws = trace.ws;
  const { T, B } = trace;
  const H = c.hiddenSize;
  const D = c.directions;
  const L = c.numLayers;
  const lstm = c.mode === 'LSTM';
  const K = options.truncate;
  if (K !== undefined && !(Number.isInteger(K) && K >= 1)) {
    throw new Error(`backward: truncate must be a positive integer, got ${K}`);
  }
  const truncated = K !== undefined && K < T;
  const { gradOutput, gradHN, gradCN } = upstream;
  if (gradOutput) checkShape('gradOutput', gradOutput, [T, B, H * D]);
  if (gradHN) checkShape('gradHN', gradHN, [L * D, B, H]);
  if (gradCN) {
    if (!lstm) throw new Error(`backward: gradCN given for mode ${c.mode}`);
    checkShape('gradCN', gradCN, [L * D, B, H]);
  }
  zeroBackward(ws);
  if (gradOutput) for (let i = 0; i < ws.gOut.length; i++) ws.gOut[i] = gradOutput.data[i];
  else ws.gOut.fill(0);
  const n = B * H;
  // per-step injected gradients in processing order (truncated mode only)
  const src = truncated ? [new Float64Array(T * n), new Float64Array(T * n)] : [];
  for (let l = L - 1; l >= 0; l--) {
    const G = l === L - 1 ? ws.gOut : ws.dX[l + 1];
    const X = l === 0 ? ws.x : ws.out[l - 1];
    for (let d = 0; d < D; d++) {
      const k = ws.dirs[l][d];
      const fin = d === 0 ? T : 0;
      const sOff = (l * D + d) * n;
      if (D === 1 && !truncated) k.dh.set(G.subarray(0, T * n), n);
      else
        for (let t = 0; t < T; t++) {
          const s = d === 0 ? t : T - 1 - t;
          const row = truncated ? src[0].subarray(s * n, (s + 1) * n) : k.dhV[d === 0 ? t + 1 : t];
          for (let b = 0; b < B; b++) {
            const o = (t * B + b) * H * D + d * H;
            for (let j = 0; j < H; j++) row[b * H + j] = G[o + j];
          }
        }
      const hLast = truncated ? src[0].subarray((T - 1) * n, T * n) : k.dhV[fin];
      if (gradHN) for (let i = 0; i < n; i++) hLast[i] += gradHN.data[sOff + i];
      if (truncated) {
        src[1].fill(0);
        if (gradCN) for (let i = 0; i < n; i++) src[1][(T - 1) * n + i] = gradCN.data[sOff + i];
        truncatedDirection(net, k, lstm, K, src);
      } else {
        if (gradCN) for (let i = 0; i < n; i++) k.dcV[fin][i] = gradCN.data[sOff + i];
        fullDirection(net, k, lstm);
      }
      inputSideGrads(k, X, l === 0 && trace.tokenInput ? ws.tokens : null, ws.dX[l], d);
      net.cell.recurrentGrads(k);
      const h0Row = d === 0 ? 0 : T;
      ws.gH0.data.set(k.dhV[h0Row], sOff);
      if (lstm) ws.gC0.data.set(k.dcV[h0Row], sOff);
    }
  }
  const timeView = (buf: Float32Array | Float64Array, d: number): Tensor => ({
    shape: [T, B, H],
    data: d === 0 ? buf.subarray(n, (T + 1) * n) : buf.subarray(0, T * n),
  });
  return {
    params: ws.grads,
    input: trace.tokenInput ? null : { shape: [T, B, c.inputSize], data: ws.dX[0] },
    h0: ws.gH0,
    c0: lstm ? ws.gC0 : null,
    dh: ws.dirs.map((row) => row.map((k) => timeView(k.dh, k.dir))),
    dc: lstm ? ws.dirs.map((row) => row.map((k) => timeView(k.dc, k.dir))) : null,
  };
}

/** dW_ih += dPreXᵀ X, db_ih += Σ dPreX, dX (+)= dPreX W_ih — one gemm each over all T·B rows. */
function inputSideGrads(
  k: DirCtx,
  X: Float32Array | Float64Array,
  tokens: Int32Array | null,
  dX: Float32Array | Float64Array,
  d: number,
): void {
  const { T, B, GH, I } = k;
  const TB = T * B;
  const gW = k.g.wIh.data;
  if (tokens) {
    // one-hot x: dW_ih[:, tok] += dPreX row (scatter instead of a product with zeros)
    const I1 = I;
    if (TB >= I1) {
      // many rows: accumulate dW_ihᵀ (I, GH) with contiguous row adds, then add its transpose once;
      // db_ih is the column sum of those I rows (instead of all T·B rows)
      const gT = scratchT(k);
      gT.fill(0);
      const dP = k.dPreX;
      const act = k.act;
      if (!act?.scatterRows(dP as Float32Array, TB, tokens, gT as Float32Array, GH)) {
        for (let r = 0; r < TB; r++) {
          const s = tokens[r] * GH;
          const o = r * GH;
          for (let j = 0; j < GH; j++) gT[s + j] += dP[o + j];
        }
      }
      for (let j = 0; j < GH; j++) {
        const o = j * I;
        for (let i = 0; i < I; i++) gW[o + i] += gT[i * GH + j];
      }
      if (k.g.bIh) addColSum(k.g.bIh.data, gT, I, GH, GH);
      return;
    }
    for (let r = 0; r < TB; r++) {
      const tok = tokens[r];
      const o = r * GH;
      for (let j = 0; j < GH; j++) gW[j * I + tok] += k.dPreX[o + j];
    }
  } else {
    k.gemm(true, false, GH, I, TB, 1, k.dPreX, GH, X, I, 1, gW, I);
    k.gemm(false, false, TB, I, GH, 1, k.dPreX, GH, k.p.wIh.data, I, d === 0 ? 0 : 1, dX, I);
  }
  if (k.g.bIh) addColSum(k.g.bIh.data, k.dPreX, TB, GH, GH);
}
