/**
 * A recurrent stack like nn.RNN/GRU/LSTM(input_size, hidden_size, num_layers, bias,
 * bidirectional), time-major. `forward` runs it and returns a Trace of every step.
 */
import { type Backend, backendFor, type Gemm, gemmFor } from './backend.ts';
import { gruCell } from './cells/gru.ts';
import { jordanCell } from './cells/jordan.ts';
import { lstmCell } from './cells/lstm.ts';
import { rnnCell } from './cells/rnn.ts';
import { type Cell, type DirCtx, scratchT } from './cells/types.ts';
import { type ResolvedConfig, type RnnConfig, resolveConfig } from './config.ts';
import {
  allocParams,
  initUniform,
  type JsonTensor,
  loadStateDict,
  type RnnParams,
  stateDictOf,
} from './params.ts';
import type { Rng } from './random.ts';
import { type FloatArray, shapeString, type Tensor, type TokenInput } from './tensor.ts';
import { createWorkspace, freeWorkspace, type Workspace } from './workspace.ts';

export interface Network {
  readonly config: ResolvedConfig;
  readonly backend: Backend;
  /** Parameters, [layer][direction]; edit their data in place (optimizers do). */
  readonly params: RnnParams;
  /** @internal */ readonly cell: Cell;
  /** @internal */ readonly gemm: Gemm;
  /** @internal the workspace of the last (T, B) seen. */
  cache: Workspace | null;
  /** @internal cached workspaces, most recently used first (at most `workspaceCacheSize`). */
  pool?: Workspace[];
  /** @internal workspaces made for `{ fresh: true }` traces and not yet released. */
  freshSet?: Set<Workspace>;
  /** @internal set by `dispose`. */
  disposed?: boolean;
}

/**
 * How many (T, B) workspaces a network keeps cached (least recently used evicted and freed).
 * A trace stays valid until the next forward with its (T, B), or until this many other shapes
 * have been used since, or until `releaseWorkspace` / `dispose`.
 */
export const WORKSPACE_CACHE_SIZE = 4;

export function cellFor(c: ResolvedConfig): Cell {
  if (c.mode === 'GRU') return gruCell;
  if (c.mode === 'LSTM') return lstmCell;
  if (c.mode === 'JORDAN_TANH') return jordanCell;
  return rnnCell;
}

/**
 * Build a network. With `rng`, parameters are drawn as PyTorch does (U(−1/√H, 1/√H), state_dict
 * order); without, they are zero (load them with `fromStateDict`). Float32 networks take their
 * storage from `backend.allocF32` and do every matrix product with `backend.gemmF32`.
 */
export function createNetwork(config: RnnConfig, rng?: Rng, backend?: Backend): Network {
  const c = resolveConfig(config);
  const be = backendFor(c.dtype, backend);
  const params = allocParams(c, be);
  if (rng) initUniform(c, params, rng);
  return {
    config: c,
    backend: be,
    params,
    cell: cellFor(c),
    gemm: gemmFor(c.dtype, be),
    cache: null,
    pool: [],
    freshSet: new Set(),
    disposed: false,
  };
}

/**
 * Free the cached workspaces of `net` (all, or only the one for (T, B)): their storage goes back to
 * the backend's arena and traces made on them become invalid. The network stays usable; the next
 * forward allocates again.
 */
export function releaseWorkspace(net: Network, T?: number, B?: number): void {
  const pool = net.pool ?? [];
  const keep: Workspace[] = [];
  for (const ws of pool) {
    if (T === undefined || (ws.T === T && (B === undefined || ws.B === B))) freeWorkspace(ws, net.backend);
    else keep.push(ws);
  }
  net.pool = keep;
  net.cache = keep[0] ?? null;
}

/** Free the workspace behind a trace (cached or `{ fresh: true }`); the trace becomes invalid. */
export function releaseTrace(trace: Trace): void {
  const net = trace.net;
  const ws = trace.ws;
  net.freshSet?.delete(ws);
  if (net.pool?.includes(ws)) {
    net.pool = net.pool.filter((w) => w !== ws);
    net.cache = net.pool[0] ?? null;
  }
  freeWorkspace(ws, net.backend);
}

/**
 * Free everything the network owns (parameters, cached and fresh workspaces) back to its backend.
 * Needed with arena backends (the default wasm backend for float32): the arena is fixed-size and
 * is not garbage-collected. Afterwards the network and its traces must not be used. Idempotent.
 */
export function disposeNetwork(net: Network): void {
  if (net.disposed) return;
  releaseWorkspace(net);
  for (const ws of net.freshSet ?? []) freeWorkspace(ws, net.backend);
  net.freshSet?.clear();
  const free = net.backend.freeF32?.bind(net.backend);
  if (free && net.config.dtype === 'float32')
    for (const row of net.params)
      for (const p of row) for (const t of Object.values(p)) if (t) free(t.data as Float32Array);
  net.disposed = true;
}

/** Everything the forward pass computed. Tensors are views into workspace buffers: see README. */
export interface Trace {
  readonly net: Network;
  readonly T: number;
  readonly B: number;
  /** (T, B, H·D): the last layer's output, forward half first. */
  readonly output: Tensor;
  /** (L·D, B, H), layer-major then direction. */
  readonly hN: Tensor;
  /** (L·D, B, H) for LSTM, else null. */
  readonly cN: Tensor | null;
  /** Whether layer 0 read token ids (one-hot) instead of a dense input. */
  readonly tokenInput: boolean;
  /** @internal */ readonly ws: Workspace;
}

export interface ForwardOptions {
  /** Use new buffers instead of the network's cached workspace, so earlier traces stay valid. */
  fresh?: boolean;
}

function isTokens(x: Tensor | TokenInput): x is TokenInput {
  return 'tokens' in x;
}

/** The workspace for (T, B): the cached one when the shape matches, else a new one (cached). */
export function workspaceFor(net: Network, T: number, B: number, fresh = false): Workspace {
  if (net.disposed) throw new Error('forward: this network was disposed');
  const ws = net.cache;
  if (!fresh && ws && ws.T === T && ws.B === B) return ws;
  net.pool ??= ws ? [ws] : [];
  const pool = net.pool;
  if (!fresh) {
    const i = pool.findIndex((w) => w.T === T && w.B === B);
    if (i >= 0) {
      const hit = pool[i];
      pool.splice(i, 1);
      pool.unshift(hit);
      net.cache = hit;
      return hit;
    }
  }
  const made = createWorkspace(net.config, net.cell, net.params, T, B, net.backend, net.gemm);
  if (fresh) {
    // arena storage is tracked so that dispose(net) can return it; GC'd storage is not held
    if (net.backend.freeF32 && net.config.dtype === 'float32') {
      if (!net.freshSet) net.freshSet = new Set();
      net.freshSet.add(made);
    }
    return made;
  }
  pool.unshift(made);
  while (pool.length > WORKSPACE_CACHE_SIZE) freeWorkspace(pool.pop()!, net.backend);
  net.cache = made;
  return made;
}

function loadState(ws: Workspace, which: 'h' | 'c', s: Tensor | null | undefined, c: ResolvedConfig): void {
  const { B } = ws;
  const H = c.hiddenSize;
  const LD = c.numLayers * c.directions;
  if (s && (s.shape.length !== 3 || s.shape[0] !== LD || s.shape[1] !== B || s.shape[2] !== H)) {
    throw new Error(
      `forward: ${which}0 has shape ${shapeString(s.shape)}, expected ${shapeString([LD, B, H])}`,
    );
  }
  for (let l = 0; l < c.numLayers; l++) {
    for (let d = 0; d < c.directions; d++) {
      const k = ws.dirs[l][d];
      const row = (which === 'h' ? k.hV : k.cV)[d === 0 ? 0 : ws.T];
      const off = (l * c.directions + d) * B * H;
      for (let i = 0; i < B * H; i++) row[i] = s ? s.data[off + i] : 0;
    }
  }
}

/**
 * Input projection for all T steps at once: pre = X W_ihᵀ + b_ih (+ the first `biasFolded` columns
 * of b_hh, which enter every step additively), one gemm — or a gather of W_ih columns for tokens.
 */
function inputProjection(k: DirCtx, X: FloatArray, tokens: Int32Array | null): void {
  const { T, B, GH, I } = k;
  const TB = T * B;
  const w = k.p.wIh.data;
  const pre = k.pre;
  // the bias row added to every (t, b): b_ih + folded b_hh (k.sh is free scratch here)
  let bias: FloatArray | null = null;
  if (k.p.bIh) {
    bias = k.sh;
    const bi = k.p.bIh.data;
    for (let j = 0; j < GH; j++) bias[j] = bi[j];
    const nf = k.biasFolded;
    if (nf > 0) {
      const bh = k.p.bHh!.data;
      for (let j = 0; j < nf; j++) bias[j] += bh[j];
    }
  }
  if (tokens) {
    // one-hot x: row (t,b) of X W_ihᵀ is column tokens[t,b] of W_ih
    const act = k.act;
    if (act) {
      const bz = bias ?? k.sh.fill(0, 0, GH);
      const w32 = w as Float32Array;
      if (TB >= I) {
        const wT = scratchT(k) as Float32Array;
        if (
          act.transpose(w32, GH, I, I, wT) &&
          act.gatherRows(wT, GH, tokens, TB, pre as Float32Array, GH, bz as Float32Array)
        )
          return;
      } else if (act.gatherCols(w32, I, tokens, TB, pre as Float32Array, GH, bz as Float32Array)) return;
    }
    if (TB >= I) {
      // many rows: transpose W_ih once so that every gathered row is contiguous
      const wT = scratchT(k);
      for (let j = 0; j < GH; j++) {
        const o = j * I;
        for (let i = 0; i < I; i++) wT[i * GH + j] = w[o + i];
      }
      for (let r = 0; r < TB; r++) {
        const s = tokens[r] * GH;
        const o = r * GH;
        if (bias) for (let j = 0; j < GH; j++) pre[o + j] = wT[s + j] + bias[j];
        else for (let j = 0; j < GH; j++) pre[o + j] = wT[s + j];
      }
    } else {
      // few rows: walk W_ih row by row (each row's I values share a few cache lines)
      for (let j = 0; j < GH; j++) {
        const o = j * I;
        const bj = bias ? bias[j] : 0;
        for (let r = 0; r < TB; r++) pre[r * GH + j] = w[o + tokens[r]] + bj;
      }
    }
    return;
  }
  k.gemm(false, true, TB, GH, I, 1, X, I, w, I, 0, pre, GH);
  if (bias) {
    for (let r = 0; r < TB; r++) {
      const o = r * GH;
      for (let j = 0; j < GH; j++) pre[o + j] += bias[j];
    }
  }
}

/**
 * Run the stack on `input`: a dense (T, B, I) tensor or token ids {shape: [T, B], tokens}.
 * h0/c0 are (L·D, B, H) or omitted (zeros). Returns a Trace; with the default cached workspace
 * it stays valid until the next forward of this network with the same (T, B).
 */
export function forward(
  net: Network,
  input: Tensor | TokenInput,
  h0?: Tensor | null,
  c0?: Tensor | null,
  options: ForwardOptions = {},
): Trace {
  const c = net.config;
  const tok = isTokens(input);
  if (input.shape.length !== (tok ? 2 : 3) || (!tok && input.shape[2] !== c.inputSize)) {
    throw new Error(
      `forward: input has shape ${shapeString(input.shape)}, expected ${tok ? '[T, B] token ids' : `[T, B, ${c.inputSize}]`}`,
    );
  }
  const [T, B] = input.shape;
  if (!(T >= 1 && B >= 1)) throw new Error(`forward: empty input ${shapeString(input.shape)}`);
  const ws = workspaceFor(net, T, B, options.fresh);
  if (tok) {
    for (let i = 0; i < T * B; i++) {
      const v = input.tokens[i];
      if (!Number.isInteger(v) || v < 0 || v >= c.inputSize) {
        throw new Error(`forward: token ${v} at ${i} is outside [0, ${c.inputSize})`);
      }
      ws.tokens[i] = v;
    }
  } else {
    const src = input.data;
    if (src.length !== T * B * c.inputSize)
      throw new Error('forward: input data length does not match its shape');
    for (let i = 0; i < src.length; i++) ws.x[i] = src[i];
  }
  loadState(ws, 'h', h0, c);
  if (c.mode === 'LSTM') loadState(ws, 'c', c0, c);
  else if (c0) throw new Error(`forward: c0 given for mode ${c.mode}`);
  const H = c.hiddenSize;
  const D = c.directions;
  const cell = net.cell;
  for (let l = 0; l < c.numLayers; l++) {
    const X = l === 0 ? ws.x : ws.out[l - 1];
    const out = ws.out[l];
    for (let d = 0; d < D; d++) {
      const k = ws.dirs[l][d];
      inputProjection(k, X, l === 0 && tok ? ws.tokens : null);
      for (let s = 0; s < T; s++) {
        const t = d === 0 ? s : T - 1 - s;
        const prev = d === 0 ? t : t + 1;
        const cur = d === 0 ? t + 1 : t;
        cell.forwardStep(k, t, prev, cur);
      }
      // scatter h_t into the layer output's half d; final state into h_n
      if (D === 1) out.set(k.h.subarray(B * H, (T + 1) * B * H));
      else
        for (let t = 0; t < T; t++) {
          const h = k.hV[d === 0 ? t + 1 : t];
          for (let b = 0; b < B; b++) {
            const o = (t * B + b) * H * D + d * H;
            for (let j = 0; j < H; j++) out[o + j] = h[b * H + j];
          }
        }
      const fin = d === 0 ? T : 0;
      const off = (l * D + d) * B * H;
      ws.hN.data.set(k.hV[fin], off);
      if (c.mode === 'LSTM') ws.cN.data.set(k.cV[fin], off);
    }
  }
  return {
    net,
    T,
    B,
    output: { shape: [T, B, H * D], data: ws.out[c.numLayers - 1] },
    hN: ws.hN,
    cN: c.mode === 'LSTM' ? ws.cN : null,
    tokenInput: tok,
    ws,
  };
}

/** Export the parameters as PyTorch state_dict-named JSON tensors ({shape, data}), state_dict order. */
export function toStateDict(net: Network): Record<string, JsonTensor> {
  return stateDictOf(net.config, net.params);
}

/** Load PyTorch state_dict-named JSON tensors; throws on a missing/unexpected name or a wrong shape. */
export function fromStateDict(net: Network, dict: Record<string, unknown>): void {
  loadStateDict(net.config, net.params, dict);
}
