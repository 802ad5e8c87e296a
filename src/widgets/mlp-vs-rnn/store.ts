/**
 * One store per figure. The seed, how far training has gone and the test sequence are in the URL; the
 * experiment itself (two small models) lives here and is mutated in place by training slices, with
 * `version` bumped after each slice so that components re-read it.
 */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { field, type Schema } from '../shared/urlState';
import { createExperiment, type Experiment, exampleSequence, TOTAL_STEPS, trainSteps } from './model';

export interface MvrUrlState {
  seed: number;
  /** Training steps taken (replayed from the seed when a link is opened). */
  trained: number;
  text: string;
}

export function mvrSchema(): Schema<MvrUrlState> {
  return {
    version: 1,
    fields: {
      seed: field.int(1, 999_999, 1),
      trained: field.int(0, TOTAL_STEPS, 0),
      text: field.text(48, exampleSequence(1)),
    },
  };
}

export interface MvrState {
  seed: number;
  text: string;
  exp: Experiment;
  /** Train up to this step (the training loop runs while exp.step < target). */
  target: number;
  running: boolean;
  version: number;
  setText(text: string): void;
  /** Start or resume training up to the end. */
  train(): void;
  pause(): void;
  /** A new seed: fresh models, untrained. */
  reroll(): void;
  /** Back to step 0 with the same seed. */
  restart(): void;
  /** Runs up to `n` training steps now (one slice of the loop). */
  advance(n: number): void;
}

export function createMvrStore(initial: MvrUrlState): StoreApi<MvrState> {
  return createStore<MvrState>()((set, get) => ({
    seed: initial.seed,
    text: initial.text,
    exp: createExperiment(initial.seed),
    target: initial.trained,
    running: initial.trained > 0,
    version: 0,
    setText: (text) => set({ text: [...text].slice(0, 48).join('') }),
    train: () => {
      if (get().exp.step >= TOTAL_STEPS) return;
      set({ target: TOTAL_STEPS, running: true });
    },
    pause: () => set({ running: false, target: get().exp.step }),
    reroll: () => {
      const seed = ((Math.imul(get().seed ^ 0x5bd1e995, 0x27d4eb2d) >>> 0) % 999_999) + 1;
      set({ seed, exp: createExperiment(seed), target: 0, running: false, version: get().version + 1 });
    },
    restart: () =>
      set({ exp: createExperiment(get().seed), target: 0, running: false, version: get().version + 1 }),
    advance: (n) => {
      const { exp, target } = get();
      trainSteps(exp, Math.min(n, target - exp.step));
      set({ version: get().version + 1, running: exp.step < target });
    },
  }));
}

export const urlStateOf = (s: MvrState): MvrUrlState => ({ seed: s.seed, trained: s.exp.step, text: s.text });

export const MvrContext = createContext<StoreApi<MvrState> | null>(null);

export function useMvr<T>(select: (s: MvrState) => T): T {
  const store = useContext(MvrContext);
  if (!store) throw new Error('useMvr outside its provider');
  return useStore(store, select);
}

export function useMvrStore(): StoreApi<MvrState> {
  const store = useContext(MvrContext);
  if (!store) throw new Error('useMvrStore outside its provider');
  return store;
}
