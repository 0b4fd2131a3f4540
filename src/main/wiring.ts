// How the services hear of each other: every account's sync changes, as the session announces
// them, go to the renderer (batched), the notifier, the team list and presence; a (re)connect
// lets waiting replies go out; opening and signing out of an account registers and releases the
// agent's presence and push token. Part of the composition root (compose.ts).
import { chatbotKey } from '../shared/keys';
import type { EventName, EventPayload } from '../shared/ipc';
import { DisposableStore, type Disposable } from './services/events';
import type { Notifier } from './services/notify/notifier';
import type { SelfAssigned } from './services/notify/self-assigned';
import type { Outbox } from './services/outbox/outbox';
import type { Clock } from './services/ports';
import type { PresenceService, PresenceTarget } from './services/presence/presence';
import type { TeamRoster } from './services/presence/team-roster';
import type { PushService } from './services/push/push-service';
import type { PushTokenSource } from './services/push/token-source';
import type { AccountRuntime } from './services/session/account-runtime';
import type { Session } from './services/session/session';
import type { InboxBatcher } from './services/sync/batcher';

/** Where the agent's online state is written: every chatbot of an account whose platform has presence. */
export function presenceTargets(runtime: AccountRuntime): PresenceTarget[] {
  const port = runtime.platform.presence;
  if (!port) return [];
  const { id: accountId, agent } = runtime.account;
  return runtime.chatbotIds().map((chatbotId) => ({ key: chatbotKey({ accountId, chatbotId }), port, chatbotId, agentId: agent.id }));
}

export interface Wired {
  session: Session;
  batcher: InboxBatcher;
  notifier: Pick<Notifier, 'handle'>;
  selfAssigned: SelfAssigned;
  team: TeamRoster;
  outbox: Pick<Outbox, 'flush'>;
  presence: PresenceService;
  push: PushService;
  pushSource: PushTokenSource;
  clock: Pick<Clock, 'now'>;
  send<N extends EventName>(name: N, payload: EventPayload<N>): void;
}

/**
 * The team list is read again after a resync at most this often (and after every reconnect): a
 * platform without a live feed resyncs every few seconds, and reading who is online costs a
 * request per colleague on some (Botpress).
 */
export const TEAM_RELOAD_MS = 15_000;

export function wireServices(w: Wired): Disposable {
  const { session, batcher, notifier, team, presence, push } = w;
  const subscriptions = new DisposableStore();
  const on = <T>(event: (listener: (value: T) => void) => Disposable, listener: (value: T) => void) => subscriptions.add(event(listener));
  const me = (accountId: string) => session.myAgentIds()[accountId];
  // One presence re-read at a time: every chatbot of an account reconnects at once.
  let refreshing: Promise<unknown> | null = null;
  const refreshPresence = () => (refreshing ??= presence.refresh().finally(() => (refreshing = null)));
  const teamLoadedAt = new Map<string, number>();
  // The agent's own state changed to something this app did not ask for: another device won.
  // The toggle must show that (presence re-reads and reports the lost race).
  const checkOwn = (accountId: string, agent: { agentId: string; online: boolean }) => {
    if (agent.agentId === me(accountId) && agent.online !== presence.get().intent) void refreshPresence();
  };

  on(session.onDidChangeConversations, ({ accountId, changed, previous, initial }) => {
    batcher.upsert(changed);
    if (initial) return;
    const agentId = me(accountId);
    for (const c of changed) {
      const from = previous.get(c.key) ?? null;
      // The platform may hand a conversation to whoever replies: a change that brings the agent's
      // own reply (from this app, the outbox after a restart, or another device) is their doing.
      const last = c.lastMessage;
      if (last?.sender === 'agent' && last.agentId === agentId && last.id !== from?.lastMessage?.id) w.selfAssigned.mark(c.key);
      notifier.handle({ type: 'conversation', accountId, from, to: c });
    }
  });
  on(session.onDidRemoveConversations, ({ keys }) => batcher.remove(keys));
  on(session.onDidAddMessages, ({ accountId, conversation, messages }) => {
    batcher.addMessages(conversation.key, messages);
    for (const message of messages) notifier.handle({ type: 'message', accountId, conversation, message });
  });
  on(session.onDidChangeAgent, ({ accountId, chatbotId, agent }) => {
    team.set(accountId, chatbotId, agent);
    checkOwn(accountId, agent);
  });
  on(session.onDidReceivePush, ({ chatbotId, push: message }) => w.pushSource.deliver?.({ ...message, chatbotId }));
  // Accounts whose connection is down: when one comes back, so is the network, and a push
  // connection of its own (FCM) may need a nudge to notice.
  const down = new Set<string>();
  on(session.onDidChangeConnection, (account) => {
    w.send('connection.changed', { accountId: account.id, connection: account.connection });
    const { state } = account.connection;
    if (state === 'offline') down.add(account.id);
    else if ((state === 'live' || state === 'polling') && down.delete(account.id)) w.pushSource.wake?.();
  });
  on(session.onDidResync, ({ accountId, chatbotId, reconnected }) => {
    w.outbox.flush();
    const port = session.list().find((r) => r.id === accountId)?.platform.presence;
    const key = chatbotKey({ accountId, chatbotId });
    const due = reconnected || w.clock.now() - (teamLoadedAt.get(key) ?? -Infinity) >= TEAM_RELOAD_MS;
    if (port && due) {
      teamLoadedAt.set(key, w.clock.now());
      // Without a live feed, a reload is how another device's change to the agent's state shows.
      void team.load(accountId, chatbotId, port).then(() => {
        const own = team.list().find((a) => a.accountId === accountId && a.chatbotId === chatbotId && a.agentId === me(accountId));
        if (own) checkOwn(accountId, own);
      });
    }
    // While away, another device may have changed the agent's state.
    if (reconnected) void refreshPresence();
  });
  on(session.onDidOpenAccount, (runtime) => {
    const port = runtime.platform.pushToken;
    // A token means something only to a platform that delivers to that kind of token.
    if (port && port.mode === w.pushSource.mode) push.attach(runtime.id, runtime.chatbotIds().map((chatbotId) => ({ port, chatbotId })));
    void presence.refresh();
  });
  on(session.onWillSignOut, ({ runtime, join }) => {
    // A signed-out agent is not there to answer: customers must not see them online.
    join(presence.release(presenceTargets(runtime)));
    join(push.detach(runtime.id));
  });
  on(session.onDidSignOut, ({ accountId, removedKeys }) => {
    down.delete(accountId);
    team.removeAccount(accountId);
    batcher.remove(removedKeys);
  });
  on(session.onDidChange, (state) => w.send('session.changed', state));
  // A push means "something happened": a chatbot without a live feed syncs now, and the normal path notifies.
  on(w.pushSource.onMessage, (m) => session.wake(m.chatbotId));
  return subscriptions;
}
