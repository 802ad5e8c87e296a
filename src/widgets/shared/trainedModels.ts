/**
 * Trained models shared between figures: the char-lm-trainer publishes a GRU or LSTM it has trained (on
 * pause, on stop, when the reader leaves the page while it trains, when a saved file is loaded into it),
 * and the gate inspectors of the GRU and LSTM chapters list them. Also the file reader both use.
 *
 * In memory only, on purpose: a model is up to several MB of weights, too big for localStorage or a URL.
 * The store is a module-level singleton, so it lives as long as the page's JavaScript does: it survives
 * client-side navigation between chapters (the router keeps the modules), not a reload.
 */
import { createStore } from 'zustand/vanilla';
import type { ModelFileResult, TrainedModelData } from './trainedModelFile';

export interface TrainedModel extends TrainedModelData {
  /** Stable identity: one per trainer run (re-publishing the same run replaces it) or per loaded file. */
  key: string;
  /** Trained in a trainer figure of this session, or read from a saved file. */
  origin: 'trainer' | 'file';
  /** The file's name, for a model read from a file. */
  fileName?: string;
  /** A line of the reader's own corpus, to read by default (for corpus 'own'). */
  sampleLine?: string;
  /** Increases with every publication, so a figure can tell a newer snapshot of the same run. */
  version: number;
}

/** At most this many models are kept (newest first); older ones are dropped to bound memory. */
export const MAX_TRAINED_MODELS = 4;

export interface TrainedModelsState {
  /** Newest first. */
  models: readonly TrainedModel[];
  publish(model: Omit<TrainedModel, 'version'>): TrainedModel;
  remove(key: string): void;
}

let counter = 0;

export function createTrainedModelsStore() {
  return createStore<TrainedModelsState>()((set, get) => ({
    models: [],
    publish(model) {
      const entry: TrainedModel = { ...model, version: ++counter };
      const rest = get().models.filter((m) => m.key !== model.key);
      set({ models: [entry, ...rest].slice(0, MAX_TRAINED_MODELS) });
      return entry;
    },
    remove(key) {
      set({ models: get().models.filter((m) => m.key !== key) });
    },
  }));
}

/** The page's one shared store of trained models. */
export const trainedModels = createTrainedModelsStore();

/** Files larger than this are refused before reading (a 2-layer 512-unit Tang model is about 150 MB). */
export const MAX_MODEL_FILE_BYTES = 200 * 1024 * 1024;

/**
 * Reads a saved model file in a short-lived worker (hundreds of ms of parsing for a big file would
 * otherwise block the page); in place where there is no Worker (tests in Node).
 */
export async function readModelFileOffThread(text: string): Promise<ModelFileResult> {
  if (typeof Worker === 'undefined') {
    const { readModelFile } = await import('./trainedModelFile');
    return readModelFile(text);
  }
  const worker = new Worker(new URL('./modelFile.worker.ts', import.meta.url), {
    type: 'module',
    name: 'unrolled-model-file',
  });
  try {
    return await new Promise<ModelFileResult>((resolve) => {
      worker.onmessage = (e: MessageEvent<ModelFileResult>) => resolve(e.data);
      worker.onerror = (e) => {
        e.preventDefault();
        resolve({ ok: false, problem: 'invalid', message: e.message || 'the file reader failed' });
      };
      worker.postMessage(text);
    });
  } finally {
    worker.terminate();
  }
}
