// ChatbotSync against the real local server, with the real ChatCaptainBackend and a LocalCache on
// a temp SQLite file: the first load, live events, and the promise that matters most — across a
// server restart, a dropped socket, a lost event or a socket-less server, every message the
// server has ends up in the cache exactly once, in the server's order.
import { mkdtempSync, rmSync } from 'node:fs';
import type { Duplex } from 'node:stream';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChatCaptainBackend } from '../../../../src/main/services/backend/chatcaptain';
import { BackendError } from '../../../../src/main/services/backend/errors';
import { LocalCache } from '../../../../src/main/services/cache/local-cache';
import { MainDb } from '../../../../src/main/services/cache/sqlite';
import { systemClock, type Backend, type RealtimeEvent } from '../../../../src/main/services/ports';
import { ChatbotSync, type SyncListener } from '../../../../src/main/services/sync/chatbot-sync';
import { startServer, type RunningServer } from '../../../../src/server/app';
import type { Conversation, Message } from '../../../../src/shared/domain';
import type { ConnectionState, InboxConversation } from '../../../../src/shared/view-models';
import { call, testSecret } from '../../../support/server';
import { until } from '../../../support/until';

const ACCOUNT = 'acc_test';
const BOT = { id: 'bot_shop', name: 'Shop-Assistent' };
const fast = { http: { backoffBaseMs: 10, backoffCapMs: 50 }, realtime: { reconnectionDelayMs: 50, reconnectionDelayMaxMs: 200 } };

let dir: string;
const cleanups: (() => Promise<void> | void)[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'deckhand-sync-'));
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  rmSync(dir, { recursive: true, force: true });
});

async function server(options: Parameters<typeof startServer>[0] = {}): Promise<RunningServer> {
  const running = await startServer({ db: ':memory:', ...options });
  cleanups.push(() => running.close());
  return running;
}

/** Delegates to the real backend except where the test overrides a method. */
function wrap(real: Backend, overrides: Partial<Backend>): Backend {
  return new Proxy(real, {
    get(target, prop) {
      if (prop in overrides) return overrides[prop as keyof Backend];
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

interface Log {
  conversations: { changed: InboxConversation[]; initial: boolean }[];
  removed: string[];
  messages: Message[];
  connection: ConnectionState[];
  /** When each connection state was announced. */
  connectionAt: number[];
  /** Each resync's `reconnected`. */
  resynced: boolean[];
  unauthorized: BackendError[];
}

function setup(backend: Backend, options: { pollMs?: number; random?: () => number } = {}) {
  const db = MainDb.open(join(dir, `cache-${cleanups.length}`));
  const cache = new LocalCache(db);
  const log: Log = { conversations: [], removed: [], messages: [], connection: [], connectionAt: [], resynced: [], unauthorized: [] };
  const listener: SyncListener = {
    conversations: (changed, _previous, initial) => log.conversations.push({ changed, initial }),
    removed: (keys) => log.removed.push(...keys),
    messages: (_conversation, messages) => log.messages.push(...messages),
    agent: () => {},
    push: () => {},
    connection: (state) => {
      log.connection.push(state);
      log.connectionAt.push(Date.now());
    },
    resynced: (reconnected) => log.resynced.push(reconnected),
    unauthorized: (error) => log.unauthorized.push(error),
  };
  const sync = new ChatbotSync({ accountId: ACCOUNT, chatbot: BOT, backend, cache, clock: systemClock, listener, ...options });
  cleanups.push(() => {
    sync.stop();
    db.close();
  });
  const ref = (conversationId: string) => ({ accountId: ACCOUNT, chatbotId: BOT.id, conversationId });
  return { sync, cache, log, ref, cachedIds: (id: string) => cache.messages(ref(id), { limit: 10_000 }).map((m) => m.id) };
}

const backendFor = (s: RunningServer, realtime = fast.realtime) =>
  new ChatCaptainBackend({ baseUrl: s.url, key: s.workspace.keys.admin, http: fast.http, realtime });

/** A customer writes on a channel (finding or creating the conversation), as a channel integration does. */
async function customer(
  s: RunningServer,
  providerId: string,
  text: string,
  channel = { channelId: 'whatsapp', channelName: 'WhatsApp Business' },
): Promise<{ conversation: Conversation; message: Message }> {
  const answer = await call(s, 'POST', `/v1/chatbots/${BOT.id}/conversations/handle`, {
    body: { chatbotId: BOT.id, ...channel, providerId, text },
  });
  if (answer.status !== 200) throw new Error(`handle answered ${answer.status}`);
  return answer.body;
}

/** The server's whole history of a conversation, oldest first. */
async function serverIds(s: RunningServer, conversationId: string): Promise<string[]> {
  const ids: string[] = [];
  let before = '';
  for (;;) {
    const page = await call(s, 'GET', `/v1/chatbots/${BOT.id}/conversations/${conversationId}/messages?limit=200${before}`);
    const messages = page.body.messages as Message[];
    ids.unshift(...messages.map((m) => m.id));
    if (messages.length < 200) return ids;
    before = `&before=${messages[0]!.id}`;
  }
}

/** Waits until the cache holds exactly the server's history of each conversation, then checks it once more. */
async function converged(s: RunningServer, cachedIds: (id: string) => string[], conversationIds: string[]): Promise<void> {
  for (const id of conversationIds) {
    let expected: string[] = [];
    await until(async () => {
      expected = await serverIds(s, id);
      return JSON.stringify(cachedIds(id)) === JSON.stringify(expected);
    }, `the cache to hold conversation ${id} as the server does`);
    expect(cachedIds(id)).toEqual(expected);
    expect(new Set(cachedIds(id)).size).toBe(expected.length);
  }
}

const state = (sync: ChatbotSync) => sync.state().state;

describe('ChatbotSync live', () => {
  it('loads the inbox once as initial, then applies live changes as news', async () => {
    const s = await server({ demo: true });
    const { sync, cache, log, ref } = setup(backendFor(s));
    sync.start();
    await until(() => state(sync) === 'live' && log.resynced.length > 0, 'the first resync');

    const serverList = (await call(s, 'GET', `/v1/chatbots/${BOT.id}/conversations`)).body.conversations as Conversation[];
    expect(serverList.length).toBeGreaterThanOrEqual(60);
    expect(log.conversations[0]!.initial).toBe(true);
    expect(log.conversations[0]!.changed).toHaveLength(serverList.length);
    expect(cache.inbox().map((c) => c.id).sort()).toEqual(serverList.map((c) => c.id).sort());
    expect(cache.inbox()[0]).toMatchObject({ accountId: ACCOUNT, chatbotName: BOT.name, key: `${ACCOUNT}/${BOT.id}/${serverList[0]!.id}` });

    // A customer writes in an existing conversation: the message and the conversation's new state arrive.
    const target = serverList.find((c) => c.status === 'waiting')!;
    const { message, conversation } = await customer(s, target.providerId, 'Is my parcel on its way?', target);
    expect(conversation.id).toBe(target.id);
    await until(() => log.messages.some((m) => m.id === message.id), 'the live message');
    await until(() => cache.conversation(ref(target.id))?.lastMessage?.id === message.id, 'the conversation update');
    expect(cache.messages(ref(target.id), { limit: 5 }).map((m) => m.id)).toContain(message.id);
    const later = log.conversations.slice(1);
    expect(later.length).toBeGreaterThan(0);
    expect(later.every((batch) => !batch.initial)).toBe(true);
    expect(log.messages.filter((m) => m.id === message.id)).toHaveLength(1);

    // A resync fills in the history before that message; history is stored, not announced as news.
    expect(log.resynced).toEqual([true]);
    await sync.resync();
    expect(log.resynced).toEqual([true, false]);
    const history = await serverIds(s, target.id);
    expect(history.length).toBeGreaterThan(1);
    expect(cache.messages(ref(target.id), { limit: 200 }).map((m) => m.id)).toEqual(history);
    expect(log.messages.map((m) => m.id)).toEqual([message.id]);
  });

  it('loses and duplicates nothing while the server restarts, with a writer running throughout', async () => {
    const file = join(dir, 'server.sqlite');
    let s = await startServer({ db: file, secret: testSecret });
    const port = s.port;
    cleanups.push(() => s.close());

    // Record which messages came over the socket, to show that the rest came through the resync.
    const real = backendFor(s);
    const viaSocket = new Set<string>();
    const backend = wrap(real, {
      subscribe: (chatbotId, handlers) =>
        real.subscribe(chatbotId, {
          ...handlers,
          onEvent: (event: RealtimeEvent) => {
            if (event.event === 'message.created') viaSocket.add(event.payload.message.id);
            handlers.onEvent(event);
          },
        }),
    });
    const { sync, cache, log, cachedIds } = setup(backend);
    sync.start();
    await until(() => state(sync) === 'live' && log.resynced.length > 0, 'live');

    const providers = ['p-anna', 'p-ben', 'p-carla'];
    const ids: string[] = [];
    for (const p of providers) ids.push((await customer(s, p, `${p} says hello`)).conversation.id);
    await until(() => cache.inbox().length === 3, 'three conversations');
    for (const id of ids) await sync.catchUpMessages(id); // opened: the cache keeps their whole history

    let target = s;
    let posted = 0;
    let stopWriting = false;
    const writer = (async () => {
      for (let i = 0; !stopWriting; i++) {
        try {
          await customer(target, providers[i % providers.length]!, `message ${i}`);
          posted++;
        } catch {
          await new Promise((resolve) => setTimeout(resolve, 5)); // the server is away: try again shortly
        }
      }
    })();
    cleanups.push(async () => {
      stopWriting = true;
      await writer;
    });

    await until(() => posted >= 15, 'messages before the restart');
    await s.close();
    await until(() => state(sync) !== 'live', 'the sync to notice');
    // While the client cannot reach the server, the writer goes on through another instance on
    // the same file: these messages can only reach the cache through the resync.
    const interim = await startServer({ db: file, secret: testSecret });
    target = interim;
    const atInterim = posted;
    await until(() => posted >= atInterim + 15, 'messages while disconnected');
    await interim.close();
    s = await startServer({ db: file, port, secret: testSecret });
    target = s;
    const atRestart = posted;
    await until(() => state(sync) === 'live' && posted >= atRestart + 15, 'live again with more messages');
    stopWriting = true;
    await writer;

    await converged(s, cachedIds, ids);
    const all = ids.flatMap((id) => cachedIds(id));
    expect(all.length).toBeGreaterThanOrEqual(3 + 45);
    expect(all.filter((id) => !viaSocket.has(id)).length).toBeGreaterThanOrEqual(15);
    // Each message reached the listener exactly once, however it came.
    const announced = log.messages.map((m) => m.id);
    expect(new Set(announced).size).toBe(announced.length);
    expect([...announced].sort()).toEqual([...all].sort());
  });

  it('reconnects and resyncs after the socket drops while the server stays up', async () => {
    const s = await server();
    const upgraded: Duplex[] = [];
    s.app.server.on('upgrade', (_request, socket: Duplex) => upgraded.push(socket));
    const real = backendFor(s);
    let connects = 0;
    const viaSocket = new Set<string>();
    const backend = wrap(real, {
      subscribe: (chatbotId, handlers) =>
        real.subscribe(chatbotId, {
          ...handlers,
          onConnect: () => {
            connects++;
            handlers.onConnect();
          },
          onEvent: (event) => {
            if (event.event === 'message.created') viaSocket.add(event.payload.message.id);
            handlers.onEvent(event);
          },
        }),
    });
    const { sync, log, cachedIds } = setup(backend);
    sync.start();
    await until(() => state(sync) === 'live' && log.resynced.length > 0, 'live');
    const { conversation } = await customer(s, 'p-drop', 'before the drop');
    await until(() => log.conversations.some((b) => b.changed.some((c) => c.id === conversation.id)), 'the conversation');
    await sync.catchUpMessages(conversation.id);

    expect(upgraded.length).toBeGreaterThan(0);
    for (const socket of upgraded.splice(0)) socket.destroy();
    // Written at once: the server has no socket for us any more, so only the resync can bring these.
    const lost: string[] = [];
    for (let i = 0; i < 5; i++) lost.push((await customer(s, 'p-drop', `during the drop ${i}`)).message.id);

    const resyncs = log.resynced.length;
    await until(() => connects >= 2 && state(sync) === 'live' && log.resynced.length > resyncs, 'the reconnect');
    expect(log.resynced.slice(resyncs)).toContain(true);
    await converged(s, cachedIds, [conversation.id]);
    expect(lost.some((id) => !viaSocket.has(id))).toBe(true);
    expect(cachedIds(conversation.id)).toEqual(expect.arrayContaining(lost));
  });

  it('resyncs when a seq gap shows that events were lost, and ignores events seen before', async () => {
    const s = await server();
    const real = backendFor(s);
    let drop = 0;
    let lists = 0;
    let replay: RealtimeEvent | null = null;
    let deliver: (event: RealtimeEvent) => void = () => {};
    const backend = wrap(real, {
      listConversations: (...args) => {
        lists++;
        return real.listConversations(...args);
      },
      subscribe: (chatbotId, handlers) => {
        deliver = (event) => handlers.onEvent(event);
        return real.subscribe(chatbotId, {
          ...handlers,
          onEvent: (event) => {
            if (drop > 0) {
              drop--; // lost on the way
              return;
            }
            if (event.event === 'message.created') replay = event;
            handlers.onEvent(event);
          },
        });
      },
    });
    const { sync, log, cachedIds } = setup(backend);
    sync.start();
    await until(() => state(sync) === 'live' && log.resynced.length > 0, 'live');
    const x = (await customer(s, 'p-x', 'x opens')).conversation;
    const y = (await customer(s, 'p-y', 'y opens')).conversation;
    await until(() => log.conversations.some((b) => b.changed.some((c) => c.id === y.id)), 'both conversations');
    await sync.catchUpMessages(x.id);
    await until(() => replay !== null && (replay.event === 'message.created' ? replay.payload.message.conversationId === y.id : false), 'y live');

    // A message seen twice (socket.io redelivery) is applied once.
    const before = log.messages.length;
    deliver(replay!);
    expect(log.messages.length).toBe(before);

    const listsBefore = lists;
    drop = 2; // message.created and conversation.upserted of the next change
    const lostMessage = (await customer(s, 'p-x', 'this event gets lost')).message;
    await until(() => drop === 0, 'the events to be dropped');
    expect(cachedIds(x.id)).not.toContain(lostMessage.id);

    // The next event carries a seq two ahead: the sync notices and resyncs.
    await customer(s, 'p-y', 'y again');
    await until(() => cachedIds(x.id).includes(lostMessage.id), 'the lost message through the resync');
    expect(lists).toBeGreaterThan(listsBefore);
    await converged(s, cachedIds, [x.id]);
  });

  it('keeps a newer live event over a slower resync answer', async () => {
    const s = await server();
    const real = backendFor(s);
    let hold: Promise<void> | null = null;
    let held = false;
    const backend = wrap(real, {
      listConversations: async (...args) => {
        const answer = await real.listConversations(...args);
        if (hold) {
          held = true;
          await hold;
        }
        return answer;
      },
    });
    const { sync, cache, log, ref } = setup(backend);
    sync.start();
    await until(() => state(sync) === 'live' && log.resynced.length > 0, 'live');
    const { conversation } = await customer(s, 'p-race', 'hello');
    await until(() => cache.conversation(ref(conversation.id)) !== null, 'the conversation');

    let release: () => void = () => {};
    hold = new Promise<void>((resolve) => (release = resolve));
    const resync = sync.resync();
    await until(() => held, 'the resync to hold a stale answer');
    const patched = await call(s, 'PATCH', `/v1/chatbots/${BOT.id}/conversations/${conversation.id}`, { body: { archived: true } });
    expect(patched.status).toBe(200);
    await until(() => cache.conversation(ref(conversation.id))?.archived === true, 'the live update');
    const announcedBefore = log.conversations.length;

    hold = null;
    release();
    await resync;
    expect(cache.conversation(ref(conversation.id))).toMatchObject({ archived: true, updatedAt: patched.body.conversation.updatedAt });
    const afterwards = log.conversations.slice(announcedBefore).flatMap((b) => b.changed);
    expect(afterwards.filter((c) => c.id === conversation.id)).toEqual([]);
  });

  it('retries a failed resync with backoff while the socket is up (events alone would not bring back what it missed)', async () => {
    const s = await server();
    const real = backendFor(s);
    let failNext = 0;
    const backend = wrap(real, {
      listConversations: (...args) => {
        if (failNext > 0) {
          failNext--;
          return Promise.reject(new BackendError('Server', 'HTTP 500 Internal Server Error', { status: 500 }));
        }
        return real.listConversations(...args);
      },
    });
    const { sync, log } = setup(backend, { pollMs: 20, random: () => 0.01 });
    sync.start();
    await until(() => state(sync) === 'live' && log.resynced.length > 0, 'live');

    failNext = 2;
    await sync.resync();
    expect(sync.state()).toMatchObject({ state: 'offline', attempt: 1 });
    await until(() => state(sync) === 'live', 'a successful retry');
    expect(log.connection.filter((c) => c.state === 'offline').map((c) => c.attempt)).toEqual([1, 2]);
    expect(log.resynced.slice(-1)).toEqual([true]); // a recovery: what was missed is re-read
  });

  it('does not skip a conversation whose catch-up failed half way through a resync', async () => {
    const s = await server();
    const real = backendFor(s);
    let drop = 0;
    let failMessages = 0;
    const backend = wrap(real, {
      listMessages: (...args) => {
        if (failMessages > 0) {
          failMessages--;
          return Promise.reject(new BackendError('Network', 'could not reach the server'));
        }
        return real.listMessages(...args);
      },
      subscribe: (chatbotId, handlers) =>
        real.subscribe(chatbotId, {
          ...handlers,
          onEvent: (event) => {
            if (drop > 0) drop--;
            else handlers.onEvent(event);
          },
        }),
    });
    const { sync, log, cachedIds } = setup(backend, { pollMs: 20, random: () => 0.01 });
    sync.start();
    await until(() => state(sync) === 'live' && log.resynced.length > 0, 'live');
    const { conversation } = await customer(s, 'p-half', 'first');
    await until(() => log.conversations.some((b) => b.changed.some((c) => c.id === conversation.id)), 'the conversation');
    await sync.catchUpMessages(conversation.id);

    drop = 2;
    const lost = (await customer(s, 'p-half', 'lost on the way')).message;
    await until(() => drop === 0, 'the events to be dropped');
    failMessages = 1;
    await sync.resync();
    expect(sync.state().state).toBe('offline');
    await until(() => cachedIds(conversation.id).includes(lost.id), 'the message through the retried resync');
    expect(log.messages.map((m) => m.id)).toContain(lost.id);
  });

  it('shows a socket server that went away as offline with attempts, and live again when it is back', async () => {
    const file = join(dir, 'server.sqlite');
    let s = await startServer({ db: file, secret: testSecret });
    const port = s.port;
    cleanups.push(() => s.close());
    const { sync, log } = setup(backendFor(s), { pollMs: 100 });
    sync.start();
    await until(() => state(sync) === 'live', 'live');

    await s.close();
    // Not stuck at "connecting": polling while socket.io retries shows the server is gone.
    await until(() => state(sync) === 'offline' && sync.state().attempt >= 2, 'offline with attempts', 15_000);
    expect(sync.state().nextRetryAt).toBeGreaterThan(Date.now() - 1000);

    s = await startServer({ db: file, port, secret: testSecret });
    await until(() => state(sync) === 'live', 'live again', 15_000);
    const states = log.connection.map((c) => c.state);
    expect(states.lastIndexOf('offline')).toBeLessThan(states.lastIndexOf('live'));
  });

  it('stops cleanly: nothing is announced after stop()', async () => {
    const s = await server();
    const { sync, log } = setup(backendFor(s));
    sync.start();
    await until(() => state(sync) === 'live' && log.resynced.length > 0, 'live');
    sync.stop();
    const announced = log.conversations.length + log.messages.length;
    await customer(s, 'p-after-stop', 'anyone?');
    await sync.resync();
    expect(log.conversations.length + log.messages.length).toBe(announced);
  });
});

describe('ChatbotSync polling', () => {
  it('polls a server without socket.io, picks up changes and deletions, and backs off while it is away', async () => {
    const file = join(dir, 'plain.sqlite');
    let s = await startServer({ db: file, realtime: false, secret: testSecret });
    const port = s.port;
    cleanups.push(() => s.close());
    // Alternating draws: a next try announced with one draw and scheduled with another would show.
    const draws: number[] = [];
    const random = () => {
      const value = draws.length % 2 === 0 ? 0.05 : 0.005;
      draws.push(value);
      return value;
    };
    const { sync, cache, log, ref, cachedIds } = setup(backendFor(s), { pollMs: 40, random });
    sync.start();
    await until(() => state(sync) === 'polling' && log.resynced.length > 0, 'polling');

    const { conversation } = await customer(s, 'p-poll', 'is anyone there?');
    await until(() => cache.conversation(ref(conversation.id)) !== null, 'the new conversation by polling');
    const arrival = log.conversations.find((b) => b.changed.some((c) => c.id === conversation.id))!;
    expect(arrival.initial).toBe(false);
    await sync.catchUpMessages(conversation.id);
    const { message } = await customer(s, 'p-poll', 'hello??');
    await until(() => cachedIds(conversation.id).includes(message.id), 'the new message by polling');
    expect(log.messages.map((m) => m.id)).toContain(message.id);

    const removed = await call(s, 'DELETE', `/v1/chatbots/${BOT.id}/conversations/${conversation.id}`);
    expect(removed.status).toBe(200);
    await until(() => cache.conversation(ref(conversation.id)) === null, 'the deletion by polling');
    expect(log.removed).toEqual([`${ACCOUNT}/${BOT.id}/${conversation.id}`]);
    expect(cachedIds(conversation.id)).toEqual([]);

    // The server goes away: offline, attempts counting up, each with its next try announced.
    const lastGood = log.connection.length;
    await s.close();
    await until(() => sync.state().state === 'offline' && sync.state().attempt >= 3, 'three failed polls', 10_000);
    const offline = log.connection
      .map((c, i) => ({ ...c, at: log.connectionAt[i]! }))
      .slice(lastGood)
      .filter((c) => c.state === 'offline');
    expect(offline.map((c) => c.attempt).slice(0, 3)).toEqual([1, 2, 3]);
    for (const c of offline) expect(c.lastError).toMatch(/could not reach/);
    for (let i = 0; i + 1 < offline.length; i++) {
      const { nextRetryAt, at } = offline[i]!;
      // The wait announced is the wait taken: the next failure comes no earlier than announced.
      expect(nextRetryAt).not.toBeNull();
      expect(nextRetryAt!).toBeGreaterThan(at + 40 - 5);
      expect(offline[i + 1]!.at).toBeGreaterThanOrEqual(nextRetryAt! - 5);
    }
    expect(draws.length).toBeGreaterThanOrEqual(3); // the waits are jittered

    s = await startServer({ db: file, realtime: false, port, secret: testSecret });
    const back = await customer(s, 'p-back', 'back again');
    await until(() => sync.state().state === 'polling' && cache.conversation(ref(back.conversation.id)) !== null, 'polling again');
    expect(sync.state()).toMatchObject({ attempt: 0, nextRetryAt: null, lastError: null });
  });
});
