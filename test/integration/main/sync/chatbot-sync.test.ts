// ChatbotSync against the real local server, with the real ChatCaptain platform and a cache on
// a temp SQLite file: the first load, live events, and the promise that matters most — across a
// server restart, a dropped socket, a lost event or a socket-less server, every message the
// server has ends up in the cache exactly once, in the server's order.
import { mkdtempSync, rmSync } from 'node:fs';
import type { Duplex } from 'node:stream';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LocalCache } from '../../../../src/main/services/cache/local-cache';
import { MessageCache } from '../../../../src/main/services/cache/message-cache';
import { MainDb } from '../../../../src/main/services/cache/sqlite';
import { PlatformError } from '../../../../src/main/services/errors/platform-error';
import { ChatCaptainPlatform } from '../../../../src/main/services/platforms/chatcaptain/chatcaptain';
import type { ChatPlatform, LiveEvent, LiveFeed } from '../../../../src/main/services/platforms/platform';
import { systemClock } from '../../../../src/main/services/ports';
import { ChatbotSync } from '../../../../src/main/services/sync/chatbot-sync';
import { startServer, type RunningServer } from '../../../../src/server/app';
import type { Conversation, Message } from '../../../../src/server/wire';
import type { Conversation as DomainConversation, Message as DomainMessage } from '../../../../src/shared/domain';
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

/** Delegates to the real platform except where the test overrides a part. */
function wrap(real: ChatPlatform, overrides: Partial<ChatPlatform>): ChatPlatform {
  return new Proxy(real, {
    get(target, prop) {
      if (prop in overrides) return overrides[prop as keyof ChatPlatform];
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** The real live feed with the test's hand on each event on its way to the sync. */
function liveThrough(real: ChatPlatform, onEvent: (event: LiveEvent, pass: () => void) => void, extra: { onConnect?: () => void } = {}): LiveFeed {
  return {
    subscribe: (chatbotId, handlers) =>
      real.live!.subscribe(chatbotId, {
        ...handlers,
        onConnect: () => {
          extra.onConnect?.();
          handlers.onConnect();
        },
        onEvent: (event) => onEvent(event, () => handlers.onEvent(event)),
      }),
  };
}

interface Log {
  conversations: { changed: InboxConversation[]; initial: boolean }[];
  removed: string[];
  messages: DomainMessage[];
  connection: ConnectionState[];
  /** When each connection state was announced. */
  connectionAt: number[];
  /** Each resync's `reconnected`. */
  resynced: boolean[];
  unauthorized: PlatformError[];
}

function setup(platform: ChatPlatform, options: { pollMs?: number; random?: () => number } = {}) {
  const db = MainDb.open(join(dir, `cache-${cleanups.length}`));
  const cache = new LocalCache(db);
  const messages = new MessageCache(db);
  const log: Log = { conversations: [], removed: [], messages: [], connection: [], connectionAt: [], resynced: [], unauthorized: [] };
  const sync = new ChatbotSync({ accountId: ACCOUNT, chatbot: BOT, platform, cache, messages, clock: systemClock, ...options });
  sync.onDidChangeConversations(({ changed, initial }) => log.conversations.push({ changed, initial }));
  sync.onDidRemoveConversations((keys) => log.removed.push(...keys));
  sync.onDidAddMessages((added) => log.messages.push(...added.messages));
  sync.onDidChangeConnection((state) => {
    log.connection.push(state);
    log.connectionAt.push(Date.now());
  });
  sync.onDidResync(({ reconnected }) => log.resynced.push(reconnected));
  sync.onDidLoseAuthorization((error) => log.unauthorized.push(error));
  cleanups.push(() => {
    sync.dispose();
    db.close();
  });
  const ref = (conversationId: string) => ({ accountId: ACCOUNT, chatbotId: BOT.id, conversationId });
  return { sync, cache, messages, log, ref, cachedIds: (id: string) => messages.list(ref(id), { limit: 10_000 }).map((m) => m.id) };
}

const platformFor = (s: RunningServer, realtime = fast.realtime) =>
  new ChatCaptainPlatform({ baseUrl: s.url, key: s.workspace.keys.admin, http: fast.http, realtime });

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
    const { sync, cache, messages, log, ref } = setup(platformFor(s));
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
    expect(messages.list(ref(target.id), { limit: 5 }).map((m) => m.id)).toContain(message.id);
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
    expect(messages.list(ref(target.id), { limit: 200 }).map((m) => m.id)).toEqual(history);
    expect(log.messages.map((m) => m.id)).toEqual([message.id]);
  });

  it('loses and duplicates nothing while the server restarts, with a writer running throughout', async () => {
    const file = join(dir, 'server.sqlite');
    let s = await startServer({ db: file, secret: testSecret });
    const port = s.port;
    cleanups.push(() => s.close());

    // Record which messages came over the socket, to show that the rest came through the resync.
    const real = platformFor(s);
    const viaSocket = new Set<string>();
    const platform = wrap(real, {
      live: liveThrough(real, (event, pass) => {
        if (event.type === 'message') viaSocket.add(event.message.id);
        pass();
      }),
    });
    const { sync, cache, log, cachedIds } = setup(platform);
    sync.start();
    await until(() => state(sync) === 'live' && log.resynced.length > 0, 'live');

    const providers = ['p-anna', 'p-ben', 'p-carla'];
    const ids: string[] = [];
    for (const p of providers) ids.push((await customer(s, p, `${p} says hello`)).conversation.id);
    await until(() => cache.inbox().length === 3, 'three conversations');
    for (const id of ids) await sync.catchUp(id); // opened: the cache keeps their whole history

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
    const real = platformFor(s);
    let connects = 0;
    const viaSocket = new Set<string>();
    const platform = wrap(real, {
      live: liveThrough(
        real,
        (event, pass) => {
          if (event.type === 'message') viaSocket.add(event.message.id);
          pass();
        },
        { onConnect: () => connects++ },
      ),
    });
    const { sync, log, cachedIds } = setup(platform);
    sync.start();
    await until(() => state(sync) === 'live' && log.resynced.length > 0, 'live');
    const { conversation } = await customer(s, 'p-drop', 'before the drop');
    await until(() => log.conversations.some((b) => b.changed.some((c) => c.id === conversation.id)), 'the conversation');
    await sync.catchUp(conversation.id);

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

  it('resyncs when the feed reports missed events, and applies an event seen twice once', async () => {
    const s = await server();
    const real = platformFor(s);
    let drop = 0;
    let dropped = false;
    let lists = 0;
    let replay: LiveEvent | null = null;
    let deliver: (event: LiveEvent) => void = () => {};
    const platform = wrap(real, {
      changes: (...args) => {
        lists++;
        return real.changes(...args);
      },
      live: {
        subscribe: (chatbotId, handlers) => {
          deliver = (event) => handlers.onEvent(event);
          return real.live!.subscribe(chatbotId, {
            ...handlers,
            onEvent: (event) => {
              if (drop > 0) {
                drop--; // lost on the way
                dropped = true;
                return;
              }
              if (event.type === 'message') replay = event;
              handlers.onEvent(event);
              // The next event after a loss shows the gap (as ChatCaptain's seq does).
              if (dropped) {
                dropped = false;
                handlers.onMissed();
              }
            },
          });
        },
      },
    });
    const { sync, log, cachedIds } = setup(platform);
    sync.start();
    await until(() => state(sync) === 'live' && log.resynced.length > 0, 'live');
    const x = (await customer(s, 'p-x', 'x opens')).conversation;
    const y = (await customer(s, 'p-y', 'y opens')).conversation;
    await until(() => log.conversations.some((b) => b.changed.some((c) => c.id === y.id)), 'both conversations');
    await sync.catchUp(x.id);
    await until(() => replay !== null && replay.type === 'message' && replay.message.conversationId === y.id, 'y live');

    // A message seen twice (a redelivery) is applied once.
    const before = log.messages.length;
    deliver(replay!);
    await new Promise((resolve) => setImmediate(resolve));
    expect(log.messages.length).toBe(before);

    const listsBefore = lists;
    drop = 2; // the message and the conversation of the next change
    const lostMessage = (await customer(s, 'p-x', 'this event gets lost')).message;
    await until(() => drop === 0, 'the events to be dropped');
    expect(cachedIds(x.id)).not.toContain(lostMessage.id);

    // The next event comes with the news that some were missed: the sync resyncs.
    await customer(s, 'p-y', 'y again');
    await until(() => cachedIds(x.id).includes(lostMessage.id), 'the lost message through the resync');
    expect(lists).toBeGreaterThan(listsBefore);
    await converged(s, cachedIds, [x.id]);
  });

  it('applies live events that arrive together in one transaction, in the order they came', async () => {
    const s = await server();
    const real = platformFor(s);
    let deliver: (event: LiveEvent) => void = () => {};
    const platform = wrap(real, {
      live: {
        subscribe: (chatbotId, handlers) => {
          deliver = (event) => handlers.onEvent(event);
          return real.live!.subscribe(chatbotId, handlers);
        },
      },
    });
    const { sync, cache, log, cachedIds } = setup(platform);
    sync.start();
    await until(() => state(sync) === 'live' && log.resynced.length > 0, 'live');
    const { conversation, message } = await customer(s, 'p-burst', 'first');
    await until(() => cachedIds(conversation.id).includes(message.id), 'the first message');
    const stored = (await platform.conversation(BOT.id, conversation.id));
    const batches = vi.spyOn(cache, 'batch');
    // As one read from the socket brings them: three messages, then the conversation they changed.
    const at = (i: number) => new Date(Date.parse(stored.updatedAt) + i * 1000).toISOString();
    const burst = [1, 2, 3].map((i) => ({ ...stored.lastMessage!, id: `burst_${i}`, createdAt: at(i) }) as DomainMessage);
    for (const m of burst) deliver({ type: 'message', message: m });
    deliver({ type: 'conversation', conversation: { ...stored, unreadCount: 9, lastMessage: burst[2]!, updatedAt: at(3) } });
    await new Promise((resolve) => setImmediate(resolve));
    expect(batches).toHaveBeenCalledTimes(1);
    expect(cachedIds(conversation.id).slice(-3)).toEqual(['burst_1', 'burst_2', 'burst_3']);
    expect(cache.conversation({ accountId: ACCOUNT, chatbotId: BOT.id, conversationId: conversation.id })?.unreadCount).toBe(9);
  });

  it('keeps a newer live event over a slower resync answer', async () => {
    const s = await server();
    const real = platformFor(s);
    let hold: Promise<void> | null = null;
    let held = false;
    const platform = wrap(real, {
      changes: async (...args) => {
        const answer = await real.changes(...args);
        if (hold) {
          held = true;
          await hold;
        }
        return answer;
      },
    });
    const { sync, cache, log, ref } = setup(platform);
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
    const real = platformFor(s);
    let failNext = 0;
    const platform = wrap(real, {
      changes: (...args) => {
        if (failNext > 0) {
          failNext--;
          return Promise.reject(new PlatformError('Server', 'HTTP 500 Internal Server Error', { status: 500 }));
        }
        return real.changes(...args);
      },
    });
    const { sync, log } = setup(platform, { pollMs: 20, random: () => 0.01 });
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
    const real = platformFor(s);
    let drop = 0;
    let failMessages = 0;
    const platform = wrap(real, {
      messages: (...args) => {
        if (failMessages > 0) {
          failMessages--;
          return Promise.reject(new PlatformError('Network', 'could not reach the server'));
        }
        return real.messages(...args);
      },
      live: liveThrough(real, (_event, pass) => {
        if (drop > 0) drop--;
        else pass();
      }),
    });
    const { sync, log, cachedIds } = setup(platform, { pollMs: 20, random: () => 0.01 });
    sync.start();
    await until(() => state(sync) === 'live' && log.resynced.length > 0, 'live');
    const { conversation } = await customer(s, 'p-half', 'first');
    await until(() => log.conversations.some((b) => b.changed.some((c) => c.id === conversation.id)), 'the conversation');
    await sync.catchUp(conversation.id);

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
    const { sync, log } = setup(platformFor(s), { pollMs: 100 });
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

  it('stops cleanly: after dispose() it neither writes nor announces anything', async () => {
    const s = await server();
    const { sync, cache, log } = setup(platformFor(s));
    sync.start();
    await until(() => state(sync) === 'live' && log.resynced.length > 0, 'live');
    const held = cache.inbox().length;
    sync.dispose();
    const announced = log.conversations.length + log.messages.length;
    await customer(s, 'p-after-stop', 'anyone?');
    await sync.resync();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(cache.inbox()).toHaveLength(held);
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
    const { sync, cache, log, ref, cachedIds } = setup(platformFor(s), { pollMs: 40, random });
    sync.start();
    await until(() => state(sync) === 'polling' && log.resynced.length > 0, 'polling');

    const { conversation } = await customer(s, 'p-poll', 'is anyone there?');
    await until(() => cache.conversation(ref(conversation.id)) !== null, 'the new conversation by polling');
    const arrival = log.conversations.find((b) => b.changed.some((c) => c.id === conversation.id))!;
    expect(arrival.initial).toBe(false);
    // Its first message is news though no socket brought it and nobody opened the conversation.
    const first = cache.conversation(ref(conversation.id))!.lastMessage!;
    await until(() => log.messages.some((m) => m.id === first.id), 'the first message announced by polling');
    await sync.catchUp(conversation.id);
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

  it('announces a polled conversation’s newest message once, and not for changes that bring none', async () => {
    const s = await server({ realtime: false });
    // Known from the first load (no news), then changed without a new message.
    const before = await customer(s, 'p-old', 'said before the app started');
    const { sync, cache, log, ref } = setup(platformFor(s), { pollMs: 30 });
    sync.start();
    await until(() => state(sync) === 'polling' && log.resynced.length > 0, 'polling');
    const { conversation, message } = await customer(s, 'p-quiet', 'first words');
    await until(() => log.messages.some((m) => m.id === message.id), 'the message by polling');
    for (const id of [before.conversation.id, conversation.id]) {
      const patched = await call(s, 'PATCH', `/v1/chatbots/${BOT.id}/conversations/${id}`, { body: { status: 'waiting' } });
      expect(patched.status).toBe(200);
      await until(() => cache.conversation(ref(id))?.status === 'waiting', 'the status change by polling');
    }
    const resyncs = log.resynced.length;
    await until(() => log.resynced.length > resyncs + 1, 'two more polls');
    expect(log.messages.filter((m) => m.id === message.id)).toHaveLength(1);
    expect(log.messages.filter((m) => m.id === before.message.id)).toEqual([]);
  });
});

describe('ChatbotSync waiting times', () => {
  it("reads the waiting queue's histories from its head, past conversations whose history cannot be read", async () => {
    const s = await server({ demo: true });
    const { sync, cache, messages, log, ref } = setup(platformFor(s));
    // Thirty conversations only the cache holds (the server has none of them): waited for longest, changed last.
    const long = new Date(Date.now() - 10 * 24 * 3600_000).toISOString();
    const now = new Date().toISOString();
    const ghosts: DomainConversation[] = Array.from({ length: 30 }, (_, i) => ({
      id: `ghost_${i}`,
      chatbotId: BOT.id,
      contactId: `ghost_contact_${i}`,
      contactName: `Ghost ${i}`,
      channelId: 'web',
      channelName: 'Web chat',
      archived: false,
      status: 'waiting',
      assignedAgentId: null,
      unreadCount: 1,
      lastMessage: { id: `ghost_m_${i}`, conversationId: `ghost_${i}`, sender: 'contact', type: 'text', payload: { text: 'hallo?' }, createdAt: long },
      createdAt: long,
      updatedAt: now,
    }));
    cache.upsertConversations(ACCOUNT, BOT.id, BOT.name, ghosts);
    sync.start();
    await until(() => state(sync) === 'live' && log.resynced.length > 0, 'the first resync');
    const waiting = cache.inbox().filter((c) => c.status === 'waiting' && !c.id.startsWith('ghost_'));
    expect(waiting.length).toBeGreaterThan(0);
    const unread = () => waiting.filter((c) => messages.list(ref(c.id), { limit: 1 }).length === 0);
    // Each resync reads another round of histories.
    await until(async () => {
      if (unread().length > 0) await sync.resync();
      return unread().length === 0;
    }, 'the histories of the waiting conversations the server has');
  });
});
