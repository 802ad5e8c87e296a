/**
 * The training worker's typed protocol. The page sends `WorkerRequest`s (each with a request id `rid`)
 * and receives `WorkerEvent`s: one `reply` per request, plus `progress` (at most 10 per second),
 * `status` changes and asynchronous `error`s (divergence) of the current run.
 */
import type { CorpusErrorCode } from '../engine/text/index.ts';
import type {
  ModelArchitecture,
  SampleOptions,
  SampleResult,
  TrainConfig,
  TrainProgress,
} from '../engine/train/index.ts';

export type { SampleOptions, SampleResult, TrainConfig, TrainProgress };

export type BuiltinCorpusId = 'tang' | 'english';

export type CorpusSource =
  /** A corpus shipped in public/corpora, fetched by the worker from `url`. */
  | { kind: 'builtin'; id: BuiltinCorpusId; url: string }
  /** The reader's own text. */
  | { kind: 'text'; text: string; name?: string };

export type TrainerStatus = 'idle' | 'preparing' | 'training' | 'paused' | 'stopped' | 'failed';

export type ErrorCode =
  | 'bad-corpus'
  | 'bad-config'
  | 'diverged'
  | 'bad-model-file'
  | 'fetch-failed'
  | 'no-model'
  | 'cancelled'
  | 'internal';

export interface WireError {
  code: ErrorCode;
  /** For bad-corpus: which check failed (the UI translates it). */
  corpusCode?: CorpusErrorCode;
  /** English text; the UI shows its own translation of the code where it has one. */
  message: string;
  details?: Record<string, number | string>;
}

export interface RunInfo {
  runId: number;
  config: TrainConfig;
  vocabSize: number;
  corpusChars: number;
  corpusName: string;
  backend: string;
  /** The model came from a loaded file. */
  loaded: boolean;
}

export interface Snapshot {
  runId: number;
  config: TrainConfig;
  vocab: string[];
  names: string[];
  shapes: number[][];
  data: Float32Array[];
}

export interface LoadResult {
  runId: number;
  architecture: ModelArchitecture;
  vocabSize: number;
  training?: { step: number; epoch: number; loss: number; corpus?: string };
}

/** Every request, and the result its reply carries. */
export interface RequestMap {
  start: {
    args: {
      config: Partial<TrainConfig>;
      corpus: CorpusSource;
      continueFromLoaded?: boolean;
      maxSteps?: number;
    };
    result: RunInfo;
  };
  pause: { args: Record<string, never>; result: { status: TrainerStatus } };
  resume: { args: Record<string, never>; result: { status: TrainerStatus } };
  stop: { args: Record<string, never>; result: { status: TrainerStatus } };
  /** Forget the model entirely. */
  reset: { args: Record<string, never>; result: { status: TrainerStatus } };
  sample: { args: { options: SampleOptions }; result: SampleResult };
  snapshot: { args: Record<string, never>; result: Snapshot };
  /** The model file as UTF-8 JSON bytes (transferred). */
  save: { args: Record<string, never>; result: { bytes: ArrayBuffer; fileName: string } };
  load: { args: { json: string }; result: LoadResult };
  setLearningRate: { args: { lr: number }; result: { lr: number } };
}

export type RequestType = keyof RequestMap;

export type WorkerRequest = {
  [K in RequestType]: { type: K; rid: number } & RequestMap[K]['args'];
}[RequestType];

export type WorkerEvent =
  | { type: 'reply'; rid: number; ok: true; result: unknown }
  | { type: 'reply'; rid: number; ok: false; error: WireError }
  | { type: 'progress'; runId: number; progress: TrainProgress }
  | { type: 'status'; runId: number; status: TrainerStatus; progress?: TrainProgress }
  | { type: 'error'; runId: number; error: WireError };

/** At most this many progress events per second. */
export const MAX_PROGRESS_PER_SECOND = 10;
/** Training slice length: the worker reads its messages at least this often (plus one step). */
export const SLICE_MS = 20;
