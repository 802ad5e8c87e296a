/** Network configuration: like nn.RNN/GRU/LSTM(input_size, hidden_size, num_layers, bias, bidirectional). */
import type { DType } from './tensor.ts';

export type Mode = 'RNN_TANH' | 'RNN_RELU' | 'GRU' | 'LSTM' | 'JORDAN_TANH';

export interface RnnConfig {
  /** Cell type. JORDAN_TANH feeds back the previous output y_{t-1} = W_hy h_{t-1} + b_y. */
  mode: Mode;
  /** Feature size I of the input (for one-hot token input: the vocabulary size). */
  inputSize: number;
  /** Hidden size H. */
  hiddenSize: number;
  /** Stacked layers L (default 1). */
  numLayers?: number;
  /** Two biases per layer/direction, as PyTorch (default true). false: no bias at all. */
  bias?: boolean;
  /** Add a reverse direction per layer (default false). */
  bidirectional?: boolean;
  /** Storage type of parameters, gradients and trace (default 'float64'). */
  dtype?: DType;
  /** GRU only: d2l's candidate n = tanh(W_in x + b_in + W_hn (r ⊙ h) + b_hn) (default false: PyTorch's). */
  gruResetBeforeMatmul?: boolean;
  /** LSTM only: diagonal peepholes w_ci, w_cf on c_{t-1} and w_co on c_t (Gers & Schmidhuber). */
  peephole?: boolean;
  /** JORDAN_TANH only: size O of the fed-back output y (default hiddenSize). */
  outputSize?: number;
}

/** A config with every default filled in. */
export interface ResolvedConfig {
  mode: Mode;
  inputSize: number;
  hiddenSize: number;
  numLayers: number;
  bias: boolean;
  bidirectional: boolean;
  dtype: DType;
  gruResetBeforeMatmul: boolean;
  peephole: boolean;
  outputSize: number;
  /** Gate blocks G: 1 (RNN, Jordan), 3 (GRU [r, z, n]), 4 (LSTM [i, f, g, o]). */
  gates: number;
  /** Directions D: 1 or 2. */
  directions: number;
}

const MODES: readonly Mode[] = ['RNN_TANH', 'RNN_RELU', 'GRU', 'LSTM', 'JORDAN_TANH'];

function positiveInt(name: string, v: number): void {
  if (!Number.isInteger(v) || v < 1)
    throw new Error(`RnnConfig.${name} must be a positive integer, got ${v}`);
}

export function resolveConfig(c: RnnConfig): ResolvedConfig {
  if (!MODES.includes(c.mode))
    throw new Error(`RnnConfig.mode must be one of ${MODES.join(', ')}, got ${c.mode}`);
  const r: ResolvedConfig = {
    mode: c.mode,
    inputSize: c.inputSize,
    hiddenSize: c.hiddenSize,
    numLayers: c.numLayers ?? 1,
    bias: c.bias ?? true,
    bidirectional: c.bidirectional ?? false,
    dtype: c.dtype ?? 'float64',
    gruResetBeforeMatmul: c.gruResetBeforeMatmul ?? false,
    peephole: c.peephole ?? false,
    outputSize: c.outputSize ?? c.hiddenSize,
    gates: c.mode === 'GRU' ? 3 : c.mode === 'LSTM' ? 4 : 1,
    directions: c.bidirectional ? 2 : 1,
  };
  positiveInt('inputSize', r.inputSize);
  positiveInt('hiddenSize', r.hiddenSize);
  positiveInt('numLayers', r.numLayers);
  positiveInt('outputSize', r.outputSize);
  if (r.dtype !== 'float32' && r.dtype !== 'float64') throw new Error(`RnnConfig.dtype: ${r.dtype}`);
  if (r.gruResetBeforeMatmul && r.mode !== 'GRU') throw new Error('gruResetBeforeMatmul needs mode GRU');
  if (r.peephole && r.mode !== 'LSTM') throw new Error('peephole needs mode LSTM');
  if (c.outputSize !== undefined && r.mode !== 'JORDAN_TANH')
    throw new Error('outputSize needs mode JORDAN_TANH');
  return r;
}

/** Input size of layer l: I for l = 0, H·D above. */
export function layerInputSize(c: ResolvedConfig, l: number): number {
  return l === 0 ? c.inputSize : c.hiddenSize * c.directions;
}
