// ChatCaptainBackend against the real local server: every port method, the errors a key can
// meet, identity per role, and the socket feed with its fallbacks.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ChatCaptainBackend } from '../../../../src/main/services/backend/chatcaptain';
import { BackendError, toIpcError } from '../../../../src/main/services/backend/errors';
import type { RealtimeEvent, RealtimeHandlers, RealtimeSubscription } from '../../../../src/main/services/ports';
import { startServer, type RunningServer } from '../../../../src/server/app';
import { permissions, rolePermissions, type Role } from '../../../../src/shared/permissions';
import { call, testSecret, useServer } from '../../../support/server';
import { until } from '../../../support/until';

const server = useServer({ demo: true });
const fast = { http: { backoffBaseMs: 10, backoffCapMs: 50 }, realtime: { reconnectionDelayMs: 50, reconnectionDelayMaxMs: 200 } };
const backend = (role: Role = 'admin', s: RunningServer = server.get()) =>
  new ChatCaptainBackend({ baseUrl: s.url, key: s.workspace.keys[role], ...fast });

async function failure(promise: Promise<unknown>): Promise<BackendError> {
  const error = await promise.then(
    () => expect.fail('expected a BackendError'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BackendError);
  return error as BackendError;
}

let provider = 0;
async function incoming(text: string, chatbotId = 'bot_shop') {
  const providerId = `49151${Date.now() % 1_000_000}${provider++}`;
  const answer = await call(server.get(), 'POST', `/v1/chatbots/${chatbotId}/conversations/handle`, {
    body: { chatbotId, channelId: 'whatsapp', channelName: 'WhatsApp Business', providerId, text },
  });
  expect(answer.status).toBe(200);
  return answer.body as { conversation: { id: string }; message: { id: string } };
}

describe('identity', () => {
  it.each(['admin', 'agent', 'viewer'] as const)('tells who the %s key is and what it may do', async (role) => {
    const s = server.get();
    const identity = await backend(role).identity(['bot_shop', 'bot_service']);
    const agent = s.workspace.agents.find((a) => a.id === s.workspace.agentOf[role])!;
    expect(identity.agent).toEqual(agent);
    expect(identity.chatbots.map((c) => [c.id, c.name])).toEqual([
      ['bot_shop', 'Shop-Assistent'],
      ['bot_service', 'Service Desk'],
    ]);
    for (const chatbot of identity.chatbots) expect([...chatbot.permissions].sort()).toEqual([...rolePermissions[role]].sort());
  });

  it('fails for a chatbot the key cannot reach, naming it', async () => {
    const s = server.get();
    const key = s.issueKey({ agentId: 'agent_sam', permissions: rolePermissions.agent, chatbotIds: ['bot_service'] });
    const limited = new ChatCaptainBackend({ baseUrl: s.url, key });
    expect((await limited.identity(['bot_service'])).chatbots.map((c) => c.id)).toEqual(['bot_service']);
    const error = await failure(limited.identity(['bot_service', 'bot_shop']));
    expect(error.code).toBe('Forbidden');
    expect(error.message).toContain('bot_shop');
  });

  it('rejects an unknown key as Unauthorized', async () => {
    const stranger = new ChatCaptainBackend({ baseUrl: server.get().url, key: 'cc_not_a_real_key_at_all' });
    expect((await failure(stranger.identity(['bot_shop']))).code).toBe('Unauthorized');
    expect((await failure(stranger.listConversations('bot_shop'))).code).toBe('Unauthorized');
  });

  describe('against a ChatCaptain without /v1/auth/me', () => {
    // The real server behind a proxy that hides only /v1/auth/me, as a real ChatCaptain lacks it.
    let proxy: Server | undefined;
    let proxyUrl = '';
    const throughProxy = (key: string) => new ChatCaptainBackend({ baseUrl: proxyUrl, key });

    it('assumes every permission and checks each chatbot', async () => {
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
      expect(identity).toEqual({
        agent: { id: '', name: 'Agent' },
        chatbots: [
          { id: 'bot_shop', name: 'bot_shop', permissions: [...permissions] },
          { id: 'bot_service', name: 'bot_service', permissions: [...permissions] },
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
  it('lists, reads, patches, hands back and sends custom events', async () => {
    const b = backend('agent');
    const { conversations, deleted } = await b.listConversations('bot_shop');
    expect(conversations.length).toBeGreaterThan(0);
    expect(deleted).toEqual([]);

    const since = new Date(Date.now() - 1_000).toISOString();
    const { conversation } = await incoming('Hallo, ich brauche Hilfe');
    expect((await b.getConversation('bot_shop', conversation.id)).id).toBe(conversation.id);
    const delta = await b.listConversations('bot_shop', since);
    expect(delta.conversations.map((c) => c.id)).toContain(conversation.id);

    const assigned = await b.patchConversation('bot_shop', conversation.id, { status: 'assigned', assignedAgentId: 'agent_jonas' });
    expect(assigned).toMatchObject({ status: 'assigned', assignedAgentId: 'agent_jonas' });
    expect((await b.patchConversation('bot_shop', conversation.id, { archived: true })).archived).toBe(true);
    expect(await b.handBack('bot_shop', conversation.id)).toMatchObject({ id: conversation.id, status: 'bot', assignedAgentId: null });
    expect((await b.customEvent('bot_shop', conversation.id, 'order_checked')).id).toBe(conversation.id);
  });

  it('reports conversations deleted since a date', async () => {
    const since = new Date(Date.now() - 1_000).toISOString();
    const { conversation } = await incoming('Bitte löschen');
    expect((await call(server.get(), 'DELETE', `/v1/chatbots/bot_shop/conversations/${conversation.id}`)).status).toBe(200);
    const delta = await backend('agent').listConversations('bot_shop', since);
    expect(delta.deleted).toContain(conversation.id);
    expect(delta.conversations.map((c) => c.id)).not.toContain(conversation.id);
  });

  it('pages messages with before and limit', async () => {
    const first = await incoming('eins');
    const providerless = first.conversation.id;
    const b = backend('agent');
    for (const text of ['zwei', 'drei']) await b.reply('bot_shop', { conversationId: providerless, text, clientMessageId: `page-${text}` });
    const newest = await b.listMessages('bot_shop', providerless, { limit: 2 });
    expect(newest.map((m) => (m.type === 'text' ? m.payload.text : m.type))).toEqual(['zwei', 'drei']);
    const older = await b.listMessages('bot_shop', providerless, { before: newest[0]!.id, limit: 10 });
    expect(older.map((m) => m.id)).toEqual([first.message.id]);
  });

  it('stores a reply once per clientMessageId', async () => {
    const { conversation } = await incoming('Wo ist mein Paket?');
    const b = backend('agent');
    const input = { conversationId: conversation.id, text: 'Ich schaue nach.', clientMessageId: `cm-${Date.now()}` };
    const first = await b.reply('bot_shop', input);
    const again = await b.reply('bot_shop', input);
    expect(again.id).toBe(first.id);
    expect(first).toMatchObject({ sender: 'agent', agentId: 'agent_jonas', type: 'text', payload: { text: 'Ich schaue nach.' } });
    const messages = await b.listMessages('bot_shop', conversation.id);
    expect(messages.filter((m) => m.sender === 'agent')).toHaveLength(1);
  });

  it('maps a missing conversation to NotFound and a bad body to Invalid', async () => {
    const b = backend('agent');
    expect((await failure(b.getConversation('bot_shop', 'conv_missing'))).code).toBe('NotFound');
    const { conversation } = await incoming('leer');
    expect((await failure(b.reply('bot_shop', { conversationId: conversation.id, text: '   ', clientMessageId: 'blank' }))).code).toBe(
      'Invalid',
    );
  });
});

describe('agents and notifications', () => {
  it('sets online state by clientTimestamp and reads the team', async () => {
    const b = backend('agent');
    const s = server.get();
    const on = await b.setOnline('bot_shop', true, '1000');
    expect(on).toMatchObject({ agentId: s.workspace.agentOf.agent, online: true, clientTimestamp: '1000' });
    // An older write is ignored and answers the stored state.
    expect(await b.setOnline('bot_shop', false, '999')).toMatchObject({ online: true, clientTimestamp: '1000' });
    expect((await b.listAgents('bot_shop')).find((a) => a.agentId === s.workspace.agentOf.agent)?.online).toBe(true);
    // Same machine, same clock: the Date header only rounds to the second.
    expect(Math.abs(b.serverOffset())).toBeLessThan(1_500);
  });

  it('registers and clears the push token', async () => {
    const b = backend('agent');
    expect((await b.setPushToken('bot_service', 'fcm-token-1')).pushToken).toBe('fcm-token-1');
    expect((await b.getNotificationSettings('bot_service')).pushToken).toBe('fcm-token-1');
    expect((await b.setPushToken('bot_service', null)).pushToken).toBeNull();
  });
});

describe('organizations', () => {
  it('lists, searches, creates, reads, updates, counts contacts and deletes', async () => {
    const b = backend('admin');
    const page = await b.listOrganizations('bot_shop', { limit: 2 });
    expect(page.organizations).toHaveLength(2);
    expect(page.nextPageToken).toBeDefined();
    const next = await b.listOrganizations('bot_shop', { pageToken: page.nextPageToken!, limit: 2 });
    expect(next.organizations.map((o) => o.id)).not.toContain(page.organizations[0]!.id);

    const created = await b.createOrganization('bot_shop', { name: 'Deckhand Testhaus GmbH', email: 'info@testhaus.de', size: 12 });
    expect(await b.getOrganization('bot_shop', created.id)).toEqual(created);
    const found = await b.searchOrganizations('bot_shop', { query: 'Testhaus', page: 1, pageSize: 10 });
    expect(found).toMatchObject({ page: 1, pageSize: 10, total: 1 });
    expect(found.organizations.map((o) => o.id)).toEqual([created.id]);
    expect((await b.updateOrganization('bot_shop', created.id, { industry: 'Software' })).industry).toBe('Software');
    // null clears an optional field (and the answer leaves it out, as for one never set).
    expect(await b.updateOrganization('bot_shop', created.id, { industry: null })).not.toHaveProperty('industry');

    expect(await b.organizationContacts('bot_shop', created.id)).toEqual([]);
    expect(await b.organizationContactCount('bot_shop', created.id)).toBe(0);
    const seeded = page.organizations[0]!;
    const contacts = await b.organizationContacts('bot_shop', seeded.id);
    expect(await b.organizationContactCount('bot_shop', seeded.id)).toBe(contacts.length);

    await b.deleteOrganization('bot_shop', created.id);
    expect((await failure(b.getOrganization('bot_shop', created.id))).code).toBe('NotFound');
  });
});

describe('versions', () => {
  it('lists, creates, deploys, rolls back and deletes', async () => {
    const b = backend('admin');
    const before = await b.listVersions('bot_service');
    const one = await b.createVersion('bot_service', { name: 'Deckhand 1', environment: 'dev' });
    const two = await b.createVersion('bot_service', { name: 'Deckhand 2', description: 'zweite', environment: 'dev' });
    expect((await b.listVersions('bot_service')).length).toBe(before.length + 2);
    expect((await b.deployVersion('bot_service', one.id, 'test')).deployedTo).toEqual(['test']);
    expect((await b.deployVersion('bot_service', two.id, 'test')).deployedTo).toEqual(['test']);
    expect((await b.rollbackVersion('bot_service', one.id)).deployedTo).toEqual(['test']);
    await b.deleteVersion('bot_service', two.id);
    expect((await b.listVersions('bot_service')).map((v) => v.id)).not.toContain(two.id);
  });

  it('names the permission a viewer lacks', async () => {
    const [version] = await backend('admin').listVersions('bot_shop');
    const error = await failure(backend('viewer').deployVersion('bot_shop', version!.id, 'prod'));
    expect(error).toMatchObject({ code: 'Forbidden', status: 403, permission: 'chatbots.versions.deploy' });
    expect(toIpcError(error)).toMatchObject({ code: 'Forbidden', permission: 'chatbots.versions.deploy' });
  });
});

describe('subscribe', () => {
  const open: RealtimeSubscription[] = [];
  afterEach(() => open.splice(0).forEach((s) => s.close()));

  function recorder() {
    const log = { events: [] as RealtimeEvent[], connects: 0, disconnects: [] as string[], unavailable: [] as string[] };
    const handlers: RealtimeHandlers = {
      onEvent: (e) => log.events.push(e),
      onConnect: () => log.connects++,
      onDisconnect: (reason) => log.disconnects.push(reason),
      onUnavailable: (reason) => log.unavailable.push(reason),
    };
    return { log, handlers };
  }

  it('forwards room events with their seq', async () => {
    const { log, handlers } = recorder();
    open.push(backend('agent').subscribe('bot_shop', handlers));
    await until(() => log.connects === 1, 'the first connect');
    const { message } = await incoming('Live, bitte');
    await until(() => log.events.some((e) => e.event === 'message.created' && e.payload.message.id === message.id), 'message.created');
    const created = log.events.find((e) => e.event === 'message.created')!;
    expect(created.payload).toMatchObject({ chatbotId: 'bot_shop', seq: expect.any(Number) });
    const seqs = log.events.map((e) => e.payload.seq);
    seqs.slice(1).forEach((seq, i) => expect(seq).toBe(seqs[i]! + 1));
    expect(log.unavailable).toEqual([]);
  });

  it('gives up at once when the key is refused', async () => {
    const s = server.get();
    const { log, handlers } = recorder();
    open.push(new ChatCaptainBackend({ baseUrl: s.url, key: 'cc_refused_key_0000' }).subscribe('bot_shop', handlers));
    await until(() => log.unavailable.length === 1, 'onUnavailable');
    expect(log.unavailable[0]).toMatch(/Unknown API key/);
    expect(log.connects).toBe(0);
  });

  it('reports a server without socket.io as unavailable', async () => {
    const plain = await startServer({ demo: true, realtime: false });
    try {
      const { log, handlers } = recorder();
      open.push(backend('agent', plain).subscribe('bot_shop', handlers));
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
      open.push(backend('agent', s).subscribe('bot_shop', handlers));
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
