// Contract events → store. Subscribed once at start (bootstrap in actions.ts).
import type { Message } from '../../shared/domain';
import { refKey, type OutboxItem } from '../../shared/view-models';
import { on } from '../api';
import { markRead, selectConversation } from './actions';
import { getState, setState } from './store';

/** Messages of a thread: merged by id, in time order (ties by id, as the server pages them). */
export function mergeMessages(current: readonly Message[], incoming: readonly Message[]): Message[] {
  const byId = new Map(current.map((m) => [m.id, m]));
  for (const m of incoming) byId.set(m.id, m);
  return [...byId.values()].sort((a, b) => (a.createdAt === b.createdAt ? 0 : a.createdAt < b.createdAt ? -1 : 1));
}

export function mergeOutbox(current: Readonly<Record<string, OutboxItem[]>>, items: readonly OutboxItem[]): Record<string, OutboxItem[]> {
  const next = { ...current };
  for (const item of items) {
    const list = (next[item.key] ?? []).filter((i) => i.clientMessageId !== item.clientMessageId);
    next[item.key] = [...list, item].sort((a, b) => a.createdAt - b.createdAt);
  }
  return next;
}

export function subscribeToMain(): () => void {
  const offs = [
    on('inbox.changed', ({ upserted, removed }) => {
      setState((s) => {
        const conversations = new Map(s.conversations);
        for (const key of removed) conversations.delete(key);
        for (const c of upserted) conversations.set(c.key, c);
        return { conversations };
      });
    }),
    on('messages.changed', ({ key, messages }) => {
      setState((s) => {
        const thread = s.threads[key];
        if (!thread) return {}; // not open: conversation.open loads it fresh
        return { threads: { ...s.threads, [key]: { ...thread, messages: mergeMessages(thread.messages, messages) } } };
      });
      // The agent is looking at it: what the customer just wrote has been seen.
      if (key === getState().selectedKey && document.hasFocus() && messages.some((m) => m.sender === 'contact')) markRead(key);
    }),
    on('outbox.changed', ({ items }) => setState((s) => ({ outbox: mergeOutbox(s.outbox, items) }))),
    on('presence.changed', (presence) => setState({ presence })),
    on('agents.changed', ({ agents }) => setState({ team: agents })),
    on('session.changed', (session) =>
      setState((s) => ({
        session,
        connections: { ...s.connections, ...Object.fromEntries(session.accounts.map((a) => [a.id, a.connection])) },
      })),
    ),
    on('connection.changed', ({ accountId, connection }) =>
      setState((s) => ({ connections: { ...s.connections, [accountId]: connection } })),
    ),
    on('settings.changed', (settings) => setState({ settings })),
    on('push.changed', (push) => setState({ push })),
    on('update.changed', (update) => setState({ update })),
    on('navigate.conversation', ({ ref }) => {
      setState({ section: 'inbox' });
      const key = refKey(ref);
      // A conversation outside the current view: show all, so the selection is visible.
      if (!getState().conversations.has(key)) setState({ filter: { view: 'all' } });
      void selectConversation(key);
    }),
    on('ui.command', ({ command }) => {
      if (command === 'showShortcuts') setState({ helpOpen: true });
    }),
  ];
  return () => offs.forEach((off) => off());
}
