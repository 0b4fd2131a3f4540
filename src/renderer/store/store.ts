// One zustand store of typed slices. Server data arrives through contract events (see
// events.ts) and module-level actions (actions.ts); components read with selectors and never
// receive server data through props from far away.
import { create } from 'zustand';
import type { Message } from '../../shared/domain';
import type { UpdateState } from '../../shared/updates';
import type {
  ConnectionState,
  InboxConversation,
  InboxFilter,
  OutboxItem,
  PresenceState,
  PushState,
  SessionState,
  Settings,
  TeamPresence,
} from '../../shared/view-models';
import type { UiError } from '../api';

export interface Thread {
  messages: Message[];
  hasOlder: boolean;
  loading: boolean;
  loadingOlder: boolean;
  error: UiError | null;
}

export type Section = 'inbox' | 'organizations' | 'versions' | 'settings';
export type ThemeChoice = 'system' | 'light' | 'dark';
export type LanguageChoice = 'system' | 'de' | 'en';

export interface Toast {
  id: number;
  kind: 'error' | 'info';
  message: string;
}

export interface State {
  // session
  booted: boolean;
  session: SessionState | null;
  connections: Record<string, ConnectionState>;
  // inbox
  conversations: ReadonlyMap<string, InboxConversation>;
  filter: InboxFilter;
  selectedKey: string | null;
  // conversation
  threads: Readonly<Record<string, Thread>>;
  outbox: Readonly<Record<string, OutboxItem[]>>;
  drafts: Readonly<Record<string, string>>;
  // presence
  presence: PresenceState | null;
  team: TeamPresence[];
  // settings
  settings: Settings | null;
  push: PushState | null;
  update: UpdateState | null;
  // ui
  section: Section;
  helpOpen: boolean;
  toasts: Toast[];
  theme: ThemeChoice;
  language: LanguageChoice;
}

const stored = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
  const value = localStorage.getItem(name);
  return allowed.includes(value as T) ? (value as T) : fallback;
};

function storedDrafts(): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem('deckhand.drafts') ?? '{}');
    if (typeof parsed !== 'object' || parsed === null) return {};
    return Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  } catch {
    return {};
  }
}

export const useStore = create<State>()(() => ({
  booted: false,
  session: null,
  connections: {},
  conversations: new Map(),
  filter: { view: 'waiting' },
  selectedKey: null,
  threads: {},
  outbox: {},
  drafts: storedDrafts(),
  presence: null,
  team: [],
  settings: null,
  push: null,
  update: null,
  section: 'inbox',
  helpOpen: false,
  toasts: [],
  theme: stored('deckhand.theme', ['system', 'light', 'dark'], 'system'),
  language: stored('deckhand.language', ['system', 'de', 'en'], 'system'),
}));

export const { getState, setState } = useStore;
