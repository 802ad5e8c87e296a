/**
 * Conformance against the PyTorch fixtures (`rnn-fixture/1`, see shared/fixtures/README.md).
 * Pure: takes parsed JSON, returns one result per case. scripts/conformance.ts does the I/O.
 */
import { type Backend, backendFor } from './backend.ts';
import { backward } from './bptt.ts';
import type { Mode } from './config.ts';
import { createLanguageModel, disposeLanguageModel, lmFromStateDict, lmLossAndGrads } from './lm.ts';
import { createNetwork, disposeNetwork, forward, fromStateDict } from './network.ts';
import { clipGradNorm, createAdam, createSgd, globalNorm } from './optim.ts';
import { namedParams } from './params.ts';
import { type DType, norm2, type Tensor, tensor } from './tensor.ts';

export interface Tolerance {
  atol: number;
  rtol: number;
}

/** |a − b| ≤ atol + rtol·|b|, per the fixtures README §8. */
export const TOLERANCES: Record<DType, Tolerance> = {
  float64: { atol: 1e-6, rtol: 1e-5 },
  float32: { atol: 1e-4, rtol: 1e-3 },
};

export interface Worst {
  /** |a − b| at the worst element. */
  error: number;
  /** |a − b| / (atol + rtol·|b|): ≤ 1 passes. */
  ratio: number;
  /** e.g. `grads.weight_hh_l0[7]`. */
  where: string;
}

export interface CaseResult {
  name: string;
  kind: string;
  pass: boolean;
  /** The element closest to (or furthest past) the tolerance. */
  worst: Worst | null;
  /** Number of values compared. */
  compared: number;
  /** Why the case could not run, if it could not. */
  error?: string;
}

type Json = Record<string, unknown>;

class Comparator {
  worst: Worst | null = null;
  compared = 0;
  constructor(private readonly tol: Tolerance) {}
  values(where: string, got: ArrayLike<number>, want: ArrayLike<number>): void {
    if (got.length !== want.length)
      throw new Error(`${where}: engine has ${got.length} values, fixture ${want.length}`);
    for (let i = 0; i < want.length; i++) {
      const err = Math.abs(got[i] - want[i]);
      const ratio = Number.isNaN(err) ? Infinity : err / (this.tol.atol + this.tol.rtol * Math.abs(want[i]));
      this.compared++;
      if (!this.worst || ratio > this.worst.ratio)
        this.worst = { error: err, ratio, where: `${where}[${i}]` };
    }
  }
  scalar(where: string, got: number, want: unknown): void {
    this.values(where, [got], [num(want, where)]);
  }
  tensor(where: string, got: Tensor | null, want: unknown): void {
    const w = jsonTensor(want, where);
    if (!got) throw new Error(`${where}: the engine produced no value`);
    if (got.shape.join() !== w.shape.join()) {
      throw new Error(`${where}: engine shape [${got.shape.join(', ')}], fixture [${w.shape.join(', ')}]`);
    }
    this.values(where, got.data, w.data);
  }
}

function num(v: unknown, where: string): number {
  if (typeof v !== 'number') throw new Error(`${where}: expected a number`);
  return v;
}

function jsonTensor(v: unknown, where: string): { shape: number[]; data: number[] } {
  const t = v as { shape?: unknown; data?: unknown } | null;
  if (!t || !Array.isArray(t.shape) || !Array.isArray(t.data))
    throw new Error(`${where}: not a {shape, data} tensor`);
  return { shape: t.shape as number[], data: t.data as number[] };
}

function toTensor(v: unknown, where: string, dtype: DType): Tensor | null {
  if (v === null || v === undefined) return null;
  const t = jsonTensor(v, where);
  return tensor(t.shape, t.data, dtype);
}

function obj(v: unknown, where: string): Json {
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    throw new Error(`${where}: expected an object`);
  return v as Json;
}

function moduleConfig(m: Json, dtype: DType) {
  return {
    mode: m.mode as Mode,
    inputSize: num(m.input_size, 'module.input_size'),
    hiddenSize: num(m.hidden_size, 'module.hidden_size'),
    numLayers: num(m.num_layers, 'module.num_layers'),
    bias: m.bias as boolean,
    bidirectional: m.bidirectional as boolean,
    dtype,
  };
}

function runModuleOrVanish(f: Json, cmp: Comparator, dtype: DType, vanish: boolean, be: Backend): void {
  const net = createNetwork(moduleConfig(obj(f.module, 'module'), dtype), undefined, be);
  try {
    moduleOrVanish(net, f, cmp, dtype, vanish);
  } finally {
    disposeNetwork(net);
  }
}

function moduleOrVanish(
  net: ReturnType<typeof createNetwork>,
  f: Json,
  cmp: Comparator,
  dtype: DType,
  vanish: boolean,
): void {
  fromStateDict(net, obj(f.params, 'params'));
  const lstm = net.config.mode === 'LSTM';
  const h0 = toTensor(f.h0, 'h0', dtype);
  const c0 = toTensor(f.c0, 'c0', dtype);
  const tr = forward(net, toTensor(f.input, 'input', dtype)!, h0, c0);
  cmp.tensor('output', tr.output, f.output);
  cmp.tensor('h_n', tr.hN, f.h_n);
  if (lstm) cmp.tensor('c_n', tr.cN, f.c_n);
  let loss = 0;
  const up = vanish
    ? { gradHN: { shape: [1, 1, net.config.hiddenSize], data: toTensor(f.g, 'g', dtype)!.data } }
    : {
        gradOutput: toTensor(f.grad_output, 'grad_output', dtype),
        gradHN: toTensor(f.grad_h_n, 'grad_h_n', dtype),
        gradCN: lstm ? toTensor(f.grad_c_n, 'grad_c_n', dtype) : null,
      };
  const dot = (a: Tensor | null, b: Tensor | null | undefined): number => {
    let s = 0;
    if (a && b) for (let i = 0; i < a.data.length; i++) s += a.data[i] * b.data[i];
    return s;
  };
  if (!vanish) loss = dot(tr.output, up.gradOutput) + dot(tr.hN, up.gradHN) + dot(tr.cN, up.gradCN);
  else loss = dot(tr.hN, up.gradHN);
  cmp.scalar('loss', loss, f.loss);
  const g = backward(net, tr, up);
  const grads = obj(f.grads, 'grads');
  const ours = new Map(
    (
      [
        ['input', g.input],
        ['h0', h0 ? g.h0 : null],
        ['c0', c0 ? g.c0 : null],
      ] as [string, Tensor | null][]
    ).filter(([, t]) => t !== null),
  );
  const named = namedParams(net.config, g.params);
  for (const [n, t] of named) ours.set(n, t);
  for (const name of Object.keys(grads)) {
    if (!ours.has(name)) throw new Error(`grads.${name}: the engine has no such gradient`);
    cmp.tensor(`grads.${name}`, ours.get(name) ?? null, grads[name]);
  }
  if (vanish) {
    const { T } = tr;
    const H = net.config.hiddenSize;
    const hn: number[] = [];
    const cn: number[] = [];
    for (let t = 0; t < T; t++) {
      hn.push(norm2(g.dh[0][0].data.subarray(t * H, (t + 1) * H)));
      if (g.dc) cn.push(norm2(g.dc[0][0].data.subarray(t * H, (t + 1) * H)));
    }
    cmp.values('hidden_grad_norms', hn, f.hidden_grad_norms as number[]);
    if (lstm) cmp.values('cell_grad_norms', cn, f.cell_grad_norms as number[]);
  }
}

function runLm(f: Json, cmp: Comparator, dtype: DType, be: Backend): void {
  const m = moduleConfig(obj(f.module, 'module'), dtype);
  const model = createLanguageModel({ ...m, vocabSize: num(f.vocab_size, 'vocab_size') }, undefined, be);
  try {
    lm(model, f, cmp);
  } finally {
    disposeLanguageModel(model);
  }
}

function lm(model: ReturnType<typeof createLanguageModel>, f: Json, cmp: Comparator): void {
  const params = obj(f.params, 'params');
  const tok = jsonTensor(f.tokens, 'tokens');
  const tokens = { shape: [tok.shape[0], tok.shape[1]] as [number, number], tokens: tok.data };
  const targets = jsonTensor(f.targets, 'targets').data;
  lmFromStateDict(model, params);
  const r = lmLossAndGrads(model, tokens, targets);
  cmp.scalar('loss', r.loss, f.loss);
  const grads = obj(f.grads, 'grads');
  r.names.forEach((n, i) => {
    cmp.tensor(`grads.${n}`, r.grads[i], grads[n]);
  });
  if (Object.keys(grads).length !== r.names.length)
    throw new Error('grads: fixture and engine name different parameters');
  const train = f.train as Json[];
  if (!Array.isArray(train)) throw new Error('train: expected a list');
  train.forEach((e, ti) => {
    lmFromStateDict(model, params);
    const lr = num(e.lr, 'lr');
    const opt =
      e.optimizer === 'sgd'
        ? createSgd({ lr })
        : e.optimizer === 'adam'
          ? createAdam({ lr, betas: e.betas as [number, number], eps: num(e.eps, 'eps') })
          : null;
    if (!opt) throw new Error(`train[${ti}]: unknown optimizer ${String(e.optimizer)}`);
    const steps = num(e.steps, 'steps');
    const losses: number[] = [];
    const norms: number[] = [];
    for (let s = 0; s < steps; s++) {
      const st = lmLossAndGrads(model, tokens, targets);
      losses.push(st.loss);
      const clip = e.clip_grad_norm;
      norms.push(typeof clip === 'number' ? clipGradNorm(st.grads, clip) : globalNorm(st.grads));
      opt.step(st.params, st.grads);
    }
    const tag = `train[${ti}] ${e.optimizer}`;
    cmp.values(`${tag} losses`, losses, e.losses as number[]);
    cmp.values(`${tag} grad_norms`, norms, e.grad_norms as number[]);
    const after = obj(e.params_after, 'params_after');
    r.names.forEach((n, i) => {
      cmp.tensor(`${tag} params_after.${n}`, r.params[i], after[n]);
    });
  });
}

/**
 * Run one parsed fixture file in the given precision. Never throws: failures are results.
 * `backend` does the float32 matrix products (default: `defaultBackend()`, the wasm SIMD kernel
 * where available; pass `tsBackend` for the pure TypeScript path); float64 ignores it.
 */
export function runFixture(
  json: unknown,
  dtype: DType = 'float64',
  fallbackName = '?',
  backend?: Backend,
): CaseResult {
  const be = backendFor(dtype, backend);
  const cmp = new Comparator(TOLERANCES[dtype]);
  let name = fallbackName;
  let kind = '?';
  try {
    const f = obj(json, 'fixture');
    name = typeof f.name === 'string' ? f.name : fallbackName;
    kind = typeof f.kind === 'string' ? f.kind : '?';
    if (f.format !== 'rnn-fixture/1') throw new Error(`unknown format ${String(f.format)}`);
    if (kind === 'module') runModuleOrVanish(f, cmp, dtype, false, be);
    else if (kind === 'vanish') runModuleOrVanish(f, cmp, dtype, true, be);
    else if (kind === 'lm') runLm(f, cmp, dtype, be);
    else throw new Error(`unknown kind ${kind}`);
    const pass = cmp.compared > 0 && cmp.worst !== null && cmp.worst.ratio <= 1;
    return { name, kind, pass, worst: cmp.worst, compared: cmp.compared };
  } catch (e) {
    return { name, kind, pass: false, worst: cmp.worst, compared: cmp.compared, error: (e as Error).message };
  }
}

/** One report line: `kind-name PASS worst 1.2e-9 (0.001 of tol) at grads.weight_hh_l0[3]`. */
export function formatResult(r: CaseResult): string {
  const head = `${r.kind}-${r.name} ${r.pass ? 'PASS' : 'FAIL'}`;
  const w = r.worst
    ? ` worst |a-b|=${r.worst.error.toExponential(2)} (${r.worst.ratio.toPrecision(3)}× tol) at ${r.worst.where}`
    : '';
  return `${head}${w}${r.error ? ` error: ${r.error}` : ''}`;
}
