/** Training a character language model: corpus preparation, the trainer, sampling, model files. */

export {
  type CellKind,
  DEFAULT_TRAIN_CONFIG,
  DivergenceError,
  type InputKind,
  LIMITS,
  MODE_OF,
  type OptimizerKind,
  type PartitionKind,
  resolveTrainConfig,
  type TrainConfig,
  TrainError,
  type TrainErrorCode,
} from './config.ts';
export {
  buildVocab,
  CorpusError,
  checkCorpusLength,
  type PreparedCorpus,
  prepareCorpus,
  prepareCorpusIncremental,
  splitGraphemesChunked,
  splitGraphemesIncremental,
} from './corpus.ts';
export {
  type LoadedModel,
  MODEL_FORMAT,
  MODEL_VERSION,
  type ModelArchitecture,
  type ModelFile,
  PYTORCH_HINT,
  parseModelFile,
  serializeModelFile,
  toModelFile,
} from './model-file.ts';
export {
  generate,
  generateIncremental,
  MAX_SAMPLE_LENGTH,
  perplexity,
  pickToken,
  type SampleOptions,
  type SampleResult,
  StepRunner,
} from './sampler.ts';
export { copyParams, type StepResult, Trainer, type TrainerOptions, type TrainProgress } from './trainer.ts';
