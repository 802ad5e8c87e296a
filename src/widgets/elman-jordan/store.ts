/** One store per figure: the sequence, the seed and the current step (shared by both networks). */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { field, type Schema } from '../shared/urlState';
import { MAX_LENGTH, nextSeed } from './model';

export interface EjUrlState {
  text: string;
  seed: number;
  /** 0-based step both networks are at. */
  step: number;
}

export function ejSchema(defaultText: string): Schema<EjUrlState> {
  return {
    version: 1,
    fields: {
      text: field.text(32, defaultText),
      seed: field.int(1, 999_999, 1),
      step: field.int(0, MAX_LENGTH - 1, 0),
    },
  };
}

export interface EjState extends EjUrlState {
  playing: boolean;
  setText(text: string): void;
  reroll(): void;
  /** Moves to step `t`, clamped to [0, T − 1]. */
  goTo(t: number, T: number): void;
  setPlaying(playing: boolean): void;
}

const clamp = (t: number, T: number) => (T <= 0 ? 0 : Math.min(T - 1, Math.max(0, Math.round(t))));

export function createEjStore(initial: EjUrlState): StoreApi<EjState> {
  return createStore<EjState>()((set, get) => ({
    ...initial,
    playing: false,
    setText: (text) => set({ text: [...text].slice(0, 32).join('') }),
    reroll: () => set({ seed: nextSeed(get().seed) }),
    goTo: (t, T) => set({ step: clamp(t, T) }),
    setPlaying: (playing) => set({ playing }),
  }));
}

export const urlStateOf = ({ text, seed, step }: EjState): EjUrlState => ({ text, seed, step });

export const EjContext = createContext<StoreApi<EjState> | null>(null);

export function useEj<T>(select: (s: EjState) => T): T {
  const store = useContext(EjContext);
  if (!store) throw new Error('useEj outside its provider');
  return useStore(store, select);
}

export function useEjStore(): StoreApi<EjState> {
  const store = useContext(EjContext);
  if (!store) throw new Error('useEjStore outside its provider');
  return store;
}
