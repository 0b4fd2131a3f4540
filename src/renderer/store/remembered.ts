// What this computer remembers in localStorage rather than in main: the drafts being typed, the
// theme, the chatbot Organizations and Versions work on, the origins whose media the agent let
// load in each conversation, whether the customer panel is open, the order the agent chose for
// each inbox view, and the interface language last shown (so the splash before main answers
// speaks it). Read once at start, written on every change.
import { InboxView, Language, LanguageChoice } from '../../shared/view-models';
import type { AdminSlice } from './slices/admin';
import { inboxSorts, type InboxSort, type InboxViewSlice } from './slices/inbox-view';
import type { MediaSlice } from './slices/media';
import type { ThreadsSlice } from './slices/threads';
import { themeChoices, type UiSlice } from './slices/ui';

const keys = {
  drafts: 'deckhand.drafts',
  theme: 'deckhand.theme',
  adminChatbot: 'deckhand.adminChatbot',
  customerPanel: 'deckhand.customerPanel',
  inboxSort: 'deckhand.inboxSort',
  mediaConsents: 'deckhand.mediaConsents',
  language: 'deckhand.interfaceLanguage',
  /** Where the language choice was kept before it became a setting in main. */
  legacyLanguageChoice: 'deckhand.language',
} as const;

export type Remembered = Pick<ThreadsSlice, 'drafts'> &
  Pick<UiSlice, 'theme' | 'customerPanelOpen'> &
  Pick<AdminSlice, 'adminChatbot'> &
  Pick<MediaSlice, 'mediaConsents'> &
  Pick<InboxViewSlice, 'inboxSort'>;

/** A stored map of conversation key → value, keeping only the entries whose value is `valid`. */
function storedByKey<T>(key: string, valid: (value: unknown) => value is T): Record<string, T> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(key) ?? '{}');
    if (typeof parsed !== 'object' || parsed === null) return {};
    return Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, T] => valid(entry[1])));
  } catch {
    return {};
  }
}

const isText = (value: unknown): value is string => typeof value === 'string';
const isTextList = (value: unknown): value is string[] => Array.isArray(value) && value.every(isText);
const isSort = (value: unknown): value is InboxSort => inboxSorts.includes(value as InboxSort);

export function rememberedState(): Remembered {
  const theme = localStorage.getItem(keys.theme);
  return {
    drafts: storedByKey(keys.drafts, isText),
    theme: themeChoices.find((t) => t === theme) ?? 'system',
    adminChatbot: localStorage.getItem(keys.adminChatbot),
    mediaConsents: storedByKey(keys.mediaConsents, isTextList),
    // Open until the agent closes it.
    customerPanelOpen: localStorage.getItem(keys.customerPanel) !== 'closed',
    inboxSort: Object.fromEntries(Object.entries(storedByKey(keys.inboxSort, isSort)).filter(([view]) => InboxView.safeParse(view).success)),
  };
}

/** Writes each remembered part back whenever it changes; returns the unsubscribe. */
export function rememberChanges(store: { subscribe(listener: (state: Remembered, previous: Remembered) => void): () => void }): () => void {
  return store.subscribe((state, previous) => {
    if (state.drafts !== previous.drafts) localStorage.setItem(keys.drafts, JSON.stringify(state.drafts));
    if (state.theme !== previous.theme) localStorage.setItem(keys.theme, state.theme);
    if (state.adminChatbot !== previous.adminChatbot && state.adminChatbot !== null) localStorage.setItem(keys.adminChatbot, state.adminChatbot);
    if (state.mediaConsents !== previous.mediaConsents) localStorage.setItem(keys.mediaConsents, JSON.stringify(state.mediaConsents));
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
