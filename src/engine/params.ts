/**
 * Typed parameter records. Inside the engine a layer/direction's parameters are fields
 * (wIh, wHh, ...); PyTorch state_dict names (`weight_ih_l0`, `bias_hh_l1_reverse`, ...) exist
 * only at the import/export edge (`paramNames`, `toStateDict`, `fromStateDict`).
 */
import type { Backend } from './backend.ts';
import { layerInputSize, type ResolvedConfig } from './config.ts';
import type { Rng } from './random.ts';
import { type DType, type FloatArray, sameShape, shapeString, sizeOf, type Tensor } from './tensor.ts';

/** Parameters of one layer and direction. Gate blocks are stacked rows of H: GRU [r,z,n], LSTM [i,f,g,o]. */
export interface DirParams {
  /** W_ih (G·H, I_l). */
  wIh: Tensor;
  /** W_hh (G·H, H); for JORDAN_TANH this is W_yh (H, O), applied to y_{t-1}. */
  wHh: Tensor;
  /** b_ih (G·H) or null when bias is off. */
  bIh: Tensor | null;
  /** b_hh (G·H) or null when bias is off. */
  bHh: Tensor | null;
  /** LSTM peepholes (H each): w_ci, w_cf act on c_{t-1}, w_co on c_t. */
  wCi: Tensor | null;
  wCf: Tensor | null;
  wCo: Tensor | null;
  /** JORDAN_TANH: W_hy (O, H) and b_y (O), y = W_hy h + b_y. */
  wHy: Tensor | null;
  bY: Tensor | null;
}

/** Parameters of a whole stack, indexed [layer][direction]. */
export type RnnParams = DirParams[][];

/** Field order = state_dict order within a layer/direction. */
export const DIR_FIELDS = ['wIh', 'wHh', 'bIh', 'bHh', 'wCi', 'wCf', 'wCo', 'wHy', 'bY'] as const;
export type DirField = (typeof DIR_FIELDS)[number];

const BASE_NAME: Record<DirField, string> = {
  wIh: 'weight_ih',
  wHh: 'weight_hh',
  bIh: 'bias_ih',
  bHh: 'bias_hh',
  wCi: 'weight_peephole_i',
  wCf: 'weight_peephole_f',
  wCo: 'weight_peephole_o',
  wHy: 'weight_hy',
  bY: 'bias_y',
};

/** The state_dict name of a field, e.g. ('wHh', 1, 1) → 'weight_hh_l1_reverse'. */
export function paramName(field: DirField, layer: number, dir: number): string {
  return `${BASE_NAME[field]}_l${layer}${dir === 1 ? '_reverse' : ''}`;
}

/** Shape of each present field for layer l (null: absent). */
export function fieldShapes(c: ResolvedConfig, l: number): Record<DirField, number[] | null> {
  const H = c.hiddenSize;
  const GH = c.gates * H;
  const jordan = c.mode === 'JORDAN_TANH';
  const O = c.outputSize;
  return {
    wIh: [GH, layerInputSize(c, l)],
    wHh: jordan ? [H, O] : [GH, H],
    bIh: c.bias ? [GH] : null,
    bHh: c.bias ? [GH] : null,
    wCi: c.peephole ? [H] : null,
    wCf: c.peephole ? [H] : null,
    wCo: c.peephole ? [H] : null,
    wHy: jordan ? [O, H] : null,
    bY: jordan && c.bias ? [O] : null,
  };
}

export function allocFloat(dtype: DType, length: number, backend: Backend): FloatArray {
  return dtype === 'float32' ? backend.allocF32(length) : new Float64Array(length);
}

/** Zero parameters of the right shapes (storage from backend.allocF32 for float32). */
export function allocParams(c: ResolvedConfig, backend: Backend): RnnParams {
  const out: RnnParams = [];
  for (let l = 0; l < c.numLayers; l++) {
    const shapes = fieldShapes(c, l);
    const row: DirParams[] = [];
    for (let d = 0; d < c.directions; d++) {
      const p = {} as Record<DirField, Tensor | null>;
      for (const f of DIR_FIELDS) {
        const s = shapes[f];
        p[f] = s ? { shape: s, data: allocFloat(c.dtype, sizeOf(s), backend) } : null;
      }
      row.push(p as unknown as DirParams);
    }
    out.push(row);
  }
  return out;
}

/** Every present parameter as [name, tensor], in state_dict order (layer, direction, field). */
export function namedParams(c: ResolvedConfig, params: RnnParams): [string, Tensor][] {
  const out: [string, Tensor][] = [];
  for (let l = 0; l < c.numLayers; l++) {
    for (let d = 0; d < c.directions; d++) {
      for (const f of DIR_FIELDS) {
        const t = params[l][d][f];
        if (t) out.push([paramName(f, l, d), t]);
      }
    }
  }
  return out;
}

/** PyTorch init: every parameter U(−1/√H, 1/√H), drawn in state_dict order, row-major. */
export function initUniform(c: ResolvedConfig, params: RnnParams, rng: Rng): void {
  const k = 1 / Math.sqrt(c.hiddenSize);
  for (const [, t] of namedParams(c, params)) {
    for (let i = 0; i < t.data.length; i++) t.data[i] = rng.uniform(-k, k);
  }
}

/** A tensor in the fixtures' JSON format. */
export interface JsonTensor {
  shape: number[];
  data: number[];
}

/** Export to a state_dict-shaped JSON object (name → {shape, data}) in state_dict order. */
export function stateDictOf(c: ResolvedConfig, params: RnnParams): Record<string, JsonTensor> {
  const out: Record<string, JsonTensor> = {};
  for (const [name, t] of namedParams(c, params))
    out[name] = { shape: [...t.shape], data: Array.from(t.data) };
  return out;
}

function isJsonTensor(v: unknown): v is { shape: unknown; data: unknown } {
  return typeof v === 'object' && v !== null && 'shape' in v && 'data' in v;
}

/**
 * Load a state_dict-shaped object into `params` (values converted to the params' dtype).
 * Throws a clear error on a missing or unexpected name, a wrong shape or a wrong data length.
 * `ignore(name)` lets callers skip names they handle themselves (e.g. `head.weight`).
 */
export function loadStateDict(
  c: ResolvedConfig,
  params: RnnParams,
  dict: Record<string, unknown>,
  ignore: (name: string) => boolean = () => false,
): void {
  const expected = namedParams(c, params);
  const names = new Set(expected.map(([n]) => n));
  const unknown = Object.keys(dict).filter((n) => !names.has(n) && !ignore(n));
  if (unknown.length > 0) {
    throw new Error(
      `state_dict: unexpected parameter(s) ${unknown.join(', ')} for a ${c.mode} network ` +
        `(expected ${[...names].join(', ')})`,
    );
  }
  for (const [name, t] of expected) {
    const v = dict[name];
    if (v === undefined)
      throw new Error(`state_dict: missing parameter ${name} (expected shape ${shapeString(t.shape)})`);
    if (!isJsonTensor(v) || !Array.isArray(v.shape))
      throw new Error(`state_dict: ${name} is not a {shape, data} tensor`);
    const shape = v.shape as number[];
    if (!sameShape(shape, t.shape)) {
      throw new Error(
        `state_dict: ${name} has shape ${shapeString(shape)}, expected ${shapeString(t.shape)}`,
      );
    }
    const data = v.data as ArrayLike<number>;
    if (data === null || typeof data !== 'object' || data.length !== t.data.length) {
      throw new Error(
        `state_dict: ${name} has ${data?.length ?? 0} values, shape ${shapeString(t.shape)} needs ${t.data.length}`,
      );
    }
    for (let i = 0; i < t.data.length; i++) {
      const x = data[i];
      if (typeof x !== 'number' || !Number.isFinite(x))
        throw new Error(`state_dict: ${name}[${i}] is not a finite number`);
      t.data[i] = x;
    }
  }
}
