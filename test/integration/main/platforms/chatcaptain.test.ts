// The ChatCaptain platform against the real local server: the core, every capability port,
// the errors a key can meet, identity per role, and the live feed with its fallbacks.
import { DatabaseSync } from '@photostructure/sqlite';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { toIpcError } from '../../../../src/main/services/errors/ipc-error';
import type { Disposable } from '../../../../src/main/services/events';
import { ChatCaptainPlatform } from '../../../../src/main/services/platforms/chatcaptain/chatcaptain';
import { capabilitiesOf, type LiveEvent, type LiveHandlers } from '../../../../src/main/services/platforms/platform';
import { startServer, type RunningServer } from '../../../../src/server/app';
import { Capability } from '../../../../src/shared/capabilities';
import { rolePermissions, type Role } from '../../../../src/shared/permissions';
import { roleAbilities } from '../../../support/role-abilities';
import { failure } from '../../../support/platform-failure';
import { call, testSecret, useServer } from '../../../support/server';
import { until } from '../../../support/until';

const server = useServer({ demo: true });
const fast = { http: { backoffBaseMs: 10, backoffCapMs: 50 }, realtime: { reconnectionDelayMs: 50, reconnectionDelayMaxMs: 200 } };
const platform = (role: Role = 'admin', s: RunningServer = server.get()) =>
  new ChatCaptainPlatform({ baseUrl: s.url, key: s.workspace.keys[role], ...fast });


let provider = 0;
async function incoming(text: string, chatbotId = 'bot_shop', s: RunningServer = server.get()) {
  const providerId = `49151${Date.now() % 1_000_000}${provider++}`;
  const answer = await call(s, 'POST', `/v1/chatbots/${chatbotId}/conversations/handle`, {
    body: { chatbotId, channelId: 'whatsapp', channelName: 'WhatsApp Business', providerId, text },
  });
  expect(answer.status).toBe(200);
  return answer.body as { conversation: { id: string }; message: { id: string } };
}

/** Every capability but bot health, which is Botpress's. */
const chatcaptainCapabilities: Capability[] = Capability.options.filter((c) => c !== 'botHealth');
const chatcaptainAbilities = roleAbilities.admin;

describe('capabilities', () => {
  it('declares every capability ChatCaptain has (all but bot health)', () => {
    expect(capabilitiesOf(platform()).sort()).toEqual([...chatcaptainCapabilities].sort());
  });
});

describe('identity', () => {
  it.each(['admin', 'agent', 'viewer', 'channel'] as const)('tells who the %s key is and what it may do', async (role) => {
    const s = server.get();
    const identity = await platform(role).identity(['bot_shop', 'bot_service']);
    const agent = s.workspace.agents.find((a) => a.id === s.workspace.agentOf[role])!;
    expect(identity.agent).toEqual(agent);
    expect(identity.chatbots.map((c) => [c.id, c.name])).toEqual([
      ['bot_shop', 'Shop-Assistent'],
      ['bot_service', 'Service Desk'],
    ]);
    for (const chatbot of identity.chatbots) {
      expect([...chatbot.abilities].sort()).toEqual([...roleAbilities[role]].sort());
      // What the key lacks is named as ChatCaptain names it, for the agent to ask an admin.
      for (const { ability, permission } of chatbot.lacking) {
        expect(roleAbilities[role]).not.toContain(ability);
        expect(rolePermissions[role]).not.toContain(permission);
        expect(permission).toMatch(/^chatbots\./);
      }
      expect(chatbot.abilities.length + chatbot.lacking.length).toBe(chatcaptainAbilities.length);
    }
  });

  it('fails for a chatbot the key cannot reach, naming it', async () => {
    const s = server.get();
    const key = s.issueKey({ agentId: 'agent_sam', permissions: rolePermissions.agent, chatbotIds: ['bot_service'] });
    const limited = new ChatCaptainPlatform({ baseUrl: s.url, key });
    expect((await limited.identity(['bot_service'])).chatbots.map((c) => c.id)).toEqual(['bot_service']);
    const error = await failure(limited.identity(['bot_service', 'bot_shop']));
    expect(error.code).toBe('Forbidden');
    expect(error.message).toContain('bot_shop');
  });

  it('rejects an unknown key as Unauthorized', async () => {
    const stranger = new ChatCaptainPlatform({ baseUrl: server.get().url, key: 'cc_not_a_real_key_at_all' });
    expect((await failure(stranger.identity(['bot_shop']))).code).toBe('Unauthorized');
    expect((await failure(stranger.changes('bot_shop', null))).code).toBe('Unauthorized');
  });

  describe('against a ChatCaptain without /v1/auth/me', () => {
    // The real server behind a proxy that hides only /v1/auth/me, as a real ChatCaptain lacks it.
    let proxy: Server | undefined;
    let proxyUrl = '';
    const throughProxy = (key: string) => new ChatCaptainPlatform({ baseUrl: proxyUrl, key });

    it('assumes every ability and checks each chatbot', async () => {
      const s = server.get();
      proxy = createServer((req, res) => {
        let body = '';
        req.on('data', (chunk: Buffer) => (body += chunk.toString()));
        req.on('end', async () => {
          // Also a chatbot that answers 404 with a message that does not name it, as some gateways do.
          if (req.url?.startsWith('/v1/auth/me') || req.url?.includes('/bot_gone/')) {
            res.writeHead(404, { 'content-type': 'application/json' });
            res.end(JSON.stringify({ error: 'Not Found', type: 'ResourceNotFound' }));
            return;
          }
          const headers: Record<string, string> = {};
          for (const name of ['x-chatcaptain-key', 'content-type']) {
            const value = req.headers[name];
            if (typeof value === 'string') headers[name] = value;
          }
          const answer = await fetch(s.url + req.url, { method: req.method, headers, ...(body !== '' && { body }) });
          res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
          res.end(await answer.text());
        });
      });
      await new Promise<void>((resolve) => proxy!.listen(0, '127.0.0.1', resolve));
      proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;

      const identity = await throughProxy(s.workspace.keys.viewer).identity(['bot_shop', 'bot_service']);
      const everything = { abilities: [...chatcaptainAbilities], lacking: [] };
      expect(identity).toEqual({
        agent: { id: '', name: 'Agent' },
        chatbots: [
          { id: 'bot_shop', name: 'bot_shop', ...everything },
          { id: 'bot_service', name: 'bot_service', ...everything },
        ],
      });

      const key = s.issueKey({ agentId: 'agent_sam', permissions: rolePermissions.agent, chatbotIds: ['bot_service'] });
      const error = await failure(throughProxy(key).identity(['bot_service', 'bot_shop']));
      expect(error.code).toBe('Forbidden');
      expect(error.message).toContain('bot_shop');
      // A key that may not read the agents list still authenticated: its chatbot is assumed reachable.
      const narrow = s.issueKey({ agentId: 'agent_sam', permissions: ['chatbots.conversations.list'], chatbotIds: ['bot_shop'] });
      expect((await throughProxy(narrow).identity(['bot_shop'])).chatbots.map((c) => c.id)).toEqual(['bot_shop']);
      const gone = await failure(throughProxy(s.workspace.keys.admin).identity(['bot_shop', 'bot_gone']));
      expect(gone.code).toBe('NotFound');
      expect(gone.message).toContain('bot_gone');
      expect((await failure(throughProxy('cc_unknown_key_123456').identity(['bot_shop']))).code).toBe('Unauthorized');
    });

    afterEach(async () => {
      proxy?.closeAllConnections();
      await new Promise((resolve) => (proxy ? proxy.close(resolve) : resolve(undefined)));
      proxy = undefined;
    });
  });
});

describe('conversations and messages', () => {
  it('loads, reads, takes, archives, hands back and sends custom events, as domain conversations', async () => {
    const p = platform('agent');
    const first = await p.changes('bot_shop', null);
    expect(first.conversations.length).toBeGreaterThan(0);
    expect(first.removed).toEqual([]);
    expect(first.cursor).not.toBeNull();
    // The domain has no wire fields: the provider's id is the contact's handle on the channel.
    expect(first.conversations[0]).not.toHaveProperty('providerId');
    expect(first.conversations.every((c) => typeof c.contactHandle === 'string')).toBe(true);

    const { conversation } = await incoming('Hallo, ich brauche Hilfe');
    expect((await p.conversation('bot_shop', conversation.id)).id).toBe(conversation.id);
    const delta = await p.changes('bot_shop', first.cursor);
    expect(delta.conversations.map((c) => c.id)).toContain(conversation.id);
    // Only what changed since the cursor.
    expect(delta.conversations.length).toBeLessThan(first.conversations.length);
    const last = delta.conversations.find((c) => c.id === conversation.id)!.lastMessage!;
    expect(last).toMatchObject({ sender: 'contact', type: 'text', payload: { text: 'Hallo, ich brauche Hilfe' } });
    expect(last).not.toHaveProperty('direction');

    expect(await p.assignment.assign('bot_shop', conversation.id, 'agent_jonas')).toMatchObject({ status: 'assigned', assignedAgentId: 'agent_jonas' });
    expect((await p.archive.setArchived('bot_shop', conversation.id, true)).archived).toBe(true);
    expect(await p.handBack.handBack('bot_shop', conversation.id)).toMatchObject({ id: conversation.id, status: 'bot', assignedAgentId: null });
    expect((await p.customEvent.trigger('bot_shop', conversation.id, 'order_checked')).id).toBe(conversation.id);
  });

  it('says that an event with data gives the conversation back to the bot, as the server then does', async () => {
    const p = platform('agent');
    expect(p.customEvent.dataHandsBack).toBe(true);
    const { conversation } = await incoming('Wo bleibt meine Gutschrift?');
    await p.assignment.assign('bot_shop', conversation.id, 'agent_jonas');
    // A name only: a custom event, the conversation stays with the agent.
    expect(await p.customEvent.trigger('bot_shop', conversation.id, 'refund_checked')).toMatchObject({ status: 'assigned', assignedAgentId: 'agent_jonas' });
    // With data: a step payload, which hands it back.
    expect(await p.customEvent.trigger('bot_shop', conversation.id, 'refund_issued', { amount: 19.99 })).toMatchObject({ status: 'bot', assignedAgentId: null });
  });

  it('marks a conversation read', async () => {
    const { conversation } = await incoming('Ungelesen');
    const p = platform('agent');
    expect((await p.conversation('bot_shop', conversation.id)).unreadCount).toBeGreaterThan(0);
    expect((await p.readState.markRead('bot_shop', conversation.id)).unreadCount).toBe(0);
  });

  it('reports conversations deleted since the cursor', async () => {
    const p = platform('agent');
    const { cursor } = await p.changes('bot_shop', null);
    const { conversation } = await incoming('Bitte löschen');
    expect((await call(server.get(), 'DELETE', `/v1/chatbots/bot_shop/conversations/${conversation.id}`)).status).toBe(200);
    const delta = await p.changes('bot_shop', cursor);
    expect(delta.removed).toContain(conversation.id);
    expect(delta.conversations.map((c) => c.id)).not.toContain(conversation.id);
  });

  it('pages messages behind cursors, and says where the history ends', async () => {
    const first = await incoming('eins');
    const id = first.conversation.id;
    const p = platform('agent');
    for (const text of ['zwei', 'drei']) await p.reply('bot_shop', { conversationId: id, text, clientMessageId: `page-${text}` });
    const newest = await p.messages('bot_shop', id, { limit: 2 });
    expect(newest.messages.map((m) => (m.type === 'text' ? m.payload.text : m.type))).toEqual(['zwei', 'drei']);
    expect(newest.older).not.toBeNull();
    const older = await p.messages('bot_shop', id, { cursor: newest.older!, limit: 10 });
    expect(older.messages.map((m) => m.id)).toEqual([first.message.id]);
    expect(older.older).toBeNull();
    // A page that holds everything says so at once.
    expect((await p.messages('bot_shop', id, { limit: 3 })).older).toBeNull();
  });

  it('stores a reply once per clientMessageId', async () => {
    const { conversation } = await incoming('Wo ist mein Paket?');
    const p = platform('agent');
    const input = { conversationId: conversation.id, text: 'Ich schaue nach.', clientMessageId: `cm-${Date.now()}` };
    const first = await p.reply('bot_shop', input);
    const again = await p.reply('bot_shop', input);
    expect(again.id).toBe(first.id);
    expect(first).toMatchObject({ sender: 'agent', agentId: 'agent_jonas', type: 'text', payload: { text: 'Ich schaue nach.' } });
    const { messages } = await p.messages('bot_shop', conversation.id, { limit: 50 });
    expect(messages.filter((m) => m.sender === 'agent')).toHaveLength(1);
  });

  it('maps a missing conversation to NotFound and a bad body to Invalid', async () => {
    const p = platform('agent');
    expect((await failure(p.conversation('bot_shop', 'conv_missing'))).code).toBe('NotFound');
    const { conversation } = await incoming('leer');
    expect((await failure(p.reply('bot_shop', { conversationId: conversation.id, text: '   ', clientMessageId: 'blank' }))).code).toBe(
      'Invalid',
    );
  });
});

describe('agents and notifications', () => {
  it('sets online state by clientTimestamp and reads the team', async () => {
    const { presence } = platform('agent');
    const s = server.get();
    const on = await presence.setOnline('bot_shop', true, '1000');
    expect(on).toMatchObject({ agentId: s.workspace.agentOf.agent, online: true, clientTimestamp: '1000' });
    // An older write is ignored and answers the stored state.
    expect(await presence.setOnline('bot_shop', false, '999')).toMatchObject({ online: true, clientTimestamp: '1000' });
    expect((await presence.team('bot_shop')).find((a) => a.agentId === s.workspace.agentOf.agent)?.online).toBe(true);
    // Same machine, same clock: the Date header only rounds to the second.
    expect(Math.abs(presence.serverOffset())).toBeLessThan(1_500);
  });

  it('registers and clears the push token, FCM tokens for a real account and local ones for the demo', async () => {
    const p = platform('agent');
    const settings = () => call(server.get(), 'GET', '/v1/inbox/bot_service/agents/me/notifications', { key: server.get().workspace.keys.agent });
    expect(p.pushToken.mode).toBe('fcm');
    expect(new ChatCaptainPlatform({ baseUrl: server.get().url, key: 'k', demo: true }).pushToken.mode).toBe('local');
    expect((await p.pushToken.setPushToken('bot_service', 'fcm-token-1')).pushToken).toBe('fcm-token-1');
    expect((await settings()).body.pushToken).toBe('fcm-token-1');
    expect((await p.pushToken.setPushToken('bot_service', null)).pushToken).toBeNull();
    expect((await settings()).body.pushToken).toBeNull();
  });
});

describe('organizations', () => {
  it('lists, searches, creates, reads, updates, counts contacts and deletes', async () => {
    const b = platform('admin').organizations;
    const page = await b.list('bot_shop', { limit: 2 });
    expect(page.organizations).toHaveLength(2);
    expect(page.nextPageToken).toBeDefined();
    const next = await b.list('bot_shop', { pageToken: page.nextPageToken!, limit: 2 });
    expect(next.organizations.map((o) => o.id)).not.toContain(page.organizations[0]!.id);

    const created = await b.create('bot_shop', { name: 'Deckhand Testhaus GmbH', email: 'info@testhaus.de', size: 12 });
    expect(await b.get('bot_shop', created.id)).toEqual(created);
    const found = await b.search('bot_shop', { query: 'Testhaus', page: 1, pageSize: 10 });
    expect(found).toMatchObject({ page: 1, pageSize: 10, total: 1 });
    expect(found.organizations.map((o) => o.id)).toEqual([created.id]);
    expect((await b.update('bot_shop', created.id, { industry: 'Software' })).industry).toBe('Software');
    // null clears an optional field (and the answer leaves it out, as for one never set).
    expect(await b.update('bot_shop', created.id, { industry: null })).not.toHaveProperty('industry');

    expect(await b.contacts('bot_shop', created.id)).toEqual([]);
    expect(await b.contactCount('bot_shop', created.id)).toBe(0);
    const seeded = page.organizations[0]!;
    const contacts = await b.contacts('bot_shop', seeded.id);
    expect(await b.contactCount('bot_shop', seeded.id)).toBe(contacts.length);

    await b.remove('bot_shop', created.id);
    expect((await failure(b.get('bot_shop', created.id))).code).toBe('NotFound');
  });
});

describe('versions', () => {
  it('lists, creates, deploys, rolls back and deletes', async () => {
    const b = platform('admin').versions;
    const before = await b.list('bot_service');
    const one = await b.create('bot_service', { name: 'Deckhand 1', environment: 'dev' });
    const two = await b.create('bot_service', { name: 'Deckhand 2', description: 'zweite', environment: 'dev' });
    expect((await b.list('bot_service')).length).toBe(before.length + 2);
    expect((await b.deploy('bot_service', one.id, 'test')).deployedTo).toEqual(['test']);
    expect((await b.deploy('bot_service', two.id, 'test')).deployedTo).toEqual(['test']);
    expect((await b.rollback('bot_service', one.id)).deployedTo).toEqual(['test']);
    await b.remove('bot_service', two.id);
    expect((await b.list('bot_service')).map((v) => v.id)).not.toContain(two.id);
  });

  it('names the permission a viewer lacks', async () => {
    const [version] = await platform('admin').versions.list('bot_shop');
    const error = await failure(platform('viewer').versions.deploy('bot_shop', version!.id, 'prod'));
    expect(error).toMatchObject({ code: 'Forbidden', status: 403, permission: 'chatbots.versions.deploy' });
    expect(toIpcError(error)).toMatchObject({ code: 'Forbidden', permission: 'chatbots.versions.deploy' });
  });
});

describe('live feed', () => {
  const open: Disposable[] = [];
  afterEach(() => open.splice(0).forEach((s) => s.dispose()));

  function recorder() {
    const log = { events: [] as LiveEvent[], connects: 0, missed: 0, disconnects: [] as string[], unavailable: [] as string[] };
    const handlers: LiveHandlers = {
      onEvent: (e) => log.events.push(e),
      onConnect: () => log.connects++,
      onMissed: () => log.missed++,
      onDisconnect: (reason) => log.disconnects.push(reason),
      onUnavailable: (reason) => log.unavailable.push(reason),
    };
    return { log, handlers };
  }
  const messageIds = (events: LiveEvent[]) => events.flatMap((e) => (e.type === 'message' ? [e.message.id] : []));

  it('forwards the chatbot’s changes as domain events', async () => {
    const { log, handlers } = recorder();
    open.push(platform('agent').live.subscribe('bot_shop', handlers));
    await until(() => log.connects === 1, 'the first connect');
    const { message, conversation } = await incoming('Live, bitte');
    await until(() => messageIds(log.events).includes(message.id), 'the message');
    const event = log.events.find((e) => e.type === 'message')!;
    expect(event).toMatchObject({ type: 'message', message: { id: message.id, conversationId: conversation.id, sender: 'contact' } });
    expect(log.events.some((e) => e.type === 'conversation' && e.conversation.id === conversation.id)).toBe(true);
    expect(log.missed).toBe(0);
    expect(log.unavailable).toEqual([]);
  });

  it('reports a gap in the server’s sequence as missed, and drops events it has seen', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'deckhand-live-'));
    const file = join(dir, 'server.sqlite');
    const s = await startServer({ demo: true, db: file });
    // The server's own counter, moved by hand: as if it had sent events this client never got.
    const counter = new DatabaseSync(file);
    const shift = (by: number) => counter.prepare('UPDATE chatbots SET seq = seq + ? WHERE id = ?').run(by, 'bot_shop');
    try {
      const { log, handlers } = recorder();
      open.push(platform('agent', s).live.subscribe('bot_shop', handlers));
      await until(() => log.connects === 1, 'the first connect');
      const first = await incoming('eins', 'bot_shop', s);
      await until(() => messageIds(log.events).includes(first.message.id), 'the first message');
      expect(log.missed).toBe(0);

      shift(5);
      const second = await incoming('zwei', 'bot_shop', s);
      await until(() => log.missed === 1, 'the gap');
      // The event that showed the gap still counts.
      expect(messageIds(log.events)).toContain(second.message.id);

      // Numbers below what was seen: a redelivery, dropped.
      shift(-50);
      const before = log.events.length;
      const third = await incoming('drei', 'bot_shop', s);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(messageIds(log.events.slice(before))).not.toContain(third.message.id);
      expect(log.missed).toBe(1);
    } finally {
      counter.close();
      await s.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives up at once when the key is refused', async () => {
    const s = server.get();
    const { log, handlers } = recorder();
    open.push(new ChatCaptainPlatform({ baseUrl: s.url, key: 'cc_refused_key_0000' }).live.subscribe('bot_shop', handlers));
    await until(() => log.unavailable.length === 1, 'onUnavailable');
    expect(log.unavailable[0]).toMatch(/Unknown API key/);
    expect(log.connects).toBe(0);
  });

  it('reports a server without socket.io as unavailable', async () => {
    const plain = await startServer({ demo: true, realtime: false });
    try {
      const { log, handlers } = recorder();
      open.push(platform('agent', plain).live.subscribe('bot_shop', handlers));
      await until(() => log.unavailable.length === 1, 'onUnavailable');
      expect(log.unavailable[0]).toMatch(/socket\.io/);
      expect(log.connects).toBe(0);
    } finally {
      await plain.close();
    }
  });

  it('connects again after the server restarts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'deckhand-backend-'));
    const db = join(dir, 'server.sqlite');
    let s = await startServer({ demo: true, db, secret: testSecret });
    try {
      const { log, handlers } = recorder();
      open.push(platform('agent', s).live.subscribe('bot_shop', handlers));
      await until(() => log.connects === 1, 'the first connect');
      await s.close();
      await until(() => log.disconnects.length === 1, 'the disconnect');
      s = await startServer({ demo: true, db, port: s.port, secret: testSecret });
      await until(() => log.connects === 2, 'the reconnect');
      expect(log.unavailable).toEqual([]);
    } finally {
      await s.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
