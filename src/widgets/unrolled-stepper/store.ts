/**
 * One store per figure (createStore + context): the configuration, the position on the timeline,
 * playback and the part of the cell the reader is pointing at. Actions clamp against the current
 * run's limits (positions and sub-steps), which the widget sets whenever the run changes.
 */
import { createContext, useContext } from 'react';
import { createStore, type StoreApi, useStore } from 'zustand';
import { type CellKind, MAX_LAYERS, nextSeed, type StepMode } from './model';
import type { StepperUrlState } from './urlSchema';

export const SPEEDS = [0.5, 1, 2, 4] as const;

export interface StepperState extends StepperUrlState {
  playing: boolean;
  /** Sub-steps per second while playing. */
  speed: number;
  /** The part of the cell under the pointer or focus ('gate:f', 'h_prev', …), shared by views. */
  focus: string | null;
  /** Limits of the current run: positions on the timeline and sub-steps per position. */
  count: number;
  phases: number;
  setLimits(count: number, phases: number): void;
  next(): void;
  prev(): void;
  home(): void;
  end(): void;
  /** Jump to a position, showing its completed step. */
  jump(t: number): void;
  togglePlay(): void;
  stop(): void;
  setSpeed(speed: number): void;
  setCell(cell: CellKind): void;
  setLayers(layers: number): void;
  setBidirectional(on: boolean): void;
  setSequence(sequence: string): void;
  setMode(mode: StepMode): void;
  setSeed(seed: number): void;
  reroll(): void;
  setDir(dir: number): void;
  setFocus(part: string | null): void;
  reset(): void;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

export function createStepperStore(initial: StepperUrlState): StoreApi<StepperState> {
  return createStore<StepperState>()((set, get) => ({
    ...initial,
    playing: false,
    speed: 1,
    focus: null,
    count: 1,
    phases: 1,
    setLimits(count, phases) {
      const s = get();
      if (s.count === count && s.phases === phases && s.t < count && s.phase < phases) return;
      set({ count, phases, t: clamp(s.t, 0, count - 1), phase: clamp(s.phase, 0, phases - 1) });
    },
    next() {
      const { t, phase, count, phases } = get();
      if (phase < phases - 1) set({ phase: phase + 1 });
      else if (t < count - 1) set({ t: t + 1, phase: 0 });
      else set({ playing: false });
    },
    prev() {
      const { t, phase, phases } = get();
      if (phase > 0) set({ phase: phase - 1 });
      else if (t > 0) set({ t: t - 1, phase: phases - 1 });
    },
    home: () => set({ t: 0, phase: 0 }),
    end: () => set({ t: get().count - 1, phase: get().phases - 1, playing: false }),
    jump: (t) => set({ t: clamp(Math.round(t), 0, get().count - 1), phase: get().phases - 1 }),
    togglePlay() {
      const s = get();
      if (s.playing) return set({ playing: false });
      // playing from the very end starts again from the beginning
      if (s.t >= s.count - 1 && s.phase >= s.phases - 1) set({ t: 0, phase: 0 });
      set({ playing: true });
    },
    stop: () => set({ playing: false }),
    setSpeed: (speed) => set({ speed }),
    setCell: (cell) => set({ cell, phase: 0, focus: null }),
    setLayers: (layers) => set({ layers: clamp(Math.round(layers), 1, MAX_LAYERS), t: 0, phase: 0 }),
    setBidirectional: (bidirectional) => set({ bidirectional, dir: 0 }),
    setSequence: (sequence) => set({ sequence }),
    setMode: (mode) => set({ mode, t: 0, phase: 0, playing: false }),
    setSeed: (seed) => set({ seed: clamp(Math.floor(seed), 0, 999_999) }),
    reroll: () => set({ seed: nextSeed(get().seed) }),
    setDir: (dir) => set({ dir: dir === 1 ? 1 : 0 }),
    setFocus: (focus) => {
      if (get().focus !== focus) set({ focus });
    },
    reset: () => set({ t: 0, phase: 0, playing: false, focus: null }),
  }));
}

export const StepperStoreContext = createContext<StoreApi<StepperState> | null>(null);

export function useStepper<T>(select: (s: StepperState) => T): T {
  const store = useContext(StepperStoreContext);
  if (!store) throw new Error('useStepper outside its provider');
  return useStore(store, select);
}

export function useStepperApi(): StoreApi<StepperState> {
  const store = useContext(StepperStoreContext);
  if (!store) throw new Error('useStepperApi outside its provider');
  return store;
}

/** The part of the state that goes into the URL. */
export function urlStateOf(s: StepperState): StepperUrlState {
  return {
    cell: s.cell,
    layers: s.layers,
    bidirectional: s.bidirectional,
    sequence: s.sequence,
    t: s.t,
    phase: s.phase,
    dir: s.dir,
    mode: s.mode,
    seed: s.seed,
  };
}
