/**
 * One store per figure: the typed sequence, the seed, the extra forget-gate bias and the step in focus
 * (these four in the URL), and which model is read (fresh or a trained one), its layer and the units
 * drawn (not in the URL: a trained model lives only in this page's memory).
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { field, type Schema } from '../shared/urlState';
import { MAX_FORGET_BIAS, MAX_LENGTH, type UnitOrder } from './model';

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
  /** The key of a model in the shared trained-model store, or null for the fresh seeded model. */
  modelKey: string | null;
  /** Layer drawn (0-based), for a multi-layer trained model. */
  layer: number;
  unitOrder: UnitOrder;
  /** How many units to draw at most. */
  unitCount: number;
  /** The sequence is one the figure chose (its default or a corpus line), not one the reader typed. */
  sequenceIsDefault: boolean;
  setSequence(sequence: string): void;
  /**
   * Chooses a model (null: the fresh one). Unless the reader typed their own sequence, it becomes `line`
   * (a line of the model's corpus), or the figure's default for the fresh model.
   */
  setModel(modelKey: string | null, line?: string | null): void;
  setLayer(layer: number): void;
  setUnits(patch: { unitOrder?: UnitOrder; unitCount?: number }): void;
  setSeed(seed: number): void;
  setBias(bias: number): void;
  setStep(step: number | null): void;
}

export const DEFAULT_UNIT_COUNT = 16;
const clip = (s: string) => [...s].slice(0, MAX_LENGTH).join('');

export function createGateInspectorStore(
  initial: GateInspectorSettings,
  /** The figure's own default sequence (its MDX prop). */
  defaultSequence = initial.sequence,
): StoreApi<GateInspectorState> {
  return createStore<GateInspectorState>()((set, get) => ({
    ...initial,
    step: null,
    modelKey: null,
    layer: 0,
    unitOrder: 'first',
    unitCount: DEFAULT_UNIT_COUNT,
    sequenceIsDefault: initial.sequence === defaultSequence,
    setSequence: (sequence) => set({ sequence: clip(sequence), step: null, sequenceIsDefault: false }),
    setModel: (modelKey, line) => {
      const s = get();
      const next = modelKey === null ? defaultSequence : (line ?? s.sequence);
      set({ modelKey, layer: 0, step: null, sequence: s.sequenceIsDefault ? clip(next) : s.sequence });
    },
    setLayer: (layer) => set({ layer: Math.max(0, Math.round(layer)), step: null }),
    setUnits: (patch) =>
      set({
        ...(patch.unitOrder ? { unitOrder: patch.unitOrder } : {}),
        ...(patch.unitCount !== undefined ? { unitCount: Math.max(1, Math.round(patch.unitCount)) } : {}),
      }),
    setSeed: (seed) =>
      set({ seed: Number.isFinite(seed) ? Math.min(999_999, Math.max(0, Math.round(seed))) : 1 }),
    setBias: (bias) => set({ bias: Math.min(MAX_FORGET_BIAS, Math.max(0, bias)) }),
    setStep: (step) => set({ step }),
  }));
}
