// What this computer remembers in localStorage rather than in main: the drafts being typed, the
// theme, the chatbot Organizations and Versions work on, whether the customer panel is open, the
// order the agent chose for each inbox view, and the interface language last shown (so the
// splash before main answers speaks it). Read once at start, written on every change.
import { InboxView, Language, LanguageChoice } from '../../shared/view-models';
import type { AdminSlice } from './slices/admin';
import { inboxSorts, type InboxViewSlice } from './slices/inbox-view';
import type { ThreadsSlice } from './slices/threads';
import { themeChoices, type UiSlice } from './slices/ui';

const keys = {
  drafts: 'deckhand.drafts',
  theme: 'deckhand.theme',
  adminChatbot: 'deckhand.adminChatbot',
  customerPanel: 'deckhand.customerPanel',
  inboxSort: 'deckhand.inboxSort',
  language: 'deckhand.interfaceLanguage',
  /** Where the language choice was kept before it became a setting in main. */
  legacyLanguageChoice: 'deckhand.language',
} as const;

export type Remembered = Pick<ThreadsSlice, 'drafts'> &
  Pick<UiSlice, 'theme' | 'customerPanelOpen'> &
  Pick<AdminSlice, 'adminChatbot'> &
  Pick<InboxViewSlice, 'inboxSort'>;

function storedDrafts(): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(keys.drafts) ?? '{}');
    if (typeof parsed !== 'object' || parsed === null) return {};
    return Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  } catch {
    return {};
  }
}

function storedSort(): InboxViewSlice['inboxSort'] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(keys.inboxSort) ?? '{}');
    if (typeof parsed !== 'object' || parsed === null) return {};
    return Object.fromEntries(
      Object.entries(parsed).filter(([view, sort]) => InboxView.safeParse(view).success && inboxSorts.includes(sort as never)),
    ) as InboxViewSlice['inboxSort'];
  } catch {
    return {};
  }
}

export function rememberedState(): Remembered {
  const theme = localStorage.getItem(keys.theme);
  return {
    drafts: storedDrafts(),
    theme: themeChoices.find((t) => t === theme) ?? 'system',
    adminChatbot: localStorage.getItem(keys.adminChatbot),
    // Open until the agent closes it.
    customerPanelOpen: localStorage.getItem(keys.customerPanel) !== 'closed',
    inboxSort: storedSort(),
  };
}

/** Writes each remembered part back whenever it changes; returns the unsubscribe. */
export function rememberChanges(store: { subscribe(listener: (state: Remembered, previous: Remembered) => void): () => void }): () => void {
  return store.subscribe((state, previous) => {
    if (state.drafts !== previous.drafts) localStorage.setItem(keys.drafts, JSON.stringify(state.drafts));
    if (state.theme !== previous.theme) localStorage.setItem(keys.theme, state.theme);
    if (state.adminChatbot !== previous.adminChatbot && state.adminChatbot !== null) localStorage.setItem(keys.adminChatbot, state.adminChatbot);
    if (state.customerPanelOpen !== previous.customerPanelOpen) localStorage.setItem(keys.customerPanel, state.customerPanelOpen ? 'open' : 'closed');
    if (state.inboxSort !== previous.inboxSort) localStorage.setItem(keys.inboxSort, JSON.stringify(state.inboxSort));
  });
}

export const rememberedLanguage = (): Language | null => Language.safeParse(localStorage.getItem(keys.language)).data ?? null;

export const rememberLanguage = (language: Language): void => localStorage.setItem(keys.language, language);

/** A language the agent chose before the choice moved into main's settings, if one is left to migrate. */
export const legacyLanguageChoice = (): LanguageChoice | null => LanguageChoice.safeParse(localStorage.getItem(keys.legacyLanguageChoice)).data ?? null;

export const forgetLegacyLanguageChoice = (): void => localStorage.removeItem(keys.legacyLanguageChoice);

/**
 * What becomes of an old choice: moved into the settings while they follow the system (their
 * default, so nothing was chosen there yet), else only forgotten; 'system' needs no move.
 */
export const legacyMigration = (legacy: LanguageChoice | null, current: LanguageChoice): { move: Language } | 'forget' | 'nothing' =>
  legacy === null ? 'nothing' : legacy !== 'system' && current === 'system' ? { move: legacy } : 'forget';
