/** One store per figure (createStore + context): the nn.RNN/GRU/LSTM settings and the last clamping message. */
import { createContext, useContext } from 'react';
import { createStore, type StoreApi, useStore } from 'zustand';
import { clampSize, DEFAULT_SETTINGS, type ParamSettings, type SizeIssue, type SizeKey } from './model';

export interface ParamShapesState {
  settings: ParamSettings;
  notice: { key: SizeKey; typed: string; issue: SizeIssue; value: number } | null;
  setSize(key: SizeKey, typed: string): void;
  set<K extends 'cell' | 'nonlinearity' | 'bias' | 'bidirectional'>(key: K, value: ParamSettings[K]): void;
}

export function createParamShapesStore(initial?: Partial<ParamSettings>): StoreApi<ParamShapesState> {
  return createStore<ParamShapesState>()((set, get) => ({
    settings: { ...DEFAULT_SETTINGS, ...initial },
    notice: null,
    setSize(key, typed) {
      const c = clampSize(key, typed, get().settings[key]);
      set({
        settings: { ...get().settings, [key]: c.value },
        notice: c.issue ? { key, typed, issue: c.issue, value: c.value } : null,
      });
    },
    set(key, value) {
      set({ settings: { ...get().settings, [key]: value }, notice: null });
    },
  }));
}

export const ParamShapesContext = createContext<StoreApi<ParamShapesState> | null>(null);

export function useParamShapes<T>(select: (s: ParamShapesState) => T): T {
  const store = useContext(ParamShapesContext);
  if (!store) throw new Error('useParamShapes outside its provider');
  return useStore(store, select);
}
