/**
 * The training loop of the character language model: minibatches from a `BatchPlan`, softmax
 * cross-entropy at every step, full BPTT inside a batch of `seqLen` steps (truncated BPTT across
 * batches: with sequential partitioning the state is carried into the next batch but detached),
 * global-norm clipping, SGD or Adam, divergence detection. Deterministic for a seed and a backend.
 */
import { type Backend, tsBackend } from '../backend.ts';
import { backward } from '../bptt.ts';
import { headBackward, headForward, softmaxCrossEntropy } from '../head.ts';
import {
  createLanguageModel,
  type LanguageModel,
  lmEmbeddingBackward,
  lmParameters,
  lmRnnInput,
} from '../lm.ts';
import { forward } from '../network.ts';
import { clipGradNorm, createAdam, createSgd, globalNorm, type Optimizer } from '../optim.ts';
import { namedParams } from '../params.ts';
import { createRng, type Rng } from '../random.ts';
import type { Tensor } from '../tensor.ts';
import { type BatchPlan, randomPartition, sequentialPartition, type Vocab } from '../text/index.ts';
import { DivergenceError, MODE_OF, resolveTrainConfig, type TrainConfig, type TrainError } from './config.ts';
import { buildVocab, checkCorpusLength, type PreparedCorpus, prepareCorpus } from './corpus.ts';
import { type LoadedModel, type ModelFile, toModelFile } from './model-file.ts';
import {
  generateIncremental,
  perplexity,
  type SampleOptions,
  type SampleResult,
  StepRunner,
} from './sampler.ts';

export interface TrainProgress {
  /** Optimizer steps taken so far. */
  step: number;
  /** Current epoch (0-based) and batch within it. */
  epoch: number;
  batch: number;
  batchesPerEpoch: number;
  tokensSeen: number;
  /** Mean loss (nats per character) over the steps since the last report. */
  loss: number;
  /** exp(loss). */
  perplexity: number;
  /** Loss of the latest step. */
  lastLoss: number;
  /** Tokens per second of training time, over the steps of this report. */
  tokensPerSecond: number;
  /** Global gradient norm before clipping, latest step and the window's maximum. */
  gradNormBeforeClip: number;
  gradNormMax: number;
  /** Whether the latest step was clipped, and how many in the window were. */
  clipped: boolean;
  clippedSteps: number;
  /** Steps in the window this report summarises. */
  windowSteps: number;
  lr: number;
  /** Training time so far (ms, excluding pauses). */
  trainMs: number;
}

export interface StepResult {
  loss: number;
  gradNorm: number;
  clipped: boolean;
}

export interface TrainerOptions {
  /** Matrix backend (use `bestBackend()` from kernels); default the TS backend. */
  backend?: Backend;
  /** Clock in ms for tokens/s (default Date.now; pass performance.now where there is one). */
  now?: () => number;
  /** Start from these weights and vocabulary (a loaded model file) instead of a fresh init. */
  init?: LoadedModel;
  /** Name of the corpus, written into saved files. */
  corpusName?: string;
}

type Mark = { mark(): number; release(m: number): void };
const hasMark = (b: Backend): b is Backend & Mark =>
  typeof (b as Partial<Mark>).mark === 'function' && typeof (b as Partial<Mark>).release === 'function';

export class Trainer {
  readonly config: TrainConfig;
  readonly vocab: Vocab;
  readonly model: LanguageModel;
  readonly backendName: string;
  readonly corpusName?: string;
  /** Corpus as token ids. */
  readonly ids: Int32Array;
  private readonly backend: Backend;
  private readonly arenaMark: number | null;
  private readonly now: () => number;
  private readonly dataRng: Rng;
  private readonly optimizer: Optimizer;
  private readonly optOptions: { lr: number; momentum?: number };
  private readonly params: Tensor[];
  private grads: Tensor[] | null = null;
  private readonly X: Int32Array;
  private readonly Y: Int32Array;
  private readonly input: { shape: [number, number]; tokens: Int32Array };
  private readonly logits: Float32Array;
  private readonly dLogits: Float32Array;
  private readonly dOut: Tensor;
  private readonly h: Tensor;
  private readonly c: Tensor | null;
  private plan: BatchPlan | null = null;
  private batchIndex = 0;
  private epochIndex = -1;
  private steps = 0;
  private tokens = 0;
  private trainMs = 0;
  private last: StepResult = { loss: Number.NaN, gradNorm: Number.NaN, clipped: false };
  private win = { steps: 0, lossSum: 0, tokens: 0, ms: 0, clipped: 0, gradMax: 0 };
  private failure: TrainError | null = null;
  private inference: { model: LanguageModel; runner: StepRunner } | null = null;
  private disposed = false;

  /**
   * `corpus`: raw text (validated, `CorpusError` when bad) or an already prepared corpus. With
   * `options.init`, the vocabulary and weights come from the loaded file (its architecture wins
   * over `config`'s cell, hidden and layers); characters outside that vocabulary read as `<unk>`.
   */
  constructor(
    corpus: string | PreparedCorpus,
    config: Partial<TrainConfig> = {},
    options: TrainerOptions = {},
  ) {
    const init = options.init;
    const merged = init
      ? {
          ...config,
          cell: init.architecture.cell,
          hidden: init.architecture.hidden,
          layers: init.architecture.layers,
          input: init.architecture.input,
          ...(init.architecture.embedDim ? { embedDim: init.architecture.embedDim } : {}),
        }
      : config;
    this.config = resolveTrainConfig(merged);
    const cfg = this.config;
    const prepared =
      typeof corpus === 'string'
        ? prepareCorpus(corpus, { numSteps: cfg.seqLen, batchSize: cfg.batch })
        : corpus;
    checkCorpusLength(prepared, cfg.seqLen, cfg.batch);
    this.vocab = init ? init.vocab : buildVocab(prepared, { minFreq: cfg.minFreq });
    this.ids = this.vocab.encode(prepared.tokens);
    this.corpusName = options.corpusName;
    this.backend = options.backend ?? tsBackend;
    this.backendName = this.backend.name;
    this.arenaMark = hasMark(this.backend) ? this.backend.mark() : null;
    this.now = options.now ?? Date.now;
    const rng = createRng(cfg.seed);
    const initRng = rng.fork();
    this.dataRng = rng.fork();
    this.model = createLanguageModel(
      {
        mode: MODE_OF[cfg.cell],
        vocabSize: this.vocab.size,
        hiddenSize: cfg.hidden,
        numLayers: cfg.layers,
        dtype: 'float32',
        embedDim: cfg.input === 'embedding' ? cfg.embedDim : 0,
      },
      init ? undefined : initRng,
      this.backend,
    );
    if (init) copyParams(init.model, this.model);
    this.params = lmParameters(this.model).params;
    this.optOptions = { lr: cfg.lr, momentum: cfg.momentum };
    // the engine's optimizers read options.lr at every step, so setLearningRate can change it in place
    this.optimizer = cfg.optimizer === 'adam' ? createAdam(this.optOptions) : createSgd(this.optOptions);
    const T = cfg.seqLen;
    const B = cfg.batch;
    const N = T * B;
    const V = this.vocab.size;
    const H = cfg.hidden;
    this.X = new Int32Array(N);
    this.Y = new Int32Array(N);
    this.input = { shape: [T, B], tokens: this.X };
    this.logits = this.backend.allocF32(N * V);
    this.dLogits = this.backend.allocF32(N * V);
    this.dOut = { shape: [T, B, H], data: this.backend.allocF32(N * H) };
    const stateShape = [cfg.layers, B, H];
    this.h = { shape: stateShape, data: new Float32Array(cfg.layers * B * H) };
    this.c = cfg.cell === 'lstm' ? { shape: stateShape, data: new Float32Array(cfg.layers * B * H) } : null;
  }

  get stepCount(): number {
    return this.steps;
  }

  get epoch(): number {
    return Math.max(0, this.epochIndex);
  }

  /** The error that stopped training (divergence), if any. */
  get error(): TrainError | null {
    return this.failure;
  }

  get lastStep(): StepResult {
    return { ...this.last };
  }

  setLearningRate(lr: number): void {
    resolveTrainConfig({ ...this.config, lr });
    this.optOptions.lr = lr;
    (this.config as { lr: number }).lr = lr;
  }

  private nextEpoch(): void {
    const { batch, seqLen, partition } = this.config;
    this.epochIndex++;
    this.plan =
      partition === 'sequential'
        ? sequentialPartition(this.ids, batch, seqLen, this.dataRng)
        : randomPartition(this.ids, batch, seqLen, this.dataRng);
    this.batchIndex = 0;
    this.h.data.fill(0);
    this.c?.data.fill(0);
  }

  /** One minibatch: forward, loss, backward, clip, update. Throws `DivergenceError` on NaN/Inf. */
  step(): StepResult {
    if (this.disposed) throw new Error('Trainer: used after dispose()');
    if (this.failure) throw this.failure;
    const t0 = this.now();
    if (!this.plan || this.batchIndex >= this.plan.numBatches) this.nextEpoch();
    const plan = this.plan as BatchPlan;
    plan.fill(this.batchIndex, this.X, this.Y);
    const carry = plan.carriesState && this.batchIndex > 0;
    const { model } = this;
    const N = this.X.length;
    const V = this.vocab.size;
    // h0/c0: the previous batch's final state, as plain values (detached: no gradient flows into them)
    const tr = forward(
      model.rnn,
      lmRnnInput(model, this.input),
      carry ? this.h : null,
      carry ? this.c : null,
    );
    headForward(model.head, tr.output.data, N, this.logits);
    const loss = softmaxCrossEntropy(this.logits, N, V, this.Y, this.dLogits);
    if (!Number.isFinite(loss)) this.fail(loss, Number.NaN);
    headBackward(model.head, tr.output.data, N, this.dLogits, this.dOut.data);
    const g = backward(model.rnn, tr, { gradOutput: this.dOut });
    lmEmbeddingBackward(model, this.input, g.input);
    this.h.data.set(tr.hN.data);
    if (this.c && tr.cN) this.c.data.set(tr.cN.data);
    if (!this.grads) {
      this.grads = [
        ...(model.embedding ? [model.embedding.gradWeight] : []),
        ...namedParams(model.rnn.config, g.params).map(([, t]) => t),
        model.head.gradWeight,
        model.head.gradBias,
      ];
    }
    const clip = this.config.clip;
    const norm = clip > 0 ? clipGradNorm(this.grads, clip) : globalNorm(this.grads);
    if (!Number.isFinite(norm)) this.fail(loss, norm);
    const clipped = clip > 0 && clip / (norm + 1e-6) < 1;
    this.optimizer.step(this.params, this.grads);
    this.batchIndex++;
    this.steps++;
    this.tokens += N;
    const ms = this.now() - t0;
    this.trainMs += ms;
    this.last = { loss, gradNorm: norm, clipped };
    const w = this.win;
    w.steps++;
    w.lossSum += loss;
    w.tokens += N;
    w.ms += ms;
    if (clipped) w.clipped++;
    if (norm > w.gradMax) w.gradMax = norm;
    return { loss, gradNorm: norm, clipped };
  }

  private fail(loss: number, norm: number): never {
    const what = !Number.isFinite(loss) ? `the loss became ${loss}` : `the gradient norm became ${norm}`;
    this.failure = new DivergenceError(
      `Training diverged at step ${this.steps + 1}: ${what}. Lower the learning rate or the clipping threshold and start again.`,
      this.steps + 1,
      loss,
      norm,
    );
    throw this.failure;
  }

  /** Takes steps until `budgetMs` of training time has passed (at least one step) or `maxSteps`. */
  run(budgetMs: number, maxSteps = Number.POSITIVE_INFINITY): number {
    const start = this.now();
    let n = 0;
    do {
      this.step();
      n++;
    } while (n < maxSteps && this.now() - start < budgetMs);
    return n;
  }

  /** A summary of the steps since the previous call (`reset` false keeps the window open). */
  progress(reset = true): TrainProgress {
    const w = this.win;
    const loss = w.steps > 0 ? w.lossSum / w.steps : this.last.loss;
    const p: TrainProgress = {
      step: this.steps,
      epoch: this.epoch,
      batch: this.batchIndex,
      batchesPerEpoch: this.plan?.numBatches ?? 0,
      tokensSeen: this.tokens,
      loss,
      perplexity: perplexity(loss),
      lastLoss: this.last.loss,
      tokensPerSecond: w.ms > 0 ? (w.tokens / w.ms) * 1000 : 0,
      gradNormBeforeClip: this.last.gradNorm,
      gradNormMax: w.steps > 0 ? w.gradMax : this.last.gradNorm,
      clipped: this.last.clipped,
      clippedSteps: w.clipped,
      windowSteps: w.steps,
      lr: this.config.lr,
      trainMs: this.trainMs,
    };
    if (reset) this.win = { steps: 0, lossSum: 0, tokens: 0, ms: 0, clipped: 0, gradMax: 0 };
    return p;
  }

  /** Text from the current weights (an inference copy on the TS backend; training is unaffected). */
  sample(options: SampleOptions): SampleResult {
    const it = this.sampleIncremental(options);
    for (;;) {
      const r = it.next();
      if (r.done) return r.value;
    }
  }

  /** `sample` one character at a time (yields the count so far); the weights are copied at the start. */
  sampleIncremental(options: SampleOptions): Generator<number, SampleResult> {
    if (!this.inference) {
      const { mode, hiddenSize, numLayers } = this.model.rnn.config;
      const embedDim = this.model.embedding?.weight.shape[1] ?? 0;
      const model = createLanguageModel(
        { mode, vocabSize: this.vocab.size, hiddenSize, numLayers, dtype: 'float32', embedDim },
        undefined,
      );
      this.inference = { model, runner: new StepRunner(model) };
    }
    copyParams(this.model, this.inference.model);
    return generateIncremental(
      this.inference.model,
      this.vocab,
      options,
      createRng(options.seed ?? 0),
      this.inference.runner,
    );
  }

  /** Copies of every parameter by PyTorch name (for widgets that draw or reuse the weights). */
  snapshot(): { names: string[]; shapes: number[][]; data: Float32Array[] } {
    const { names, params } = lmParameters(this.model);
    return {
      names,
      shapes: params.map((p) => [...p.shape]),
      data: params.map((p) => Float32Array.from(p.data)),
    };
  }

  /** The model as a JSON-ready object with PyTorch names and the vocabulary. */
  toModelFile(): ModelFile {
    const p = this.progress(false);
    return toModelFile(this.model, this.vocab, this.config.cell, {
      config: { ...this.config },
      step: this.steps,
      epoch: this.epoch,
      loss: p.lastLoss,
      corpus: this.corpusName,
    });
  }

  /** Frees the backend storage this trainer took (wasm arena); the trainer is unusable afterwards. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.model.rnn.cache = null;
    if (this.arenaMark !== null && hasMark(this.backend)) this.backend.release(this.arenaMark);
  }
}

/** Copies every parameter of `from` into `to` (same architecture). */
export function copyParams(from: LanguageModel, to: LanguageModel): void {
  const a = lmParameters(from).params;
  const b = lmParameters(to).params;
  if (a.length !== b.length) throw new Error('copyParams: different architectures');
  for (let i = 0; i < a.length; i++) {
    if (a[i].data.length !== b[i].data.length) throw new Error('copyParams: different architectures');
    b[i].data.set(a[i].data);
  }
}
