// The permission matrix: every endpoint, called with each role's key. A role that has the
// permission gets past auth (whatever the handler then says of the empty request: 400 or 404,
// never 401/403); a role without it gets 403 with the permission named.
import { describe, expect, it } from 'vitest';
import { rolePermissions, roles, type Permission } from '../../../src/shared/permissions';
import { call, useServer } from '../../support/server';

const c = '/v1/chatbots/bot_shop';
const routes: [method: string, path: string, permission: Permission][] = [
  ['GET', `${c}/organizations`, 'chatbots.organizations.list'],
  ['POST', `${c}/organizations`, 'chatbots.organizations.create'],
  ['GET', `${c}/organizations/search`, 'chatbots.organizations.list'],
  ['GET', `${c}/organizations/org_missing`, 'chatbots.organizations.get'],
  ['PATCH', `${c}/organizations/org_missing`, 'chatbots.organizations.edit'],
  ['DELETE', `${c}/organizations/org_missing`, 'chatbots.organizations.delete'],
  ['GET', `${c}/organizations/org_missing/contacts`, 'chatbots.organizations.contacts.list'],
  ['GET', `${c}/organizations/org_missing/contacts/count`, 'chatbots.organizations.contacts.list'],
  ['GET', `${c}/contacts/contact_missing`, 'chatbots.conversations.get'],
  ['GET', `${c}/conversations`, 'chatbots.conversations.list'],
  ['POST', `${c}/conversations`, 'chatbots.conversations.create'],
  ['GET', `${c}/conversations/find`, 'chatbots.conversations.list'],
  ['GET', `${c}/conversations/conv_missing`, 'chatbots.conversations.get'],
  ['PATCH', `${c}/conversations/conv_missing`, 'chatbots.conversations.edit'],
  ['DELETE', `${c}/conversations/conv_missing`, 'chatbots.conversations.edit'],
  ['POST', `${c}/conversations/handle`, 'chatbots.messages.handle'],
  ['POST', `${c}/conversations/event`, 'chatbots.events.handle'],
  ['POST', `${c}/conversations/payload`, 'chatbots.step-payload.handle'],
  ['POST', `${c}/conversations/custom-event`, 'chatbots.events.handle'],
  ['GET', `${c}/conversations/conv_missing/messages`, 'chatbots.messages.list'],
  ['GET', '/v1/inbox/bot_shop/agents/online', 'chatbots.inbox.agents.list'],
  ['POST', '/v1/inbox/bot_shop/agents/me/online', 'chatbots.inbox.agents.online.edit'],
  ['GET', '/v1/inbox/bot_shop/agents/me/notifications', 'chatbots.inbox.agents.notifications.get'],
  ['POST', '/v1/inbox/bot_shop/agents/me/notifications', 'chatbots.inbox.agents.notifications.edit'],
  ['POST', '/v1/inbox/bot_shop/messages', 'chatbots.inbox.messages.create'],
  ['GET', `${c}/versions`, 'chatbots.versions.list'],
  ['POST', `${c}/versions`, 'chatbots.versions.create'],
  ['DELETE', `${c}/versions/ver_missing`, 'chatbots.versions.delete'],
  ['POST', `${c}/versions/ver_missing/deploy`, 'chatbots.versions.deploy'],
  ['POST', `${c}/versions/ver_missing/rollback`, 'chatbots.versions.deploy'],
];
const cases = routes.flatMap(([method, path, permission]) => roles.map((role) => ({ method, path, permission, role })));

describe('permission matrix', () => {
  const server = useServer();

  it('covers every permission', () => {
    expect(new Set(routes.map((r) => r[2]))).toEqual(new Set(rolePermissions.admin));
  });

  it("covers every route of the server's table that needs a permission, with that permission", () => {
    const table = server.get().routes.filter((r) => r.method !== 'HEAD' && r.permission && r.permission !== 'authenticated');
    const matches = (url: string, path: string) => new RegExp(`^${url.replace(/:\w+/g, '[^/]+')}$`).test(path);
    const params = (url: string) => url.split(':').length;
    // The route a path reaches: as in Fastify's router, a static segment wins over a parameter.
    const routeOf = (method: string, path: string) =>
      table.filter((r) => r.method === method && matches(r.url, path)).sort((a, b) => params(a.url) - params(b.url))[0];
    const covered = table.map((r) => {
      const entry = routes.find(([method, path]) => routeOf(method, path) === r);
      return `${r.method} ${r.url} ${entry?.[2] ?? 'not in the matrix'}`;
    });
    expect(covered).toEqual(table.map((r) => `${r.method} ${r.url} ${r.permission}`));
  });

  it.each(cases)('$role $method $path', async ({ method, path, permission, role }) => {
    const response = await call(server.get(), method, path, { key: server.get().workspace.keys[role] });
    if (rolePermissions[role].includes(permission)) {
      expect([401, 403]).not.toContain(response.status);
    } else {
      expect(response.status).toBe(403);
      expect(response.body).toEqual({ type: 'Forbidden', error: expect.stringContaining(permission) });
    }
  });

  it.each(routes)('%s %s needs a key', async (method, path) => {
    const missing = await call(server.get(), method, path, { key: null });
    expect(missing.status).toBe(401);
    expect(missing.body).toEqual({ type: 'Unauthorized', error: expect.stringMatching(/x-chatcaptain-key/) });
    const unknown = await call(server.get(), method, path, { key: 'cc_not_a_real_key' });
    expect(unknown.status).toBe(401);
    expect(unknown.body.type).toBe('Unauthorized');
  });

  it('refuses a chatbot the key has no access to', async () => {
    const s = server.get();
    const key = s.issueKey({ agentId: s.workspace.agentOf.agent, permissions: rolePermissions.admin, chatbotIds: ['bot_service'] });
    const other = await call(s, 'GET', `${c}/conversations`, { key });
    expect(other.status).toBe(403);
    expect(other.body.error).toContain('bot_shop');
    expect((await call(s, 'GET', '/v1/chatbots/bot_service/conversations', { key })).status).toBe(200);
    expect((await call(s, 'GET', '/v1/chatbots/bot_nonexistent/conversations')).status).toBe(403);
  });

  it('tells a key who it speaks for and what it may do', async () => {
    const s = server.get();
    for (const role of roles) {
      const me = await call(s, 'GET', '/v1/auth/me', { key: s.workspace.keys[role] });
      expect(me.status).toBe(200);
      expect(me.body).toEqual({
        agent: { id: s.workspace.agentOf[role], name: expect.any(String) },
        permissions: [...rolePermissions[role]].sort(),
        chatbots: [
          { id: 'bot_shop', name: 'Shop-Assistent' },
          { id: 'bot_service', name: 'Service Desk' },
        ],
      });
    }
    expect((await call(s, 'GET', '/v1/auth/me', { key: null })).status).toBe(401);
  });
});

describe('who may post as a customer', () => {
  const server = useServer();
  const customer = { chatbotId: 'bot_shop', channelId: 'whatsapp', channelName: 'WhatsApp Business' };

  it('has the four roles, channel among them', () => {
    expect(Object.keys(server.get().workspace.keys).sort()).toEqual(['admin', 'agent', 'channel', 'viewer']);
    expect(rolePermissions.channel).toEqual(['chatbots.messages.handle', 'chatbots.events.handle']);
  });

  it('lets the channel key post messages and events, and read nothing', async () => {
    const key = server.get().workspace.keys.channel;
    const handled = await call(server.get(), 'POST', `${c}/conversations/handle`, { key, body: { ...customer, providerId: 'ch-1', text: 'Hallo' } });
    expect(handled.status).toBe(200);
    expect(handled.body.message).toMatchObject({ sender: 'contact', direction: 'incoming' });
    const event = await call(server.get(), 'POST', `${c}/conversations/event`, { key, body: { ...customer, providerId: 'ch-2', event: 'user_seen' } });
    expect(event.status).toBe(200);
    expect((await call(server.get(), 'GET', `${c}/conversations`, { key })).status).toBe(403);
  });

  it('refuses the agent key a message as the customer', async () => {
    const key = server.get().workspace.keys.agent;
    const response = await call(server.get(), 'POST', `${c}/conversations/handle`, { key, body: { ...customer, providerId: 'ag-1', text: 'Ich bin der Kunde' } });
    expect(response.status).toBe(403);
    expect(response.body).toEqual({ type: 'Forbidden', error: expect.stringContaining('chatbots.messages.handle') });
    expect((await call(server.get(), 'GET', `${c}/conversations/find?channelId=whatsapp&providerId=ag-1`)).status).toBe(404);
  });

  it('lets the agent key send an event into an existing conversation, but not start one with it', async () => {
    const s = server.get();
    const key = s.workspace.keys.agent;
    const fresh = await call(s, 'POST', `${c}/conversations/event`, { key, body: { ...customer, providerId: 'ag-2', event: 'user_seen' } });
    expect(fresh.status).toBe(403);
    expect(fresh.body).toEqual({ type: 'Forbidden', error: expect.stringContaining('chatbots.messages.handle') });
    expect((await call(s, 'GET', `${c}/conversations/find?channelId=whatsapp&providerId=ag-2`)).status).toBe(404);

    await call(s, 'POST', `${c}/conversations/handle`, { key: s.workspace.keys.channel, body: { ...customer, providerId: 'ag-3', text: 'Hallo' } });
    const existing = await call(s, 'POST', `${c}/conversations/event`, { key, body: { ...customer, providerId: 'ag-3', event: 'user_seen' } });
    expect(existing.status).toBe(200);
    expect(existing.body.conversation).toMatchObject({ providerId: 'ag-3' });
  });
});
