/**
 * Per-step records for widgets: `traceStep(trace, l, d, t)` copies out what step t of layer l,
 * direction d saw and computed, with gates under the letters the text uses.
 * (The trace itself keeps whole-sequence buffers; these records are fresh copies.)
 */

import { layerInputSize } from './config.ts';
import type { Network, Trace } from './network.ts';
import type { FloatArray, Tensor } from './tensor.ts';
import { allocArray } from './tensor.ts';

export interface StepRecord {
  readonly layer: number;
  readonly dir: number;
  /** Time index t (the reverse direction visits t = T−1 … 0). */
  readonly t: number;
  /** x_t (B, I_l); one-hot rows for token input. */
  readonly x: Tensor;
  /** h_{t−1} (B, H): the state before this step (h0 at the first step of the direction). */
  readonly hPrev: Tensor;
  readonly cPrev: Tensor | null;
  /** Pre-activations (B, G·H), gate blocks in order (with peephole terms, GRU's r ⊙ (W_hn h + b_hn)). */
  readonly pre: Tensor;
  /** Activated gates (B, H) each: {h} (RNN, Jordan), {r, z, n} (GRU), {i, f, g, o} (LSTM). */
  readonly gates: Readonly<Record<string, Tensor>>;
  readonly c: Tensor | null;
  readonly h: Tensor;
  /** Jordan: the fed-back output y_{t−1} (B, O). */
  readonly yPrev: Tensor | null;
}

function copyRows(
  src: FloatArray,
  off: number,
  rows: number,
  width: number,
  stride: number,
  col = 0,
): Tensor {
  const out = allocArray(src instanceof Float32Array ? 'float32' : 'float64', rows * width);
  for (let r = 0; r < rows; r++)
    for (let j = 0; j < width; j++) out[r * width + j] = src[off + r * stride + col + j];
  return { shape: [rows, width], data: out };
}

export function traceStep(trace: Trace, layer: number, dir: number, t: number): StepRecord {
  const net: Network = trace.net;
  const c = net.config;
  const { T, B } = trace;
  if (layer < 0 || layer >= c.numLayers || dir < 0 || dir >= c.directions || t < 0 || t >= T) {
    throw new Error(`traceStep: no step (layer ${layer}, dir ${dir}, t ${t})`);
  }
  const k = trace.ws.dirs[layer][dir];
  const H = c.hiddenSize;
  const GH = k.GH;
  const I = layerInputSize(c, layer);
  const prev = dir === 0 ? t : t + 1;
  const cur = dir === 0 ? t + 1 : t;
  let x: Tensor;
  if (layer === 0 && trace.tokenInput) {
    const data = allocArray(c.dtype, B * I);
    for (let b = 0; b < B; b++) data[b * I + trace.ws.tokens[t * B + b]] = 1;
    x = { shape: [B, I], data };
  } else {
    x = copyRows(layer === 0 ? trace.ws.x : trace.ws.out[layer - 1], t * B * I, B, I, I);
  }
  const gates: Record<string, Tensor> = {};
  net.cell.gateNames.forEach((name, gi) => {
    gates[name] = copyRows(k.gates, t * B * GH, B, H, GH, gi * H);
  });
  const lstm = c.mode === 'LSTM';
  return {
    layer,
    dir,
    t,
    x,
    hPrev: copyRows(k.h, prev * B * H, B, H, H),
    cPrev: lstm ? copyRows(k.c, prev * B * H, B, H, H) : null,
    pre: copyRows(k.pre, t * B * GH, B, GH, GH),
    gates,
    c: lstm ? copyRows(k.c, cur * B * H, B, H, H) : null,
    h: copyRows(k.h, cur * B * H, B, H, H),
    yPrev: c.mode === 'JORDAN_TANH' ? copyRows(k.aux, t * B * k.O, B, k.O, k.O) : null,
  };
}
