// Changes that need nothing from main: the slices' own transitions, for components to call
// without a hook. zustand keeps a store's functions across every `set`, so binding them once
// here is safe.
import { getState } from '../store';

export const { setSection, setHelpOpen, setFilter, setTheme, setDraft, chooseChatbot, dismissToast, allowMedia, setCustomerPanelOpen } = getState();
