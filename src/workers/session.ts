/**
 * The training worker's logic, independent of the Worker global so it runs in Node tests too.
 *
 * Cooperative scheduling: every piece of work — splitting a corpus into characters, training,
 * sampling, writing a model file — advances in slices of about `SLICE_MS` (training: whole steps
 * until the slice is used up), and the session yields to the event loop between slices, so a
 * pause, stop or sample request is read within one slice (plus at most one training step).
 */
import type { Backend } from '../engine/backend.ts';
import { bestBackend } from '../engine/kernels/index.ts';
import { createRng } from '../engine/random.ts';
import {
  CorpusError,
  generateIncremental,
  type LoadedModel,
  MAX_SAMPLE_LENGTH,
  type PreparedCorpus,
  parseModelFile,
  prepareCorpusIncremental,
  resolveTrainConfig,
  serializeModelFile,
  TrainError,
  Trainer,
  toModelFile,
} from '../engine/train/index.ts';
import {
  type CorpusSource,
  MAX_PROGRESS_PER_SECOND,
  type RequestMap,
  type RequestType,
  type RunInfo,
  SLICE_MS,
  type TrainerStatus,
  type WireError,
  type WorkerEvent,
  type WorkerRequest,
} from './protocol.ts';

export interface SessionEnv {
  post(event: WorkerEvent, transfer?: ArrayBuffer[]): void;
  now(): number;
  fetchText(url: string): Promise<string>;
  /** Run `fn` soon, after pending messages (MessageChannel in a worker). */
  defer(fn: () => void): void;
  createBackend?(): Backend;
}

class SessionError extends Error {
  constructor(
    readonly code: WireError['code'],
    message: string,
  ) {
    super(message);
  }
}

/** Any thrown value as a typed wire error. */
export function toWireError(e: unknown): WireError {
  if (e instanceof CorpusError)
    return { code: 'bad-corpus', corpusCode: e.code, message: e.message, details: e.details };
  if (e instanceof TrainError) return { code: e.code, message: e.message, details: e.details };
  if (e instanceof SessionError) return { code: e.code, message: e.message };
  const message = e instanceof Error ? e.message : String(e);
  return { code: 'internal', message: message || 'Unknown error' };
}

interface Job {
  gen: Generator<unknown, unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

export class TrainingSession {
  private status: TrainerStatus = 'idle';
  private trainer: Trainer | null = null;
  private loaded: LoadedModel | null = null;
  private runSeq = 0;
  private runId = 0;
  private maxSteps = Number.POSITIVE_INFINITY;
  private backend: Backend | null = null;
  private readonly corpusCache = new Map<string, PreparedCorpus>();
  private readonly textCache = new Map<string, string>();
  private jobs: Job[] = [];
  private scheduled = false;
  private lastProgressAt = Number.NEGATIVE_INFINITY;
  private readonly progressGap = 1000 / MAX_PROGRESS_PER_SECOND;

  constructor(private readonly env: SessionEnv) {}

  /** Handles one request; always answers with exactly one reply. */
  async handle(req: WorkerRequest): Promise<void> {
    try {
      const transfer: ArrayBuffer[] = [];
      const result = await this.dispatch(req, transfer);
      this.env.post({ type: 'reply', rid: req.rid, ok: true, result }, transfer);
    } catch (e) {
      this.env.post({ type: 'reply', rid: req.rid, ok: false, error: toWireError(e) });
    }
  }

  private async dispatch(
    req: WorkerRequest,
    transfer: ArrayBuffer[],
  ): Promise<RequestMap[RequestType]['result']> {
    switch (req.type) {
      case 'start':
        return this.start(req);
      case 'pause':
        if (this.status === 'training') this.setStatus('paused');
        return { status: this.status };
      case 'resume':
        if (this.status === 'paused') {
          this.setStatus('training');
          this.schedule();
        }
        return { status: this.status };
      case 'stop':
        if (this.status === 'training' || this.status === 'paused') this.finalProgress('stopped');
        else if (this.status === 'preparing') {
          this.runSeq++;
          this.setStatus('idle');
        }
        return { status: this.status };
      case 'reset':
        this.runSeq++;
        this.disposeTrainer();
        this.loaded = null;
        this.setStatus('idle');
        return { status: this.status };
      case 'setLearningRate':
        if (!this.trainer)
          throw new SessionError('no-model', 'There is no model to change: start training first.');
        this.trainer.setLearningRate(req.lr);
        return { lr: req.lr };
      case 'sample':
        return this.sample(req.options);
      case 'snapshot':
        return this.snapshot(transfer);
      case 'save':
        return this.save(transfer);
      case 'load':
        return this.load(req.json);
    }
  }

  private setStatus(status: TrainerStatus, withProgress = false): void {
    this.status = status;
    const progress = withProgress && this.trainer ? this.trainer.progress() : undefined;
    this.env.post({ type: 'status', runId: this.runId, status, ...(progress ? { progress } : {}) });
  }

  private finalProgress(status: TrainerStatus): void {
    this.lastProgressAt = this.env.now();
    this.setStatus(status, true);
  }

  private disposeTrainer(): void {
    this.trainer?.dispose();
    this.trainer = null;
  }

  private getBackend(): Backend {
    this.backend ??= this.env.createBackend ? this.env.createBackend() : bestBackend();
    return this.backend;
  }

  private async corpusText(source: CorpusSource): Promise<{ key: string; text: string; name: string }> {
    if (source.kind === 'text') {
      if (typeof source.text !== 'string') throw new CorpusError('empty', 'The corpus is empty.');
      return { key: `text:${source.text}`, text: source.text, name: source.name ?? 'own text' };
    }
    let text = this.textCache.get(source.url);
    if (text === undefined) {
      try {
        text = await this.env.fetchText(source.url);
      } catch (e) {
        throw new SessionError(
          'fetch-failed',
          `Could not load the ${source.id} corpus from ${source.url}: ${(e as Error).message ?? e}`,
        );
      }
      this.textCache.set(source.url, text);
    }
    return { key: `url:${source.url}`, text, name: source.id };
  }

  private async start(req: Extract<WorkerRequest, { type: 'start' }>): Promise<RunInfo> {
    const mine = ++this.runSeq;
    const config = resolveTrainConfig(
      req.continueFromLoaded && this.loaded
        ? {
            ...req.config,
            cell: this.loaded.architecture.cell,
            hidden: this.loaded.architecture.hidden,
            layers: this.loaded.architecture.layers,
          }
        : req.config,
    );
    if (req.continueFromLoaded && !this.loaded)
      throw new SessionError('no-model', 'There is no loaded model to continue from.');
    this.disposeTrainer();
    this.runId = mine;
    this.setStatus('preparing');
    const cancelled = () => new SessionError('cancelled', 'A newer request replaced this start.');
    try {
      const { key, text, name } = await this.corpusText(req.corpus);
      if (mine !== this.runSeq) throw cancelled();
      let prepared = this.corpusCache.get(key);
      if (!prepared) {
        prepared = (await this.runJob(
          prepareCorpusIncremental(text, { numSteps: config.seqLen, batchSize: config.batch }),
        )) as PreparedCorpus;
        if (this.corpusCache.size >= 3)
          this.corpusCache.delete(this.corpusCache.keys().next().value as string);
        this.corpusCache.set(key, prepared);
      }
      if (mine !== this.runSeq) throw cancelled();
      const trainer = new Trainer(prepared, config, {
        backend: this.getBackend(),
        now: () => this.env.now(),
        init: req.continueFromLoaded ? (this.loaded ?? undefined) : undefined,
        corpusName: name,
      });
      this.trainer = trainer;
      this.maxSteps = req.maxSteps ?? Number.POSITIVE_INFINITY;
      this.lastProgressAt = this.env.now();
      this.setStatus('training');
      this.schedule();
      return {
        runId: mine,
        config: trainer.config,
        vocabSize: trainer.vocab.size,
        corpusChars: trainer.ids.length,
        corpusName: name,
        backend: trainer.backendName,
        loaded: !!req.continueFromLoaded,
      };
    } catch (e) {
      if (mine === this.runSeq) this.setStatus(this.loaded ? 'stopped' : 'idle');
      throw e;
    }
  }

  private sample(options: RequestMap['sample']['args']['options']) {
    const o = { ...options };
    if (typeof o.prefix !== 'string') o.prefix = '';
    if (!Number.isFinite(o.length)) o.length = 100;
    o.length = Math.max(0, Math.min(MAX_SAMPLE_LENGTH, Math.floor(o.length)));
    if (o.temperature !== undefined && !Number.isFinite(o.temperature)) o.temperature = 1;
    if (this.trainer)
      return this.runJob(this.trainer.sampleIncremental(o)) as Promise<RequestMap['sample']['result']>;
    if (this.loaded) {
      const l = this.loaded;
      return this.runJob(generateIncremental(l.model, l.vocab, o, createRng(o.seed ?? 0))) as Promise<
        RequestMap['sample']['result']
      >;
    }
    throw new SessionError(
      'no-model',
      'There is no model to sample from: start training or load a model first.',
    );
  }

  private snapshot(transfer: ArrayBuffer[]): RequestMap['snapshot']['result'] {
    if (this.trainer) {
      const s = this.trainer.snapshot();
      for (const d of s.data) transfer.push(d.buffer as ArrayBuffer);
      return { runId: this.runId, config: this.trainer.config, vocab: [...this.trainer.vocab.tokens], ...s };
    }
    throw new SessionError('no-model', 'There is no model yet: start training first.');
  }

  private async save(transfer: ArrayBuffer[]): Promise<RequestMap['save']['result']> {
    const src = this.trainer
      ? { model: this.trainer.model, vocab: this.trainer.vocab, cell: this.trainer.config.cell }
      : this.loaded
        ? { model: this.loaded.model, vocab: this.loaded.vocab, cell: this.loaded.architecture.cell }
        : null;
    if (!src) throw new SessionError('no-model', 'There is no model to save: start training first.');
    const training = this.trainer ? this.trainer.toModelFile().training : this.loaded?.training;
    // toModelFile without rounding is cheap; serializeModelFile rounds in slices
    const file = toModelFile(src.model, src.vocab, src.cell, training, false);
    const json = (await this.runJob(serializeModelFile(file))) as string;
    const bytes = new TextEncoder().encode(json).buffer as ArrayBuffer;
    transfer.push(bytes);
    const c = file.architecture;
    return { bytes, fileName: `char-lm-${c.cell}-h${c.hidden}-l${c.layers}-v${c.vocabSize}.json` };
  }

  private load(json: string): RequestMap['load']['result'] {
    const loaded = parseModelFile(json);
    this.runSeq++;
    this.disposeTrainer();
    this.loaded = loaded;
    this.runId = this.runSeq;
    this.setStatus('stopped');
    return {
      runId: this.runId,
      architecture: loaded.architecture,
      vocabSize: loaded.vocab.size,
      training: loaded.training
        ? {
            step: loaded.training.step,
            epoch: loaded.training.epoch,
            loss: loaded.training.loss,
            corpus: loaded.training.corpus,
          }
        : undefined,
    };
  }

  private runJob(gen: Generator<unknown, unknown>): Promise<unknown> {
    return new Promise((resolve, reject) => {
      this.jobs.push({ gen, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.env.defer(this.tick);
  }

  private readonly tick = (): void => {
    this.scheduled = false;
    const deadline = this.env.now() + SLICE_MS;
    while (this.jobs.length > 0 && this.env.now() < deadline) {
      const job = this.jobs[0];
      try {
        const r = job.gen.next();
        if (r.done) {
          this.jobs.shift();
          job.resolve(r.value);
        }
      } catch (e) {
        this.jobs.shift();
        job.reject(e);
      }
    }
    if (this.jobs.length === 0 && this.status === 'training' && this.trainer) {
      const trainer = this.trainer;
      try {
        const left = this.maxSteps - trainer.stepCount;
        if (left > 0) trainer.run(Math.max(1, deadline - this.env.now()), left);
      } catch (e) {
        this.finalProgress('failed');
        this.env.post({ type: 'error', runId: this.runId, error: toWireError(e) });
        return;
      }
      const now = this.env.now();
      if (trainer.stepCount >= this.maxSteps) this.finalProgress('stopped');
      else if (now - this.lastProgressAt >= this.progressGap) {
        this.lastProgressAt = now;
        this.env.post({ type: 'progress', runId: this.runId, progress: trainer.progress() });
      }
    }
    if (this.jobs.length > 0 || this.status === 'training') this.schedule();
  };
}
