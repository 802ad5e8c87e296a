/**
 * Buffers for one (T, B): sized once, reused by every forward/backward of that shape.
 * Nothing in the time loops allocates; all per-step matrices are precomputed subarray views.
 */
import type { Backend, Gemm } from './backend.ts';
import type { Cell, DirCtx } from './cells/types.ts';
import { layerInputSize, type ResolvedConfig } from './config.ts';
import { allocFloat, allocParams, type RnnParams } from './params.ts';
import type { FloatArray, Tensor } from './tensor.ts';

export interface Workspace {
  readonly T: number;
  readonly B: number;
  /** Layer-0 dense input (T,B,I) and token ids (T·B). */
  readonly x: FloatArray;
  readonly tokens: Int32Array;
  /** Output sequence of each layer (T,B,H·D). */
  readonly out: FloatArray[];
  /** dL/d(input of layer l) (T,B,I_l). */
  readonly dX: FloatArray[];
  /** Copy of the upstream gradient for the top layer's output. */
  readonly gOut: FloatArray;
  readonly dirs: DirCtx[][];
  readonly grads: RnnParams;
  readonly hN: Tensor;
  readonly cN: Tensor;
  readonly gH0: Tensor;
  readonly gC0: Tensor;
  /** @internal every array this workspace took from the backend (freed by `freeWorkspace`). */
  readonly owned: FloatArray[];
  /** @internal set once freed: using it again is an error. */
  freed: boolean;
}

function rows(buf: FloatArray, count: number, rowLen: number, start = 0): FloatArray[] {
  const out: FloatArray[] = [];
  for (let r = 0; r < count; r++) out.push(buf.subarray((start + r) * rowLen, (start + r + 1) * rowLen));
  return out;
}

export function createWorkspace(
  c: ResolvedConfig,
  cell: Cell,
  params: RnnParams,
  T: number,
  B: number,
  backend: Backend,
  gemm: Gemm,
): Workspace {
  const owned: FloatArray[] = [];
  const alloc = (n: number): FloatArray => {
    const a = allocFloat(c.dtype, n, backend);
    owned.push(a);
    return a;
  };
  const H = c.hiddenSize;
  const D = c.directions;
  const L = c.numLayers;
  const GH = c.gates * H;
  const O = c.mode === 'JORDAN_TANH' ? c.outputSize : 0;
  const TB = T * B;
  const grads = allocParams(c, backend);
  for (const row of grads) for (const p of row) for (const t of Object.values(p)) if (t) owned.push(t.data);
  const dirs: DirCtx[][] = [];
  for (let l = 0; l < L; l++) {
    const I = layerInputSize(c, l);
    const row: DirCtx[] = [];
    for (let d = 0; d < D; d++) {
      const auxWidth = cell.auxWidth(H, O);
      const pre = alloc(TB * GH);
      const gates = alloc(TB * GH);
      const aux = alloc(Math.max(1, TB * auxWidth));
      const h = alloc((T + 1) * B * H);
      const cs = alloc(c.mode === 'LSTM' ? (T + 1) * B * H : 1);
      const dPreX = alloc(TB * GH);
      const dPreH = cell.separateHiddenGrad ? alloc(TB * GH) : dPreX;
      const dh = alloc((T + 1) * B * H);
      const dc = alloc(c.mode === 'LSTM' ? (T + 1) * B * H : 1);
      const sx = alloc(B * GH);
      const sh = alloc(B * GH);
      const p = params[l][d];
      const g = grads[l][d];
      const prevStart = d === 0 ? 0 : 1;
      const lstm = c.mode === 'LSTM';
      const gru = c.mode === 'GRU';
      row.push({
        T,
        B,
        H,
        GH,
        I,
        O,
        dir: d as 0 | 1,
        relu: c.mode === 'RNN_RELU',
        resetBefore: c.gruResetBeforeMatmul,
        peephole: c.peephole,
        p,
        g,
        gemm,
        pre,
        gates,
        aux,
        auxWidth,
        h,
        c: cs,
        prevStart,
        preV: rows(pre, T, B * GH),
        gatesV: rows(gates, T, B * GH),
        auxV: rows(aux, T, B * auxWidth),
        hV: rows(h, T + 1, B * H),
        cV: lstm ? rows(cs, T + 1, B * H) : [],
        hPrevAll: h.subarray(prevStart * B * H, (prevStart + T) * B * H),
        sx,
        sh,
        sxN: gru ? sx.subarray(2 * H) : sx,
        shN: gru ? sh.subarray(2 * H) : sh,
        tmp: alloc(B * Math.max(H, O)),
        wHhN: gru ? p.wHh.data.subarray(2 * H * H) : p.wHh.data,
        gWhhN: gru ? g.wHh.data.subarray(2 * H * H) : g.wHh.data,
        dPreX,
        dPreH,
        dPreXV: rows(dPreX, T, B * GH),
        dPreHV: rows(dPreH, T, B * GH),
        dh,
        dc,
        dhV: rows(dh, T + 1, B * H),
        dcV: lstm ? rows(dc, T + 1, B * H) : [],
        carry: [alloc(B * H), alloc(B * H), alloc(B * H), alloc(B * H)],
        fast: c.dtype === 'float32',
        act: c.dtype === 'float32' ? (backend.cellsF32 ?? null) : null,
        biasFolded: p.bHh ? cell.foldedBias(H) : 0,
        scratchT: null,
        alloc,
      });
    }
    dirs.push(row);
  }
  const out: FloatArray[] = [];
  const dX: FloatArray[] = [];
  for (let l = 0; l < L; l++) {
    out.push(alloc(TB * H * D));
    dX.push(alloc(TB * layerInputSize(c, l)));
  }
  const stateShape = [L * D, B, H];
  const state = (): Tensor => ({ shape: stateShape, data: alloc(L * D * B * H) });
  return {
    T,
    B,
    x: alloc(TB * c.inputSize),
    tokens: tokenBuffer(alloc(TB)),
    out,
    dX,
    gOut: alloc(TB * H * D),
    dirs,
    grads,
    hN: state(),
    cN: state(),
    gH0: state(),
    gC0: state(),
    owned,
    freed: false,
  };
}

/** Token ids live in the backend's storage (so wasm kernels can read them): an Int32 view on it. */
function tokenBuffer(a: FloatArray): Int32Array {
  return new Int32Array(a.buffer, a.byteOffset, a.length);
}

/** Return a workspace's storage to the backend (arena backends); its traces become invalid. */
export function freeWorkspace(ws: Workspace, backend: Backend): void {
  if (ws.freed) return;
  ws.freed = true;
  if (backend.freeF32) for (const a of ws.owned) if (a instanceof Float32Array) backend.freeF32(a);
  ws.owned.length = 0;
}

/** Zero every gradient and backward buffer of a workspace. */
export function zeroBackward(ws: Workspace): void {
  for (const layer of ws.grads)
    for (const p of layer) for (const t of Object.values(p)) if (t) t.data.fill(0);
  for (const row of ws.dirs) {
    for (const k of row) {
      k.dPreX.fill(0);
      k.dPreH.fill(0);
      k.dh.fill(0);
      k.dc.fill(0);
    }
  }
}
