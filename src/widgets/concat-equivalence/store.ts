/** One store per figure (createStore + context): the sizes, the seed and the last clamping message. */
import { createContext, useContext } from 'react';
import { createStore, type StoreApi, useStore } from 'zustand';
import { type Clamped, clampDim, DEFAULT_DIMS, type DimKey, type Dims } from './model';

export interface ConcatState {
  dims: Dims;
  seed: number;
  /** The last size the reader typed that had to be changed, and why. */
  notice: { key: DimKey; typed: string; issue: NonNullable<Clamped['issue']>; value: number } | null;
  setDim(key: DimKey, typed: string): void;
  reroll(): void;
}

export function createConcatStore(initial?: { dims?: Dims; seed?: number }): StoreApi<ConcatState> {
  return createStore<ConcatState>()((set, get) => ({
    dims: initial?.dims ?? DEFAULT_DIMS,
    seed: initial?.seed ?? 1,
    notice: null,
    setDim(key, typed) {
      const c = clampDim(key, typed, get().dims[key]);
      set({
        dims: { ...get().dims, [key]: c.value },
        notice: c.issue ? { key, typed, issue: c.issue, value: c.value } : null,
      });
    },
    reroll() {
      // the next seed is a deterministic function of the current one, so a shared link replays exactly
      set({ seed: (Math.imul(get().seed ^ 0x5bd1e995, 0x27d4eb2d) >>> 0) % 1_000_000 });
    },
  }));
}

export const ConcatStoreContext = createContext<StoreApi<ConcatState> | null>(null);

export function useConcat<T>(select: (s: ConcatState) => T): T {
  const store = useContext(ConcatStoreContext);
  if (!store) throw new Error('useConcat outside its provider');
  return useStore(store, select);
}
