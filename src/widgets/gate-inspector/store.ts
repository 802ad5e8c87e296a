/** One store per figure: the typed sequence, the seed, the extra forget-gate bias and the step in focus. */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { field, type Schema } from '../shared/urlState';
import { MAX_FORGET_BIAS, MAX_LENGTH } from './model';

export interface GateInspectorSettings {
  sequence: string;
  seed: number;
  /** Extra forget-gate bias (LSTM only), 0…3. */
  bias: number;
}

export const schema = (sequence: string): Schema<GateInspectorSettings> => ({
  version: 1,
  fields: {
    sequence: field.text(MAX_LENGTH, sequence),
    seed: field.int(0, 999_999, 1),
    bias: field.number(0, MAX_FORGET_BIAS, 0),
  },
});

export interface GateInspectorState extends GateInspectorSettings {
  /** The step whose gates are listed (hovered or focused character); null = none. */
  step: number | null;
  setSequence(sequence: string): void;
  setSeed(seed: number): void;
  setBias(bias: number): void;
  setStep(step: number | null): void;
}

export function createGateInspectorStore(initial: GateInspectorSettings): StoreApi<GateInspectorState> {
  return createStore<GateInspectorState>()((set) => ({
    ...initial,
    step: null,
    setSequence: (sequence) => set({ sequence: [...sequence].slice(0, MAX_LENGTH).join(''), step: null }),
    setSeed: (seed) =>
      set({ seed: Number.isFinite(seed) ? Math.min(999_999, Math.max(0, Math.round(seed))) : 1 }),
    setBias: (bias) => set({ bias: Math.min(MAX_FORGET_BIAS, Math.max(0, bias)) }),
    setStep: (step) => set({ step }),
  }));
}
