// Every /v1/chat endpoint through the official @botpress/client: users, conversations,
// messages (all ten kinds), events, states and actions, as a channel integration, the bot and
// a desk's agent use them.
import { describe, expect, it } from 'vitest';
import { useServer } from '../../../support/server';
import { botpressClient, integrationClient } from '../../../support/botpress';

const kinds = {
  text: { text: 'Hallo!' },
  image: { imageUrl: 'https://cdn.example.de/router.png' },
  choice: { text: 'Worum geht es?', options: [{ label: 'Bestellung', value: 'order' }] },
  dropdown: { text: 'Welche Größe?', options: [{ label: 'M', value: 'm' }, { label: 'L', value: 'l' }] },
  card: { title: 'Studio ANC', subtitle: '249 €', imageUrl: 'https://cdn.example.de/anc.png', actions: [{ action: 'url', label: 'Ansehen', value: 'https://example.de' }] },
  carousel: { items: [{ title: 'A', actions: [] }, { title: 'B', actions: [{ action: 'postback', label: 'Nehmen', value: 'take_b' }] }] },
  file: { fileUrl: 'https://cdn.example.de/rechnung.pdf', title: 'Rechnung.pdf' },
  audio: { audioUrl: 'https://cdn.example.de/note.ogg' },
  video: { videoUrl: 'https://cdn.example.de/clip.mp4' },
  location: { latitude: 51.34, longitude: 12.37, address: 'Petersstraße 28, Leipzig', title: 'Filiale' },
} as const;

describe('Botpress chat API through @botpress/client', () => {
  const server = useServer();
  const integration = () => integrationClient(server.get(), 'intver_whatsapp');

  it('creates, finds, lists, updates and deletes users', async () => {
    const bp = botpressClient(server.get());
    const admin = botpressClient(server.get(), server.get().botpress.tokens.admin);
    const { user } = await bp.createUser({ tags: { 'whatsapp:id': '+4915112345678', language: 'de' }, name: 'Tim Becker' });
    expect(user).toEqual({ id: expect.any(String), createdAt: expect.any(String), updatedAt: user.createdAt, tags: { 'whatsapp:id': '+4915112345678', language: 'de' }, name: 'Tim Becker' });
    expect((await bp.getUser({ id: user.id })).user).toEqual(user);

    const again = await bp.getOrCreateUser({ tags: { 'whatsapp:id': '+4915112345678' }, name: 'ignored', discriminateByTags: ['whatsapp:id'] });
    expect(again.meta.created).toBe(false);
    expect(again.user.id).toBe(user.id);
    const other = await bp.getOrCreateUser({ tags: { 'whatsapp:id': '+4915199999999' }, name: 'Anna' });
    expect(other.meta.created).toBe(true);

    expect((await bp.listUsers({ tags: { language: 'de' } })).users.map((u) => u.id)).toEqual([user.id]);
    expect((await bp.listUsers({})).users.map((u) => u.id)).toEqual([other.user.id, user.id]);

    const { user: updated } = await bp.updateUser({ id: user.id, name: 'Tim B.', tags: { language: null, vip: 'yes' } });
    expect(updated.tags).toEqual({ 'whatsapp:id': '+4915112345678', vip: 'yes' });
    expect(updated.name).toBe('Tim B.');
    expect((await bp.updateUser({ id: user.id, name: null })).user.name).toBeUndefined();

    await admin.deleteUser({ id: other.user.id });
    await expect(bp.getUser({ id: other.user.id })).rejects.toMatchObject({ type: 'ResourceNotFound', code: 404 });
  });

  it('creates conversations for integrations and filters them as the client asks', async () => {
    const whatsapp = integration();
    const bp = botpressClient(server.get());
    const { conversation } = await whatsapp.createConversation({ channel: 'channel', tags: { 'whatsapp:id': '+491700000001' } });
    expect(conversation).toMatchObject({ channel: 'channel', integration: 'whatsapp', tags: { 'whatsapp:id': '+491700000001' }, messageCount: 0 });
    const { conversation: web } = await bp.createConversation({ channel: 'channel', integrationName: 'webchat', tags: { topic: 'returns' } });
    expect((await bp.getConversation({ id: web.id })).conversation).toEqual(web);

    const found = await whatsapp.getOrCreateConversation({ channel: 'channel', tags: { 'whatsapp:id': '+491700000001' }, discriminateByTags: ['whatsapp:id'] });
    expect(found).toMatchObject({ conversation: { id: conversation.id }, meta: { created: false } });

    expect((await bp.listConversations({ integrationName: 'webchat' })).conversations.map((c) => c.id)).toEqual([web.id]);
    expect((await bp.listConversations({ tags: { topic: 'returns' } })).conversations.map((c) => c.id)).toEqual([web.id]);
    expect((await bp.listConversations({ channel: 'hitl' })).conversations).toEqual([]);

    const { user } = await whatsapp.createUser({ tags: { 'whatsapp:id': '+491700000001' }, name: 'Lea' });
    await whatsapp.createMessage({ conversationId: conversation.id, userId: user.id, type: 'text', payload: { text: 'Hallo' }, tags: {} });
    expect((await bp.listConversations({ participantIds: [user.id] })).conversations.map((c) => c.id)).toEqual([conversation.id]);
    expect((await bp.listUsers({ conversationId: conversation.id })).users.map((u) => u.id)).toEqual([user.id]);
    // The message moved the conversation: most recently changed first, by default and when asked.
    expect((await bp.listConversations({})).conversations[0]!.id).toBe(conversation.id);
    const byCreation = await bp.listConversations({ sortField: 'createdAt', sortDirection: 'asc' });
    expect(byCreation.conversations.map((c) => c.id).slice(0, 2)).toEqual([conversation.id, web.id]);

    const { conversation: tagged } = await bp.updateConversation({ id: web.id, tags: { topic: '', priority: 'high' } });
    expect(tagged.tags).toEqual({ priority: 'high' });
    await botpressClient(server.get(), server.get().botpress.tokens.admin).deleteConversation({ id: web.id });
    await expect(bp.getConversation({ id: web.id })).rejects.toMatchObject({ type: 'ResourceNotFound' });
  });

  it('takes all ten message kinds, and refuses anything else', async () => {
    const whatsapp = integration();
    const bot = botpressClient(server.get(), server.get().botpress.tokens.bot);
    const { conversation } = await whatsapp.createConversation({ channel: 'channel', tags: { 'whatsapp:id': '+491700000002' } });
    const { user } = await whatsapp.createUser({ tags: { 'whatsapp:id': '+491700000002' } });
    for (const [type, payload] of Object.entries(kinds)) {
      const { message } = await bot.createMessage({ conversationId: conversation.id, userId: server.get().botpress.botId, type, payload, tags: {} });
      expect(message).toMatchObject({ type, payload, direction: 'outgoing', conversationId: conversation.id });
    }
    const { message: incoming } = await whatsapp.createMessage({ conversationId: conversation.id, userId: user.id, type: 'text', payload: { text: 'danke' }, tags: { waId: 'wamid.1' } });
    expect(incoming.direction).toBe('incoming');
    await expect(whatsapp.createMessage({ conversationId: conversation.id, userId: user.id, type: 'markdown', payload: { markdown: '*x*' }, tags: {} })).rejects.toMatchObject({ type: 'InvalidPayload' });
    await expect(whatsapp.createMessage({ conversationId: conversation.id, userId: user.id, type: 'card', payload: { title: 'no actions' }, tags: {} })).rejects.toMatchObject({ type: 'InvalidPayload', message: expect.stringContaining('actions') });
    await expect(whatsapp.createMessage({ conversationId: conversation.id, userId: user.id, type: 'location', payload: { latitude: 91, longitude: 0 }, tags: {} })).rejects.toMatchObject({ type: 'InvalidPayload' });
  });

  it('gets, updates, lists by conversation and tags, and deletes messages', async () => {
    const whatsapp = integration();
    const bp = botpressClient(server.get());
    const { conversation } = await whatsapp.createConversation({ channel: 'channel', tags: { 'whatsapp:id': '+491700000003' } });
    const { user } = await whatsapp.createUser({ tags: { 'whatsapp:id': '+491700000003' } });
    const { message } = await whatsapp.createMessage({ conversationId: conversation.id, userId: user.id, type: 'text', payload: { text: 'erste' }, tags: { waId: 'wamid.a' } });
    expect((await bp.getMessage({ id: message.id })).message).toEqual(message);
    const { message: edited } = await bp.updateMessage({ id: message.id, tags: { waId: 'wamid.a', seen: 'true' }, payload: { text: 'erste (bearbeitet)' } });
    expect(edited).toMatchObject({ tags: { waId: 'wamid.a', seen: 'true' }, payload: { text: 'erste (bearbeitet)' } });
    await expect(bp.updateMessage({ id: message.id, payload: { imageUrl: 'x' } })).rejects.toMatchObject({ type: 'InvalidPayload' });

    const listed = await bp.listMessages({ conversationId: conversation.id });
    // The bot answered the customer; newest first.
    expect(listed.messages.map((m) => m.direction)).toEqual(['outgoing', 'incoming']);
    expect((await bp.listMessages({ tags: { waId: 'wamid.a' } })).messages.map((m) => m.id)).toEqual([message.id]);
    const before = (await bp.getConversation({ id: conversation.id })).conversation.messageCount;
    await botpressClient(server.get(), server.get().botpress.tokens.admin).deleteMessage({ id: message.id });
    await expect(bp.getMessage({ id: message.id })).rejects.toMatchObject({ type: 'ResourceNotFound' });
    expect((await bp.getConversation({ id: conversation.id })).conversation.messageCount).toBe(before - 1);
  });

  it('creates events, gets them, and lists them by type, conversation and user', async () => {
    const bp = botpressClient(server.get());
    const { conversation } = await bp.createConversation({ channel: 'channel', integrationName: 'telegram', tags: {} });
    const { user } = await bp.createUser({ tags: { role: 'tester' } });
    const { event } = await bp.createEvent({ type: 'orderTracked', payload: { order: '7731' }, conversationId: conversation.id, userId: user.id });
    // The demo bot has no handler for this type.
    expect(event).toMatchObject({ type: 'orderTracked', payload: { order: '7731' }, conversationId: conversation.id, userId: user.id, status: 'ignored', failureReason: null });
    expect((await bp.getEvent({ id: event.id })).event).toEqual(event);
    await bp.createEvent({ type: 'repairBooked', payload: {} });
    expect((await bp.listEvents({ type: 'orderTracked' })).events.map((e) => e.id)).toEqual([event.id]);
    expect((await bp.listEvents({ conversationId: conversation.id })).events.map((e) => e.id)).toEqual([event.id]);
    expect((await bp.listEvents({ userId: user.id })).events.map((e) => e.id)).toEqual([event.id]);
    expect((await bp.listEvents({})).events.map((e) => e.type).slice(0, 2)).toEqual(['repairBooked', 'orderTracked']);
    await expect(bp.createEvent({ type: 'orderTracked', payload: {}, conversationId: 'conv_missing' })).rejects.toMatchObject({ type: 'ReferenceNotFound', code: 400 });
  });

  it('gets, sets, patches, gets-or-sets and deletes states of conversations, users and the bot', async () => {
    const bp = botpressClient(server.get());
    const { botId } = server.get().botpress;
    const { user } = await bp.createUser({ tags: { agent: 'jonas' } });
    const key = { type: 'user', id: user.id, name: 'deckhandPresence' } as const;
    await expect(bp.getState(key)).rejects.toMatchObject({ type: 'ResourceNotFound' });
    const first = await bp.getOrSetState({ ...key, payload: { online: false, clientTimestamp: '0' } });
    expect(first.state).toMatchObject({ type: 'user', userId: user.id, name: 'deckhandPresence', botId, payload: { online: false, clientTimestamp: '0' } });
    const kept = await bp.getOrSetState({ ...key, payload: { online: true, clientTimestamp: '9' } });
    expect(kept.state.payload).toEqual({ online: false, clientTimestamp: '0' });
    const { state: patched } = await bp.patchState({ ...key, payload: { online: true } });
    expect(patched.payload).toEqual({ online: true, clientTimestamp: '0' });
    const { state: replaced } = await bp.setState({ ...key, payload: { online: true, clientTimestamp: '1700000000000' }, expiry: 60_000 });
    expect(replaced).toMatchObject({ payload: { online: true, clientTimestamp: '1700000000000' }, expiry: 60_000, expiresAt: expect.any(String) });
    expect((await bp.getState(key)).state.payload).toEqual(replaced.payload);
    await bp.setState({ ...key, payload: null });
    await expect(bp.getState(key)).rejects.toMatchObject({ type: 'ResourceNotFound' });

    const { state: botState } = await bp.setState({ type: 'bot', id: botId, name: 'settings', payload: { greeting: 'Hallo' } });
    expect(botState).toMatchObject({ type: 'bot', botId, payload: { greeting: 'Hallo' } });
    await expect(bp.setState({ type: 'conversation', id: 'conv_missing', name: 'hitl', payload: {} })).rejects.toMatchObject({ type: 'ResourceNotFound' });
    await expect(bp.patchState({ type: 'bot', id: botId, name: 'unknown', payload: {} })).rejects.toMatchObject({ type: 'ResourceNotFound' });
  });

  it('calls the actions the bot declares and refuses others', async () => {
    const whatsapp = integration();
    const bp = botpressClient(server.get());
    const { conversation } = await whatsapp.createConversation({ channel: 'channel', tags: { 'whatsapp:id': '+491700000004' } });
    const { user } = await whatsapp.createUser({ tags: { 'whatsapp:id': '+491700000004', language: 'en' }, name: 'Grace Hughes' });
    await whatsapp.createMessage({ conversationId: conversation.id, userId: user.id, type: 'text', payload: { text: 'My router is broken' }, tags: {} });

    const { output } = await bp.callAction({ type: 'startHitl', input: { conversationId: conversation.id, title: 'Router broken' } });
    const desk = (await bp.getConversation({ id: output.conversationId as string })).conversation;
    expect(desk).toMatchObject({ channel: 'hitl', integration: 'deckhand', tags: { upstream: conversation.id, hitlStatus: 'waiting', title: 'Router broken' } });
    // A second start returns the open handover instead of opening another.
    expect((await bp.callAction({ type: 'startHitl', input: { conversationId: conversation.id } })).output).toEqual(output);
    expect((await bp.callAction({ type: 'stopHitl', input: { conversationId: desk.id } })).output).toEqual({});
    expect((await bp.getConversation({ id: desk.id })).conversation.tags.hitlStatus).toBe('stopped');

    await expect(bp.callAction({ type: 'whatsapp:sendTemplate', input: {} })).rejects.toMatchObject({ type: 'InvalidPayload', message: expect.stringContaining('startHitl, stopHitl') });
    await expect(bp.callAction({ type: 'startHitl', input: { conversationId: 'conv_missing' } })).rejects.toMatchObject({ type: 'ReferenceNotFound' });
    await expect(bp.callAction({ type: 'stopHitl', input: {} })).rejects.toMatchObject({ type: 'InvalidPayload' });
  });
});
