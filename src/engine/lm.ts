/**
 * Character language model: token ids in, either one-hot (a gather of W_ih columns, no one-hot
 * product) or through an embedding table E (x_t = E[id], PyTorch's nn.Embedding), a recurrent
 * stack, a linear head over its output, mean softmax cross-entropy over T·B.
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
  /** Embedding width d: the recurrent stack reads E[id] ∈ R^d. 0 or absent: one-hot input. */
  embedDim?: number;
}

/** nn.Embedding(vocabSize, d): the table, its gradient and the gathered input of the last forward. */
export interface Embedding {
  readonly weight: Tensor;
  readonly gradWeight: Tensor;
  /** @internal (T, B, d) rows gathered by the last `lmRnnInput`, reused while T·B stays the same */
  input: Tensor | null;
}

export interface LanguageModel {
  readonly rnn: Network;
  readonly head: LinearHead;
  readonly vocabSize: number;
  /** null: one-hot input. */
  readonly embedding: Embedding | null;
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
  const emb = model.embedding;
  const be = model.rnn.backend;
  if (emb && be.freeF32 && model.rnn.config.dtype === 'float32')
    for (const t of [emb.weight, emb.gradWeight, ...(emb.input ? [emb.input] : [])])
      be.freeF32(t.data as Float32Array);
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

/**
 * Initialised in module order, all from `rng` (zeros without it): the embedding as nn.Embedding does
 * (N(0, 1)), then the recurrent stack (U(−1/√H, 1/√H)), then the head.
 */
export function createLanguageModel(config: LmConfig, rng?: Rng, backend?: Backend): LanguageModel {
  const { vocabSize, embedDim = 0, ...rest } = config;
  if (!Number.isInteger(embedDim) || embedDim < 0)
    throw new Error(`language model: embedDim must be a whole number ≥ 0, got ${embedDim}`);
  let embedding: Embedding | null = null;
  let weight: Tensor | null = null;
  if (embedDim > 0) {
    // the table is drawn before the network so that the draw order follows the module order
    const values = new Float64Array(vocabSize * embedDim);
    if (rng) for (let i = 0; i < values.length; i++) values[i] = rng.normal();
    weight = { shape: [vocabSize, embedDim], data: Float64Array.from(values) };
  }
  const rnn = createNetwork({ ...rest, inputSize: embedDim > 0 ? embedDim : vocabSize }, rng, backend);
  if (weight) {
    const dt = rnn.config.dtype;
    const data = allocFloat(dt, weight.data.length, rnn.backend);
    data.set(weight.data);
    embedding = {
      weight: { shape: weight.shape, data },
      gradWeight: { shape: weight.shape, data: allocFloat(dt, weight.data.length, rnn.backend) },
      input: null,
    };
  }
  const F = rnn.config.hiddenSize * rnn.config.directions;
  const head = createHead(F, vocabSize, { dtype: rnn.config.dtype, rng, backend: rnn.backend });
  return { rnn, head, vocabSize, embedding, buf: null, bufs: [] };
}

/** All parameters in state_dict order (embedding.weight when present, recurrent, head.weight, head.bias). */
export function lmParameters(model: LanguageModel): { names: string[]; params: Tensor[] } {
  const named = namedParams(model.rnn.config, model.rnn.params);
  const emb = model.embedding;
  return {
    names: [...(emb ? ['embedding.weight'] : []), ...named.map(([n]) => n), 'head.weight', 'head.bias'],
    params: [...(emb ? [emb.weight] : []), ...named.map(([, t]) => t), model.head.weight, model.head.bias],
  };
}

/**
 * What the recurrent stack reads for these token ids: the ids themselves (one-hot) or the embedding
 * rows E[id] gathered into a (T, B, d) tensor owned by the model (valid until the next call).
 */
export function lmRnnInput(model: LanguageModel, tokens: TokenInput): Tensor | TokenInput {
  const emb = model.embedding;
  if (!emb) return tokens;
  const [T, B] = tokens.shape;
  const d = emb.weight.shape[1];
  const V = model.vocabSize;
  if (!emb.input || emb.input.data.length !== T * B * d) {
    const be = model.rnn.backend;
    if (emb.input && be.freeF32 && model.rnn.config.dtype === 'float32')
      be.freeF32(emb.input.data as Float32Array);
    emb.input = { shape: [T, B, d], data: allocFloat(model.rnn.config.dtype, T * B * d, be) };
  } else if (emb.input.shape[0] !== T) emb.input = { shape: [T, B, d], data: emb.input.data };
  const x = emb.input.data;
  const w = emb.weight.data;
  for (let n = 0; n < T * B; n++) {
    const id = tokens.tokens[n];
    if (!(id >= 0 && id < V)) throw new Error(`language model: token id ${id} is outside [0, ${V})`);
    x.set(w.subarray(id * d, id * d + d), n * d);
  }
  return emb.input;
}

/** ∂L/∂E from ∂L/∂x: the gradient is zeroed, then every step's row is added to its token's row. */
export function lmEmbeddingBackward(model: LanguageModel, tokens: TokenInput, dInput: Tensor | null): void {
  const emb = model.embedding;
  if (!emb) return;
  if (!dInput) throw new Error('language model: the embedding needs ∂L/∂x from the recurrent stack');
  const d = emb.weight.shape[1];
  const g = emb.gradWeight.data;
  const dx = dInput.data;
  g.fill(0);
  const N = tokens.shape[0] * tokens.shape[1];
  for (let n = 0; n < N; n++) {
    const row = tokens.tokens[n] * d;
    for (let j = 0; j < d; j++) g[row + j] += dx[n * d + j];
  }
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
  const trace = forward(model.rnn, lmRnnInput(model, tokens));
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
  lmEmbeddingBackward(model, tokens, g.input);
  const gnamed = namedParams(model.rnn.config, g.params);
  const emb = model.embedding;
  return {
    loss,
    ...lmParameters(model),
    grads: [
      ...(emb ? [emb.gradWeight] : []),
      ...gnamed.map(([, t]) => t),
      model.head.gradWeight,
      model.head.gradBias,
    ],
    trace,
  };
}

/** Export all parameters as PyTorch-named JSON tensors (`embedding.weight`, `head.weight`, `head.bias` included). */
export function lmToStateDict(model: LanguageModel): Record<string, JsonTensor> {
  const emb = model.embedding;
  const out: Record<string, JsonTensor> = emb
    ? { 'embedding.weight': { shape: [...emb.weight.shape], data: Array.from(emb.weight.data) } }
    : {};
  Object.assign(out, stateDictOf(model.rnn.config, model.rnn.params));
  out['head.weight'] = { shape: [...model.head.weight.shape], data: Array.from(model.head.weight.data) };
  out['head.bias'] = { shape: [...model.head.bias.shape], data: Array.from(model.head.bias.data) };
  return out;
}

/** Load all parameters from PyTorch-named JSON tensors; errors name the offending entry. */
export function lmFromStateDict(model: LanguageModel, dict: Record<string, unknown>): void {
  const emb = model.embedding;
  if (!emb && 'embedding.weight' in dict)
    throw new Error('state_dict: unexpected parameter embedding.weight (this model reads one-hot input)');
  loadStateDict(
    model.rnn.config,
    model.rnn.params,
    dict,
    (n) => n === 'head.weight' || n === 'head.bias' || (emb !== null && n === 'embedding.weight'),
  );
  const outside: [string, Tensor][] = [
    ...(emb ? [['embedding.weight', emb.weight] as [string, Tensor]] : []),
    ['head.weight', model.head.weight],
    ['head.bias', model.head.bias],
  ];
  for (const [name, t] of outside) {
    const v = dict[name] as { shape?: number[]; data?: number[] } | undefined;
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
