/**
 * bptt-graph, the numbers: a three-step tanh RNN with one input, two hidden units and one output, in the
 * book's row-vector notation (A_t = x_t W_xh + H_{t−1} W_hh, H_t = tanh(A_t), o_t = H_t W_hq,
 * L = (1/3) Σ_t ½ (o_t − y_t)²). The forward pass and ∂L/∂H_t, ∂L/∂W_hh come from the engine (PyTorch
 * layout: W_ih = W_xhᵀ, W_hh(engine) = W_hhᵀ); the backward pass is replayed here one partial derivative
 * at a time, and ∂L/∂W_hh is expanded into the terms H_{t−1}ᵀ e_i M_{i,t} D_t, whose sum is checked
 * against the engine. Pure.
 */
import { backward, createNetwork, createRng, forward, tensor } from '../../engine';

export const T = 3;
export const H = 2;

/** A 2-vector (row) and a 2×2 matrix (row-major), in the book's orientation. */
export type Vec = [number, number];
export type Mat = [number, number, number, number];

export interface Problem {
  x: number[];
  y: number[];
  h0: Vec;
  Wxh: Vec;
  Whh: Mat;
  Whq: Vec;
}

const round1 = (v: number) => Math.round(v * 10) / 10 || 0.1; // never 0, so no term vanishes trivially

/** Seeded small numbers, rounded to one decimal so the reader can follow them. */
export function problemOf(seed: number): Problem {
  const rng = createRng(seed * 31 + 7);
  const u = (lo: number, hi: number) => round1(rng.uniform(lo, hi));
  return {
    x: [u(-1, 1), u(-1, 1), u(-1, 1)],
    y: [u(-1, 1), u(-1, 1), u(-1, 1)],
    h0: [u(-0.8, 0.8), u(-0.8, 0.8)],
    Wxh: [u(-1, 1), u(-1, 1)],
    Whh: [u(-1.2, 1.2), u(-1.2, 1.2), u(-1.2, 1.2), u(-1.2, 1.2)],
    Whq: [u(-1.2, 1.2), u(-1.2, 1.2)],
  };
}

// --- tiny algebra in the book's row-vector convention --------------------------------------------
export const vecMat = (v: Vec, m: Mat): Vec => [v[0] * m[0] + v[1] * m[2], v[0] * m[1] + v[1] * m[3]];
export const transpose = (m: Mat): Mat => [m[0], m[2], m[1], m[3]];
export const outer = (a: Vec, b: Vec): Mat => [a[0] * b[0], a[0] * b[1], a[1] * b[0], a[1] * b[1]];
export const addV = (a: Vec, b: Vec): Vec => [a[0] + b[0], a[1] + b[1]];
export const mulV = (a: Vec, b: Vec): Vec => [a[0] * b[0], a[1] * b[1]];
export const addM = (a: Mat, b: Mat): Mat => [a[0] + b[0], a[1] + b[1], a[2] + b[2], a[3] + b[3]];
export const scaleV = (a: Vec, s: number): Vec => [a[0] * s, a[1] * s];
const ZERO_M: Mat = [0, 0, 0, 0];

export interface Forward {
  /** H_0 … H_3 (index t). */
  h: Vec[];
  /** o_1 … o_3 at index t−1. */
  o: number[];
  /** ℓ_t at t−1 and L. */
  l: number[];
  L: number;
  /** diag(1 − H_t²) as a vector, t = 1 … 3 at index t−1. */
  d: Vec[];
}

/** The engine's view: forward states, and from backward the total ∂L/∂H_t and ∂L/∂W_hh (book layout). */
export interface EngineGrads {
  dH: Vec[];
  dWhh: Mat;
  dWxh: Vec;
}

export function runEngine(p: Problem): { fwd: Forward; engine: EngineGrads } {
  const net = createNetwork({ mode: 'RNN_TANH', inputSize: 1, hiddenSize: H, bias: false });
  const prm = net.params[0][0];
  prm.wIh.data.set([p.Wxh[0], p.Wxh[1]]); // (H, 1) = W_xhᵀ
  prm.wHh.data.set(transpose(p.Whh)); // engine h W_hhᵀ = book H W_hh
  const tr = forward(net, tensor([T, 1, 1], p.x), tensor([1, 1, H], p.h0), null, { fresh: true });
  const out = tr.output.data;
  const h: Vec[] = [p.h0, ...[0, 1, 2].map((t): Vec => [out[t * H], out[t * H + 1]])];
  const o = [1, 2, 3].map((t) => h[t][0] * p.Whq[0] + h[t][1] * p.Whq[1]);
  const l = o.map((v, k) => 0.5 * (v - p.y[k]) ** 2);
  const L = l.reduce((a, b) => a + b, 0) / T;
  const d = [1, 2, 3].map((t): Vec => [1 - h[t][0] ** 2, 1 - h[t][1] ** 2]);
  // upstream: ∂L/∂o_t W_hqᵀ = e_t, as dL/doutput
  const go = new Float64Array(T * H);
  for (let t = 0; t < T; t++) {
    const dO = (o[t] - p.y[t]) / T;
    go[t * H] = dO * p.Whq[0];
    go[t * H + 1] = dO * p.Whq[1];
  }
  const g = backward(net, tr, { gradOutput: tensor([T, 1, H], go) });
  const dh = g.dh[0][0].data;
  const w = g.params[0][0].wHh.data;
  const wi = g.params[0][0].wIh.data;
  return {
    fwd: { h, o, l, L, d },
    engine: {
      dH: [0, 1, 2].map((t): Vec => [dh[t * H], dh[t * H + 1]]),
      dWhh: transpose([w[0], w[1], w[2], w[3]]),
      dWxh: [wi[0], wi[1]],
    },
  };
}

/** One term H_{t−1}ᵀ e_i M_{i,t} D_t of ∂L/∂W_hh (t ≤ i), with i − t factors of W_hhᵀ. */
export interface Term {
  i: number;
  t: number;
  value: Mat;
}

export type StepKind = 'start' | 'dO' | 'dH' | 'delta' | 'dW' | 'check';

export interface Step {
  kind: StepKind;
  /** Time step (1-based) the partial belongs to; 0 for start/check. */
  t: number;
  /** Node ids newly computed / highlighted. */
  nodes: string[];
  /** Edge ids (backward) used. */
  edges: string[];
  /** Numbers of this step. */
  dO?: number;
  e?: Vec;
  fromFuture?: Vec;
  dH?: Vec;
  delta?: Vec;
  contribW?: Mat;
  contribWxh?: Vec;
  contribWhq?: Vec;
  /** Terms of the expansion that appear at this step. */
  terms?: Term[];
}

export interface Walk {
  problem: Problem;
  fwd: Forward;
  engine: EngineGrads;
  steps: Step[];
  /** e_t = ∂L/∂o_t W_hqᵀ, δ_t, ∂L/∂H_t, at index t−1. */
  e: Vec[];
  delta: Vec[];
  dH: Vec[];
  terms: Term[];
  /** Σ terms, the replayed Σ_t H_{t−1}ᵀ δ_t, and the largest difference to the engine's ∂L/∂W_hh. */
  sumTerms: Mat;
  sumDeltas: Mat;
  maxDiff: number;
  dWxh: Vec;
  dWhq: Vec;
}

/** Every partial of the backward pass in the order it is computed, with the engine's check. */
export function walk(p: Problem): Walk {
  const { fwd, engine } = runEngine(p);
  const WhhT = transpose(p.Whh);
  const dO = [0, 1, 2].map((k) => (fwd.o[k] - p.y[k]) / T);
  const e = dO.map((g): Vec => scaleV(p.Whq, g));
  const dH: Vec[] = [];
  const delta: Vec[] = [];
  const steps: Step[] = [{ kind: 'start', t: 0, nodes: ['L'], edges: [] }];
  let dWhh: Mat = ZERO_M;
  let dWxh: Vec = [0, 0];
  let dWhq: Vec = [0, 0];
  const terms: Term[] = [];
  for (let t = T; t >= 1; t--) {
    const k = t - 1;
    steps.push({
      kind: 'dO',
      t,
      nodes: [`o${t}`, 'Whq'],
      edges: [`L-l${t}`, `l${t}-o${t}`, `o${t}-Whq`],
      dO: dO[k],
      contribWhq: scaleV(fwd.h[t], dO[k]),
    });
    dWhq = addV(dWhq, scaleV(fwd.h[t], dO[k]));
    const fromFuture: Vec | undefined = t < T ? vecMat(delta[k + 1], WhhT) : undefined;
    dH[k] = fromFuture ? addV(e[k], fromFuture) : e[k];
    steps.push({
      kind: 'dH',
      t,
      nodes: [`h${t}`],
      edges: [`o${t}-h${t}`, ...(t < T ? [`h${t + 1}-h${t}`] : [])],
      e: e[k],
      fromFuture,
      dH: dH[k],
    });
    delta[k] = mulV(dH[k], fwd.d[k]);
    steps.push({ kind: 'delta', t, nodes: [`h${t}`], edges: [], dH: dH[k], delta: delta[k] });
    const contribW = outer(fwd.h[t - 1], delta[k]);
    const contribWxh = scaleV(delta[k], p.x[k]);
    dWhh = addM(dWhh, contribW);
    dWxh = addV(dWxh, contribWxh);
    // the expansion: H_{t−1}ᵀ e_i M_{i,t} D_t for i = t … T, M_{i,t} = (D_i W_hhᵀ) ⋯ (D_{t+1} W_hhᵀ)
    const newTerms: Term[] = [];
    for (let i = t; i <= T; i++) {
      let v: Vec = e[i - 1];
      for (let j = i; j > t; j--) v = vecMat(mulV(v, fwd.d[j - 1]), WhhT);
      v = mulV(v, fwd.d[t - 1]);
      newTerms.push({ i, t, value: outer(fwd.h[t - 1], v) });
    }
    terms.push(...newTerms);
    steps.push({
      kind: 'dW',
      t,
      nodes: ['Whh', 'Wxh'],
      edges: [`h${t}-Whh`, `h${t}-Wxh`],
      delta: delta[k],
      contribW,
      contribWxh,
      terms: newTerms,
    });
  }
  steps.push({ kind: 'check', t: 0, nodes: ['Whh'], edges: [] });
  const sumTerms = terms.reduce((a, b) => addM(a, b.value), ZERO_M);
  let maxDiff = 0;
  for (let q = 0; q < 4; q++) {
    maxDiff = Math.max(maxDiff, Math.abs(sumTerms[q] - engine.dWhh[q]), Math.abs(dWhh[q] - engine.dWhh[q]));
  }
  for (let k = 0; k < T; k++)
    for (let j = 0; j < H; j++) maxDiff = Math.max(maxDiff, Math.abs(dH[k][j] - engine.dH[k][j]));
  return {
    problem: p,
    fwd,
    engine,
    steps,
    e,
    delta,
    dH,
    terms,
    sumTerms,
    sumDeltas: dWhh,
    maxDiff,
    dWxh,
    dWhq,
  };
}
