/**
 * One-hot language model: a recurrent stack reading token ids (a gather of W_ih columns, no
 * one-hot product), a linear head over its output, mean softmax cross-entropy over T·B.
 */
import type { Backend } from './backend.ts';
import { type BackwardOptions, backward } from './bptt.ts';
import type { Mode } from './config.ts';
import {
  createHead,
  disposeHead,
  headBackward,
  headForward,
  type LinearHead,
  softmaxCrossEntropy,
} from './head.ts';
import { createNetwork, disposeNetwork, forward, type Network, type Trace } from './network.ts';
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
  /** @internal per-N buffers: logits, dLogits, dOut (the most recently used of `bufs`) */
  buf: LmBuffers | null;
  /** @internal cached per-N buffers, most recently used first */
  bufs?: LmBuffers[];
  /** @internal set by `dispose` */
  disposed?: boolean;
}

interface LmBuffers {
  N: number;
  logits: FloatArray;
  dLogits: FloatArray;
  dOut: Tensor;
}

function freeLmBuffers(model: LanguageModel, b: LmBuffers): void {
  const be = model.rnn.backend;
  if (be.freeF32 && model.rnn.config.dtype === 'float32')
    for (const a of [b.logits, b.dLogits, b.dOut.data]) be.freeF32(a as Float32Array);
}

/**
 * Free everything the model owns (recurrent stack, head, buffers) back to its backend's arena.
 * Afterwards the model and its results must not be used. Idempotent.
 */
export function disposeLanguageModel(model: LanguageModel): void {
  if (model.disposed) return;
  for (const b of model.bufs ?? (model.buf ? [model.buf] : [])) freeLmBuffers(model, b);
  model.bufs = [];
  model.buf = null;
  disposeNetwork(model.rnn);
  disposeHead(model.head);
  model.disposed = true;
}

/** Free a network, a language model or a linear head (see `disposeNetwork`, `disposeLanguageModel`, `disposeHead`). */
export function dispose(x: Network | LanguageModel | LinearHead): void {
  if ('rnn' in x) disposeLanguageModel(x);
  else if ('inFeatures' in x) disposeHead(x);
  else disposeNetwork(x);
}

/** RNN init first (state_dict order), then the head's, all from `rng` (zeros without it). */
export function createLanguageModel(config: LmConfig, rng?: Rng, backend?: Backend): LanguageModel {
  const { vocabSize, ...rest } = config;
  const rnn = createNetwork({ ...rest, inputSize: vocabSize }, rng, backend);
  const F = rnn.config.hiddenSize * rnn.config.directions;
  const head = createHead(F, vocabSize, { dtype: rnn.config.dtype, rng, backend: rnn.backend });
  return { rnn, head, vocabSize, buf: null, bufs: [] };
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
  if (model.disposed) throw new Error('language model: used after dispose');
  if (!model.buf || model.buf.N !== N) {
    if (!model.bufs) model.bufs = model.buf ? [model.buf] : [];
    const bufs = model.bufs;
    const i = bufs.findIndex((b) => b.N === N);
    if (i >= 0) {
      model.buf = bufs[i];
      bufs.splice(i, 1);
    } else {
      const dt = model.rnn.config.dtype;
      const be = model.rnn.backend;
      model.buf = {
        N,
        logits: allocFloat(dt, N * model.vocabSize, be),
        dLogits: allocFloat(dt, N * model.vocabSize, be),
        dOut: { shape: [T, B, F], data: allocFloat(dt, N * F, be) },
      };
    }
    bufs.unshift(model.buf);
    while (bufs.length > 4) freeLmBuffers(model, bufs.pop()!);
  }
  // dOut's shape follows (T, B) (same N, other split)
  if (model.buf.dOut.shape[0] !== T) model.buf.dOut = { shape: [T, B, F], data: model.buf.dOut.data };
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
