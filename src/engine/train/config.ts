/** Training configuration: defaults, limits and validation with clear messages. */
import type { Mode } from '../config.ts';

export type CellKind = 'rnn' | 'gru' | 'lstm';
export type OptimizerKind = 'sgd' | 'adam';
export type PartitionKind = 'random' | 'sequential';
/**
 * Input encoding: one-hot (a gather of W_ih columns; input_size = vocabulary size) or a learned
 * embedding table of width `embedDim` (nn.Embedding; input_size = embedDim).
 */
export type InputKind = 'one-hot' | 'embedding';

export interface TrainConfig {
  cell: CellKind;
  hidden: number;
  layers: number;
  lr: number;
  optimizer: OptimizerKind;
  /** SGD momentum (ignored by Adam). */
  momentum: number;
  /** Global-norm clipping threshold; 0 turns clipping off. */
  clip: number;
  /** Truncation length T: steps per sequence; the state is detached between batches. */
  seqLen: number;
  batch: number;
  /** 'sequential' carries the state across batches; 'random' starts each batch from zeros. */
  partition: PartitionKind;
  input: InputKind;
  /** Embedding width d (used when `input` is 'embedding'). */
  embedDim: number;
  seed: number;
  /** Characters seen fewer times become `<unk>`. */
  minFreq: number;
}

export const DEFAULT_TRAIN_CONFIG: TrainConfig = {
  cell: 'lstm',
  hidden: 128,
  layers: 1,
  lr: 0.005,
  optimizer: 'adam',
  momentum: 0,
  clip: 1,
  seqLen: 32,
  batch: 16,
  partition: 'sequential',
  input: 'one-hot',
  embedDim: 64,
  seed: 42,
  minFreq: 1,
};

/** Accepted ranges (inclusive). */
export const LIMITS = {
  hidden: [1, 2048],
  layers: [1, 4],
  lr: [1e-6, 100],
  momentum: [0, 0.999],
  clip: [0, 1e6],
  seqLen: [1, 1024],
  batch: [1, 1024],
  seed: [0, 2 ** 32 - 1],
  embedDim: [1, 1024],
  minFreq: [1, 1e9],
} as const;

export const MODE_OF: Record<CellKind, Mode> = { rnn: 'RNN_TANH', gru: 'GRU', lstm: 'LSTM' };

/** Errors of the training core, each with a code the UI can translate. */
export type TrainErrorCode = 'bad-config' | 'diverged' | 'bad-model-file' | 'bad-corpus';

export class TrainError extends Error {
  readonly code: TrainErrorCode;
  readonly details?: Record<string, number | string>;
  constructor(code: TrainErrorCode, message: string, details?: Record<string, number | string>) {
    super(message);
    this.name = 'TrainError';
    this.code = code;
    this.details = details;
  }
}

/** Training stopped because the loss or the gradient norm became NaN or infinite. */
export class DivergenceError extends TrainError {
  constructor(
    message: string,
    readonly step: number,
    readonly loss: number,
    readonly gradNorm: number,
  ) {
    super('diverged', message, { step, loss: String(loss), gradNorm: String(gradNorm) });
    this.name = 'DivergenceError';
  }
}

/** Defaults filled in, every field checked; throws `TrainError('bad-config')` naming the field. */
export function resolveTrainConfig(partial: Partial<TrainConfig> = {}): TrainConfig {
  const c = { ...DEFAULT_TRAIN_CONFIG, ...partial } as TrainConfig;
  const bad = (msg: string) => new TrainError('bad-config', `Training configuration: ${msg}`);
  const oneOf = <T extends string>(key: keyof TrainConfig, values: readonly T[]) => {
    if (!values.includes(c[key] as T))
      throw bad(`${key} must be one of ${values.join(', ')}, got ${JSON.stringify(c[key])}`);
  };
  oneOf('cell', ['rnn', 'gru', 'lstm']);
  oneOf('optimizer', ['sgd', 'adam']);
  oneOf('partition', ['random', 'sequential']);
  oneOf('input', ['one-hot', 'embedding']);
  for (const key of Object.keys(LIMITS) as (keyof typeof LIMITS)[]) {
    const v = c[key] as number;
    const [lo, hi] = LIMITS[key];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < lo || v > hi)
      throw bad(`${key} must be a number in [${lo}, ${hi}], got ${JSON.stringify(v)}`);
  }
  for (const key of ['hidden', 'layers', 'seqLen', 'batch', 'seed', 'minFreq', 'embedDim'] as const) {
    if (!Number.isInteger(c[key])) throw bad(`${key} must be a whole number, got ${c[key]}`);
  }
  return c;
}
