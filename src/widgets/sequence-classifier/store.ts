/** One store per figure: settings (cell, seed, the reader's sequence) and a training session driven in slices. */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { field, type Schema } from '../shared/urlState';
import { type ClassifierCell, createSession, MAX_INPUT, type Session, sessionStep } from './model';

export interface ScSettings {
  cell: ClassifierCell;
  seed: number;
  input: string;
}

export const schema: Schema<ScSettings> = {
  version: 1,
  fields: {
    cell: field.oneOf(['rnn', 'gru', 'lstm'] as const, 'gru'),
    seed: field.int(0, 999_999, 1),
    input: field.text(MAX_INPUT, 'abcabbcab'),
  },
};

export const MAX_EPOCHS = 30;
const SLICE_MS = 10;

export interface ScState extends ScSettings {
  session: Session;
  /** Bumped after every slice, so views re-read the (mutable) session. */
  version: number;
  training: boolean;
  setCell(cell: ClassifierCell): void;
  setSeed(seed: number): void;
  setInput(input: string): void;
  reset(): void;
  toggle(): void;
  dispose(): void;
}

export function createScStore(initial: ScSettings, options: { live?: boolean } = {}): StoreApi<ScState> {
  const live = options.live ?? true;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastPublish = 0;
  return createStore<ScState>()((set, get) => {
    const halt = () => {
      if (timer) clearTimeout(timer);
      timer = null;
    };
    const slice = () => {
      const s = get().session;
      const t0 = performance.now();
      do sessionStep(s);
      while (s.epoch < MAX_EPOCHS && performance.now() - t0 < SLICE_MS);
      const over = s.epoch >= MAX_EPOCHS;
      if (over) {
        timer = null;
        set({ training: false, version: get().version + 1 });
      } else {
        const now = performance.now();
        if (now - lastPublish >= (live ? 150 : 1000)) {
          lastPublish = now;
          set({ version: get().version + 1 });
        }
        timer = setTimeout(slice, 0);
      }
    };
    const fresh = (cell: ClassifierCell, seed: number) => {
      halt();
      set({ session: createSession(cell, seed), training: false, version: get().version + 1 });
    };
    return {
      ...initial,
      session: createSession(initial.cell, initial.seed),
      version: 0,
      training: false,
      setCell(cell) {
        set({ cell });
        fresh(cell, get().seed);
      },
      setSeed(seed) {
        const v = Number.isFinite(seed) ? Math.min(999_999, Math.max(0, Math.round(seed))) : 1;
        set({ seed: v });
        fresh(get().cell, v);
      },
      setInput: (input) => set({ input: [...input].slice(0, MAX_INPUT).join('') }),
      reset: () => fresh(get().cell, get().seed),
      toggle() {
        if (get().training) {
          halt();
          set({ training: false, version: get().version + 1 });
        } else if (get().session.epoch < MAX_EPOCHS) {
          set({ training: true });
          timer = setTimeout(slice, 0);
        }
      },
      dispose: halt,
    };
  });
}
