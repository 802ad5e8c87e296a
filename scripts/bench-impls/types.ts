/** The adapter every benchmarked implementation provides (see scripts/bench.ts). */
export type Cell = 'rnn' | 'gru' | 'lstm';
export type ImplName = 'unrolled' | 'unrolled-ts' | 'tfjs-cpu' | 'tfjs-wasm';

export interface BenchConfig {
  /** One-hot vocabulary size. */
  vocab: number;
  hidden: number;
  /** Sequence length. */
  T: number;
  /** Batch size of the training workload W1 (W2 uses batch 1). */
  B: number;
  /** SGD learning rate. */
  lr: number;
  seed: number;
}

export interface BenchImpl {
  readonly name: ImplName;
  /** Builds the W1 (batch B) and W2 (batch 1) models for `cell`, and their fixed random data. */
  setup(cell: Cell, cfg: BenchConfig): Promise<void>;
  /** Called before a timed block of this implementation (e.g. to switch the TF.js backend). */
  activate?(): Promise<void>;
  /** W1: forward, cross-entropy at every step, full BPTT, one SGD update. */
  trainStep(): void | Promise<void>;
  /** W2: forward of one sequence (batch 1) through the RNN and the softmax head, result read back. */
  forward(): void;
  /** Frees the models. */
  dispose(): void;
}

/** Deterministic token ids for the benchmark data (time-major X and targets Y, both length T·B). */
export function benchTokens(cfg: BenchConfig, B: number): { X: Int32Array; Y: Int32Array } {
  let s = (cfg.seed * 2654435761) >>> 0 || 1;
  const next = () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s % cfg.vocab;
  };
  const X = new Int32Array(cfg.T * B);
  const Y = new Int32Array(cfg.T * B);
  for (let i = 0; i < X.length; i++) X[i] = next();
  for (let i = 0; i < Y.length; i++) Y[i] = next();
  return { X, Y };
}
