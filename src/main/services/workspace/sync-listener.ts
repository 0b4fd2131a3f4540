// What each live change from a chatbot's sync does in the app: the inbox and messages go to the
// renderer (batched), news goes to the notifier, the team list and the agent's own presence stay
// current, and a (re)connect lets waiting replies go out.
import type { RendererEvents } from '../ipc-handlers';
import type { Notifier } from '../notify/notifier';
import type { Outbox } from '../outbox/outbox';
import type { PresenceService } from '../presence/presence';
import type { LocalTokenSource } from '../push/local-source';
import type { InboxBatcher } from '../sync/batcher';
import type { SyncListener } from '../sync/chatbot-sync';
import type { AccountRuntime } from './account-runtime';
import type { TeamRoster } from './team-roster';

/** The parts of Deckhand a sync reports to. */
export interface SyncHost {
  batcher: InboxBatcher;
  notifier: Pick<Notifier, 'handle'>;
  team: TeamRoster;
  outbox: Pick<Outbox, 'flush'>;
  presence: Pick<PresenceService, 'get'>;
  /** Set when push runs locally: the demo server's `push` socket events are handed to it. */
  localPush: LocalTokenSource | null;
  events: RendererEvents;
  /** The account's runtime, or undefined once it signed out. */
  runtime(accountId: string): AccountRuntime | undefined;
  markSelfAssigned(key: string): void;
  refreshPresence(): void;
  sendSession(): void;
}

export function syncListener(host: SyncHost, accountId: string, chatbotId: string): SyncListener {
  const me = () => host.runtime(accountId)?.account.agent.id;
  return {
    conversations: (changed, previous, initial) => {
      host.batcher.upsert(changed);
      if (initial) return;
      const agentId = me();
      for (const c of changed) {
        const from = previous.get(c.key) ?? null;
        // The server hands a conversation to whoever replies: a change that brings the agent's
        // own reply (from this app, the outbox after a restart, or another device) is their doing.
        const last = c.lastMessage;
        if (last?.sender === 'agent' && last.agentId === agentId && last.id !== from?.lastMessage?.id) host.markSelfAssigned(c.key);
        host.notifier.handle({ type: 'conversation', accountId, from, to: c });
      }
    },
    removed: (keys) => host.batcher.remove(keys),
    messages: (conversation, messages) => {
      host.batcher.addMessages(conversation.key, messages);
      for (const message of messages) host.notifier.handle({ type: 'message', accountId, conversation, message });
    },
    agent: (id, agent) => {
      host.team.set(accountId, id, agent);
      // The agent's own state changed to something this app did not ask for: another device
      // won. The toggle must show that (presence re-reads and reports the lost race).
      if (agent.agentId === me() && agent.online !== host.presence.get().intent) host.refreshPresence();
    },
    push: (_id, message) => host.localPush?.deliver({ ...message, chatbotId }),
    connection: (connection) => {
      const runtime = host.runtime(accountId);
      host.events.send('connection.changed', { accountId, connection: runtime ? runtime.connection() : connection });
    },
    resynced: (reconnected) => {
      host.outbox.flush();
      const runtime = host.runtime(accountId);
      if (runtime) void host.team.load(accountId, chatbotId, runtime.backend);
      // While away, another device may have changed the agent's state.
      if (reconnected) host.refreshPresence();
    },
    // The key was revoked or expired: the account is signed out, its data stays until the agent acts.
    unauthorized: () => host.sendSession(),
  };
}
