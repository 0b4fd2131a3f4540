// The window itself: which section shows, the shortcuts overlay, toasts, and the theme (a choice
// of this computer, not a setting main keeps).
import type { StateCreator } from 'zustand';

export type Section = 'inbox' | 'organizations' | 'versions' | 'health' | 'settings';
export const themeChoices = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof themeChoices)[number];

export interface Toast {
  id: number;
  kind: 'error' | 'info';
  message: string;
}

/** Toasts on screen at most; a new one pushes out the oldest. */
export const MAX_TOASTS = 4;

export interface UiSlice {
  section: Section;
  helpOpen: boolean;
  toasts: Toast[];
  theme: ThemeChoice;
  setSection: (section: Section) => void;
  setHelpOpen: (open: boolean) => void;
  /** Shows a toast and returns its id, for dismissToast. */
  addToast: (kind: Toast['kind'], message: string) => number;
  dismissToast: (id: number) => void;
  setTheme: (theme: ThemeChoice) => void;
}

export const createUiSlice: StateCreator<UiSlice> = (set) => {
  let lastToastId = 0;
  return {
    section: 'inbox',
    helpOpen: false,
    toasts: [],
    theme: 'system',
    setSection: (section) => set({ section }),
    setHelpOpen: (helpOpen) => set({ helpOpen }),
    addToast: (kind, message) => {
      const id = ++lastToastId;
      set((s) => ({ toasts: [...s.toasts.slice(1 - MAX_TOASTS), { id, kind, message }] }));
      return id;
    },
    dismissToast: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
    setTheme: (theme) => set({ theme }),
  };
};
