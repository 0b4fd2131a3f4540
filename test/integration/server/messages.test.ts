// Message history paging and the agent reply (idempotency by clientMessageId, side effects on
// the conversation, permissions) against the real local server.
import { describe, expect, it } from 'vitest';
// The server is checked against what the app's ChatCaptain adapter accepts.
import type { Conversation } from '../../../src/server/wire';
import { WireMessage as Message } from '../../../src/main/services/platforms/chatcaptain/wire';
import { call, useServer } from '../../support/server';

const server = useServer();
const base = '/v1/chatbots/bot_shop/conversations';
const inbox = '/v1/inbox/bot_shop/messages';
let counter = 0;

async function incoming(text: string, providerId = `49170${Date.now()}${++counter}`): Promise<{ conversation: Conversation; message: Message }> {
  const res = await call(server.get(), 'POST', `${base}/handle`, {
    body: { chatbotId: 'bot_shop', channelId: 'whatsapp', channelName: 'WhatsApp', providerId, text },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

/** A conversation with `count` contact messages "m1".."mN". */
async function conversationWith(count: number): Promise<{ conversation: Conversation; ids: string[] }> {
  const first = await incoming('m1');
  const ids = [first.message.id];
  for (let i = 2; i <= count; i++) ids.push((await incoming(`m${i}`, first.conversation.providerId)).message.id);
  return { conversation: first.conversation, ids };
}

const messagesOf = (conversationId: string, query = '', key?: string | null) =>
  call(server.get(), 'GET', `${base}/${conversationId}/messages${query}`, { key });
const replyTo = (body: unknown, key: string = server.get().workspace.keys.agent) => call(server.get(), 'POST', inbox, { body, key });
const conversation = async (id: string): Promise<Conversation> => (await call(server.get(), 'GET', `${base}/${id}`)).body.conversation;

function expectError(res: { status: number; body: { error: string; type: string } }, status: number, type: string, mention?: string) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body.type).toBe(type);
  if (mention) expect(res.body.error).toContain(mention);
}

describe('messages list', () => {
  it('answers the history oldest first', async () => {
    const { conversation: c, ids } = await conversationWith(3);
    const res = await messagesOf(c.id);
    expect(res.status).toBe(200);
    const messages = res.body.messages.map((m: unknown) => Message.parse(m));
    expect(messages.map((m: Message) => m.id)).toEqual(ids);
    expect(messages.map((m: Message) => (m.type === 'text' ? m.payload.text : ''))).toEqual(['m1', 'm2', 'm3']);
  });

  it('pages backwards with before and limit without gaps or repeats', async () => {
    const { conversation: c, ids } = await conversationWith(8);
    const seen: string[][] = [];
    let before: string | undefined;
    // Bounded, so a paging bug fails the test instead of looping.
    for (let pages = 0; pages < 5; pages++) {
      const res = await messagesOf(c.id, `?limit=3${before ? `&before=${before}` : ''}`);
      expect(res.status).toBe(200);
      const page: string[] = res.body.messages.map((m: Message) => m.id);
      if (page.length === 0) break;
      expect(page.length).toBeLessThanOrEqual(3);
      seen.unshift(page);
      before = page[0];
    }
    expect(seen.map((page) => page.length)).toEqual([2, 3, 3]);
    expect(seen.flat()).toEqual(ids);
  });

  it('defaults to the newest 50 and allows up to 200', async () => {
    const { conversation: c, ids } = await conversationWith(52);
    const res = await messagesOf(c.id);
    expect(res.body.messages.map((m: Message) => m.id)).toEqual(ids.slice(-50));
    const all = await messagesOf(c.id, '?limit=200');
    expect(all.body.messages).toHaveLength(52);
  });

  it('refuses bad limits, an unknown before, and answers 404 for an unknown conversation', async () => {
    const { conversation: c } = await conversationWith(1);
    const other = await incoming('elsewhere');
    for (const limit of ['0', '201', 'abc', '2.5']) {
      expectError(await messagesOf(c.id, `?limit=${limit}`), 400, 'InvalidQuery', 'query.limit');
    }
    expectError(await messagesOf(c.id, '?before=msg_missing'), 400, 'InvalidQuery', 'query.before');
    expectError(await messagesOf(c.id, `?before=${other.message.id}`), 400, 'InvalidQuery', 'query.before');
    expectError(await messagesOf('conv_missing'), 404, 'ResourceNotFound', 'conv_missing');
    expectError(await call(server.get(), 'GET', `/v1/chatbots/bot_service/conversations/${c.id}/messages`), 404, 'ResourceNotFound');
    expectError(await messagesOf(c.id, '', null), 401, 'Unauthorized');
  });

  it('is readable with the viewer key', async () => {
    const { conversation: c } = await conversationWith(1);
    const res = await messagesOf(c.id, '', server.get().workspace.keys.viewer);
    expect(res.status).toBe(200);
    expect(res.body.messages).toHaveLength(1);
  });
});

describe('agent reply', () => {
  it('stores an outgoing agent message from the key’s agent and takes the conversation over', async () => {
    const { conversation: c } = await incoming('Hilfe bitte');
    expect(c).toMatchObject({ status: 'bot', unreadCount: 1 });
    const res = await replyTo({ conversationId: c.id, text: 'Ich bin da.' });
    expect(res.status).toBe(201);
    const message = Message.parse(res.body.message);
    const agentId = server.get().workspace.agentOf.agent;
    expect(message).toMatchObject({ conversationId: c.id, direction: 'outgoing', sender: 'agent', agentId, type: 'text', payload: { text: 'Ich bin da.' } });
    const after = await conversation(c.id);
    expect(after).toMatchObject({ status: 'assigned', assignedAgentId: agentId, unreadCount: 0, lastMessage: message });
    expect(after.updatedAt > c.updatedAt).toBe(true);
    const list = await messagesOf(c.id);
    expect(list.body.messages.map((m: Message) => m.id)).toEqual([c.lastMessage!.id, message.id]);
  });

  it('takes over a waiting conversation, but leaves one assigned to another agent or closed as it is', async () => {
    const waiting = (await incoming('w')).conversation;
    await call(server.get(), 'PATCH', `${base}/${waiting.id}`, { body: { status: 'waiting' } });
    await replyTo({ conversationId: waiting.id, text: 'ok' });
    expect(await conversation(waiting.id)).toMatchObject({ status: 'assigned', assignedAgentId: 'agent_jonas', unreadCount: 0 });

    const others = (await incoming('o')).conversation;
    await call(server.get(), 'PATCH', `${base}/${others.id}`, { body: { assignedAgentId: 'agent_sam' } });
    await replyTo({ conversationId: others.id, text: 'helping out' });
    expect(await conversation(others.id)).toMatchObject({ status: 'assigned', assignedAgentId: 'agent_sam', unreadCount: 0 });

    const closed = (await incoming('c')).conversation;
    await call(server.get(), 'PATCH', `${base}/${closed.id}`, { body: { status: 'closed' } });
    await replyTo({ conversationId: closed.id, text: 'one more thing' });
    expect(await conversation(closed.id)).toMatchObject({ status: 'closed', assignedAgentId: null });
  });

  it('stores a reply once per clientMessageId and answers a retry with the same message', async () => {
    const { conversation: c } = await incoming('retry me');
    const body = { conversationId: c.id, text: 'Antwort', clientMessageId: 'outbox-1' };
    const first = await replyTo(body);
    expect(first.status).toBe(201);
    expect(first.body.message.clientMessageId).toBe('outbox-1');
    await call(server.get(), 'PATCH', `${base}/${c.id}`, { body: { unreadCount: 3 } });
    const retry = await replyTo(body);
    expect(retry.status).toBe(200);
    expect(retry.body.message).toEqual(first.body.message);
    // Nothing was written again: the history has one reply and the retry did not reset unreadCount.
    expect((await messagesOf(c.id)).body.messages).toHaveLength(2);
    expect((await conversation(c.id)).unreadCount).toBe(3);
    expectError(await replyTo({ ...body, text: 'something else' }), 409, 'AlreadyExists', 'outbox-1');
  });

  it('stores exactly one message for ten concurrent posts with one clientMessageId', async () => {
    const { conversation: c } = await incoming('race');
    const body = { conversationId: c.id, text: 'only once', clientMessageId: 'outbox-race' };
    const results = await Promise.all(Array.from({ length: 10 }, () => replyTo(body)));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 200)).toHaveLength(9);
    expect(new Set(results.map((r) => r.body.message.id)).size).toBe(1);
    const list = await messagesOf(c.id);
    expect(list.body.messages.filter((m: Message) => m.sender === 'agent')).toHaveLength(1);
  });

  it('stores text exactly as given', async () => {
    const { conversation: c } = await incoming('html?');
    const text = '<img src=x onerror="alert(1)"> &lt;b&gt;\n  two spaces  ';
    const res = await replyTo({ conversationId: c.id, text });
    expect(res.body.message.payload.text).toBe(text);
    expect((await messagesOf(c.id)).body.messages[1].payload.text).toBe(text);
    const longest = await replyTo({ conversationId: c.id, text: 'x'.repeat(10_000) });
    expect(longest.status).toBe(201);
  });

  it('validates the reply body', async () => {
    const { conversation: c } = await incoming('validate');
    expectError(await replyTo({ conversationId: c.id, text: '' }), 400, 'InvalidPayload', 'body.text');
    expectError(await replyTo({ conversationId: c.id, text: '   ' }), 400, 'InvalidPayload', 'body.text');
    expectError(await replyTo({ conversationId: c.id, text: 'x'.repeat(10_001) }), 400, 'InvalidPayload', 'body.text');
    expectError(await replyTo({ conversationId: c.id, text: 'x', clientMessageId: '' }), 400, 'InvalidPayload', 'body.clientMessageId');
    expectError(await replyTo({ conversationId: c.id, text: 'x', clientMessageId: 'c'.repeat(101) }), 400, 'InvalidPayload', 'body.clientMessageId');
    expectError(await replyTo({ conversationId: c.id, txt: 'x' }), 400, 'InvalidPayload', 'txt');
    expectError(await replyTo({ text: 'x' }), 400, 'InvalidPayload', 'body.conversationId');
    expectError(await call(server.get(), 'POST', inbox, { rawBody: '{"text":', key: server.get().workspace.keys.agent }), 400, 'InvalidPayload', 'Malformed JSON');
    expectError(await replyTo({ conversationId: 'conv_missing', text: 'x' }), 404, 'ResourceNotFound', 'conv_missing');
    // Nothing of the refused replies was stored.
    expect((await messagesOf(c.id)).body.messages).toHaveLength(1);
  });

  it('refuses the viewer key with the permission named', async () => {
    const { conversation: c } = await incoming('viewer');
    const res = await replyTo({ conversationId: c.id, text: 'x' }, server.get().workspace.keys.viewer);
    expectError(res, 403, 'Forbidden', 'chatbots.inbox.messages.create');
    expectError(await call(server.get(), 'POST', inbox, { body: { conversationId: c.id, text: 'x' }, key: null }), 401, 'Unauthorized');
    expect((await messagesOf(c.id)).body.messages).toHaveLength(1);
  });
});
