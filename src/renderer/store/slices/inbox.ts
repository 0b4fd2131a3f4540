// The unified inbox: every conversation main reported, keyed by `account/chatbot/conversation`,
// the filter the agent set, and the selected conversation.
import type { StateCreator } from 'zustand';
import type { InboxConversation, InboxFilter } from '../../../shared/view-models';
import { mergeInbox } from '../merge';

export interface InboxSlice {
  conversations: ReadonlyMap<string, InboxConversation>;
  filter: InboxFilter;
  selectedKey: string | null;
  /** The whole inbox, as `inbox.list` answers it. */
  receiveInbox: (list: readonly InboxConversation[]) => void;
  receiveInboxChange: (upserted: readonly InboxConversation[], removed?: readonly string[]) => void;
  select: (key: string | null) => void;
  /** An account went away: a selection in it goes too. */
  deselectAccount: (accountId: string) => void;
  setFilter: (patch: Partial<InboxFilter>) => void;
}

export const createInboxSlice: StateCreator<InboxSlice> = (set) => ({
  conversations: new Map(),
  filter: { view: 'waiting' },
  selectedKey: null,
  receiveInbox: (list) => set({ conversations: new Map(list.map((c) => [c.key, c])) }),
  receiveInboxChange: (upserted, removed) => set((s) => ({ conversations: mergeInbox(s.conversations, upserted, removed) })),
  select: (selectedKey) => set({ selectedKey }),
  deselectAccount: (accountId) => set((s) => ({ selectedKey: s.selectedKey?.startsWith(`${accountId}/`) ? null : s.selectedKey })),
  setFilter: (patch) =>
    set((s) => {
      const next: InboxFilter = { ...s.filter, ...patch };
      // An empty value means "any": drop the key so filterInbox sees `undefined`.
      for (const name of ['channelId', 'chatbot', 'platform', 'search'] as const) if (!next[name]) delete next[name];
      return { filter: next };
    }),
});
