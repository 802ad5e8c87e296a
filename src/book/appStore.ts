/**
 * Reader-wide preferences and reading progress, persisted in localStorage with a version. A corrupt or outdated
 * saved value falls back to the defaults, field by field, instead of breaking the page.
 *
 * Versions: 1 = { theme }; 2 adds the notation form, chapters read and the last place read.
 */
import { useSyncExternalStore } from 'react';
import { createJSONStorage, persist } from 'zustand/middleware';
import { createStore } from 'zustand/vanilla';
import { findEntry, isLang, type Lang } from './toc';

export type ThemeChoice = 'system' | 'light' | 'dark';
/** Row-vector batch form (as d2l writes it) or column-vector form (as PyTorch's docs and colah write it). */
export type NotationForm = 'row' | 'column';

export interface LastPlace {
  lang: Lang;
  slug: string;
  /** Heading id, or '' for the top of the page. */
  section: string;
  at: number;
}

export interface SavedState {
  /** 'system' until the reader picks one. */
  theme: ThemeChoice;
  notation: NotationForm;
  /** Chapter slug → when it was marked read (ms since the epoch). Language-independent. */
  read: Record<string, number>;
  last: LastPlace | null;
}

export interface AppState extends SavedState {
  setTheme: (theme: ThemeChoice) => void;
  setNotation: (form: NotationForm) => void;
  setRead: (slug: string, read: boolean) => void;
  setLast: (place: Omit<LastPlace, 'at'>) => void;
}

export const APP_STORE_KEY = 'unrolled:prefs';
export const APP_STORE_VERSION = 2;

const isTheme = (value: unknown): value is ThemeChoice =>
  value === 'system' || value === 'light' || value === 'dark';
const isNotation = (value: unknown): value is NotationForm => value === 'row' || value === 'column';
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const initialSaved: SavedState = { theme: 'system', notation: 'row', read: {}, last: null };

/** Keeps only what this version understands; anything else falls back to its default. */
export function sanitize(saved: unknown): SavedState {
  const record = isRecord(saved) ? saved : {};
  const read: Record<string, number> = {};
  if (isRecord(record.read)) {
    for (const [slug, at] of Object.entries(record.read)) {
      if (slug && findEntry(slug) && typeof at === 'number' && Number.isFinite(at)) read[slug] = at;
    }
  }
  let last: LastPlace | null = null;
  const place = record.last;
  if (
    isRecord(place) &&
    typeof place.lang === 'string' &&
    isLang(place.lang) &&
    typeof place.slug === 'string' &&
    findEntry(place.slug) &&
    typeof place.section === 'string' &&
    /^[a-z0-9-]*$/.test(place.section)
  ) {
    last = {
      lang: place.lang,
      slug: place.slug,
      section: place.section,
      at: typeof place.at === 'number' ? place.at : 0,
    };
  }
  return {
    theme: isTheme(record.theme) ? record.theme : initialSaved.theme,
    notation: isNotation(record.notation) ? record.notation : initialSaved.notation,
    read,
    last,
  };
}

/** Older saved states, upgraded to the current shape. */
export function migrate(persisted: unknown, version: number): SavedState {
  // Version 1 held only the theme; sanitize() keeps it and fills in the rest.
  if (version <= APP_STORE_VERSION) return sanitize(persisted);
  return initialSaved;
}

export const appStore = createStore<AppState>()(
  persist(
    (set) => ({
      ...initialSaved,
      setTheme: (theme) => set({ theme }),
      setNotation: (notation) => set({ notation }),
      setRead: (slug, read) =>
        set((state) => {
          const next = { ...state.read };
          if (read) next[slug] = Date.now();
          else delete next[slug];
          return { read: next };
        }),
      setLast: (place) =>
        set((state) =>
          state.last?.lang === place.lang &&
          state.last.slug === place.slug &&
          state.last.section === place.section
            ? state
            : { last: { ...place, at: Date.now() } },
        ),
    }),
    {
      name: APP_STORE_KEY,
      version: APP_STORE_VERSION,
      storage: createJSONStorage(() => (typeof localStorage === 'undefined' ? noStorage : localStorage)),
      partialize: (state): SavedState => ({
        theme: state.theme,
        notation: state.notation,
        read: state.read,
        last: state.last,
      }),
      merge: (persisted, current) => ({ ...current, ...sanitize(persisted) }),
      migrate,
    },
  ),
);

const noStorage: Storage = {
  length: 0,
  clear: () => {},
  getItem: () => null,
  key: () => null,
  removeItem: () => {},
  setItem: () => {},
};

export function resolveTheme(choice: ThemeChoice, prefersDark: boolean): 'light' | 'dark' {
  return choice === 'system' ? (prefersDark ? 'dark' : 'light') : choice;
}

/**
 * Reads the store in a component without breaking hydration: the prerendered HTML knows nothing of the reader,
 * so the first client render uses `serverValue` and the saved value follows right after.
 */
export function useAppState<T>(selector: (state: AppState) => T, serverValue: T): T {
  return useSyncExternalStore(
    appStore.subscribe,
    () => selector(appStore.getState()),
    () => serverValue,
  );
}

/** Other tabs change the same saved state; follow them. The equation form is a class of the whole page. */
if (typeof window !== 'undefined') {
  const showNotation = (form: NotationForm) => {
    document.documentElement.dataset.notation = form;
  };
  showNotation(appStore.getState().notation);
  appStore.subscribe((state, previous) => {
    if (state.notation !== previous.notation) showNotation(state.notation);
  });
  window.addEventListener('storage', (event) => {
    if (event.key === APP_STORE_KEY) void appStore.persist.rehydrate();
  });
}
