/** One store per figure: the seed, the reader's sentence, which tagger is shown, and a training session in slices. */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { field, type Schema } from '../shared/urlState';
import { createSlotSession, type SlotSession, slotStep } from './model';

export interface SfSettings {
  seed: number;
  sentence: string;
  direction: 'bi' | 'uni';
}

export const schema: Schema<SfSettings> = {
  version: 1,
  fields: {
    seed: field.int(0, 999_999, 1),
    sentence: field.text(120, 'arrive Taipei on November 2nd'),
    direction: field.oneOf(['bi', 'uni'] as const, 'bi'),
  },
};

export const MAX_EPOCHS = 20;
const SLICE_MS = 10;

export interface SfState extends SfSettings {
  session: SlotSession;
  version: number;
  training: boolean;
  setSeed(seed: number): void;
  setSentence(s: string): void;
  setDirection(d: 'bi' | 'uni'): void;
  reset(): void;
  toggle(): void;
  dispose(): void;
}

export function createSfStore(initial: SfSettings, options: { live?: boolean } = {}): StoreApi<SfState> {
  const live = options.live ?? true;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastPublish = 0;
  return createStore<SfState>()((set, get) => {
    const halt = () => {
      if (timer) clearTimeout(timer);
      timer = null;
    };
    const slice = () => {
      const s = get().session;
      const t0 = performance.now();
      do slotStep(s);
      while (s.epoch < MAX_EPOCHS && performance.now() - t0 < SLICE_MS);
      if (s.epoch >= MAX_EPOCHS) {
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
    const fresh = (seed: number) => {
      halt();
      set({ session: createSlotSession(seed), training: false, version: get().version + 1 });
    };
    return {
      ...initial,
      session: createSlotSession(initial.seed),
      version: 0,
      training: false,
      setSeed(seed) {
        const v = Number.isFinite(seed) ? Math.min(999_999, Math.max(0, Math.round(seed))) : 1;
        set({ seed: v });
        fresh(v);
      },
      setSentence: (sentence) => set({ sentence: [...sentence].slice(0, 120).join('') }),
      setDirection: (direction) => set({ direction }),
      reset: () => fresh(get().seed),
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
