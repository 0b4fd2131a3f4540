// The window itself: which section shows, the shortcuts overlay, toasts (some with an action:
// Undo), whether the customer panel is open, and the theme (choices of this computer, not
// settings main keeps).
import type { StateCreator } from 'zustand';

export type Section = 'inbox' | 'organizations' | 'versions' | 'health' | 'replies' | 'settings';
export const themeChoices = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof themeChoices)[number];

export interface ToastAction {
  label: string;
  run: () => void;
}

export interface Toast {
  id: number;
  kind: 'error' | 'info';
  message: string;
  action?: ToastAction;
}

/** Toasts on screen at most; a new one pushes out the oldest. */
export const MAX_TOASTS = 4;

export interface UiSlice {
  section: Section;
  helpOpen: boolean;
  toasts: Toast[];
  theme: ThemeChoice;
  customerPanelOpen: boolean;
  setSection: (section: Section) => void;
  setHelpOpen: (open: boolean) => void;
  /** Shows a toast and returns its id, for dismissToast. */
  addToast: (kind: Toast['kind'], message: string, action?: ToastAction) => number;
  dismissToast: (id: number) => void;
  setTheme: (theme: ThemeChoice) => void;
  setCustomerPanelOpen: (open: boolean) => void;
}

export const createUiSlice: StateCreator<UiSlice> = (set) => {
  let lastToastId = 0;
  return {
    section: 'inbox',
    helpOpen: false,
    toasts: [],
    theme: 'system',
    customerPanelOpen: true,
    setSection: (section) => set({ section }),
    setHelpOpen: (helpOpen) => set({ helpOpen }),
    addToast: (kind, message, action) => {
      const id = ++lastToastId;
      set((s) => ({ toasts: [...s.toasts.slice(1 - MAX_TOASTS), { id, kind, message, ...(action && { action }) }] }));
      return id;
    },
    dismissToast: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
    setTheme: (theme) => set({ theme }),
    setCustomerPanelOpen: (customerPanelOpen) => set({ customerPanelOpen }),
  };
};
