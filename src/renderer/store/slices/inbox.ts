// The unified inbox: every conversation main reported, keyed by `account/chatbot/conversation`
// (a persistent map, inbox-map.ts), whether all of them have arrived yet, the filter the agent
// set, and the selected conversation.
import type { StateCreator } from 'zustand';
import type { InboxConversation, InboxFilter } from '../../../shared/view-models';
import { InboxMap } from '../inbox-map';
import { mergeInbox } from '../merge';
import { shareStrings } from '../shared-strings';

export interface InboxSlice {
  conversations: InboxMap<InboxConversation>;
  /**
   * Every conversation main holds has arrived. The first screen comes first (the newest of the
   * view in sight), the rest in pages after it; until then counts would be short, so they wait.
   */
  inboxComplete: boolean;
  filter: InboxFilter;
  selectedKey: string | null;
  /** Loading starts again (another account came in): counts wait for the pages to come. */
  inboxLoading: () => void;
  /** A page of the inbox, put in by key; `complete` once it was the last. */
  receiveInboxPage: (list: readonly InboxConversation[], complete: boolean) => void;
  receiveInboxChange: (upserted: readonly InboxConversation[], removed?: readonly string[]) => void;
  select: (key: string | null) => void;
  /** An account went away: a selection in it goes too. */
  deselectAccount: (accountId: string) => void;
  setFilter: (patch: Partial<InboxFilter>) => void;
}

export const createInboxSlice: StateCreator<InboxSlice> = (set) => {
  // Keys a live change brought or removed while a load is under way. A page was read from the
  // cache when it was asked for; a change written after that may reach the renderer before the
  // page does, and the page's older copy (or a conversation since deleted) must not undo it. What
  // came before the load began is older than every page, so pages refresh it; after the last page
  // nothing is kept.
  let changedSinceLoad: Set<string> | null = null;
  return {
    conversations: InboxMap.empty(),
    inboxComplete: false,
    filter: { view: 'waiting' },
    selectedKey: null,
    inboxLoading: () => {
      changedSinceLoad = new Set();
      set({ inboxComplete: false });
    },
    receiveInboxPage: (list, complete) => {
      const changed = changedSinceLoad;
      const fresh = changed === null || changed.size === 0 ? list : list.filter((c) => !changed.has(c.key));
      if (complete) changedSinceLoad = null;
      shareStrings(fresh);
      set((s) => ({ conversations: mergeInbox(s.conversations, fresh), ...(complete && { inboxComplete: true }) }));
    },
    receiveInboxChange: (upserted, removed) => {
      if (changedSinceLoad) {
        for (const c of upserted) changedSinceLoad.add(c.key);
        for (const key of removed ?? []) changedSinceLoad.add(key);
      }
      shareStrings(upserted);
      set((s) => ({ conversations: mergeInbox(s.conversations, upserted, removed) }));
    },
    select: (selectedKey) => set({ selectedKey }),
    deselectAccount: (accountId) => set((s) => ({ selectedKey: s.selectedKey?.startsWith(`${accountId}/`) ? null : s.selectedKey })),
    setFilter: (patch) =>
      set((s) => {
        const next: InboxFilter = { ...s.filter, ...patch };
        // An empty value means "any": drop the key so filterInbox sees `undefined`.
        for (const name of ['channelId', 'chatbot', 'platform', 'search'] as const) if (!next[name]) delete next[name];
        return { filter: next };
      }),
  };
};
