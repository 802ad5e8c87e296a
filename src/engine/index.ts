/** Unrolled's RNN engine: the public API. See README.md beside this file. */
export {
  type Backend,
  backendFor,
  defaultBackend,
  type Gemm,
  gemmF64,
  gemmTs32,
  setDefaultBackend,
  tsBackend,
} from './backend.ts';
export { type BackwardOptions, type BackwardResult, backward, type Upstream } from './bptt.ts';
export type { Mode, ResolvedConfig, RnnConfig } from './config.ts';
export {
  type CaseResult,
  formatResult,
  runFixture,
  TOLERANCES,
  type Tolerance,
  type Worst,
} from './conformance.ts';
export {
  type GradCheckOptions,
  type GradCheckResult,
  type GradEntry,
  gradCheck,
  gradCheckNetwork,
} from './gradcheck.ts';
export {
  createHead,
  disposeHead,
  headBackward,
  headForward,
  type LinearHead,
  softmaxCrossEntropy,
} from './head.ts';
export {
  bestBackend,
  createTsBackend,
  createWasmBackend,
  hasWasmSimd,
  type WasmBackend,
  type WasmBackendOptions,
} from './kernels/index.ts';
export {
  createLanguageModel,
  dispose,
  disposeLanguageModel,
  type Embedding,
  type LanguageModel,
  type LmConfig,
  type LmResult,
  lmEmbeddingBackward,
  lmFromStateDict,
  lmLoss,
  lmLossAndGrads,
  lmParameters,
  lmRnnInput,
  lmToStateDict,
} from './lm.ts';
export {
  createNetwork,
  disposeNetwork,
  type ForwardOptions,
  forward,
  fromStateDict,
  type Network,
  releaseTrace,
  releaseWorkspace,
  type Trace,
  toStateDict,
  WORKSPACE_CACHE_SIZE,
} from './network.ts';
export { clipGradNorm, createAdam, createSgd, globalNorm, type Optimizer } from './optim.ts';
export { type DirParams, type JsonTensor, namedParams, paramName, type RnnParams } from './params.ts';
export { createRng, type Rng } from './random.ts';
export {
  allocArray,
  at,
  clone,
  type DType,
  type FloatArray,
  norm2,
  sizeOf,
  type Tensor,
  type TokenInput,
  tensor,
  view,
  zeros,
} from './tensor.ts';
export { type StepRecord, traceStep } from './trace.ts';
