/** One store per figure: the seed of the numbers and the backward step reached (both in the URL). */
import { createContext, useContext } from 'react';
import { createStore, type StoreApi, useStore } from 'zustand';
import { field, type Schema } from '../shared/urlState';

export const STEPS = 14;

export interface GraphSettings {
  step: number;
  seed: number;
}

export const schema: Schema<GraphSettings> = {
  version: 1,
  fields: { step: field.int(0, STEPS - 1, 0), seed: field.int(1, 999_999, 1) },
};

export interface GraphState extends GraphSettings {
  go(step: number): void;
  reseed(): void;
}

export function createGraphStore(start: GraphSettings): StoreApi<GraphState> {
  return createStore<GraphState>()((set, get) => ({
    ...start,
    go: (step) => set({ step: Math.max(0, Math.min(STEPS - 1, step)) }),
    reseed: () =>
      set({ seed: (Math.imul(get().seed ^ 0x5bd1e995, 0x27d4eb2d) >>> 0) % 999_999 || 1, step: 0 }),
  }));
}

export const GraphStoreContext = createContext<StoreApi<GraphState> | null>(null);

export function useGraph<T>(select: (s: GraphState) => T): T {
  const store = useContext(GraphStoreContext);
  if (!store) throw new Error('useGraph outside its provider');
  return useStore(store, select);
}
