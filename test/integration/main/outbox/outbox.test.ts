// The reply outbox against the real local server (on a temp-file database, so it can be killed
// and started again on the same port) and a real SQLite cache file: replies survive a dead
// server, a lost answer and an app crash, arrive exactly once and in order, and a reply the
// server refuses ends failed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startServer, type RunningServer } from '../../../../src/server/app';
import { ChatCaptainPlatform } from '../../../../src/main/services/platforms/chatcaptain/chatcaptain';
import { MainDb } from '../../../../src/main/services/cache/sqlite';
import { Outbox, type OutboxOptions, type Replier } from '../../../../src/main/services/outbox/outbox';
import { systemClock } from '../../../../src/main/services/ports';
import type { BackoffOptions } from '../../../../src/main/services/backoff';
import type { ConversationRef, OutboxItem } from '../../../../src/shared/view-models';
import { startProxy } from '../../../support/http-proxy';
import { call, testSecret } from '../../../support/server';

const chatbotId = 'bot_shop';
/** Only flush() can bring a reply back within a test: the first retry waits a full minute. */
const onlyFlush: BackoffOptions = { baseMs: 60_000, capMs: 60_000, random: () => 1 };
const quick: BackoffOptions = { baseMs: 10, capMs: 50 };
const waitFor = <T>(check: () => T) => vi.waitFor(check, { timeout: 15_000, interval: 10 });

let dir: string;
let serverFile: string;
const servers: RunningServer[] = [];
const cleanups: (() => void | Promise<void>)[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'deckhand-outbox-'));
  serverFile = join(dir, 'server.sqlite');
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await Promise.all(servers.splice(0).map((s) => s.close()));
  rmSync(dir, { recursive: true, force: true });
});

async function serve(port?: number): Promise<RunningServer> {
  const server = await startServer({ db: serverFile, secret: testSecret, realtime: false, ...(port !== undefined && { port }) });
  servers.push(server);
  return server;
}

/** Kills the server: in-flight requests are cut off, not answered. */
async function kill(server: RunningServer): Promise<void> {
  const closing = server.close();
  server.app.server.closeAllConnections();
  await closing;
}

async function newConversation(server: RunningServer): Promise<ConversationRef> {
  const created = await call(server, 'POST', `/v1/chatbots/${chatbotId}/conversations`, {
    body: { channelId: 'web', channelName: 'Website', providerId: `visitor-${Math.random()}` },
  });
  expect(created.status).toBe(201);
  return { accountId: 'acc1', chatbotId, conversationId: created.body.conversation.id };
}

/** The agents' texts the server holds for a conversation, oldest first. */
async function serverTexts(server: RunningServer, ref: ConversationRef): Promise<string[]> {
  const answer = await call(server, 'GET', `/v1/chatbots/${chatbotId}/conversations/${ref.conversationId}/messages?limit=200`);
  expect(answer.status).toBe(200);
  return (answer.body.messages as { sender: string; payload: { text: string } }[])
    .filter((m) => m.sender === 'agent')
    .map((m) => m.payload.text);
}

function backendAt(baseUrl: string, server: RunningServer): Replier {
  // No retries inside the HTTP client: what is tested is the outbox's own retrying.
  return new ChatCaptainPlatform({ baseUrl, key: server.workspace.keys.agent, http: { retries: 0, timeoutMs: 5_000 } });
}

interface Hooks {
  /** Before the request is made. */
  before?(input: { clientMessageId: string }): void;
  /** Once the request is on its way; `call` counts from 1. */
  started?(call: number): void;
}

/**
 * Wraps a platform to watch reply(): how many calls, and the most in flight at once per
 * conversation (must never exceed one).
 */
function tap(backend: Replier, hooks: Hooks = {}) {
  const inFlight = new Map<string, number>();
  const stats = { calls: 0, maxInFlight: 0 };
  const tapped = new Proxy(backend, {
    get(target, prop, receiver) {
      if (prop !== 'reply') return Reflect.get(target, prop, receiver);
      const reply: Replier['reply'] = async (bot, input) => {
        stats.calls++;
        hooks.before?.(input);
        const now = (inFlight.get(input.conversationId) ?? 0) + 1;
        inFlight.set(input.conversationId, now);
        stats.maxInFlight = Math.max(stats.maxInFlight, now);
        try {
          const answer = target.reply(bot, input);
          hooks.started?.(stats.calls);
          return await answer;
        } finally {
          inFlight.set(input.conversationId, (inFlight.get(input.conversationId) ?? 1) - 1);
        }
      };
      return reply;
    },
  });
  return { backend: tapped, stats };
}

function openOutbox(backend: Replier | (() => Replier | null), backoff: BackoffOptions, file = 'client') {
  const db = MainDb.open(join(dir, file));
  const changes: OutboxItem[] = [];
  const options: OutboxOptions = {
    db,
    replierFor: typeof backend === 'function' ? backend : () => backend,
    clock: systemClock,
    onChange: (items) => changes.push(...items),
    backoff,
  };
  const outbox = new Outbox(options);
  cleanups.push(() => {
    outbox.dispose();
    db.close();
  });
  return { outbox, db, changes };
}

const states = (items: OutboxItem[]) => items.map((i) => i.state);

describe('Outbox', () => {
  it('stores a reply before sending it, sends it once and records the message id', async () => {
    const server = await serve();
    const ref = await newConversation(server);
    let storedBeforeSend: string | undefined;
    const { backend } = tap(backendAt(server.url, server), {
      // Runs once the outbox below exists: at the first request.
      before: ({ clientMessageId }) => {
        storedBeforeSend = opened.outbox.items().find((i) => i.clientMessageId === clientMessageId)?.state;
      },
    });
    const opened = openOutbox(backend, quick);
    const outbox = opened.outbox;

    const item = outbox.enqueue(ref, 'Guten Tag, ich kümmere mich darum.');
    expect(item).toMatchObject({ key: `acc1/${chatbotId}/${ref.conversationId}`, state: 'pending', messageId: null, lastError: null });
    expect(item.clientMessageId).toMatch(/^[0-9a-f-]{36}$/);
    expect(storedBeforeSend).toBe('pending');

    await waitFor(() => expect(outbox.items(item.key)[0]?.state).toBe('sent'));
    const sent = outbox.items(item.key)[0]!;
    expect(sent).toMatchObject({ attempts: 1, lastError: null });
    expect(sent.messageId).toMatch(/^msg_/);
    expect(await serverTexts(server, ref)).toEqual(['Guten Tag, ich kümmere mich darum.']);
    expect(opened.changes.map((c) => c.state)).toEqual(['pending', 'sent']);
  });

  it('survives the server being killed mid-send: after a restart and flush() every reply is there once, in order', async () => {
    const first = await serve();
    const ref = await newConversation(first);
    // Killed while the fourth reply's request is on its way (three answered before it).
    let killed: Promise<void> | undefined;
    const { backend, stats } = tap(backendAt(first.url, first), {
      started: (n) => {
        if (n === 4) killed = kill(first);
      },
    });
    const { outbox } = openOutbox(backend, onlyFlush);
    const texts = Array.from({ length: 20 }, (_, i) => `Antwort ${i + 1}`);
    const key = outbox.enqueue(ref, texts[0]!).key;
    for (const text of texts.slice(1)) outbox.enqueue(ref, text);

    await waitFor(() => expect(killed).toBeDefined());
    await killed;
    await waitFor(() => expect(outbox.items(key)[3]).toMatchObject({ state: 'pending', lastError: expect.any(String) }));
    expect(states(outbox.items(key)).slice(0, 4)).toEqual(['sent', 'sent', 'sent', 'pending']);
    expect(stats.calls).toBe(4); // and then it waits: nothing but flush() would send again within a minute

    const second = await serve(first.port);
    outbox.flush();
    await waitFor(() => expect(states(outbox.items(key)).every((s) => s === 'sent')).toBe(true));
    expect(await serverTexts(second, ref)).toEqual(texts);
    expect(new Set(outbox.items(key).map((i) => i.messageId)).size).toBe(20);
    expect(stats.maxInFlight).toBe(1);
  });

  it('survives an app crash: a new Outbox on the same file sends what the old one could not, once', async () => {
    const first = await serve();
    const ref = await newConversation(first);
    const port = first.port;
    await kill(first);

    // The "app" writes three replies while the server is down, then dies.
    const crashed = openOutbox(backendAt(first.url, first), onlyFlush, 'app');
    const texts = ['Eins', 'Zwei', 'Drei'];
    for (const text of texts) crashed.outbox.enqueue(ref, text);
    await waitFor(() => expect(crashed.outbox.items()[0]?.lastError).toMatch(/could not reach/));
    expect(crashed.outbox.items()[0]?.errorCode).toBe('Network');
    expect(states(crashed.outbox.items())).toEqual(['pending', 'pending', 'pending']);
    crashed.outbox.dispose();
    crashed.db.close();

    const second = await serve(port);
    const restarted = openOutbox(backendAt(second.url, second), onlyFlush, 'app');
    expect(restarted.outbox.items().map((i) => i.text)).toEqual(texts);
    restarted.outbox.start();
    await waitFor(() => expect(states(restarted.outbox.items())).toEqual(['sent', 'sent', 'sent']));
    expect(await serverTexts(second, ref)).toEqual(texts);
  });

  it('resends a reply whose answer was lost and gets the same message back, never a duplicate', async () => {
    const server = await serve();
    const ref = await newConversation(server);
    const proxy = await lossyProxy(server.port, 1);
    cleanups.push(() => proxy.close());
    const { outbox } = openOutbox(backendAt(proxy.url, server), quick);

    const item = outbox.enqueue(ref, 'Ist angekommen?');
    await waitFor(() => expect(outbox.items()[0]?.state).toBe('sent'));
    const sent = outbox.items()[0]!;
    expect(proxy.dropped).toHaveLength(1);
    expect(proxy.dropped[0]).toMatchObject({ status: 201, clientMessageId: item.clientMessageId });
    expect(sent.messageId).toBe(proxy.dropped[0]!.messageId);
    expect(sent.attempts).toBe(2);
    expect(await serverTexts(server, ref)).toEqual(['Ist angekommen?']);
  });

  it('marks a reply the server refuses as failed, and a retry that changes nothing fails again', async () => {
    const server = await serve();
    const { outbox, changes } = openOutbox(backendAt(server.url, server), quick);
    const item = outbox.enqueue({ accountId: 'acc1', chatbotId, conversationId: 'conv_does_not_exist' }, 'Hallo?');

    await waitFor(() => expect(outbox.items()[0]?.state).toBe('failed'));
    expect(outbox.items()[0]).toMatchObject({ attempts: 1, lastError: expect.stringMatching(/conv_does_not_exist/), errorCode: 'NotFound' });

    expect(outbox.retry(item.clientMessageId).state).toBe('pending');
    await waitFor(() => expect(outbox.items()[0]).toMatchObject({ state: 'failed', attempts: 2 }));
    expect(outbox.items()[0]?.lastError).toMatch(/conv_does_not_exist/);
    expect(states(changes)).toEqual(['pending', 'failed', 'pending', 'failed']);
    expect(() => outbox.retry('no-such-id')).toThrow(/No reply no-such-id/);
  });

  it('keeps the order within each conversation, one request at a time, and a refused reply does not block the next', async () => {
    const server = await serve();
    const a = await newConversation(server);
    const b = await newConversation(server);
    const { backend, stats } = tap(backendAt(server.url, server));
    const { outbox } = openOutbox(backend, quick);

    const expected = { a: [] as string[], b: [] as string[] };
    for (let i = 1; i <= 8; i++) {
      outbox.enqueue(a, `A${i}`);
      expected.a.push(`A${i}`);
      if (i === 4) outbox.enqueue(b, 'x'.repeat(10_001)); // too long: the server says 400
      outbox.enqueue(b, `B${i}`);
      expected.b.push(`B${i}`);
    }
    await waitFor(() => expect(outbox.items().every((i) => i.state !== 'pending')).toBe(true));

    expect(outbox.items().filter((i) => i.state === 'failed').map((i) => i.text.length)).toEqual([10_001]);
    expect(await serverTexts(server, a)).toEqual(expected.a);
    expect(await serverTexts(server, b)).toEqual(expected.b);
    expect(stats.maxInFlight).toBe(1);
    expect(outbox.items(`acc1/${chatbotId}/${a.conversationId}`).map((i) => i.text)).toEqual(expected.a);
  });
});

interface Dropped {
  status: number;
  clientMessageId: string;
  messageId: string;
}

/**
 * An HTTP proxy to the server that, for the first `drops` replies, forwards the request, waits
 * for the server's answer and then cuts the connection instead of relaying it.
 */
async function lossyProxy(upstreamPort: number, drops: number) {
  const dropped: Dropped[] = [];
  const proxy = await startProxy(upstreamPort, {
    drop: (request, answer) => {
      if (request.method !== 'POST' || !request.url.endsWith('/messages') || dropped.length >= drops) return false;
      dropped.push({ status: answer.status, clientMessageId: JSON.parse(request.body).clientMessageId, messageId: JSON.parse(answer.body).message.id });
      return true;
    },
  });
  return { ...proxy, dropped };
}
