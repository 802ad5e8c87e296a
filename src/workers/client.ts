/**
 * The page's side of the training worker: typed requests that resolve with their reply, an event
 * stream (progress, status, asynchronous errors) and `terminate()` for when the widget goes away.
 */
import type {
  CorpusSource,
  RequestMap,
  RequestType,
  SampleOptions,
  TrainConfig,
  WireError,
  WorkerEvent,
  WorkerRequest,
} from './protocol.ts';

/** What the client needs of a Worker (a fake in tests). */
export interface WorkerLike {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

/** A failed request: the worker's typed error. */
export class TrainerRequestError extends Error {
  readonly code: WireError['code'];
  readonly corpusCode?: WireError['corpusCode'];
  readonly details?: WireError['details'];
  constructor(error: WireError) {
    super(error.message);
    this.name = 'TrainerRequestError';
    this.code = error.code;
    this.corpusCode = error.corpusCode;
    this.details = error.details;
  }
}

/** The module worker (its own chunk under Vite; allowed by the CSP's worker-src 'self'). */
export function createTrainerWorker(): Worker {
  return new Worker(new URL('./trainer.worker.ts', import.meta.url), {
    type: 'module',
    name: 'unrolled-trainer',
  });
}

type Args<K extends RequestType> = RequestMap[K]['args'];
type Result<K extends RequestType> = RequestMap[K]['result'];

export class TrainerClient {
  private rid = 0;
  private readonly pending = new Map<number, { resolve(v: unknown): void; reject(e: unknown): void }>();
  private readonly listeners = new Set<(event: WorkerEvent) => void>();
  private terminated = false;

  constructor(private readonly worker: WorkerLike = createTrainerWorker()) {
    worker.onmessage = (e: MessageEvent) => this.receive(e.data as WorkerEvent);
    // An error the worker did not catch (a bug, a failed load, out of memory): its state can no longer be
    // trusted, so the run is reported failed and the worker ended; the next request starts a fresh one.
    worker.onerror = (e: ErrorEvent) => {
      e.preventDefault?.();
      if (this.terminated) return;
      const error: WireError = {
        code: 'internal',
        message: `The training worker failed: ${e.message || 'unknown error'}`,
      };
      for (const p of this.pending.values()) p.reject(new TrainerRequestError(error));
      this.pending.clear();
      this.emit({ type: 'error', runId: -1, error });
      this.emit({ type: 'status', runId: -1, status: 'failed' });
      this.terminate();
    };
  }

  get isTerminated(): boolean {
    return this.terminated;
  }

  private receive(event: WorkerEvent): void {
    if (event.type === 'reply') {
      const p = this.pending.get(event.rid);
      if (!p) return;
      this.pending.delete(event.rid);
      if (event.ok) p.resolve(event.result);
      else p.reject(new TrainerRequestError(event.error));
      return;
    }
    this.emit(event);
  }

  private emit(event: WorkerEvent): void {
    for (const l of this.listeners) l(event);
  }

  /** Subscribes to progress, status and error events; returns the unsubscribe function. */
  on(listener: (event: WorkerEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  request<K extends RequestType>(type: K, args: Args<K>): Promise<Result<K>> {
    if (this.terminated)
      return Promise.reject(
        new TrainerRequestError({ code: 'cancelled', message: 'The training worker has ended.' }),
      );
    const rid = ++this.rid;
    return new Promise<Result<K>>((resolve, reject) => {
      this.pending.set(rid, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ type, rid, ...args } as WorkerRequest);
    });
  }

  start(
    config: Partial<TrainConfig>,
    corpus: CorpusSource,
    extra: { continueFromLoaded?: boolean; maxSteps?: number } = {},
  ) {
    return this.request('start', { config, corpus, ...extra });
  }
  pause() {
    return this.request('pause', {});
  }
  resume() {
    return this.request('resume', {});
  }
  stop() {
    return this.request('stop', {});
  }
  reset() {
    return this.request('reset', {});
  }
  sample(options: SampleOptions) {
    return this.request('sample', { options });
  }
  snapshot() {
    return this.request('snapshot', {});
  }
  save() {
    return this.request('save', {});
  }
  load(json: string) {
    return this.request('load', { json });
  }
  setLearningRate(lr: number) {
    return this.request('setLearningRate', { lr });
  }

  /** Ends the worker at once; pending requests fail with 'cancelled'. */
  terminate(): void {
    if (this.terminated) return;
    this.terminated = true;
    this.worker.terminate();
    for (const p of this.pending.values())
      p.reject(new TrainerRequestError({ code: 'cancelled', message: 'The training worker has ended.' }));
    this.pending.clear();
    this.listeners.clear();
  }
}
