/** One store per figure: the typed text, the seed and the LSTM view, restorable from the URL. */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { field, type Schema } from '../shared/urlState';
import { nextSeed } from './model';

export interface HeatmapUrlState {
  text: string;
  seed: number;
  lstmView: 'h' | 'c';
}

/** The URL schema; the page's `sequence` prop is the default text. */
export function heatmapSchema(defaultText: string): Schema<HeatmapUrlState> {
  return {
    version: 1,
    fields: {
      text: field.text(64, defaultText),
      seed: field.int(1, 999_999, 1),
      lstmView: field.oneOf(['h', 'c'] as const, 'h'),
    },
  };
}

export interface HeatmapState extends HeatmapUrlState {
  setText(text: string): void;
  reroll(): void;
  setLstmView(view: 'h' | 'c'): void;
}

export function createHeatmapStore(initial: HeatmapUrlState): StoreApi<HeatmapState> {
  return createStore<HeatmapState>()((set, get) => ({
    ...initial,
    setText: (text) => set({ text: [...text].slice(0, 64).join('') }),
    reroll: () => set({ seed: nextSeed(get().seed) }),
    setLstmView: (lstmView) => set({ lstmView }),
  }));
}

export const urlStateOf = ({ text, seed, lstmView }: HeatmapState): HeatmapUrlState => ({
  text,
  seed,
  lstmView,
});

export const HeatmapContext = createContext<StoreApi<HeatmapState> | null>(null);

export function useHeatmap<T>(select: (s: HeatmapState) => T): T {
  const store = useContext(HeatmapContext);
  if (!store) throw new Error('useHeatmap outside its provider');
  return useStore(store, select);
}
