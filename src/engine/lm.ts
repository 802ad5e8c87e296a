/**
 * One-hot language model: a recurrent stack reading token ids (a gather of W_ih columns, no
 * one-hot product), a linear head over its output, mean softmax cross-entropy over T·B.
 */
import { type Backend, tsBackend } from './backend.ts';
import { type BackwardOptions, backward } from './bptt.ts';
import type { Mode } from './config.ts';
import { createHead, headBackward, headForward, type LinearHead, softmaxCrossEntropy } from './head.ts';
import { createNetwork, forward, type Network, type Trace } from './network.ts';
import { allocFloat, type JsonTensor, loadStateDict, namedParams, stateDictOf } from './params.ts';
import type { Rng } from './random.ts';
import type { DType, FloatArray, Tensor, TokenInput } from './tensor.ts';

export interface LmConfig {
  mode: Mode;
  vocabSize: number;
  hiddenSize: number;
  numLayers?: number;
  bias?: boolean;
  bidirectional?: boolean;
  dtype?: DType;
  gruResetBeforeMatmul?: boolean;
  peephole?: boolean;
}

export interface LanguageModel {
  readonly rnn: Network;
  readonly head: LinearHead;
  readonly vocabSize: number;
  /** @internal per-N buffers: logits, dLogits, dOut */
  buf: { N: number; logits: FloatArray; dLogits: FloatArray; dOut: Tensor } | null;
}

/** RNN init first (state_dict order), then the head's, all from `rng` (zeros without it). */
export function createLanguageModel(
  config: LmConfig,
  rng?: Rng,
  backend: Backend = tsBackend,
): LanguageModel {
  const { vocabSize, ...rest } = config;
  const rnn = createNetwork({ ...rest, inputSize: vocabSize }, rng, backend);
  const F = rnn.config.hiddenSize * rnn.config.directions;
  const head = createHead(F, vocabSize, { dtype: rnn.config.dtype, rng, backend });
  return { rnn, head, vocabSize, buf: null };
}

/** All parameters in state_dict order (recurrent, then head.weight, head.bias). */
export function lmParameters(model: LanguageModel): { names: string[]; params: Tensor[] } {
  const named = namedParams(model.rnn.config, model.rnn.params);
  return {
    names: [...named.map(([n]) => n), 'head.weight', 'head.bias'],
    params: [...named.map(([, t]) => t), model.head.weight, model.head.bias],
  };
}

export interface LmResult {
  loss: number;
  names: string[];
  /** Pairs with `grads` (views; valid until the next call). */
  params: Tensor[];
  grads: Tensor[];
  trace: Trace;
}

/** Loss at the current parameters (forward only). */
export function lmLoss(model: LanguageModel, tokens: TokenInput, targets: ArrayLike<number>): number {
  const { logits, N } = lmForward(model, tokens);
  return softmaxCrossEntropy(logits, N, model.vocabSize, targets, null);
}

function lmForward(
  model: LanguageModel,
  tokens: TokenInput,
): { trace: Trace; logits: FloatArray; N: number } {
  const [T, B] = tokens.shape;
  const N = T * B;
  const F = model.head.inFeatures;
  if (!model.buf || model.buf.N !== N) {
    const dt = model.rnn.config.dtype;
    const be = model.rnn.backend;
    model.buf = {
      N,
      logits: allocFloat(dt, N * model.vocabSize, be),
      dLogits: allocFloat(dt, N * model.vocabSize, be),
      dOut: { shape: [T, B, F], data: allocFloat(dt, N * F, be) },
    };
  }
  const trace = forward(model.rnn, tokens);
  headForward(model.head, trace.output.data, N, model.buf.logits);
  return { trace, logits: model.buf.logits, N };
}

/** Loss and gradients of every parameter (state_dict order, like `lmParameters`). */
export function lmLossAndGrads(
  model: LanguageModel,
  tokens: TokenInput,
  targets: ArrayLike<number>,
  options: BackwardOptions = {},
): LmResult {
  if (targets.length !== tokens.shape[0] * tokens.shape[1])
    throw new Error('lmLossAndGrads: targets must have T·B entries');
  const { trace, logits, N } = lmForward(model, tokens);
  const buf = model.buf!;
  const loss = softmaxCrossEntropy(logits, N, model.vocabSize, targets, buf.dLogits);
  headBackward(model.head, trace.output.data, N, buf.dLogits, buf.dOut.data);
  const g = backward(model.rnn, trace, { gradOutput: buf.dOut }, options);
  const named = namedParams(model.rnn.config, model.rnn.params);
  const gnamed = namedParams(model.rnn.config, g.params);
  return {
    loss,
    names: [...named.map(([n]) => n), 'head.weight', 'head.bias'],
    params: [...named.map(([, t]) => t), model.head.weight, model.head.bias],
    grads: [...gnamed.map(([, t]) => t), model.head.gradWeight, model.head.gradBias],
    trace,
  };
}

/** Export all parameters as PyTorch-named JSON tensors (`head.weight`, `head.bias` included). */
export function lmToStateDict(model: LanguageModel): Record<string, JsonTensor> {
  const out = stateDictOf(model.rnn.config, model.rnn.params);
  out['head.weight'] = { shape: [...model.head.weight.shape], data: Array.from(model.head.weight.data) };
  out['head.bias'] = { shape: [...model.head.bias.shape], data: Array.from(model.head.bias.data) };
  return out;
}

/** Load all parameters from PyTorch-named JSON tensors; errors name the offending entry. */
export function lmFromStateDict(model: LanguageModel, dict: Record<string, unknown>): void {
  loadStateDict(model.rnn.config, model.rnn.params, dict, (n) => n === 'head.weight' || n === 'head.bias');
  const headDict: Record<string, unknown> = { w: dict['head.weight'], b: dict['head.bias'] };
  for (const [key, name, t] of [
    ['w', 'head.weight', model.head.weight],
    ['b', 'head.bias', model.head.bias],
  ] as const) {
    const v = headDict[key] as { shape?: number[]; data?: number[] } | undefined;
    if (!v) throw new Error(`state_dict: missing parameter ${name} (expected shape [${t.shape.join(', ')}])`);
    if (!Array.isArray(v.shape) || v.shape.join() !== t.shape.join()) {
      throw new Error(
        `state_dict: ${name} has shape [${v.shape?.join(', ')}], expected [${t.shape.join(', ')}]`,
      );
    }
    if (!Array.isArray(v.data) || v.data.length !== t.data.length)
      throw new Error(`state_dict: ${name} has the wrong data length`);
    for (let i = 0; i < t.data.length; i++) t.data[i] = v.data[i];
  }
}
