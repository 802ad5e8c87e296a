/**
 * Every parameter of nn.RNN / nn.GRU / nn.LSTM for given settings, read from the engine's own parameter
 * records (the same `resolveConfig`, `fieldShapes` and `paramName` that `createNetwork` allocates and
 * `toStateDict` exports with), so the table cannot drift from the engine. Shapes only: nothing is allocated,
 * so large sizes are cheap. tests/widgets/param-shapes.test.ts checks it against createNetwork + namedParams.
 */
import type { Mode } from '../../engine';
import { resolveConfig } from '../../engine/config';
import { DIR_FIELDS, type DirField, fieldShapes, paramName } from '../../engine/params';

export type CellType = 'RNN' | 'GRU' | 'LSTM';

export interface ParamSettings {
  cell: CellType;
  inputSize: number;
  hiddenSize: number;
  numLayers: number;
  /** nn.RNN only. */
  nonlinearity: 'tanh' | 'relu';
  bias: boolean;
  bidirectional: boolean;
  /** Batch size for the h0 shape. */
  batch: number;
}

export const DEFAULT_SETTINGS: ParamSettings = {
  cell: 'LSTM',
  inputSize: 10,
  hiddenSize: 20,
  numLayers: 2,
  nonlinearity: 'tanh',
  bias: true,
  bidirectional: false,
  batch: 1,
};

export type SizeKey = 'inputSize' | 'hiddenSize' | 'numLayers' | 'batch';
export const SIZE_LIMITS: Record<SizeKey, [number, number]> = {
  inputSize: [1, 10000],
  hiddenSize: [1, 10000],
  numLayers: [1, 8],
  batch: [1, 4096],
};

export type SizeIssue = 'not-a-number' | 'too-small' | 'too-large' | 'not-integer';

export function clampSize(
  key: SizeKey,
  raw: string | number,
  previous: number,
): { value: number; issue: SizeIssue | null } {
  const [lo, hi] = SIZE_LIMITS[key];
  const s = String(raw).trim();
  const v = Number(s);
  if (s === '' || !Number.isFinite(v)) return { value: previous, issue: 'not-a-number' };
  if (v < lo) return { value: lo, issue: 'too-small' };
  if (v > hi) return { value: hi, issue: 'too-large' };
  if (!Number.isInteger(v)) return { value: Math.round(v), issue: 'not-integer' };
  return { value: v, issue: null };
}

export function modeOf(s: Pick<ParamSettings, 'cell' | 'nonlinearity'>): Mode {
  return s.cell === 'RNN' ? (s.nonlinearity === 'relu' ? 'RNN_RELU' : 'RNN_TANH') : s.cell;
}

export interface ParamRow {
  /** PyTorch state_dict name, e.g. weight_hh_l1_reverse. */
  name: string;
  shape: number[];
  count: number;
  layer: number;
  dir: number;
  field: DirField;
  /** The shape in symbols: (4H, I), (4H, 2H), (4H,). */
  symbolic: string;
}

export interface ParamTable {
  mode: Mode;
  rows: ParamRow[];
  /** Gate blocks G (1, 3, 4) and gate_size G·H. */
  gates: number;
  gateSize: number;
  directions: number;
  total: number;
  /** Parameters per layer (both directions). */
  perLayer: number[];
  /** (num_layers·num_directions, batch, hidden). */
  h0Shape: [number, number, number];
  /** LSTM's c0, same shape; null otherwise. */
  c0Shape: [number, number, number] | null;
  /** Output of the layer stack per step: D·H features. */
  outputFeatures: number;
  /** Keras: one bias vector per layer and direction instead of two (SimpleRNN, LSTM, GRU with reset_after=False). */
  kerasSingleBias: number;
  /** Keras GRU's default (reset_after=True) keeps two bias vectors: the PyTorch count. */
  kerasGruDefault: number | null;
}

const gateSym = (g: number) => (g === 1 ? 'H' : `${g}H`);

function symbolicShape(field: DirField, layer: number, gates: number, directions: number): string {
  const gh = gateSym(gates);
  const inSym = layer === 0 ? 'I' : directions === 2 ? '2H' : 'H';
  if (field === 'wIh') return `(${gh}, ${inSym})`;
  if (field === 'wHh') return `(${gh}, H)`;
  return `(${gh},)`;
}

export function paramTable(s: ParamSettings): ParamTable {
  const c = resolveConfig({
    mode: modeOf(s),
    inputSize: s.inputSize,
    hiddenSize: s.hiddenSize,
    numLayers: s.numLayers,
    bias: s.bias,
    bidirectional: s.bidirectional,
  });
  const rows: ParamRow[] = [];
  const perLayer: number[] = [];
  for (let l = 0; l < c.numLayers; l++) {
    const shapes = fieldShapes(c, l);
    let layerCount = 0;
    for (let d = 0; d < c.directions; d++)
      for (const f of DIR_FIELDS) {
        const shape = shapes[f];
        if (!shape) continue;
        const count = shape.reduce((a, b) => a * b, 1);
        layerCount += count;
        rows.push({
          name: paramName(f, l, d),
          shape: [...shape],
          count,
          layer: l,
          dir: d,
          field: f,
          symbolic: symbolicShape(f, l, c.gates, c.directions),
        });
      }
    perLayer.push(layerCount);
  }
  const total = perLayer.reduce((a, b) => a + b, 0);
  const gateSize = c.gates * c.hiddenSize;
  const LD = c.numLayers * c.directions;
  const h0Shape: [number, number, number] = [LD, s.batch, c.hiddenSize];
  return {
    mode: c.mode,
    rows,
    gates: c.gates,
    gateSize,
    directions: c.directions,
    total,
    perLayer,
    h0Shape,
    c0Shape: c.mode === 'LSTM' ? [...h0Shape] : null,
    outputFeatures: c.directions * c.hiddenSize,
    kerasSingleBias: c.bias ? total - LD * gateSize : total,
    kerasGruDefault: c.mode === 'GRU' ? total : null,
  };
}

/** The PyTorch constructor call for the settings. */
export function pytorchCall(s: ParamSettings): string {
  const args = [`input_size=${s.inputSize}`, `hidden_size=${s.hiddenSize}`, `num_layers=${s.numLayers}`];
  if (s.cell === 'RNN') args.push(`nonlinearity='${s.nonlinearity}'`);
  args.push(`bias=${s.bias ? 'True' : 'False'}`, `bidirectional=${s.bidirectional ? 'True' : 'False'}`);
  return `nn.${s.cell}(${args.join(', ')})`;
}

/** URL state: "LSTM.10.20.2.tanh.1.0.1" (cell, I, H, L, nonlinearity, bias, bidirectional, batch). */
export function encodeSettings(s: ParamSettings): string {
  return [
    s.cell,
    s.inputSize,
    s.hiddenSize,
    s.numLayers,
    s.nonlinearity,
    s.bias ? 1 : 0,
    s.bidirectional ? 1 : 0,
    s.batch,
  ].join('.');
}

export function decodeSettings(text: string | null | undefined): ParamSettings | null {
  const m = text?.match(/^(RNN|GRU|LSTM)\.(\d+)\.(\d+)\.(\d+)\.(tanh|relu)\.([01])\.([01])\.(\d+)$/);
  if (!m) return null;
  const d = DEFAULT_SETTINGS;
  return {
    cell: m[1] as CellType,
    inputSize: clampSize('inputSize', m[2], d.inputSize).value,
    hiddenSize: clampSize('hiddenSize', m[3], d.hiddenSize).value,
    numLayers: clampSize('numLayers', m[4], d.numLayers).value,
    nonlinearity: m[5] as 'tanh' | 'relu',
    bias: m[6] === '1',
    bidirectional: m[7] === '1',
    batch: clampSize('batch', m[8], d.batch).value,
  };
}
