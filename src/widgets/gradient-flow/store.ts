/** One store per figure: the reader's settings (all of them in the URL, seed included). */
import { createContext, useContext } from 'react';
import { createStore, type StoreApi, useStore } from 'zustand';
import { defaults, field, type Schema } from '../shared/urlState';
import { LIMITS } from './model';

export type View = 'norms' | 'graph' | 'truncation';
export const VIEWS: readonly View[] = ['norms', 'graph', 'truncation'];

export interface FlowSettings {
  view: View;
  cell: 'rnn' | 'gru' | 'lstm';
  activation: 'tanh' | 'relu';
  T: number;
  radius: number;
  inputScale: number;
  clip: number;
  k: number;
  compare: boolean;
  seed: number;
  draw: number;
}

export const schema: Schema<FlowSettings> = {
  version: 1,
  fields: {
    view: field.oneOf(VIEWS, 'norms'),
    cell: field.oneOf(['rnn', 'gru', 'lstm'] as const, 'rnn'),
    activation: field.oneOf(['tanh', 'relu'] as const, 'tanh'),
    T: field.int(LIMITS.T[0], LIMITS.T[1], 50),
    radius: field.number(LIMITS.radius[0], LIMITS.radius[1], 0.9),
    inputScale: field.number(LIMITS.inputScale[0], LIMITS.inputScale[1], 0.1),
    clip: field.number(LIMITS.clip[0], LIMITS.clip[1], 5),
    k: field.int(LIMITS.k[0], LIMITS.k[1], 5),
    compare: field.bool(true),
    seed: field.int(1, 999_999, 1),
    draw: field.int(0, 999_999, 0),
  },
};

export interface FlowState extends FlowSettings {
  /** The settings the figure started from (props), for "reset". */
  initial: FlowSettings;
  set<K extends keyof FlowSettings>(key: K, value: FlowSettings[K]): void;
  reseed(): void;
  redraw(): void;
  reset(): void;
}

const next = (n: number) => (Math.imul(n ^ 0x5bd1e995, 0x27d4eb2d) >>> 0) % 999_999 || 1;

export function settingsFromProps(props: { view?: string; cell?: string; length?: number }): FlowSettings {
  const d = defaults(schema);
  const f = schema.fields;
  return {
    ...d,
    view: f.view.read(props.view) ?? d.view,
    cell: f.cell.read(props.cell) ?? d.cell,
    T: f.T.read(props.length) ?? d.T,
  };
}

export function createFlowStore(initial: FlowSettings, start: FlowSettings = initial): StoreApi<FlowState> {
  return createStore<FlowState>()((set, get) => ({
    ...start,
    initial,
    set: (key, value) => set({ [key]: value } as Partial<FlowState>),
    reseed: () => set({ seed: next(get().seed) }),
    redraw: () => set({ draw: next(get().draw + 1) }),
    reset: () => set({ ...get().initial }),
  }));
}

export function settingsOf(s: FlowState): FlowSettings {
  const out = {} as Record<string, unknown>;
  for (const key of Object.keys(schema.fields)) out[key] = s[key as keyof FlowSettings];
  return out as unknown as FlowSettings;
}

export const FlowStoreContext = createContext<StoreApi<FlowState> | null>(null);

export function useFlow<T>(select: (s: FlowState) => T): T {
  const store = useContext(FlowStoreContext);
  if (!store) throw new Error('useFlow outside its provider');
  return useStore(store, select);
}
