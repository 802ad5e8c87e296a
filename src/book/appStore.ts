/**
 * Reader-wide preferences, persisted in localStorage with a version. A corrupt or outdated saved value
 * falls back to the defaults instead of breaking the page.
 */
import { createJSONStorage, persist } from 'zustand/middleware';
import { createStore } from 'zustand/vanilla';

export type ThemeChoice = 'system' | 'light' | 'dark';

export interface AppState {
  /** 'system' until the reader picks one. */
  theme: ThemeChoice;
  setTheme: (theme: ThemeChoice) => void;
}

export const APP_STORE_KEY = 'unrolled:prefs';
export const APP_STORE_VERSION = 1;

const isTheme = (value: unknown): value is ThemeChoice =>
  value === 'system' || value === 'light' || value === 'dark';

export const appStore = createStore<AppState>()(
  persist(
    (set) => ({
      theme: 'system',
      setTheme: (theme) => set({ theme }),
    }),
    {
      name: APP_STORE_KEY,
      version: APP_STORE_VERSION,
      storage: createJSONStorage(() => (typeof localStorage === 'undefined' ? noStorage : localStorage)),
      partialize: (state) => ({ theme: state.theme }),
      // Anything that is not a state we wrote is dropped field by field.
      merge: (persisted, current) => {
        const saved = (persisted ?? {}) as Partial<AppState>;
        return { ...current, theme: isTheme(saved.theme) ? saved.theme : current.theme };
      },
      migrate: () => ({}),
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
