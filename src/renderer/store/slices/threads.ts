// The conversations the agent has opened: their messages (paged back on demand), the replies on
// their way (the outbox, by conversation key) and the drafts being typed.
import type { StateCreator } from 'zustand';
import type { Message } from '../../../shared/domain';
import type { OutboxItem } from '../../../shared/view-models';
import type { UiError } from '../../api';
import { mergeMessages, mergeOutbox } from '../merge';

export interface Thread {
  messages: Message[];
  hasOlder: boolean;
  loading: boolean;
  loadingOlder: boolean;
  error: UiError | null;
}

export interface ThreadsSlice {
  threads: Readonly<Record<string, Thread>>;
  outbox: Readonly<Record<string, OutboxItem[]>>;
  drafts: Readonly<Record<string, string>>;
  /** Opening (again): what is known stays on screen while main answers. */
  openingThread: (key: string) => void;
  receiveThread: (key: string, detail: { messages: readonly Message[]; hasOlder: boolean; outbox: readonly OutboxItem[] }) => void;
  threadFailed: (key: string, error: UiError) => void;
  loadingOlder: (key: string) => void;
  receiveOlder: (key: string, page: { messages: readonly Message[]; hasOlder: boolean }) => void;
  olderFailed: (key: string) => void;
  /** New or changed messages; a thread that is not open ignores them (opening loads it fresh). */
  receiveMessages: (key: string, messages: readonly Message[]) => void;
  receiveOutbox: (items: readonly OutboxItem[]) => void;
  setDraft: (key: string, text: string) => void;
}

/**
 * The thread at `key` with `patch` applied. When it is not open, the state itself: zustand then
 * tells nobody (a burst brings messages for hundreds of conversations nobody has open).
 */
const patched = <S extends ThreadsSlice>(s: S, key: string, patch: (thread: Thread) => Partial<Thread>): S | Partial<ThreadsSlice> => {
  const thread = s.threads[key];
  return thread ? { threads: { ...s.threads, [key]: { ...thread, ...patch(thread) } } } : s;
};

/**
 * Threads kept after the agent moved on, most recently opened last. Beyond this many the oldest
 * goes, with its delivered replies: over a working day the agent opens hundreds, and each would
 * otherwise stay in memory until the window closes. Opening one again reads it from main's cache.
 */
export const KEPT_THREADS = 20;

/** `threads` with `key` moved to the end (the most recent), and what no longer fits dropped. */
function keepRecent(s: ThreadsSlice, key: string, thread: Thread): Pick<ThreadsSlice, 'threads' | 'outbox'> {
  const { [key]: _previous, ...others } = s.threads;
  const keys = Object.keys(others);
  const dropped = keys.slice(0, Math.max(0, keys.length + 1 - KEPT_THREADS));
  if (dropped.length === 0) return { threads: { ...others, [key]: thread }, outbox: s.outbox };
  const threads: Record<string, Thread> = {};
  for (const k of keys.slice(dropped.length)) threads[k] = others[k]!;
  threads[key] = thread;
  // Replies still on their way stay, so they show wherever the agent looks; delivered ones come back with the thread.
  const outbox = { ...s.outbox };
  for (const k of dropped) {
    const waiting = (outbox[k] ?? []).filter((item) => item.state !== 'sent');
    if (waiting.length > 0) outbox[k] = waiting;
    else delete outbox[k];
  }
  return { threads, outbox };
}

export const createThreadsSlice: StateCreator<ThreadsSlice> = (set) => ({
  threads: {},
  outbox: {},
  drafts: {},
  openingThread: (key) =>
    set((s) => {
      const known = s.threads[key];
      const thread: Thread = { messages: known?.messages ?? [], hasOlder: known?.hasOlder ?? false, loading: true, loadingOlder: false, error: null };
      return keepRecent(s, key, thread);
    }),
  receiveThread: (key, detail) =>
    set((s) => {
      const messages = mergeMessages(s.threads[key]?.messages ?? [], detail.messages);
      const thread: Thread = { messages, hasOlder: detail.hasOlder, loading: false, loadingOlder: false, error: null };
      return { threads: { ...s.threads, [key]: thread }, outbox: mergeOutbox(s.outbox, detail.outbox) };
    }),
  threadFailed: (key, error) => set((s) => patched(s, key, () => ({ loading: false, error }))),
  loadingOlder: (key) => set((s) => patched(s, key, () => ({ loadingOlder: true }))),
  receiveOlder: (key, page) =>
    set((s) => patched(s, key, (t) => ({ messages: mergeMessages(t.messages, page.messages), hasOlder: page.hasOlder, loadingOlder: false }))),
  olderFailed: (key) => set((s) => patched(s, key, () => ({ loadingOlder: false }))),
  receiveMessages: (key, messages) => set((s) => patched(s, key, (t) => ({ messages: mergeMessages(t.messages, messages) }))),
  receiveOutbox: (items) => set((s) => ({ outbox: mergeOutbox(s.outbox, items) })),
  setDraft: (key, text) =>
    set((s) => {
      const drafts = { ...s.drafts };
      if (text === '') delete drafts[key];
      else drafts[key] = text;
      return { drafts };
    }),
});
