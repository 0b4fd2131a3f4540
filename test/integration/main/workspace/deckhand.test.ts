// Deckhand and its contract handlers, composed as the app composes them, against the real demo
// workspace (the embedded local server on a temp file): what the renderer asks for and is told,
// checked against what the server holds over HTTP. Ports that need Electron are small recorders:
// a memory vault, the renderer's event sink and the notification glue.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedDemo } from '../../../../src/main/demo-server';
import type { DemoServer } from '../../../../src/main/services/accounts/accounts';
import { ChatCaptainBackend } from '../../../../src/main/services/backend/chatcaptain';
import { toIpcError } from '../../../../src/main/services/backend/errors';
import type { IpcHandlers } from '../../../../src/main/services/ipc-handlers';
import type { Notification } from '../../../../src/main/services/notify/notifier';
import type { Backend, Clock } from '../../../../src/main/services/ports';
import { Deckhand, type DeckhandOptions } from '../../../../src/main/services/workspace/deckhand';
import { createHandlers } from '../../../../src/main/services/workspace/handlers';
import { updateHandlers } from '../../../../src/main/services/updates/update-handlers';
import { UpdateService } from '../../../../src/main/services/updates/update-service';
import { startServer, type RunningServer } from '../../../../src/server/app';
import { Db } from '../../../../src/server/db/database';
import type { Conversation, Message } from '../../../../src/shared/domain';
import { filterInbox } from '../../../../src/shared/inbox-filter';
import { calls, events, type CallInput, type CallName, type CallOutput, type EventName, type EventPayload, type IpcError } from '../../../../src/shared/ipc';
import { permissions, rolePermissions, type Role } from '../../../../src/shared/permissions';
import { InboxFilter, type ConversationRef, type InboxConversation } from '../../../../src/shared/view-models';
import { MemoryVault } from '../../../support/memory-vault';
import { until } from '../../../support/until';

const fast = { http: { backoffBaseMs: 10, backoffCapMs: 50 }, realtime: { reconnectionDelayMs: 50, reconnectionDelayMaxMs: 200 } };
const CHATBOTS = ['bot_shop', 'bot_service'];

/** The system clock, remembering which of its timers are still to run. */
class TrackingClock implements Clock {
  readonly pending = new Set<ReturnType<typeof setTimeout>>();
  now = () => Date.now();
  setTimeout(fn: () => void, ms: number): unknown {
    const handle = setTimeout(() => {
      this.pending.delete(handle);
      fn();
    }, ms);
    this.pending.add(handle);
    return handle;
  }
  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as ReturnType<typeof setTimeout>);
    clearTimeout(handle as ReturnType<typeof setTimeout>);
  }
}

interface Recorded {
  name: EventName;
  payload: unknown;
  at: number;
}

/** One Deckhand as the Electron glue builds it, with recording ports. */
class Harness {
  readonly events: Recorded[] = [];
  readonly shown: Notification[] = [];
  readonly clock = new TrackingClock();
  windowFocused = false;
  readonly deckhand: Deckhand;
  readonly handlers: IpcHandlers;

  constructor(
    readonly dataDir: string,
    readonly vault: MemoryVault,
    demo: DemoServer,
    extra: Partial<DeckhandOptions> = {},
  ) {
    this.deckhand = new Deckhand({
      dataDir,
      vault,
      demo,
      events: {
        send: (name, payload) => {
          // Every event must fit the contract the renderer validates against.
          events[name].parse(payload);
          this.events.push({ name, payload, at: Date.now() });
        },
      },
      notifications: { show: (n) => this.shown.push(n) },
      clock: this.clock,
      language: () => 'en',
      windowFocused: () => this.windowFocused,
      createBackend: (baseUrl, key) => new ChatCaptainBackend({ baseUrl, key, ...fast }),
      firebase: null,
      notifyWindowMs: 100,
      ...extra,
    });
    // As in the app; without an update feed the update service stays disabled.
    const updates = new UpdateService({ updater: null, pendingReplies: () => 0, clock: this.clock, onChange: () => undefined });
    this.handlers = { ...createHandlers(this.deckhand), ...updateHandlers(updates) };
  }

  /** A contract call as the IPC glue makes it: input parsed by the contract, output checked against it. */
  async call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> {
    const handler = this.handlers[name] as (input: unknown) => Promise<unknown>;
    const value = await handler(calls[name].input.parse(input));
    return calls[name].output.parse(value) as CallOutput<N>;
  }

  /** The contract error a call fails with. */
  async failure<N extends CallName>(name: N, input: CallInput<N>): Promise<IpcError> {
    const error = await this.call(name, input).then(
      () => expect.fail(`${name} should have failed`),
      (e: unknown) => e,
    );
    return toIpcError(error);
  }

  eventsOf<N extends EventName>(name: N, from = 0): EventPayload<N>[] {
    return this.events.slice(from).filter((e) => e.name === name).map((e) => e.payload as EventPayload<N>);
  }

  /** Waits for inbox.changed (after event index `from`) to carry this conversation in a state that matches. */
  async announced(key: string, matches: (c: InboxConversation) => boolean, from: number, what: string): Promise<InboxConversation> {
    let found: InboxConversation | undefined;
    await until(() => {
      found = this.eventsOf('inbox.changed', from)
        .flatMap((e) => e.upserted)
        .find((c) => c.key === key && matches(c));
      return found !== undefined;
    }, what);
    return found!;
  }
}

interface Endpoint {
  url: string;
  key: string;
}

async function http<T>(to: Endpoint, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = { 'x-chatcaptain-key': to.key };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(to.url + path, { method, headers, ...(body !== undefined && { body: JSON.stringify(body) }) });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}

async function serverConversations(to: Endpoint): Promise<Conversation[]> {
  const lists = await Promise.all(
    CHATBOTS.map((id) => http<{ conversations: Conversation[] }>(to, 'GET', `/v1/chatbots/${id}/conversations`)),
  );
  return lists.flatMap((l) => l.body.conversations);
}

async function serverConversation(to: Endpoint, c: { chatbotId: string; id: string }): Promise<Conversation> {
  return (await http<{ conversation: Conversation }>(to, 'GET', `/v1/chatbots/${c.chatbotId}/conversations/${c.id}`)).body.conversation;
}

async function serverMessageIds(to: Endpoint, c: { chatbotId: string; id: string }): Promise<string[]> {
  const answer = await http<{ messages: Message[] }>(to, 'GET', `/v1/chatbots/${c.chatbotId}/conversations/${c.id}/messages?limit=200`);
  return answer.body.messages.map((m) => m.id);
}

async function customer(to: Endpoint, c: Pick<Conversation, 'chatbotId' | 'channelId' | 'channelName' | 'providerId'>, text: string) {
  const body = { chatbotId: c.chatbotId, channelId: c.channelId, channelName: c.channelName, providerId: c.providerId, text };
  const answer = await http<{ conversation: Conversation; message: Message }>(to, 'POST', `/v1/chatbots/${c.chatbotId}/conversations/handle`, body);
  expect(answer.status).toBe(200);
  return answer.body;
}

/** The demo workspace's keys per role, read from its database file (the app only ever gets the admin key). */
function workspaceKeys(demoFile: string): Record<Role, string> {
  const db = new Db(demoFile);
  try {
    const rows = db.all<{ role: Role; key: string }>('SELECT role, key FROM workspace_credentials');
    return Object.fromEntries(rows.map((r) => [r.role, r.key])) as Record<Role, string>;
  } finally {
    db.close();
  }
}

const refOf = (accountId: string, c: { chatbotId: string; id: string }): ConversationRef => ({ accountId, chatbotId: c.chatbotId, conversationId: c.id });
const keyOf = (ref: ConversationRef) => `${ref.accountId}/${ref.chatbotId}/${ref.conversationId}`;
const tag = (accountId: string, c: Conversation): InboxConversation => ({ ...c, accountId, key: keyOf(refOf(accountId, c)), chatbotName: '' });
const ids = (list: { id: string }[]) => list.map((c) => c.id).sort();
const activeTimers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
const storedAccounts = (dataDir: string): { id: string; kind: string }[] => {
  try {
    return JSON.parse(readFileSync(join(dataDir, 'accounts.json'), 'utf8')) as { id: string; kind: string }[];
  } catch {
    return [];
  }
};

describe('Deckhand with the demo workspace', () => {
  let root: string;
  let h: Harness;
  let demo: Endpoint;
  let accountId: string;
  let all: Conversation[];
  /** Waiting, unassigned, not archived: each test takes its own. */
  let waiting: Conversation[];
  const long = { channelId: 'whatsapp', channelName: 'WhatsApp Business', providerId: 'long-thread', chatbotId: 'bot_shop' };
  const fifty = { ...long, providerId: 'fifty-thread' };

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'deckhand-workspace-'));
    const server = embeddedDemo(join(root, 'demo.sqlite'), { simulatePerMin: 0 });
    h = new Harness(join(root, 'data'), new MemoryVault(), server);
    await h.deckhand.start();
    // Before the app opens the demo: two long conversations whose history it has never seen.
    const started = await server.start();
    demo = { url: started.url, key: started.key };
    await Promise.all([
      (async () => {
        for (let i = 0; i < 120; i++) await customer(demo, long, `long ${i}`);
      })(),
      (async () => {
        for (let i = 0; i < 50; i++) await customer(demo, fifty, `fifty ${i}`);
      })(),
    ]);
    const account = await h.call('session.openDemo', {});
    accountId = account.id;
    all = await serverConversations(demo);
    await until(() => h.deckhand.cache.inbox().length === all.length, 'the initial load');
    waiting = all.filter((c) => c.status === 'waiting' && c.assignedAgentId === null && !c.archived);
  });

  afterAll(async () => {
    await h?.deckhand.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('opens the demo: the session lists the account, the inbox holds every conversation, and the filters agree', async () => {
    const session = await h.call('session.state', {});
    expect(session.vault.encryption).toBe('os');
    expect(session.accounts).toHaveLength(1);
    const [account] = session.accounts;
    expect(account).toMatchObject({ id: accountId, kind: 'demo', baseUrl: demo.url, agent: { id: 'agent_lena', name: 'Lena Hoffmann' } });
    expect(account!.chatbots.map((c) => [c.id, c.name])).toEqual([
      ['bot_shop', 'Shop-Assistent'],
      ['bot_service', 'Service Desk'],
    ]);
    for (const chatbot of account!.chatbots) expect([...chatbot.permissions].sort()).toEqual([...permissions].sort());
    await until(async () => (await h.call('session.state', {})).accounts[0]!.connection.state === 'live', 'live');

    expect(all.length).toBeGreaterThanOrEqual(120);
    const inbox = await h.call('inbox.list', {});
    expect(ids(inbox)).toEqual(ids(all.filter((c) => !c.archived)));
    const cached = new Map(h.deckhand.cache.inbox().map((c) => [c.id, c]));
    for (const c of all) expect(cached.get(c.id)).toMatchObject({ status: c.status, archived: c.archived, updatedAt: c.updatedAt });

    // Each view against the server's own data, filtered the way the renderer filters.
    const truth = all.map((c) => tag(accountId, c));
    const context = { myAgentIds: { [accountId]: 'agent_lena' } };
    const someone = all.find((c) => c.status === 'waiting')!.contactName;
    const filters: InboxFilter[] = [
      InboxFilter.parse({ view: 'waiting' }),
      InboxFilter.parse({ view: 'mine' }),
      InboxFilter.parse({ view: 'archived' }),
      InboxFilter.parse({ search: someone.split(' ')[0]!.toUpperCase() }),
      InboxFilter.parse({ view: 'all', chatbot: `${accountId}/bot_service`, channelId: 'email' }),
    ];
    for (const filter of filters) {
      const listed = await h.call('inbox.list', { filter });
      const expected = filterInbox(truth, filter, context);
      expect(expected.length, JSON.stringify(filter)).toBeGreaterThan(0);
      expect(ids(listed), JSON.stringify(filter)).toEqual(ids(expected));
    }
    expect((await h.call('inbox.list', { filter: InboxFilter.parse({ view: 'waiting' }) })).every((c) => c.status === 'waiting')).toBe(true);
  });

  it('opens a conversation at its newest page and pages back to the first message', async () => {
    const longConversation = all.find((c) => c.providerId === long.providerId)!;
    const serverIds = await serverMessageIds(demo, longConversation);
    expect(serverIds).toHaveLength(120);
    const ref = refOf(accountId, longConversation);

    const opened = await h.call('conversation.open', { ref });
    expect(opened.conversation.id).toBe(longConversation.id);
    expect(opened.messages.map((m) => m.id)).toEqual(serverIds.slice(70));
    expect(opened.hasOlder).toBe(true);
    expect(opened.outbox).toEqual([]);

    const page2 = await h.call('conversation.loadOlder', { ref, beforeId: opened.messages[0]!.id });
    expect(page2.messages.map((m) => m.id)).toEqual(serverIds.slice(20, 70));
    expect(page2.hasOlder).toBe(true);
    const page3 = await h.call('conversation.loadOlder', { ref, beforeId: page2.messages[0]!.id });
    expect(page3.messages.map((m) => m.id)).toEqual(serverIds.slice(0, 20));
    expect(page3.hasOlder).toBe(false);
    // Reopened: the same newest page, now from the cache as well.
    expect((await h.call('conversation.open', { ref })).messages.map((m) => m.id)).toEqual(serverIds.slice(70));

    // Exactly one page of history: nothing older to offer.
    const fiftyConversation = all.find((c) => c.providerId === fifty.providerId)!;
    const fiftyOpened = await h.call('conversation.open', { ref: refOf(accountId, fiftyConversation) });
    expect(fiftyOpened.messages.map((m) => m.id)).toEqual(await serverMessageIds(demo, fiftyConversation));
    expect(fiftyOpened.hasOlder).toBe(false);

    const short = all.find((c) => c.providerId !== long.providerId && c.providerId !== fifty.providerId)!;
    const shortOpened = await h.call('conversation.open', { ref: refOf(accountId, short) });
    expect(shortOpened.messages.map((m) => m.id)).toEqual(await serverMessageIds(demo, short));
    expect(shortOpened.hasOlder).toBe(false);
  });

  it('sends a reply through the outbox: pending, then sent, then part of the conversation', async () => {
    const target = waiting[0]!;
    const ref = refOf(accountId, target);
    const key = keyOf(ref);
    await h.call('conversation.open', { ref });
    const from = h.events.length;

    const item = await h.call('conversation.reply', { ref, text: '  Hello, I am looking into it.  ' });
    expect(item).toMatchObject({ key, text: 'Hello, I am looking into it.', state: 'pending', messageId: null });
    await until(
      () => h.eventsOf('outbox.changed', from).some((e) => e.items.some((i) => i.clientMessageId === item.clientMessageId && i.state === 'sent')),
      'the reply to be sent',
    );
    const sent = h.eventsOf('outbox.changed', from).flatMap((e) => e.items).find((i) => i.state === 'sent')!;
    expect(sent.messageId).not.toBeNull();
    await until(
      () => h.eventsOf('messages.changed', from).some((e) => e.key === key && e.messages.some((m) => m.id === sent.messageId)),
      'the reply in messages.changed',
    );
    await h.announced(key, (c) => c.status === 'assigned' && c.assignedAgentId === 'agent_lena', from, 'the takeover in inbox.changed');

    const reopened = await h.call('conversation.open', { ref });
    expect(reopened.messages.at(-1)).toMatchObject({ id: sent.messageId, sender: 'agent', agentId: 'agent_lena', payload: { text: 'Hello, I am looking into it.' } });
    expect(reopened.outbox).toEqual([expect.objectContaining({ clientMessageId: item.clientMessageId, state: 'sent' })]);
    const onServer = await http<{ messages: Message[] }>(demo, 'GET', `/v1/chatbots/${target.chatbotId}/conversations/${target.id}/messages?limit=5`);
    expect(onServer.body.messages.filter((m) => m.sender === 'agent' && m.id === sent.messageId)).toEqual([
      expect.objectContaining({ clientMessageId: item.clientMessageId }),
    ]);
  });

  it('applies the agent actions on the server and announces each in inbox.changed', async () => {
    const target = waiting[1]!;
    expect(target.unreadCount).toBeGreaterThan(0);
    const ref = refOf(accountId, target);
    const key = keyOf(ref);

    let from = h.events.length;
    expect(await h.call('conversation.markRead', { ref })).toBe(true);
    await h.announced(key, (c) => c.unreadCount === 0, from, 'markRead');
    expect((await serverConversation(demo, target)).unreadCount).toBe(0);

    from = h.events.length;
    const assigned = await h.call('conversation.assignToMe', { ref });
    expect(assigned).toMatchObject({ key, status: 'assigned', assignedAgentId: 'agent_lena' });
    await h.announced(key, (c) => c.assignedAgentId === 'agent_lena', from, 'assignToMe');
    expect(await serverConversation(demo, target)).toMatchObject({ status: 'assigned', assignedAgentId: 'agent_lena' });
    expect((await h.call('inbox.list', { filter: InboxFilter.parse({ view: 'mine' }) })).map((c) => c.key)).toContain(key);

    from = h.events.length;
    expect(await h.call('conversation.setArchived', { ref, archived: true })).toMatchObject({ archived: true });
    await h.announced(key, (c) => c.archived, from, 'archive');
    expect((await serverConversation(demo, target)).archived).toBe(true);
    expect((await h.call('inbox.list', { filter: InboxFilter.parse({ view: 'archived' }) })).map((c) => c.key)).toContain(key);
    from = h.events.length;
    await h.call('conversation.setArchived', { ref, archived: false });
    await h.announced(key, (c) => !c.archived, from, 'unarchive');

    from = h.events.length;
    expect(await h.call('conversation.handBack', { ref })).toMatchObject({ status: 'bot', assignedAgentId: null });
    await h.announced(key, (c) => c.status === 'bot' && c.assignedAgentId === null, from, 'handBack');
    expect(await serverConversation(demo, target)).toMatchObject({ status: 'bot', assignedAgentId: null });

    // A custom event changes nothing the inbox shows; the server records it.
    expect(await h.call('conversation.customEvent', { ref, event: 'order_checked' })).toBe(true);
    const serverDb = new Db(join(root, 'demo.sqlite'));
    try {
      const recorded = serverDb.all<{ kind: string; name: string }>('SELECT kind, name FROM conversation_events WHERE conversation_id = ?', target.id);
      expect(recorded).toContainEqual({ kind: 'custom_event', name: 'order_checked' });
      expect(recorded).toContainEqual(expect.objectContaining({ kind: 'payload' })); // the hand-back
    } finally {
      serverDb.close();
    }
    // Own actions are not news.
    expect(h.shown).toEqual([]);
  });

  it('notifies a live customer message in a waiting conversation, unless the agent is reading it', async () => {
    // Nothing from the initial load or the agent's own actions: the first notification is this one alone.
    expect(h.shown).toEqual([]);
    const [first, second] = [waiting[2]!, waiting[3]!];
    expect(first.contactName).not.toBe(second.contactName);

    await customer(demo, first, 'Where is my order?');
    await until(() => h.shown.length > 0, 'a notification');
    expect(h.shown).toEqual([{ title: first.contactName, body: 'Where is my order?', silent: false, ref: refOf(accountId, first) }]);

    // The agent has the first one open in a focused window: only the second one is news.
    await h.call('conversation.focus', { ref: refOf(accountId, first) });
    h.windowFocused = true;
    await customer(demo, first, 'Hello??');
    await customer(demo, second, 'My invoice is wrong.');
    await until(() => h.shown.length > 1, 'the second notification');
    expect(h.shown[1]).toEqual({ title: second.contactName, body: 'My invoice is wrong.', silent: false, ref: refOf(accountId, second) });

    // Open but the window is in the background: notified.
    h.windowFocused = false;
    await customer(demo, first, 'Anyone there?');
    await until(() => h.shown.length > 2, 'the third notification');
    expect(h.shown[2]).toMatchObject({ title: first.contactName, body: 'Anyone there?' });
    await h.call('conversation.focus', { ref: null });
    expect(h.shown).toHaveLength(3);
  });

  it('batches inbox.changed: a burst of 30 server changes costs a few events, at least 50 ms apart', async () => {
    const used = new Set(waiting.slice(0, 4).map((c) => c.id));
    const burst = all.filter((c) => !c.archived && !used.has(c.id) && c.status !== 'waiting').slice(0, 30);
    expect(burst).toHaveLength(30);
    const from = h.events.length;
    await Promise.all(
      burst.map((c) => http(demo, 'PATCH', `/v1/chatbots/${c.chatbotId}/conversations/${c.id}`, { archived: true })),
    );
    const keys = burst.map((c) => keyOf(refOf(accountId, c)));
    await until(() => {
      const seen = new Set(h.eventsOf('inbox.changed', from).flatMap((e) => e.upserted.filter((c) => c.archived).map((c) => c.key)));
      return keys.every((k) => seen.has(k));
    }, 'all 30 changes');
    const batches = h.events.slice(from).filter((e) => e.name === 'inbox.changed');
    expect(batches.length).toBeLessThan(10);
    for (let i = 1; i < batches.length; i++) expect(batches[i]!.at - batches[i - 1]!.at).toBeGreaterThanOrEqual(49);
    await Promise.all(burst.map((c) => http(demo, 'PATCH', `/v1/chatbots/${c.chatbotId}/conversations/${c.id}`, { archived: false })));
  });

  it('sets the agent online on every chatbot of the server', async () => {
    const from = h.events.length;
    const state = await h.call('presence.set', { online: true });
    expect(state.intent).toBe(true);
    await until(async () => {
      const now = await h.call('presence.get', {});
      return now.confirmed === true && !now.pending;
    }, 'the server to confirm');
    for (const chatbotId of CHATBOTS) {
      const agents = await http<{ agents: { agentId: string; online: boolean }[] }>(demo, 'GET', `/v1/inbox/${chatbotId}/agents/online`);
      expect(agents.body.agents.find((a) => a.agentId === 'agent_lena')?.online).toBe(true);
    }
    expect(h.eventsOf('presence.changed', from).at(-1)).toMatchObject({ intent: true, confirmed: true, pending: false });
    await until(async () => (await h.call('agents.online', {})).some((a) => a.agentId === 'agent_lena' && a.online), 'the team list');

    await h.call('presence.set', { online: false });
    await until(async () => (await h.call('presence.get', {})).confirmed === false, 'offline');
  });

  it('shows a newer state written by another device as a lost race, without waiting for a write', async () => {
    await h.call('presence.set', { online: true });
    await until(async () => (await h.call('presence.get', {})).confirmed === true, 'online');
    const from = h.events.length;
    // The agent's phone sets them away, with a clock ahead of ours.
    const elsewhere = await http(demo, 'POST', '/v1/inbox/bot_shop/agents/me/online', {
      online: false,
      clientTimestamp: String(Date.now() + 10 * 60_000),
    });
    expect(elsewhere.status).toBe(200);
    await until(async () => {
      const now = await h.call('presence.get', {});
      return now.intent === false && now.lostRace;
    }, 'the toggle to show the other device won');
    expect(h.eventsOf('presence.changed', from).at(-1)).toMatchObject({ intent: false, lostRace: true });
  });

  it('adds the same server with the agent key as a second account, each with its own "mine"', async () => {
    const agentKey = workspaceKeys(join(root, 'demo.sqlite')).agent;
    const account = await h.call('session.addAccount', { baseUrl: demo.url, key: agentKey, chatbotIds: CHATBOTS });
    expect(account).toMatchObject({ kind: 'chatcaptain', agent: { id: 'agent_jonas' } });
    await until(() => h.deckhand.cache.inbox().filter((c) => c.accountId === account.id).length === all.length, "the agent account's inbox");

    const mine = await h.call('inbox.list', { filter: InboxFilter.parse({ view: 'mine' }) });
    const current = await serverConversations(demo);
    const expected = (accountId2: string, agentId: string) =>
      current.filter((c) => !c.archived && c.status === 'assigned' && c.assignedAgentId === agentId).map((c) => keyOf(refOf(accountId2, c)));
    expect(mine.map((c) => c.key).sort()).toEqual([...expected(accountId, 'agent_lena'), ...expected(account.id, 'agent_jonas')].sort());

    expect(await h.call('session.signOut', { accountId: account.id })).toBe(true);
    expect(h.deckhand.cache.inbox().filter((c) => c.accountId === account.id)).toEqual([]);
    expect(h.deckhand.cache.inbox()).toHaveLength(all.length);
  });

  it('reaches organizations and versions through the handlers', async () => {
    const base = { accountId, chatbotId: 'bot_shop' };
    const list = await h.call('organizations.list', { ...base, limit: 5 });
    expect(list.organizations.length).toBeGreaterThan(0);
    const first = list.organizations[0]!;
    expect(await h.call('organizations.get', { ...base, organizationId: first.id })).toEqual(first);
    const found = await h.call('organizations.search', { ...base, query: first.name.slice(0, 5), page: 1, pageSize: 10 });
    expect(found.organizations.map((o) => o.id)).toContain(first.id);
    const contacts = await h.call('organizations.contacts', { ...base, organizationId: first.id });
    expect(await h.call('organizations.contactCount', { ...base, organizationId: first.id })).toBe(contacts.length);

    const created = await h.call('organizations.create', { ...base, fields: { name: 'Deckhand Test GmbH', email: 'info@deckhand.test' } });
    expect(created).toMatchObject({ name: 'Deckhand Test GmbH', email: 'info@deckhand.test' });
    expect(await h.call('organizations.update', { ...base, organizationId: created.id, fields: { industry: 'Software' } })).toMatchObject({
      id: created.id,
      industry: 'Software',
    });
    expect(await h.call('organizations.delete', { ...base, organizationId: created.id })).toBe(true);
    expect((await h.failure('organizations.get', { ...base, organizationId: created.id })).code).toBe('NotFound');

    const before = await h.call('versions.list', base);
    const version = await h.call('versions.create', { ...base, name: 'Deckhand test', description: 'from the test', environment: 'dev' });
    expect((await h.call('versions.list', base)).map((v) => v.id)).toEqual(expect.arrayContaining([...before.map((v) => v.id), version.id]));
    const deployed = await h.call('versions.deploy', { ...base, versionId: version.id, environment: 'test' });
    expect(deployed.id).toBe(version.id);
    expect((await h.call('versions.rollback', { ...base, versionId: version.id })).id).toBeDefined();
    const removable = await h.call('versions.create', { ...base, name: 'to delete', environment: 'dev' });
    expect(await h.call('versions.delete', { ...base, versionId: removable.id })).toBe(true);
    expect((await h.call('versions.list', base)).map((v) => v.id)).not.toContain(removable.id);
  });
});

// A "real" ChatCaptain account needs a server that outlives the app: the embedded demo stops
// with its Deckhand and comes back on another port, so these accounts talk to a standalone
// local server (and the demo workspace runs beside it, embedded, as in the app).
describe('Deckhand accounts', () => {
  let root: string;
  let demoFile: string;
  let dataDir: string;
  const vault = new MemoryVault();
  let a: Harness;
  let b: Harness | null = null;
  let chatcaptain: RunningServer;
  let server: Endpoint;
  let keys: Record<Role, string>;
  let accountId = '';

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'deckhand-accounts-'));
    demoFile = join(root, 'demo.sqlite');
    dataDir = join(root, 'data');
    chatcaptain = await startServer({ db: join(root, 'chatcaptain.sqlite'), demo: true });
    keys = chatcaptain.workspace.keys;
    server = { url: chatcaptain.url, key: keys.admin };
    a = new Harness(dataDir, vault, embeddedDemo(demoFile, { simulatePerMin: 0 }));
    await a.deckhand.start();
    await a.call('session.openDemo', {});
  });

  afterAll(async () => {
    await a?.deckhand.stop();
    await b?.deckhand.stop();
    await chatcaptain?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('adds a ChatCaptain account only after a real call accepts the key', async () => {
    const input = { baseUrl: server.url, chatbotIds: CHATBOTS };
    expect(await a.failure('session.addAccount', { ...input, key: 'cc_this_key_does_not_exist' })).toMatchObject({ code: 'Unauthorized' });
    const limited = await a.failure('session.addAccount', { ...input, chatbotIds: ['bot_shop', 'bot_elsewhere'], key: keys.agent });
    expect(limited.code).toBe('Forbidden');
    expect(limited.message).toContain('bot_elsewhere');
    expect(vault.names().filter((n) => n.startsWith('account:'))).toEqual([]);
    expect(storedAccounts(dataDir).map((s) => s.kind)).toEqual(['demo']);

    const account = await a.call('session.addAccount', { ...input, key: keys.agent });
    accountId = account.id;
    expect(account).toMatchObject({ kind: 'chatcaptain', baseUrl: server.url, agent: { id: 'agent_jonas', name: 'Jonas Weber' } });
    for (const chatbot of account.chatbots) expect([...chatbot.permissions].sort()).toEqual([...rolePermissions.agent].sort());
    expect(vault.read(`account:${accountId}`)).toBe(keys.agent);
    expect(storedAccounts(dataDir).map((s) => s.id)).toContain(accountId);
    expect(readFileSync(join(dataDir, 'accounts.json'), 'utf8')).not.toContain(keys.agent);
    expect((await a.call('session.state', {})).accounts.map((x) => x.id)).toContain(accountId);

    const total = (await serverConversations(server)).length;
    await until(() => a.deckhand.cache.inbox().filter((c) => c.accountId === accountId).length === total, "the account's inbox");
    expect((await a.failure('session.addAccount', { ...input, key: keys.agent })).code).toBe('Invalid');
  });

  it('names the permission a key lacks', async () => {
    const base = { accountId, chatbotId: 'bot_shop' };
    expect(await a.failure('versions.list', base)).toMatchObject({ code: 'Forbidden', permission: 'chatbots.versions.list' });
    expect(await a.failure('organizations.create', { ...base, fields: { name: 'Nope' } })).toMatchObject({
      code: 'Forbidden',
      permission: 'chatbots.organizations.create',
    });
  });

  it('restores the accounts after a restart, showing the cached inbox before the sync answers, and keeps the settings', async () => {
    expect(await a.call('settings.set', { sound: false, idleAwayMinutes: 15 })).toMatchObject({ sound: false, idleAwayMinutes: 15 });
    const cachedBefore = a.deckhand.cache.inbox().map((c) => c.key).sort();
    expect(cachedBefore.length).toBeGreaterThanOrEqual(2 * 120);
    await a.deckhand.stop();
    expect(a.clock.pending.size).toBe(0);

    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    let answered = 0;
    const gated = (baseUrl: string, key: string): Backend => {
      const real = new ChatCaptainBackend({ baseUrl, key, ...fast });
      return new Proxy(real, {
        get(target, prop) {
          if (prop === 'listConversations') {
            return async (...args: Parameters<Backend['listConversations']>) => {
              await gate;
              answered++;
              return target.listConversations(...args);
            };
          }
          const value: unknown = Reflect.get(target, prop, target);
          return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
        },
      });
    };
    b = new Harness(dataDir, vault, embeddedDemo(demoFile, { simulatePerMin: 0 }), { createBackend: gated });
    await b.deckhand.start();
    const session = await b.call('session.state', {});
    expect(session.accounts.map((x) => x.kind).sort()).toEqual(['chatcaptain', 'demo']);
    expect(session.accounts.find((x) => x.kind === 'chatcaptain')).toMatchObject({ id: accountId, agent: { id: 'agent_jonas' } });
    const listed = await b.call('inbox.list', { filter: InboxFilter.parse({ view: 'archived' }) });
    expect(b.deckhand.cache.inbox().map((c) => c.key).sort()).toEqual(cachedBefore);
    expect(listed.length).toBeGreaterThan(0);
    expect(answered).toBe(0);
    expect(await b.call('settings.get', {})).toMatchObject({ sound: false, idleAwayMinutes: 15 });

    release();
    await until(async () => (await b!.call('session.state', {})).accounts.every((x) => x.connection.state === 'live'), 'both accounts live');
    expect(answered).toBeGreaterThan(0);
  });

  it('signs out: the account leaves the session, the cache and the vault', async () => {
    const h = b!;
    const keysBefore = h.deckhand.cache.inbox().filter((c) => c.accountId === accountId).map((c) => c.key);
    expect(keysBefore.length).toBeGreaterThan(0);
    // Online on that account, then signed out: its server must show the agent offline.
    await h.call('presence.set', { online: true });
    const online = async () =>
      (await http<{ agents: { agentId: string; online: boolean }[] }>(server, 'GET', '/v1/inbox/bot_shop/agents/online')).body.agents.find(
        (a) => a.agentId === 'agent_jonas',
      )?.online;
    await until(async () => (await online()) === true, 'the agent online on the account');
    const from = h.events.length;
    expect(await h.call('session.signOut', { accountId })).toBe(true);
    expect(await online()).toBe(false);

    expect(h.deckhand.cache.inbox().filter((c) => c.accountId === accountId)).toEqual([]);
    expect((await h.call('inbox.list', {})).filter((c) => c.accountId === accountId)).toEqual([]);
    expect(vault.names().filter((n) => n.startsWith('account:'))).toEqual([]);
    expect(storedAccounts(dataDir).map((s) => s.kind)).toEqual(['demo']);
    expect((await h.call('session.state', {})).accounts.map((x) => x.kind)).toEqual(['demo']);
    await until(() => h.eventsOf('inbox.changed', from).flatMap((e) => e.removed).length === keysBefore.length, 'the removal in inbox.changed');
    expect(h.eventsOf('inbox.changed', from).flatMap((e) => e.removed).sort()).toEqual([...keysBefore].sort());
  });

  it('gives a viewer key Forbidden, naming the permission, and fails its replies visibly', async () => {
    const h = b!;
    const viewer = await h.call('session.addAccount', { baseUrl: server.url, key: keys.viewer, chatbotIds: CHATBOTS });
    const total = (await serverConversations(server)).length;
    await until(() => h.deckhand.cache.inbox().filter((c) => c.accountId === viewer.id).length === total, "the viewer's inbox");
    const conversation = h.deckhand.cache.inbox().find((c) => c.accountId === viewer.id && !c.archived)!;
    const ref = refOf(viewer.id, conversation);

    expect(await h.failure('conversation.setArchived', { ref, archived: true })).toMatchObject({
      code: 'Forbidden',
      permission: 'chatbots.conversations.edit',
    });
    expect(await h.failure('organizations.create', { accountId: viewer.id, chatbotId: 'bot_shop', fields: { name: 'Nope' } })).toMatchObject({
      code: 'Forbidden',
      permission: 'chatbots.organizations.create',
    });
    const from = h.events.length;
    const item = await h.call('conversation.reply', { ref, text: 'I may not say this' });
    await until(
      () => h.eventsOf('outbox.changed', from).some((e) => e.items.some((i) => i.clientMessageId === item.clientMessageId && i.state === 'failed')),
      'the reply to fail',
    );
    await h.call('session.signOut', { accountId: viewer.id });
  });

  it('asks before storing a key where the OS offers no real encryption', async () => {
    const c = new Harness(join(root, 'plain'), new MemoryVault('basic_text'), embeddedDemo(join(root, 'unused.sqlite')));
    try {
      await c.deckhand.start();
      expect((await c.call('session.state', {})).vault.encryption).toBe('basic_text');
      const input = { baseUrl: server.url, key: keys.agent, chatbotIds: ['bot_shop'] };
      expect(await c.failure('session.addAccount', input)).toMatchObject({ code: 'WeakEncryption' });
      expect(c.vault.names().filter((n) => n.startsWith('account:'))).toEqual([]);
      expect(storedAccounts(join(root, 'plain'))).toEqual([]);

      const account = await c.call('session.addAccount', { ...input, allowPlainTextStorage: true });
      expect(c.vault.read(`account:${account.id}`)).toBe(keys.agent);
      expect(storedAccounts(join(root, 'plain')).map((s) => s.id)).toEqual([account.id]);
    } finally {
      await c.deckhand.stop();
    }
  });
});

describe('Deckhand demo start', () => {
  it('opens the demo on a machine where nothing was set up, and not again after the agent signed out of it', async () => {
    const root = mkdtempSync(join(tmpdir(), 'deckhand-first-run-'));
    const data = join(root, 'data');
    const demo = () => embeddedDemo(join(root, 'demo.sqlite'), { simulatePerMin: 0 });
    const first = new Harness(data, new MemoryVault(), demo(), { openDemoOnFirstRun: true });
    try {
      await first.deckhand.start();
      const session = await first.call('session.state', {});
      expect(session.accounts.map((a) => a.kind)).toEqual(['demo']);
      await until(() => first.deckhand.cache.inbox().length > 100, 'the demo inbox');
      await first.call('session.signOut', { accountId: session.accounts[0]!.id });
    } finally {
      await first.deckhand.stop();
    }
    const second = new Harness(data, new MemoryVault(), demo(), { openDemoOnFirstRun: true });
    try {
      await second.deckhand.start();
      expect((await second.call('session.state', {})).accounts).toEqual([]);
    } finally {
      await second.deckhand.stop();
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('tries again after a failed start instead of keeping the failure', async () => {
    const root = mkdtempSync(join(tmpdir(), 'deckhand-demo-'));
    const later = join(root, 'not-yet');
    const h = new Harness(join(root, 'data'), new MemoryVault(), embeddedDemo(join(later, 'demo.sqlite'), { simulatePerMin: 0 }));
    try {
      await h.deckhand.start();
      expect((await h.failure('session.openDemo', {})).code).toBe('Internal');
      expect(storedAccounts(join(root, 'data'))).toEqual([]);
      mkdirSync(later);
      expect(await h.call('session.openDemo', {})).toMatchObject({ kind: 'demo' });
    } finally {
      await h.deckhand.stop();
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('Deckhand.stop', () => {
  it('leaves no timer running and closes the demo server', async () => {
    const root = mkdtempSync(join(tmpdir(), 'deckhand-stop-'));
    const baseline = activeTimers();
    const h = new Harness(join(root, 'data'), new MemoryVault(), embeddedDemo(join(root, 'demo.sqlite'), { simulatePerMin: 0 }));
    try {
      await h.deckhand.start();
      const account = await h.call('session.openDemo', {});
      await until(async () => (await h.call('session.state', {})).accounts[0]!.connection.state === 'live', 'live');
      const conversation = h.deckhand.cache.inbox().find((c) => c.status === 'waiting')!;
      const ref = refOf(account.id, conversation);
      // Things that leave timers behind if anything does: a self-assignment, a reply, presence, a notification.
      await h.call('conversation.assignToMe', { ref });
      await h.call('conversation.reply', { ref, text: 'On it.' });
      await h.call('presence.set', { online: true });
      const other = h.deckhand.cache.inbox().find((c) => c.status === 'waiting' && c.assignedAgentId === null && c.key !== conversation.key)!;
      await customer({ url: account.baseUrl, key: workspaceKeys(join(root, 'demo.sqlite')).admin }, other, 'ping');
      expect(h.clock.pending.size).toBeGreaterThan(0);

      await h.deckhand.stop();
      expect([...h.clock.pending]).toEqual([]);
      await until(() => activeTimers() <= baseline, 'every timer to be gone', 5_000);
      await expect(fetch(`${account.baseUrl}/v1/auth/me`)).rejects.toThrow();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
