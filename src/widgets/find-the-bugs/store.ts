/**
 * One store per figure: the reader's marks, hints and reveals, which fixes are applied, and the training
 * re-enactments (run in slices of ≤ ~12 ms, so the page never blocks).
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { field, type Schema } from '../shared/urlState';
import { createRunner, type Runner, type RunResult } from './model';
import {
  ALL_FIXES,
  checkMarks,
  FIX_IDS,
  type Fixes,
  type FixId,
  type MarkResult,
  NO_FIXES,
  SCRIPT_LINES,
} from './script';

export interface FtbSettings {
  /** Comma-separated marked line numbers. */
  marked: string;
  /** Bit k set: FIX_IDS[k] revealed / applied. */
  revealed: number;
  applied: number;
  seed: number;
}

export const schema: Schema<FtbSettings> = {
  version: 1,
  fields: {
    marked: field.text(160, ''),
    revealed: field.int(0, 63, 0),
    applied: field.int(0, 63, 0),
    seed: field.int(0, 999_999, 0),
  },
};

export const toBits = (ids: readonly FixId[]) => ids.reduce((m, f) => m | (1 << FIX_IDS.indexOf(f)), 0);
export const fromBits = (m: number) => FIX_IDS.filter((_, k) => (m >> k) & 1);
export const fixesOf = (ids: readonly FixId[]): Fixes =>
  Object.fromEntries(FIX_IDS.map((f) => [f, ids.includes(f)])) as Fixes;

export function parseMarks(s: string): number[] {
  return [
    ...new Set(
      s
        .split(',')
        .map(Number)
        .filter(
          (n) =>
            Number.isInteger(n) && n >= 1 && n <= SCRIPT_LINES.length && SCRIPT_LINES[n - 1].trim() !== '',
        ),
    ),
  ].sort((a, b) => a - b);
}

export interface RunState {
  status: 'idle' | 'running' | 'done';
  fixes: Fixes;
  result: RunResult | null;
  step: number;
  total: number;
}

export interface FtbState {
  marked: number[];
  checked: MarkResult | null;
  hints: FixId[];
  revealed: FixId[];
  applied: FixId[];
  seed: number;
  run: RunState;
  /** The fully corrected script's run, for comparison. */
  reference: RunResult | null;
  referenceRunning: boolean;
  toggleMark(line: number): void;
  clearMarks(): void;
  check(): void;
  showHint(id: FixId): void;
  reveal(id: FixId): void;
  setApplied(id: FixId, on: boolean): void;
  startRun(fixes: Fixes): void;
  stop(): void;
  dispose(): void;
}

/** Budget of one slice of training on the main thread, in ms. */
const SLICE_MS = 10;

export function createFtbStore(initial: FtbSettings, options: { live?: boolean } = {}): StoreApi<FtbState> {
  const live = options.live ?? true;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let token = 0;
  let lastPublish = 0;
  return createStore<FtbState>()((set, get) => {
    /** Runs `runner` in slices; calls `onSlice` after each and `onDone` at the end. */
    const drive = (runner: Runner, my: number, onSlice: (r: Runner) => void, onDone: (r: Runner) => void) => {
      const slice = () => {
        if (my !== token) return;
        const t0 = performance.now();
        let over = false;
        do over = runner.step(1);
        while (!over && performance.now() - t0 < SLICE_MS);
        if (over) onDone(runner);
        else {
          onSlice(runner);
          timer = setTimeout(slice, 0);
        }
      };
      timer = setTimeout(slice, 0);
    };
    const runReference = (my: number) => {
      if (get().reference || get().referenceRunning) return;
      set({ referenceRunning: true });
      drive(
        createRunner(ALL_FIXES, get().seed),
        my,
        () => {},
        (r) => set({ reference: r.result(), referenceRunning: false }),
      );
    };
    return {
      marked: parseMarks(initial.marked),
      checked: null,
      hints: [],
      revealed: fromBits(initial.revealed),
      applied: fromBits(initial.applied & initial.revealed),
      seed: initial.seed,
      run: { status: 'idle', fixes: NO_FIXES, result: null, step: 0, total: 0 },
      reference: null,
      referenceRunning: false,
      toggleMark(line) {
        const m = get().marked;
        set({
          marked: m.includes(line) ? m.filter((l) => l !== line) : [...m, line].sort((a, b) => a - b),
          checked: null,
        });
      },
      clearMarks: () => set({ marked: [], checked: null }),
      check: () => set({ checked: checkMarks(get().marked) }),
      showHint: (id) => set({ hints: get().hints.includes(id) ? get().hints : [...get().hints, id] }),
      reveal: (id) =>
        set({ revealed: get().revealed.includes(id) ? get().revealed : [...get().revealed, id] }),
      setApplied(id, on) {
        const a = get().applied.filter((f) => f !== id);
        set({ applied: on ? [...a, id] : a });
      },
      startRun(fixes) {
        const my = ++token;
        if (timer) clearTimeout(timer);
        if (get().referenceRunning) set({ referenceRunning: false });
        const runner = createRunner(fixes, get().seed);
        set({ run: { status: 'running', fixes, result: null, step: 0, total: runner.totalSteps } });
        const publish = (r: Runner, status: RunState['status']) =>
          set({
            run: { status, fixes, result: r.result(), step: r.result().losses.length, total: r.totalSteps },
          });
        drive(
          runner,
          my,
          (r) => {
            // redraw at most every 150 ms (only the progress line under reduced motion)
            const now = performance.now();
            if (now - lastPublish < 150) return;
            lastPublish = now;
            if (live) publish(r, 'running');
            else set({ run: { ...get().run, step: r.result().losses.length } });
          },
          (r) => {
            publish(r, 'done');
            const isAll = FIX_IDS.every((f) => fixes[f]);
            if (isAll) set({ reference: r.result() });
            else runReference(my);
          },
        );
      },
      stop() {
        token++;
        if (timer) clearTimeout(timer);
        const run = get().run;
        set({ run: { ...run, status: run.result ? 'done' : 'idle' }, referenceRunning: false });
      },
      dispose() {
        token++;
        if (timer) clearTimeout(timer);
      },
    };
  });
}
