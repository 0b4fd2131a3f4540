// How what main sends is folded into what the store holds: pure functions of the current value
// and the news, shared by the slices' transitions and tested in node. Each returns a new value
// (zustand compares by identity) and leaves its inputs untouched.
import type { Message } from '../../shared/domain';
import type { ConnectionState, InboxConversation, OutboxItem, SessionState } from '../../shared/view-models';
import type { InboxMap } from './inbox-map';

/** Messages of a thread: merged by id, in time order (equal times keep the order they came in). */
export function mergeMessages(current: readonly Message[], incoming: readonly Message[]): Message[] {
  const byId = new Map(current.map((m) => [m.id, m]));
  for (const m of incoming) byId.set(m.id, m);
  return [...byId.values()].sort((a, b) => (a.createdAt === b.createdAt ? 0 : a.createdAt < b.createdAt ? -1 : 1));
}

/** Replies per conversation key: an item replaces the one with its clientMessageId, oldest first. */
export function mergeOutbox(current: Readonly<Record<string, OutboxItem[]>>, items: readonly OutboxItem[]): Record<string, OutboxItem[]> {
  const next = { ...current };
  for (const item of items) {
    const list = (next[item.key] ?? []).filter((i) => i.clientMessageId !== item.clientMessageId);
    next[item.key] = [...list, item].sort((a, b) => a.createdAt - b.createdAt);
  }
  return next;
}

/** The inbox after main's change: removed keys dropped, upserted conversations put in by key. */
export function mergeInbox(
  current: InboxMap<InboxConversation>,
  upserted: readonly InboxConversation[],
  removed: readonly string[] = [],
): InboxMap<InboxConversation> {
  return current.update(
    upserted.map((c) => [c.key, c] as const),
    removed,
  );
}

/** Connection states by account: the session's own, over what connection events said before. */
export function mergeConnections(
  current: Readonly<Record<string, ConnectionState>>,
  session: SessionState,
): Record<string, ConnectionState> {
  return { ...current, ...Object.fromEntries(session.accounts.map((a) => [a.id, a.connection])) };
}
