/** One store per figure: the settings, the runs drawn on the charts, the worker's status and messages. */
import { createContext, useContext } from 'react';
import { createStore, type StoreApi, useStore } from 'zustand';
import type { RunInfo, SampleResult, TrainerStatus, WireError, WorkerEvent } from '../../workers/protocol.ts';
import { appendPoint, pointOf, type Run, type Settings } from './model';

export interface Problem {
  /** Which part of the widget the message belongs to. */
  where: 'train' | 'sample' | 'file';
  error: WireError;
}

export interface TrainerState {
  settings: Settings;
  ownText: string;
  status: TrainerStatus;
  runs: Run[];
  /** Worker run id of the run receiving progress. */
  activeRunId: number | null;
  info: RunInfo | null;
  loadedInfo: { cell: string; hidden: number; layers: number; vocabSize: number } | null;
  /** The model last handed to the gate inspectors (shared trained-model store), for the notice. */
  published: { cell: string; step: number | null } | null;
  problem: Problem | null;
  sample: {
    prefix: string;
    temperature: number;
    length: number;
    result: SampleResult | null;
    busy: boolean;
    seed: number;
  };
  busy: boolean;
  setSetting<K extends keyof Settings>(key: K, value: Settings[K]): void;
  setOwnText(text: string): void;
  setSample(patch: Partial<TrainerState['sample']>): void;
  setProblem(problem: Problem | null): void;
  setBusy(busy: boolean): void;
  setPublished(published: TrainerState['published']): void;
  runStarted(info: RunInfo, settings: Settings): void;
  loaded(info: TrainerState['loadedInfo'], runId: number): void;
  apply(event: WorkerEvent): void;
  clear(): void;
}

export function createTrainerStore(settings: Settings, prefix: string): StoreApi<TrainerState> {
  return createStore<TrainerState>()((set, get) => ({
    settings,
    ownText: '',
    status: 'idle',
    runs: [],
    activeRunId: null,
    info: null,
    loadedInfo: null,
    published: null,
    problem: null,
    sample: { prefix, temperature: 0.8, length: 100, result: null, busy: false, seed: 1 },
    busy: false,
    setSetting(key, value) {
      set({ settings: { ...get().settings, [key]: value } });
    },
    setOwnText(text) {
      set({ ownText: text });
    },
    setSample(patch) {
      set({ sample: { ...get().sample, ...patch } });
    },
    setProblem(problem) {
      set({ problem });
    },
    setBusy(busy) {
      set({ busy });
    },
    setPublished(published) {
      set({ published });
    },
    runStarted(info, s) {
      const run: Run = {
        id: info.runId,
        cell: info.config.cell,
        hidden: info.config.hidden,
        corpus: s.corpus,
        clip: info.config.clip,
        points: [],
      };
      set({
        runs: [...get().runs, run],
        activeRunId: info.runId,
        info,
        loadedInfo: null,
        published: null,
        problem: null,
      });
    },
    loaded(info, runId) {
      set({ loadedInfo: info, info: null, activeRunId: runId, status: 'stopped' });
    },
    apply(event) {
      if (event.type === 'reply') return;
      const { activeRunId } = get();
      if (event.runId !== activeRunId && event.runId !== -1) {
        // a status of a newer run (its 'preparing') arrives before the start reply
        if (event.type === 'status') set({ status: event.status });
        return;
      }
      const addPoint = (progress: Parameters<typeof pointOf>[0]) =>
        get().runs.map((r) =>
          r.id === activeRunId ? { ...r, points: appendPoint(r.points, pointOf(progress)) } : r,
        );
      if (event.type === 'progress') set({ runs: addPoint(event.progress) });
      else if (event.type === 'status')
        set({ status: event.status, ...(event.progress ? { runs: addPoint(event.progress) } : {}) });
      else if (event.type === 'error') set({ problem: { where: 'train', error: event.error } });
    },
    clear() {
      set({
        runs: [],
        activeRunId: null,
        info: null,
        loadedInfo: null,
        published: null,
        problem: null,
        status: 'idle',
        sample: { ...get().sample, result: null },
      });
    },
  }));
}

export const TrainerStoreContext = createContext<StoreApi<TrainerState> | null>(null);

export function useTrainer<T>(select: (s: TrainerState) => T): T {
  const store = useContext(TrainerStoreContext);
  if (!store) throw new Error('useTrainer outside its provider');
  return useStore(store, select);
}

export function useTrainerStore(): StoreApi<TrainerState> {
  const store = useContext(TrainerStoreContext);
  if (!store) throw new Error('useTrainerStore outside its provider');
  return store;
}
