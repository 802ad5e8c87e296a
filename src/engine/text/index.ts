/** Text pipeline: graphemes, vocabulary, corpus validation, d2l minibatch partitioning. Pure TS. */
export { compareCodePoints, splitGraphemes, splitGraphemesFallback } from './graphemes';
export { type Batch, type BatchPlan, type Rng, randomPartition, sequentialPartition } from './partition';
export {
  type CorpusErrorCode,
  type CorpusOptions,
  type CorpusResult,
  utf8Length,
  validateCorpus,
} from './validate';
export { UNK, Vocab, type VocabOptions } from './vocab';
