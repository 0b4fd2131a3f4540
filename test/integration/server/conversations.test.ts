// Conversations against the real local server: CRUD, the assignment rules, list filters and
// delta sync, and the channel-facing endpoints (handle, event, step payload, custom event).
import { describe, expect, it } from 'vitest';
// The server is checked against what the app's ChatCaptain adapter accepts.
import type { MessageContent } from '../../../src/shared/domain';
import { WireConversation as Conversation, WireMessage as Message } from '../../../src/main/services/platforms/chatcaptain/wire';
import { call, useServer } from '../../support/server';

const server = useServer();
const base = '/v1/chatbots/bot_shop/conversations';
let counter = 0;
const providerId = () => `4915${Date.now()}${++counter}`;
const channel = () => ({ chatbotId: 'bot_shop', channelId: 'whatsapp', channelName: 'WhatsApp Business', providerId: providerId() });

async function create(body: Record<string, unknown> = {}): Promise<Conversation> {
  const res = await call(server.get(), 'POST', base, {
    body: { channelId: 'web', channelName: 'Web chat', providerId: providerId(), ...body },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return Conversation.parse(res.body.conversation);
}

async function handle(body: Record<string, unknown>) {
  return call(server.get(), 'POST', `${base}/handle`, { body });
}

const patch = (id: string, body: unknown, key?: string) => call(server.get(), 'PATCH', `${base}/${id}`, { body, key });

function expectError(res: { status: number; body: { error: string; type: string } }, status: number, type: string, mention?: string) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body.type).toBe(type);
  if (mention) expect(res.body.error).toContain(mention);
}

describe('create, get, find', () => {
  it('creates a conversation with defaults and a new contact named after the provider id', async () => {
    const res = await call(server.get(), 'POST', base, {
      body: { channelId: 'web', channelName: 'Web chat', providerId: 'visitor-1' },
    });
    expect(res.status).toBe(201);
    const conversation = Conversation.parse(res.body.conversation);
    expect(conversation).toMatchObject({
      chatbotId: 'bot_shop',
      contactName: 'visitor-1',
      channelId: 'web',
      channelName: 'Web chat',
      providerId: 'visitor-1',
      archived: false,
      status: 'bot',
      assignedAgentId: null,
      unreadCount: 0,
    });
    expect(res.body.conversation).not.toHaveProperty('lastMessage');
    const got = await call(server.get(), 'GET', `${base}/${conversation.id}`);
    expect(got.status).toBe(200);
    expect(got.body.conversation).toEqual(conversation);
  });

  it('uses contactName for the new contact and reuses an existing contactId', async () => {
    const first = await create({ contactName: 'Anna Berg' });
    expect(first.contactName).toBe('Anna Berg');
    const second = await create({ contactId: first.contactId, channelId: 'mail' });
    expect(second.contactId).toBe(first.contactId);
    expect(second.contactName).toBe('Anna Berg');
  });

  it('refuses an unknown contactId and a second conversation for the same channel and provider', async () => {
    expectError(await call(server.get(), 'POST', base, {
      body: { channelId: 'web', channelName: 'Web', providerId: providerId(), contactId: 'contact_nope' },
    }), 400, 'ReferenceNotFound', 'contactId');
    const existing = await create();
    const again = await call(server.get(), 'POST', base, {
      body: { channelId: existing.channelId, channelName: 'Web', providerId: existing.providerId },
    });
    expectError(again, 409, 'AlreadyExists', existing.providerId);
    // The same provider on another channel is a different conversation.
    await create({ providerId: existing.providerId, channelId: 'telegram' });
  });

  it('applies the assignment rules at creation', async () => {
    const assigned = await create({ assignedAgentId: 'agent_sam' });
    expect(assigned).toMatchObject({ status: 'assigned', assignedAgentId: 'agent_sam' });
    const waiting = await create({ status: 'waiting' });
    expect(waiting).toMatchObject({ status: 'waiting', assignedAgentId: null });
    const body = { channelId: 'web', channelName: 'Web' };
    expectError(await call(server.get(), 'POST', base, { body: { ...body, providerId: providerId(), status: 'assigned' } }), 400, 'InvalidPayload', 'assignedAgentId');
    expectError(await call(server.get(), 'POST', base, { body: { ...body, providerId: providerId(), assignedAgentId: 'agent_x' } }), 400, 'ReferenceNotFound', 'agent_x');
    expectError(await call(server.get(), 'POST', base, { body: { ...body, providerId: providerId(), status: 'waiting', assignedAgentId: 'agent_sam' } }), 400, 'InvalidPayload', 'assignedAgentId');
  });

  it('validates the create body', async () => {
    expectError(await call(server.get(), 'POST', base, { body: { channelId: 'web', channelName: 'Web' } }), 400, 'InvalidPayload', 'body.providerId');
    expectError(await call(server.get(), 'POST', base, { body: { channelId: 'web', channelName: 'Web', providerId: 'x', status: 'open' } }), 400, 'InvalidPayload', 'body.status');
    expectError(await call(server.get(), 'POST', base, { body: { channelId: 'web', channelName: 'Web', providerId: 'x', contactID: 'c' } }), 400, 'InvalidPayload', 'contactID');
    expectError(await call(server.get(), 'POST', base, { rawBody: '{"channelId": ' }), 400, 'InvalidPayload', 'Malformed JSON');
    expectError(await call(server.get(), 'POST', base), 400, 'InvalidPayload');
  });

  it('finds a conversation by channelId and providerId', async () => {
    const conversation = await create();
    const found = await call(server.get(), 'GET', `${base}/find?channelId=web&providerId=${conversation.providerId}`);
    expect(found.status).toBe(200);
    expect(found.body.conversation).toEqual(conversation);
    expectError(await call(server.get(), 'GET', `${base}/find?channelId=mail&providerId=${conversation.providerId}`), 404, 'ResourceNotFound');
    expectError(await call(server.get(), 'GET', `${base}/find?channelId=web`), 400, 'InvalidQuery', 'query.providerId');
    expectError(await call(server.get(), 'GET', `${base}/find?providerId=x`), 400, 'InvalidQuery', 'query.channelId');
  });

  it('answers 404 for an unknown id and for a conversation of another chatbot', async () => {
    expectError(await call(server.get(), 'GET', `${base}/conv_missing`), 404, 'ResourceNotFound', 'conv_missing');
    const conversation = await create();
    expectError(await call(server.get(), 'GET', `/v1/chatbots/bot_service/conversations/${conversation.id}`), 404, 'ResourceNotFound');
  });
});

describe('patch', () => {
  it('assigns with an agent alone, keeps the agent for status assigned, clears it for other statuses', async () => {
    const conversation = await create();
    const assigned = await patch(conversation.id, { assignedAgentId: 'agent_mia' });
    expect(assigned.status).toBe(200);
    expect(assigned.body.conversation).toMatchObject({ status: 'assigned', assignedAgentId: 'agent_mia' });
    expect(assigned.body.conversation.updatedAt > conversation.updatedAt).toBe(true);
    expect((await patch(conversation.id, { status: 'assigned' })).body.conversation.assignedAgentId).toBe('agent_mia');
    const closed = await patch(conversation.id, { status: 'closed' });
    expect(closed.body.conversation).toMatchObject({ status: 'closed', assignedAgentId: null });
    const got = await call(server.get(), 'GET', `${base}/${conversation.id}`);
    expect(got.body.conversation).toMatchObject({ status: 'closed', assignedAgentId: null });
  });

  it('puts an unassigned conversation back in the queue', async () => {
    const conversation = await create({ assignedAgentId: 'agent_sam' });
    const res = await patch(conversation.id, { assignedAgentId: null });
    expect(res.body.conversation).toMatchObject({ status: 'waiting', assignedAgentId: null });
  });

  it('refuses status assigned without an agent, an unknown agent, and an agent with another status', async () => {
    const conversation = await create();
    expectError(await patch(conversation.id, { status: 'assigned' }), 400, 'InvalidPayload', 'assignedAgentId');
    expectError(await patch(conversation.id, { status: 'assigned', assignedAgentId: null }), 400, 'InvalidPayload', 'assignedAgentId');
    expectError(await patch(conversation.id, { assignedAgentId: 'agent_ghost' }), 400, 'ReferenceNotFound', 'agent_ghost');
    expectError(await patch(conversation.id, { status: 'bot', assignedAgentId: 'agent_sam' }), 400, 'InvalidPayload', 'assignedAgentId');
    const unchanged = await call(server.get(), 'GET', `${base}/${conversation.id}`);
    expect(unchanged.body.conversation).toEqual(conversation);
  });

  it('stores archived and unreadCount', async () => {
    const conversation = await create();
    const res = await patch(conversation.id, { archived: true, unreadCount: 4 });
    expect(res.body.conversation).toMatchObject({ archived: true, unreadCount: 4, status: 'bot' });
    const got = await call(server.get(), 'GET', `${base}/${conversation.id}`);
    expect(got.body.conversation).toMatchObject({ archived: true, unreadCount: 4 });
  });

  it('validates the patch body strictly', async () => {
    const conversation = await create();
    expectError(await patch(conversation.id, {}), 400, 'InvalidPayload', 'at least one');
    expectError(await patch(conversation.id, { stauts: 'closed' }), 400, 'InvalidPayload', 'stauts');
    expectError(await patch(conversation.id, { unreadCount: -1 }), 400, 'InvalidPayload', 'body.unreadCount');
    expectError(await patch(conversation.id, { unreadCount: 1.5 }), 400, 'InvalidPayload', 'body.unreadCount');
    expectError(await patch(conversation.id, { archived: 'yes' }), 400, 'InvalidPayload', 'body.archived');
    expectError(await patch(conversation.id, { status: 'open' }), 400, 'InvalidPayload', 'body.status');
    expectError(await call(server.get(), 'PATCH', `${base}/${conversation.id}`, { rawBody: '{status:' }), 400, 'InvalidPayload', 'Malformed JSON');
    expectError(await patch('conv_missing', { archived: true }), 404, 'ResourceNotFound', 'conv_missing');
  });

  it('lets the agent key patch; the viewer key is refused with the permission named', async () => {
    const conversation = await create();
    const keys = server.get().workspace.keys;
    expect((await patch(conversation.id, { status: 'waiting' }, keys.agent)).status).toBe(200);
    expectError(await patch(conversation.id, { status: 'closed' }, keys.viewer), 403, 'Forbidden', 'chatbots.conversations.edit');
    expect((await call(server.get(), 'GET', `${base}/${conversation.id}`, { key: keys.viewer })).body.conversation.status).toBe('waiting');
    expectError(await call(server.get(), 'GET', base, { key: null }), 401, 'Unauthorized');
    expectError(await call(server.get(), 'POST', base, { key: keys.agent, body: { channelId: 'a', channelName: 'b', providerId: 'c' } }), 403, 'Forbidden', 'chatbots.conversations.create');
  });
});

describe('delete and list', () => {
  it('deletes a conversation and its messages', async () => {
    const { body } = await handle({ ...channel(), text: 'to be deleted' });
    const id = body.conversation.id;
    const res = await call(server.get(), 'DELETE', `${base}/${id}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ deleted: true });
    expectError(await call(server.get(), 'GET', `${base}/${id}`), 404, 'ResourceNotFound');
    expectError(await call(server.get(), 'GET', `${base}/${id}/messages`), 404, 'ResourceNotFound');
    expectError(await call(server.get(), 'DELETE', `${base}/${id}`), 404, 'ResourceNotFound');
    expectError(await call(server.get(), 'DELETE', `${base}/${id}`, { key: server.get().workspace.keys.viewer }), 403, 'Forbidden');
  });

  it('lists newest change first and filters by contactId and channelId', async () => {
    const a = await create({ channelId: 'list-a' });
    const b = await create({ channelId: 'list-b', contactId: a.contactId });
    await patch(a.id, { archived: true });
    const all = await call(server.get(), 'GET', base);
    expect(all.status).toBe(200);
    expect(all.body).not.toHaveProperty('deleted');
    const ids: string[] = all.body.conversations.map((c: Conversation) => c.id);
    expect(ids.indexOf(a.id)).toBeLessThan(ids.indexOf(b.id));
    const dates: string[] = all.body.conversations.map((c: Conversation) => c.updatedAt);
    expect(dates).toEqual([...dates].sort().reverse());
    for (const c of all.body.conversations) Conversation.parse(c);

    const byContact = await call(server.get(), 'GET', `${base}?contactId=${a.contactId}`);
    expect(byContact.body.conversations.map((c: Conversation) => c.id)).toEqual([a.id, b.id]);
    const byChannel = await call(server.get(), 'GET', `${base}?channelId=list-b`);
    expect(byChannel.body.conversations.map((c: Conversation) => c.id)).toEqual([b.id]);
    const both = await call(server.get(), 'GET', `${base}?channelId=list-b&contactId=contact_other`);
    expect(both.body.conversations).toEqual([]);
  });

  it('answers updatedSince with the changes strictly after it and the deletions since', async () => {
    const before = await create();
    const gone = await create();
    const since = before.updatedAt;
    const changed = await patch(gone.id, { unreadCount: 1 });
    expect(changed.status).toBe(200);
    const fresh = await create();
    await call(server.get(), 'DELETE', `${base}/${gone.id}`);

    const res = await call(server.get(), 'GET', `${base}?updatedSince=${encodeURIComponent(since)}`);
    expect(res.status).toBe(200);
    const ids = res.body.conversations.map((c: Conversation) => c.id);
    expect(ids).toEqual([fresh.id]);
    expect(res.body.deleted).toEqual([gone.id]);

    // Any offset is accepted and compared as the same instant.
    const shifted = new Date(Date.parse(since) + 2 * 3600_000).toISOString().replace('Z', '+02:00');
    const same = await call(server.get(), 'GET', `${base}?updatedSince=${encodeURIComponent(shifted)}`);
    expect(same.body.conversations.map((c: Conversation) => c.id)).toEqual([fresh.id]);

    const later = await call(server.get(), 'GET', `${base}?updatedSince=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`);
    expect(later.body).toEqual({ conversations: [], deleted: [] });
    expectError(await call(server.get(), 'GET', `${base}?updatedSince=yesterday`), 400, 'InvalidQuery', 'query.updatedSince');
  });
});

const kinds: MessageContent[] = [
  { type: 'text', payload: { text: 'Wo ist meine Bestellung?' } },
  { type: 'image', payload: { imageUrl: 'https://example.com/a.png' } },
  { type: 'choice', payload: { text: 'Pick one', options: [{ label: 'Yes', value: 'yes' }] } },
  { type: 'dropdown', payload: { text: 'Size', options: [{ label: 'M', value: 'm' }, { label: 'L', value: 'l' }] } },
  { type: 'card', payload: { title: 'Shoe', subtitle: 'Red', imageUrl: 'https://example.com/s.png', actions: [{ action: 'url', label: 'Open', value: 'https://example.com' }] } },
  { type: 'carousel', payload: { items: [{ title: 'One', actions: [] }, { title: 'Two', actions: [{ action: 'postback', label: 'Buy', value: 'buy' }] }] } },
  { type: 'file', payload: { fileUrl: 'https://example.com/invoice.pdf', title: 'Invoice' } },
  { type: 'audio', payload: { audioUrl: 'https://example.com/v.ogg' } },
  { type: 'video', payload: { videoUrl: 'https://example.com/v.mp4' } },
  { type: 'location', payload: { latitude: 52.52, longitude: 13.405, address: 'Alexanderplatz', title: 'Berlin' } },
];

describe('handle', () => {
  it('creates the conversation on the first text and reuses it afterwards', async () => {
    const body = { ...channel(), contactName: 'Jana Krüger', callee: '+4930123456', async: false };
    const first = await handle({ ...body, text: 'Hallo' });
    expect(first.status).toBe(200);
    const conversation = Conversation.parse(first.body.conversation);
    const message = Message.parse(first.body.message);
    expect(message).toMatchObject({ conversationId: conversation.id, direction: 'incoming', sender: 'contact', type: 'text', payload: { text: 'Hallo' } });
    expect(message).not.toHaveProperty('agentId');
    expect(conversation).toMatchObject({ contactName: 'Jana Krüger', channelName: 'WhatsApp Business', status: 'bot', unreadCount: 1, lastMessage: message });

    const second = await handle({ ...body, text: 'Noch da?' });
    expect(second.body.conversation.id).toBe(conversation.id);
    expect(second.body.conversation.unreadCount).toBe(2);
    expect(second.body.conversation.lastMessage).toEqual(second.body.message);
  });

  it('reopens a closed conversation as bot', async () => {
    const body = channel();
    const { body: first } = await handle({ ...body, text: 'one' });
    await patch(first.conversation.id, { assignedAgentId: 'agent_sam' });
    await patch(first.conversation.id, { status: 'closed' });
    const again = await handle({ ...body, text: 'two' });
    expect(again.body.conversation).toMatchObject({ id: first.conversation.id, status: 'bot', assignedAgentId: null });
  });

  it.each(kinds)('stores and answers a $type message as sent', async (content) => {
    const res = await handle({ ...channel(), ...content });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const message = Message.parse(res.body.message);
    expect({ type: message.type, payload: message.payload }).toEqual(content);
    const list = await call(server.get(), 'GET', `${base}/${message.conversationId}/messages`);
    expect(list.body.messages).toEqual([res.body.message]);
  });

  it('answers /media/ paths as absolute URLs and leaves other text alone', async () => {
    const image = await handle({ ...channel(), type: 'image', payload: { imageUrl: '/media/demo/photo-1.svg' } });
    expect(image.body.message.payload.imageUrl).toBe(`${server.get().url}/media/demo/photo-1.svg`);
    expect(image.body.conversation.lastMessage.payload.imageUrl).toBe(`${server.get().url}/media/demo/photo-1.svg`);
    const text = await handle({ ...channel(), text: '/media/not-a-link' });
    expect(text.body.message.payload.text).toBe('/media/not-a-link');
  });

  it('stores HTML and script text exactly as given', async () => {
    const text = '<script>alert("x")</script> &amp; <b>bold</b>';
    const res = await handle({ ...channel(), text });
    expect(res.body.message.payload.text).toBe(text);
    const list = await call(server.get(), 'GET', `${base}/${res.body.conversation.id}/messages`);
    expect(list.body.messages[0].payload.text).toBe(text);
  });

  it.each([
    ['an unknown type', { type: 'sticker', payload: {} }, 'body.type'],
    ['an image without imageUrl', { type: 'image', payload: {} }, 'body.payload.imageUrl'],
    ['a type without payload', { type: 'video' }, 'body.payload'],
    ['a latitude out of range', { type: 'location', payload: { latitude: 91, longitude: 0 } }, 'body.payload.latitude'],
    ['a choice without options', { type: 'choice', payload: { text: 'Pick', options: [] } }, 'body.payload.options'],
    ['a card action of unknown kind', { type: 'card', payload: { title: 'T', actions: [{ action: 'call', label: 'x', value: 'y' }] } }, 'body.payload.actions.0.action'],
    ['text and type together', { text: 'hi', type: 'text', payload: { text: 'hi' } }, 'not both'],
    ['no message at all', {}, 'missing'],
    ['an empty text', { text: '' }, 'body.text'],
    ['a text that is not a string', { text: 42 }, 'body.text'],
  ])('refuses %s', async (_name, content, mention) => {
    expectError(await handle({ ...channel(), ...content }), 400, 'InvalidPayload', mention);
  });

  it('refuses a chatbotId that differs from the path, missing fields and malformed JSON', async () => {
    expectError(await handle({ ...channel(), chatbotId: 'bot_service', text: 'x' }), 400, 'InvalidPayload', 'body.chatbotId');
    const { channelId: _omitted, ...noChannel } = channel();
    expectError(await handle({ ...noChannel, text: 'x' }), 400, 'InvalidPayload', 'body.channelId');
    expectError(await handle({ ...channel(), async: 'no', text: 'x' }), 400, 'InvalidPayload', 'body.async');
    expectError(await call(server.get(), 'POST', `${base}/handle`, { rawBody: '{"text": "x"' }), 400, 'InvalidPayload', 'Malformed JSON');
    expectError(await call(server.get(), 'POST', `${base}/handle`, { body: { ...channel(), text: 'x' }, key: server.get().workspace.keys.viewer }), 403, 'Forbidden', 'chatbots.messages.handle');
  });
});

describe('event, step payload, custom event', () => {
  it('records an event, creating the conversation when it is new', async () => {
    const body = { ...channel(), event: 'user_seen_message' };
    const first = await call(server.get(), 'POST', `${base}/event`, { body });
    expect(first.status).toBe(200);
    const conversation = Conversation.parse(first.body.conversation);
    expect(conversation).toMatchObject({ providerId: body.providerId, status: 'bot', unreadCount: 0 });
    const second = await call(server.get(), 'POST', `${base}/event`, { body });
    expect(second.body.conversation.id).toBe(conversation.id);
    const { event: _event, ...noEvent } = body;
    expectError(await call(server.get(), 'POST', `${base}/event`, { body: noEvent }), 400, 'InvalidPayload', 'body.event');
    expectError(await call(server.get(), 'POST', `${base}/event`, { body: { ...body, chatbotId: 'bot_x' } }), 400, 'InvalidPayload', 'body.chatbotId');
  });

  it('hands an assigned conversation back to the bot with a step payload', async () => {
    const conversation = await create({ assignedAgentId: 'agent_jonas' });
    const res = await call(server.get(), 'POST', `${base}/payload`, {
      key: server.get().workspace.keys.agent,
      body: { chatbotId: 'bot_shop', conversationId: conversation.id, flowId: 'flow_1', stepId: 'step_2', event: 'handover_done', eventPayload: '{"orderId": "12345"}', async: false, isDebug: false },
    });
    expect(res.status).toBe(200);
    expect(Conversation.parse(res.body.conversation)).toMatchObject({ id: conversation.id, status: 'bot', assignedAgentId: null });
    expect(res.body.conversation.updatedAt > conversation.updatedAt).toBe(true);
    const got = await call(server.get(), 'GET', `${base}/${conversation.id}`);
    expect(got.body.conversation).toMatchObject({ status: 'bot', assignedAgentId: null });
  });

  it('refuses a step payload whose eventPayload is not a JSON string, or for an unknown conversation', async () => {
    const conversation = await create({ assignedAgentId: 'agent_jonas' });
    const body = { chatbotId: 'bot_shop', conversationId: conversation.id };
    expectError(await call(server.get(), 'POST', `${base}/payload`, { body: { ...body, eventPayload: '{orderId: 1' } }), 400, 'InvalidPayload', 'eventPayload');
    expectError(await call(server.get(), 'POST', `${base}/payload`, { body: { ...body, eventPayload: { orderId: 1 } } }), 400, 'InvalidPayload', 'eventPayload');
    const unchanged = await call(server.get(), 'GET', `${base}/${conversation.id}`);
    expect(unchanged.body.conversation.status).toBe('assigned');
    expectError(await call(server.get(), 'POST', `${base}/payload`, { body: { ...body, conversationId: 'conv_missing' } }), 404, 'ResourceNotFound', 'conv_missing');
    expectError(await call(server.get(), 'POST', `${base}/payload`, { body: { chatbotId: 'bot_shop' } }), 400, 'InvalidPayload', 'body.conversationId');
    expectError(await call(server.get(), 'POST', `${base}/payload`, { body, key: server.get().workspace.keys.viewer }), 403, 'Forbidden', 'chatbots.step-payload.handle');
  });

  it('records a custom event on an existing conversation', async () => {
    const conversation = await create({ status: 'waiting' });
    const body = { chatbotId: 'bot_shop', conversationId: conversation.id, event: 'order_completed' };
    const res = await call(server.get(), 'POST', `${base}/custom-event`, { body });
    expect(res.status).toBe(200);
    expect(Conversation.parse(res.body.conversation)).toMatchObject({ id: conversation.id, status: 'waiting' });
    expectError(await call(server.get(), 'POST', `${base}/custom-event`, { body: { ...body, event: undefined } }), 400, 'InvalidPayload', 'body.event');
    expectError(await call(server.get(), 'POST', `${base}/custom-event`, { body: { ...body, conversationId: 'conv_missing' } }), 404, 'ResourceNotFound');
  });
});
