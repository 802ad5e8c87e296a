/**
 * Minibatch partitioning of a token-id corpus, as in d2l §9.3 (“Reading Long Sequence Data”).
 *
 * Both produce time-major batches: X[t·B + b] is the input at step t of sequence b, and
 * Y[t·B + b] = corpus[start + t + 1] is its target (the next token).
 *
 * - random sampling: drop a random offset in [0, T), cut the rest into subsequences of T tokens,
 *   visit them in random order, B per batch. Neighbouring batches are not adjacent in the corpus,
 *   so the hidden state must be reset for every batch.
 * - sequential partitioning: drop a random offset in [0, T], split the rest into B parallel
 *   streams; batch i covers steps [iT, (i+1)T) of every stream, so sequence b of batch i+1 starts
 *   where sequence b of batch i ended and the state can be carried across batches.
 * In both, an epoch visits every position of its covered range exactly once; the tail is dropped.
 */

/** A source of uniform numbers in [0, 1) — the engine's seeded generator satisfies it. */
export interface Rng {
  next(): number;
}

export interface Batch {
  /** Index of this batch in the epoch. */
  index: number;
  /** Time-major inputs, length T·B. */
  X: Int32Array;
  /** Time-major targets (inputs shifted by one), length T·B. */
  Y: Int32Array;
}

export interface BatchPlan {
  readonly kind: 'random' | 'sequential';
  readonly batchSize: number;
  readonly numSteps: number;
  readonly numBatches: number;
  /** The random offset this epoch starts at. */
  readonly offset: number;
  /** True when sequence b of batch i+1 continues sequence b of batch i (carry the state). */
  readonly carriesState: boolean;
  /** Corpus position of the first input of sequence `b` in batch `i`. */
  start(i: number, b: number): number;
  /** Writes batch `i` into X and Y (each length T·B), allocating nothing. */
  fill(i: number, X: Int32Array, Y: Int32Array): void;
  /** Iterates the epoch's batches; reuses the same two buffers unless `fresh` is true. */
  batches(fresh?: boolean): IterableIterator<Batch>;
}

function randInt(rng: Rng, n: number): number {
  // integer in [0, n)
  const k = Math.floor(rng.next() * n);
  return k >= n ? n - 1 : k;
}

function checkArgs(corpusLength: number, batchSize: number, numSteps: number): void {
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new RangeError(`batchSize must be a positive integer, got ${batchSize}`);
  if (!Number.isInteger(numSteps) || numSteps < 1)
    throw new RangeError(`numSteps must be a positive integer, got ${numSteps}`);
  if (corpusLength < numSteps + 1)
    throw new RangeError(`corpus of ${corpusLength} tokens is shorter than one sequence (${numSteps + 1})`);
}

function makePlan(
  kind: 'random' | 'sequential',
  corpus: ArrayLike<number>,
  batchSize: number,
  numSteps: number,
  numBatches: number,
  offset: number,
  start: (i: number, b: number) => number,
): BatchPlan {
  if (numBatches < 1) {
    throw new RangeError(
      `corpus of ${corpus.length} tokens is too short for one batch of ${batchSize} sequences of ${numSteps} steps (offset ${offset})`,
    );
  }
  const T = numSteps;
  const B = batchSize;
  const fill = (i: number, X: Int32Array, Y: Int32Array) => {
    if (!(i >= 0 && i < numBatches)) throw new RangeError(`batch ${i} out of range [0, ${numBatches})`);
    if (X.length < T * B || Y.length < T * B) throw new RangeError(`X and Y need ${T * B} elements`);
    for (let b = 0; b < B; b++) {
      const s = start(i, b);
      for (let t = 0; t < T; t++) {
        X[t * B + b] = corpus[s + t];
        Y[t * B + b] = corpus[s + t + 1];
      }
    }
  };
  return {
    kind,
    batchSize,
    numSteps,
    numBatches,
    offset,
    carriesState: kind === 'sequential',
    start,
    fill,
    *batches(fresh = false) {
      let X = new Int32Array(T * B);
      let Y = new Int32Array(T * B);
      for (let i = 0; i < numBatches; i++) {
        if (fresh && i > 0) {
          X = new Int32Array(T * B);
          Y = new Int32Array(T * B);
        }
        fill(i, X, Y);
        yield { index: i, X, Y };
      }
    },
  };
}

/** d2l's random sampling (`seq_data_iter_random`): one epoch's plan. */
export function randomPartition(
  corpus: ArrayLike<number>,
  batchSize: number,
  numSteps: number,
  rng: Rng,
): BatchPlan {
  checkArgs(corpus.length, batchSize, numSteps);
  const offset = randInt(rng, numSteps);
  const numSubseqs = Math.floor((corpus.length - offset - 1) / numSteps);
  const order = new Int32Array(numSubseqs);
  for (let i = 0; i < numSubseqs; i++) order[i] = i;
  for (let i = numSubseqs - 1; i > 0; i--) {
    const j = randInt(rng, i + 1);
    const tmp = order[i];
    order[i] = order[j];
    order[j] = tmp;
  }
  const numBatches = Math.floor(numSubseqs / batchSize);
  return makePlan(
    'random',
    corpus,
    batchSize,
    numSteps,
    numBatches,
    offset,
    (i, b) => offset + order[i * batchSize + b] * numSteps,
  );
}

/** d2l's sequential partitioning (`seq_data_iter_sequential`): one epoch's plan. */
export function sequentialPartition(
  corpus: ArrayLike<number>,
  batchSize: number,
  numSteps: number,
  rng: Rng,
): BatchPlan {
  checkArgs(corpus.length, batchSize, numSteps);
  const offset = randInt(rng, numSteps + 1);
  const streamLength = Math.floor((corpus.length - offset - 1) / batchSize);
  const numBatches = Math.floor(streamLength / numSteps);
  return makePlan(
    'sequential',
    corpus,
    batchSize,
    numSteps,
    numBatches,
    offset,
    (i, b) => offset + b * streamLength + i * numSteps,
  );
}
