// How the inbox list is shown beyond the filter: each view's order (Waiting: who waited longest
// first; the others newest first, unless the agent switches), the rows held in place while the
// agent has scrolled down (new arrivals wait behind a "N new" pill), and the conversations the
// message search found for the current term.
import type { StateCreator } from 'zustand';
import { InboxSort, type InboxConversation, type InboxView, type MessageHit } from '../../../shared/view-models';

export type { InboxSort } from '../../../shared/view-models';
export const inboxSorts: readonly InboxSort[] = InboxSort.options;
/** The order a view has until the agent chooses another. */
export const defaultSort = (view: InboxView): InboxSort => (view === 'waiting' ? 'longestWaiting' : 'newest');
/** The order the view in sight is shown in: the agent's choice, or the view's own. */
export const sortOf = (s: { inboxSort?: Partial<Record<InboxView, InboxSort>>; filter: { view: InboxView } }): InboxSort =>
  s.inboxSort?.[s.filter.view] ?? defaultSort(s.filter.view);

/**
 * The list's rows as they stood when the agent scrolled away from the top. Only the list is kept:
 * holding costs nothing at 50,000 rows; where each row stood is worked out once the list changes.
 */
export interface ListHold {
  rows: readonly InboxConversation[];
}

export interface MessageSearch {
  /** The search term the hits are for (as the agent typed it). */
  term: string;
  hits: ReadonlyMap<string, MessageHit>;
}

export interface InboxViewSlice {
  inboxSort: Partial<Record<InboxView, InboxSort>>;
  listHold: ListHold | null;
  messageSearch: MessageSearch | null;
  setSort: (view: InboxView, sort: InboxSort) => void;
  holdList: (rows: readonly InboxConversation[]) => void;
  releaseList: () => void;
  receiveMessageHits: (term: string, hits: readonly MessageHit[]) => void;
  clearMessageHits: () => void;
}

export const createInboxViewSlice: StateCreator<InboxViewSlice> = (set) => ({
  inboxSort: {},
  listHold: null,
  messageSearch: null,
  setSort: (view, sort) => set((s) => ({ inboxSort: { ...s.inboxSort, [view]: sort }, listHold: null })),
  holdList: (rows) => set({ listHold: { rows } }),
  releaseList: () => set((s) => (s.listHold === null ? {} : { listHold: null })),
  receiveMessageHits: (term, hits) => set({ messageSearch: { term, hits: new Map(hits.map((hit) => [hit.key, hit])) } }),
  clearMessageHits: () => set((s) => (s.messageSearch === null ? {} : { messageSearch: null })),
});
