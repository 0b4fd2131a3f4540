// Realtime over socket.io: the handshake checks the key, each chatbot is a room, room events
// carry a per-chatbot seq without gaps, and `push` reaches only agents with a push token.
import { afterEach, describe, expect, it } from 'vitest';
import type { Permission } from '../../../src/shared/permissions';
import { call, useServer } from '../../support/server';
import { connect, type Recorder } from '../../support/socket';

describe('realtime', () => {
  const server = useServer();
  const open: Recorder[] = [];
  const subscribe = async (role: 'admin' | 'agent' | 'viewer', chatbotId = 'bot_shop') => {
    const recorder = await connect(server.get().url, { key: server.get().workspace.keys[role], chatbotId });
    open.push(recorder);
    return recorder;
  };
  afterEach(() => open.splice(0).forEach((r) => r.close()));

  const handle = (providerId: string, text: string, chatbotId = 'bot_shop') =>
    call(server.get(), 'POST', `/v1/chatbots/${chatbotId}/conversations/handle`, {
      body: { chatbotId, channelId: 'whatsapp', channelName: 'WhatsApp Business', providerId, text },
    });

  it('refuses a handshake without a valid key or access', async () => {
    const url = server.get().url;
    await expect(connect(url, { key: 'cc_wrong', chatbotId: 'bot_shop' })).rejects.toThrow(/Unknown API key/);
    await expect(connect(url, { key: '', chatbotId: 'bot_shop' })).rejects.toThrow(/auth/);
    await expect(connect(url, { key: server.get().workspace.keys.admin, chatbotId: 'bot_elsewhere' })).rejects.toThrow(
      /no access to chatbot bot_elsewhere/,
    );
  });

  it('sends conversation and message events with consecutive seq, per chatbot', async () => {
    const shop = await subscribe('viewer');
    const service = await subscribe('viewer', 'bot_service');
    const created = await handle('4915100000001', 'Hallo, wo bleibt mein Paket?');
    expect(created.status).toBe(200);
    const { conversation, message } = created.body;
    await handle('4915100000001', 'Bestellung 4711');
    await shop.waitFor((r) => r.event === 'message.created' && (r.data.message as { payload: { text: string } }).payload.text === 'Bestellung 4711');

    const first = shop.received.find((r) => r.event === 'message.created');
    expect(first?.data).toMatchObject({ chatbotId: 'bot_shop', message: { id: message.id, conversationId: conversation.id } });
    expect(shop.received.some((r) => r.event === 'conversation.upserted' && (r.data.conversation as { id: string }).id === conversation.id)).toBe(true);
    const seqs = shop.received.map((r) => r.data.seq);
    seqs.slice(1).forEach((seq, i) => expect(seq).toBe(seqs[i]! + 1));
    expect(service.received).toEqual([]);
  });

  it('announces a deletion', async () => {
    const shop = await subscribe('viewer');
    const { conversation } = (await handle('4915100000002', 'Bitte löschen')).body;
    expect((await call(server.get(), 'DELETE', `/v1/chatbots/bot_shop/conversations/${conversation.id}`)).status).toBe(200);
    const deleted = await shop.waitFor((r) => r.event === 'conversation.deleted');
    expect(deleted.data).toMatchObject({ id: conversation.id, chatbotId: 'bot_shop' });
  });

  it('announces an applied presence write and stays silent on an ignored one', async () => {
    const shop = await subscribe('viewer');
    const post = (online: boolean, clientTimestamp: string) =>
      call(server.get(), 'POST', '/v1/inbox/bot_shop/agents/me/online', {
        key: server.get().workspace.keys.agent,
        body: { online, clientTimestamp },
      });
    expect((await post(true, '5000')).body.agent.online).toBe(true);
    const announced = await shop.waitFor((r) => r.event === 'agent.online');
    expect(announced.data.agent).toMatchObject({ agentId: server.get().workspace.agentOf.agent, online: true, clientTimestamp: '5000' });
    expect((await post(false, '4000')).body.agent.online).toBe(true);
    // A later applied write proves the ignored one was not announced in between.
    await post(false, '6000');
    await shop.waitFor((r) => r.event === 'agent.online' && (r.data.agent as { online: boolean }).online === false);
    expect(shop.received.filter((r) => r.event === 'agent.online').map((r) => (r.data.agent as { clientTimestamp: string }).clientTimestamp)).toEqual([
      '5000',
      '6000',
    ]);
  });

  it('pushes to agents with a registered token only, for conversations that want a person', async () => {
    const s = server.get();
    const agent = await subscribe('agent');
    const admin = await subscribe('admin');
    const token = await call(s, 'POST', '/v1/inbox/bot_shop/agents/me/notifications', {
      key: s.workspace.keys.agent,
      body: { pushToken: 'local-token-1' },
    });
    expect(token.status).toBe(200);
    const { conversation } = (await handle('4915100000003', 'Ich möchte mit einem Menschen sprechen')).body;
    await call(s, 'PATCH', `/v1/chatbots/bot_shop/conversations/${conversation.id}`, { body: { status: 'waiting' } });
    await handle('4915100000003', 'Hallo? Ist da jemand?');
    const push = await agent.waitFor((r) => r.event === 'push');
    expect(push.data).toMatchObject({ conversationId: conversation.id, title: expect.any(String), body: 'Hallo? Ist da jemand?' });
    expect(admin.received.some((r) => r.event === 'push')).toBe(false);

    // Cleared token: no more pushes.
    await call(s, 'POST', '/v1/inbox/bot_shop/agents/me/notifications', { key: s.workspace.keys.agent, body: { pushToken: null } });
    await handle('4915100000003', 'Noch da?');
    // Events arrive in order: once a later marker is in, a push for "Noch da?" would be too.
    await handle('4915100000004', 'marker');
    await agent.waitFor((r) => r.event === 'message.created' && (r.data.message as { payload: { text?: string } }).payload.text === 'marker');
    expect(agent.received.filter((r) => r.event === 'push')).toHaveLength(1);
  });
});

describe('realtime permissions', () => {
  const server = useServer();
  afterEach(() => open.splice(0).forEach((r) => r.close()));
  const open: Recorder[] = [];
  const subscribeWith = async (permissions: Permission[]) => {
    const s = server.get();
    const key = s.issueKey({ agentId: 'agent_sam', permissions, chatbotIds: ['bot_shop'] });
    const recorder = await connect(s.url, { key, chatbotId: 'bot_shop' });
    open.push(recorder);
    return recorder;
  };

  it('delivers each event only to keys that may read it', async () => {
    const s = server.get();
    const conversationsOnly = await subscribeWith(['chatbots.conversations.list']);
    const withMessages = await subscribeWith(['chatbots.conversations.list', 'chatbots.messages.list']);
    const withAgents = await subscribeWith(['chatbots.conversations.list', 'chatbots.inbox.agents.list']);
    const body = { chatbotId: 'bot_shop', channelId: 'whatsapp', channelName: 'WhatsApp Business', providerId: 'perm-1', text: 'Hallo' };
    const { conversation } = (await call(s, 'POST', '/v1/chatbots/bot_shop/conversations/handle', { body })).body;
    const doomed = (await call(s, 'POST', '/v1/chatbots/bot_shop/conversations/handle', { body: { ...body, providerId: 'perm-2' } })).body.conversation;
    await call(s, 'DELETE', `/v1/chatbots/bot_shop/conversations/${doomed.id}`);
    await call(s, 'POST', '/v1/inbox/bot_shop/agents/me/online', { key: s.workspace.keys.agent, body: { online: true, clientTimestamp: '7000' } });
    // A last change every socket may see: events reach a socket in order, so what came before it is in.
    await call(s, 'PATCH', `/v1/chatbots/bot_shop/conversations/${conversation.id}`, { body: { archived: true } });
    const archived = (r: { event: string; data: Record<string, unknown> }) =>
      r.event === 'conversation.upserted' && (r.data.conversation as { archived: boolean }).archived;
    for (const recorder of [conversationsOnly, withMessages, withAgents]) await recorder.waitFor(archived);

    const kinds = (r: Recorder) => [...new Set(r.received.map((e) => e.event))].sort();
    expect(kinds(conversationsOnly)).toEqual(['conversation.deleted', 'conversation.upserted']);
    expect(kinds(withMessages)).toEqual(['conversation.deleted', 'conversation.upserted', 'message.created']);
    expect(kinds(withAgents)).toEqual(['agent.online', 'conversation.deleted', 'conversation.upserted']);
  });

  it("pushes a message's words only to the agent's keys that may read messages", async () => {
    const s = server.get();
    const notifications: Permission[] = ['chatbots.inbox.agents.notifications.edit'];
    const registrar = s.issueKey({ agentId: 'agent_sam', permissions: notifications, chatbotIds: ['bot_shop'] });
    expect((await call(s, 'POST', '/v1/inbox/bot_shop/agents/me/notifications', { key: registrar, body: { pushToken: 'sam-device' } })).status).toBe(200);
    const conversationsOnly = await subscribeWith(['chatbots.conversations.list']);
    const withMessages = await subscribeWith(['chatbots.conversations.list', 'chatbots.messages.list']);
    const body = { chatbotId: 'bot_shop', channelId: 'whatsapp', channelName: 'WhatsApp Business', providerId: 'perm-push', text: 'Hallo' };
    const { conversation } = (await call(s, 'POST', '/v1/chatbots/bot_shop/conversations/handle', { body })).body;
    await call(s, 'PATCH', `/v1/chatbots/bot_shop/conversations/${conversation.id}`, { body: { status: 'waiting' } });
    await call(s, 'POST', '/v1/chatbots/bot_shop/conversations/handle', { body: { ...body, text: 'Meine Kontonummer ist 1234' } });
    expect((await withMessages.waitFor((r) => r.event === 'push')).data).toMatchObject({ conversationId: conversation.id, body: 'Meine Kontonummer ist 1234' });
    // Events reach a socket in order: once the later archive is in, a push would be too.
    await call(s, 'PATCH', `/v1/chatbots/bot_shop/conversations/${conversation.id}`, { body: { archived: true } });
    await conversationsOnly.waitFor((r) => r.event === 'conversation.upserted' && (r.data.conversation as { archived: boolean }).archived);
    expect(conversationsOnly.received.filter((r) => r.event === 'push')).toEqual([]);
  });

  it('refuses a handshake for a key that may read no conversations', async () => {
    const s = server.get();
    await expect(connect(s.url, { key: s.workspace.keys.channel, chatbotId: 'bot_shop' })).rejects.toThrow(/chatbots\.conversations\.list/);
  });
});

describe('realtime switched off', () => {
  const server = useServer({ realtime: false });

  it('offers no socket.io endpoint, so clients fall back to polling', async () => {
    const response = await fetch(`${server.get().url}/socket.io/?EIO=4&transport=polling`);
    expect(response.status).toBe(404);
    await expect(connect(server.get().url, { key: server.get().workspace.keys.admin, chatbotId: 'bot_shop' })).rejects.toThrow();
  });
});
