// The demo workspace: seeded conversations, the media their payloads link to, and the traffic
// simulator, all through the real server's HTTP API.
import { beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../../src/server/app';
import type { ServerContext } from '../../../src/server/context';
import { Db } from '../../../src/server/db/database';
import { seedDemo } from '../../../src/server/demo/seed';
import { Simulator } from '../../../src/server/demo/simulator';
import { ensureWorkspace } from '../../../src/server/store/workspace';
import { messageTypes } from '../../../src/shared/domain';
import type { Conversation, Message } from '../../../src/server/wire';
import { call, testSecret, useServer } from '../../support/server';

const server = useServer({ demo: true });
const chatbots = ['bot_shop', 'bot_service'];

async function conversationsOf(s: RunningServer, chatbotId: string, query = ''): Promise<Conversation[]> {
  const response = await call(s, 'GET', `/v1/chatbots/${chatbotId}/conversations${query}`);
  expect(response.status).toBe(200);
  return response.body.conversations;
}

async function messagesOf(s: RunningServer, chatbotId: string, conversationId: string): Promise<Message[]> {
  const response = await call(s, 'GET', `/v1/chatbots/${chatbotId}/conversations/${conversationId}/messages?limit=200`);
  expect(response.status).toBe(200);
  return response.body.messages;
}

/** Every `...Url` string anywhere in a payload (cards inside carousels included). */
function urlsIn(value: unknown, key = ''): string[] {
  if (typeof value === 'string') return key.endsWith('Url') ? [value] : [];
  if (Array.isArray(value)) return value.flatMap((item) => urlsIn(item));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => urlsIn(v, k));
  return [];
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('demo seed', () => {
  it('has colleagues online but leaves the admin (the demo user) to say so', async () => {
    const s = server.get();
    for (const chatbot of s.workspace.chatbots) {
      const { agents } = (await call(s, 'GET', `/v1/inbox/${chatbot.id}/agents/online`)).body as { agents: { agentId: string; online: boolean }[] };
      const online = agents.filter((a) => a.online).map((a) => a.agentId);
      expect(online).toHaveLength(2);
      expect(online).not.toContain(s.workspace.agentOf.admin);
    }
  });

  const data = new Map<string, { conversations: Conversation[]; messages: Map<string, Message[]> }>();
  const allMessages = () => [...data.values()].flatMap((d) => [...d.messages.values()].flat());

  beforeAll(async () => {
    for (const chatbotId of chatbots) {
      const conversations = await conversationsOf(server.get(), chatbotId);
      const messages = new Map<string, Message[]>();
      for (const c of conversations) messages.set(c.id, await messagesOf(server.get(), chatbotId, c.id));
      data.set(chatbotId, { conversations, messages });
    }
  });

  it('gives each chatbot at least 60 conversations on all five channels in every status', () => {
    const { agentOf, agents } = server.get().workspace;
    for (const chatbotId of chatbots) {
      const { conversations } = data.get(chatbotId)!;
      expect(conversations.length).toBeGreaterThanOrEqual(60);
      expect(new Set(conversations.map((c) => c.channelId))).toEqual(new Set(['whatsapp', 'webchat', 'instagram', 'telegram', 'email']));
      expect(new Set(conversations.map((c) => c.status))).toEqual(new Set(['bot', 'waiting', 'assigned', 'closed']));
      expect(conversations.some((c) => c.archived)).toBe(true);
      const assignees = new Set(conversations.filter((c) => c.status === 'assigned').map((c) => c.assignedAgentId));
      expect(assignees.size).toBeGreaterThanOrEqual(3);
      expect(assignees.has(agentOf.agent)).toBe(true);
      for (const id of assignees) expect(agents.map((a) => a.id)).toContain(id);
      // Unread counts come from customers' messages; nothing closed is left unread.
      expect(conversations.some((c) => c.unreadCount > 0)).toBe(true);
      expect(conversations.filter((c) => c.status === 'closed').every((c) => c.unreadCount === 0)).toBe(true);
      expect(conversations.filter((c) => c.status === 'waiting').every((c) => c.unreadCount > 0)).toBe(true);
      // Channels have their own kind of provider id.
      for (const c of conversations) {
        const pattern = { whatsapp: /^\+\d{10,14}$/, email: /^[^@\s]+@[^@\s]+\.[a-z.]+$/, telegram: /^@\w+$/, instagram: /^[\w.]+$/, webchat: /^wc_\w+$/ }[c.channelId];
        expect(c.providerId, c.channelId).toMatch(pattern!);
      }
      expect(new Set(conversations.map((c) => `${c.channelId}:${c.providerId}`)).size).toBe(conversations.length);
    }
  });

  it('writes 3 to 15 messages per conversation into the last two weeks, the newest in the last hours', () => {
    const now = Date.now();
    for (const { conversations, messages } of data.values()) {
      for (const c of conversations) {
        const history = messages.get(c.id)!;
        expect(history.length).toBeGreaterThanOrEqual(3);
        expect(history.length).toBeLessThanOrEqual(15);
        const times = history.map((m) => Date.parse(m.createdAt));
        expect([...times].sort((a, b) => a - b)).toEqual(times);
        expect(times[0]!).toBeGreaterThan(now - 15 * 86_400_000);
        expect(times.at(-1)!).toBeLessThan(now);
        expect(c.lastMessage?.id).toBe(history.at(-1)!.id);
        expect(c.updatedAt).toBe(history.at(-1)!.createdAt);
        expect(c.createdAt).toBe(history[0]!.createdAt);
        expect(history[0]!.sender).toBe('contact');
      }
      // Newest first, and the newest from the last few hours.
      expect(Date.parse(conversations[0]!.updatedAt)).toBeGreaterThan(now - 3 * 3_600_000);
    }
  });

  it('uses every payload kind, from customers, the bot and agents, in German and English', () => {
    const messages = allMessages();
    expect(new Set(messages.map((m) => m.type))).toEqual(new Set(messageTypes));
    for (const sender of ['contact', 'bot', 'agent'] as const) {
      const kinds = new Set(messages.filter((m) => m.sender === sender).map((m) => m.type));
      expect(kinds.size, sender).toBeGreaterThanOrEqual(sender === 'agent' ? 4 : 5);
    }
    const agentIds = new Set(server.get().workspace.agents.map((a) => a.id));
    for (const m of messages) {
      expect(m.direction).toBe(m.sender === 'contact' ? 'incoming' : 'outgoing');
      if (m.sender === 'agent') expect(agentIds.has(m.agentId!)).toBe(true);
      else expect(m.agentId).toBeUndefined();
    }
    const texts = messages.flatMap((m) => (m.type === 'text' ? [m.payload.text] : []));
    expect(texts.some((t) => /\b(ich|möchte|Bestellung|Rechnung)\b/.test(t))).toBe(true);
    expect(texts.some((t) => /\b(my|order|please|thanks)\b/i.test(t))).toBe(true);
    // Markup is stored as the customer typed it; rendering it as text is the client's job.
    expect(texts).toContain('<b>Hallo</b><script>alert(1)</script> Ist mein Paket schon da?');
    expect(texts.some((t) => /https:\/\/\S+/.test(t))).toBe(true);
  });

  it('links every media payload to this server, where it is served with the right type', async () => {
    const s = server.get();
    const urls = [...new Set(allMessages().flatMap((m) => urlsIn(m.payload)))];
    const expected: Record<string, { type: string; magic: (bytes: Buffer) => boolean }> = {
      svg: { type: 'image/svg+xml', magic: (b) => b.subarray(0, 4).toString() === '<svg' },
      pdf: { type: 'application/pdf', magic: (b) => b.subarray(0, 5).toString() === '%PDF-' && b.includes('%%EOF') },
      wav: { type: 'audio/wav', magic: (b) => b.subarray(0, 4).toString() === 'RIFF' && b.subarray(8, 12).toString() === 'WAVE' },
      webm: { type: 'video/webm', magic: (b) => b.subarray(0, 4).equals(Buffer.from([0x1a, 0x45, 0xdf, 0xa3])) },
    };
    expect(new Set(urls.map((u) => u.slice(u.lastIndexOf('.') + 1)))).toEqual(new Set(Object.keys(expected)));
    for (const url of urls) {
      expect(url.startsWith(`${s.url}/media/demo/`), url).toBe(true);
      // No key: an <img> cannot send one.
      const response = await fetch(url);
      expect(response.status, url).toBe(200);
      const { type, magic } = expected[url.slice(url.lastIndexOf('.') + 1)]!;
      expect(response.headers.get('content-type'), url).toBe(type);
      expect(response.headers.get('cache-control')).toMatch(/max-age=\d+/);
      const bytes = Buffer.from(await response.arrayBuffer());
      expect(magic(bytes), url).toBe(true);
      expect(Number(response.headers.get('content-length'))).toBe(bytes.length);
    }
  });

  it('answers a byte range of a video, as <video> asks for it', async () => {
    const url = `${server.get().url}/media/demo/parcel.webm`;
    const whole = Buffer.from(await (await fetch(url)).arrayBuffer());
    const part = await fetch(url, { headers: { range: 'bytes=4-19' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 4-19/${whole.length}`);
    expect(Buffer.from(await part.arrayBuffer())).toEqual(whole.subarray(4, 20));
    const past = await fetch(url, { headers: { range: `bytes=${whole.length + 10}-` } });
    expect(past.status).toBe(416);
    expect(past.headers.get('content-range')).toBe(`bytes */${whole.length}`);
    expect(await past.json()).toEqual({ error: expect.stringContaining('range'), type: 'InvalidPayload' });
    const etag = (await fetch(url)).headers.get('etag')!;
    expect((await fetch(url, { headers: { 'if-none-match': etag } })).status).toBe(304);
  });

  it('serves nothing outside its table: unknown names and traversal attempts are 404', async () => {
    for (const path of [
      '/media/demo/unknown.svg',
      '/media/demo/..%2F..%2Fpackage.json',
      '/media/demo/%2e%2e%2f%2e%2e%2fpackage.json',
      '/media/demo/..%5C..%5Cpackage.json',
      '/media/demo/toString',
      '/media/demo/__proto__',
      '/media/demo/',
    ]) {
      const response = await call(server.get(), 'GET', path, { key: null });
      expect(response.status, path).toBe(404);
      expect(response.body, path).toEqual({ error: expect.any(String), type: 'ResourceNotFound' });
    }
  });

  it('looks the same at every start, and seeds in well under two seconds', async () => {
    const other = await startServer({ db: ':memory:', demo: true });
    try {
      for (const chatbotId of chatbots) {
        const shape = (list: Conversation[]) => list.map((c) => [c.contactName, c.channelId, c.providerId, c.status, c.unreadCount]);
        expect(shape(await conversationsOf(other, chatbotId))).toEqual(shape(data.get(chatbotId)!.conversations));
      }
    } finally {
      await other.close();
    }
    const db = new Db(':memory:');
    const ctx: ServerContext = { db, events: { emit() {}, push() {} }, baseUrl: () => '' };
    const started = performance.now();
    seedDemo(ctx, ensureWorkspace(db, testSecret));
    expect(performance.now() - started).toBeLessThan(2000);
    db.close();
  });
});

describe('traffic simulator', () => {
  it('keeps customers writing, seen over HTTP, until the server closes', async () => {
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const before = timers();
    const s = await startServer({ db: ':memory:', demo: true, simulatePerMin: 600 });
    const since = new Date().toISOString();
    try {
      const fresh = await waitFor('new messages from the simulator', async () => {
        const found: Message[] = [];
        let newConversation = false;
        for (const chatbotId of chatbots) {
          for (const c of await conversationsOf(s, chatbotId, `?updatedSince=${encodeURIComponent(since)}`)) {
            if (c.createdAt > since) newConversation = true;
            found.push(...(await messagesOf(s, chatbotId, c.id)).filter((m) => m.createdAt > since));
          }
        }
        const senders = new Set(found.map((m) => m.sender));
        return found.length >= 15 && newConversation && senders.has('bot') ? found : undefined;
      });
      expect(fresh.some((m) => m.sender === 'contact')).toBe(true);
      expect(new Set(fresh.map((m) => m.type)).size).toBeGreaterThan(1);
    } finally {
      await s.close();
    }
    // Nothing of the server's keeps the process alive or writes to the closed database.
    expect(timers()).toBeLessThanOrEqual(before);
  });

  it('sends about perMinute messages a minute, and leaves no timer behind when stopped', async () => {
    const db = new Db(':memory:');
    const workspace = ensureWorkspace(db, testSecret);
    let messages = 0;
    let events = 0;
    const ctx: ServerContext = {
      db,
      events: {
        emit: (_chatbotId, event) => {
          events++;
          if (event === 'message.created') messages++;
        },
        push() {},
      },
      baseUrl: () => '',
    };
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const before = timers();
    const simulator = new Simulator(ctx, workspace, 3000); // 50 a second
    simulator.start();
    expect(timers()).toBeGreaterThan(before);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    simulator.stop();
    // Arrivals are random, so only the order of magnitude is checked: about 100 in two seconds.
    expect(messages).toBeGreaterThan(50);
    expect(messages).toBeLessThan(160);
    // Other timers of the process may have ended meanwhile; none of the simulator's may be left.
    expect(timers()).toBeLessThanOrEqual(before);
    const stoppedAt = events;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(events).toBe(stoppedAt);
    db.close();
  });
});
