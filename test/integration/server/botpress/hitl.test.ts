// The handover end to end, as a desk (Deckhand, with the agent token and nothing else) and a
// channel integration (the customer's side) see it: the customer asks for a person, the desk
// finds the hitl conversation by polling, takes it, replies exactly once however often it
// retries, the bot relays both ways, and hitlStopped gives the customer back to the bot.
import { describe, expect, it } from 'vitest';
import { useServer } from '../../../support/server';
import { botpressClient, customerConversation, integrationClient } from '../../../support/botpress';

const texts = (messages: { payload: Record<string, unknown> }[]) => messages.map((m) => m.payload.text);


describe('handover to the desk (hitl)', () => {
  const server = useServer();

  it('escalates, relays the agent to the customer exactly once, and gives the customer back to the bot', async () => {
    const desk = botpressClient(server.get());
    const customer = await customerConversation(integrationClient(server.get(), 'intver_whatsapp'), '+4915100004711', 'de');
    const inCustomer = async () => (await desk.listMessages({ conversationId: customer.conversation.id })).messages;

    await customer.write('Hallo, wo ist meine Bestellung #4711?');
    expect((await inCustomer())[0]).toMatchObject({ direction: 'outgoing', type: 'card', payload: { title: 'Bestellung #4711' } });

    await customer.write('Ich möchte bitte mit einem Mitarbeiter sprechen.');
    expect(texts(await inCustomer())[0]).toMatch(/Ich verbinde dich mit unserem Service-Team/);
    const waiting = await desk.listConversations({ channel: 'hitl', tags: { hitlStatus: 'waiting' } });
    expect(waiting.conversations).toHaveLength(1);
    const hitl = waiting.conversations[0]!;
    expect(hitl).toMatchObject({ integration: 'deckhand', tags: { upstream: customer.conversation.id, title: 'Tim Becker möchte mit dem Service-Team sprechen' } });
    expect((await desk.getConversation({ id: customer.conversation.id })).conversation.tags.downstream).toBe(hitl.id);

    // The desk sees the conversation so far, the customer's side on behalf of their stand-in.
    const history = (await desk.listMessages({ conversationId: hitl.id })).messages.reverse();
    expect(history.map((m) => m.type)).toEqual(['text', 'card', 'text']);
    expect(history.every((m) => m.direction === 'outgoing')).toBe(true);
    const standInId = history[0]!.payload.userId as string;
    expect((await desk.getUser({ id: standInId })).user).toMatchObject({ name: 'Tim Becker', tags: { upstream: customer.user.id } });

    // While it waits, the customer's messages go to the desk, and the bot keeps quiet.
    await customer.write('Hallo? Jemand da?');
    expect(texts((await desk.listMessages({ conversationId: hitl.id })).messages)[0]).toBe('Hallo? Jemand da?');
    expect(texts(await inCustomer())[0]).toBe('Hallo? Jemand da?');

    // The agent takes it, as their own Botpress user found again by tag.
    const { account } = await desk.getAccount({});
    const agentTags = { deckhandAgent: account.id };
    const { user: agent } = await desk.getOrCreateUser({ tags: agentTags, name: account.displayName!, discriminateByTags: ['deckhandAgent'] });
    expect((await desk.getOrCreateUser({ tags: agentTags, discriminateByTags: ['deckhandAgent'] })).user.id).toBe(agent.id);
    const { event: assigned } = await desk.createEvent({ type: 'hitlAssigned', payload: { conversationId: hitl.id, userId: agent.id } });
    expect(assigned.status).toBe('processed');
    expect(texts(await inCustomer())[0]).toBe('Jonas Weber aus dem Service-Team ist jetzt für dich da.');
    expect((await desk.getConversation({ id: hitl.id })).conversation.tags).toMatchObject({ hitlStatus: 'assigned', humanAgentId: agent.id, humanAgentName: 'Jonas Weber' });

    // A reply with its clientMessageId is stored and relayed once, however often it is retried.
    const reply = { conversationId: hitl.id, userId: agent.id, type: 'text', payload: { text: 'Hallo Tim, ich schaue nach deiner Bestellung.' }, tags: { clientMessageId: 'cm-1' }, discriminateByTags: ['clientMessageId'] };
    const first = await desk.getOrCreateMessage(reply);
    const retry = await desk.getOrCreateMessage(reply);
    expect([first.meta.created, retry.meta.created, retry.message.id]).toEqual([true, false, first.message.id]);
    expect(first.message.direction).toBe('incoming');
    const relayed = (await inCustomer()).filter((m) => m.tags.relayOf === first.message.id);
    expect(relayed).toHaveLength(1);
    expect(relayed[0]).toMatchObject({ direction: 'outgoing', payload: { text: 'Hallo Tim, ich schaue nach deiner Bestellung.' } });
    await desk.createMessage({ conversationId: hitl.id, userId: agent.id, type: 'image', payload: { imageUrl: 'https://cdn.example.de/label.png' }, tags: {} });
    expect((await inCustomer())[0]).toMatchObject({ type: 'image', payload: { imageUrl: 'https://cdn.example.de/label.png' } });

    // hitlStopped hands the customer back; the bot answers again and nothing goes to the desk.
    const { event: stopped } = await desk.createEvent({ type: 'hitlStopped', payload: { conversationId: hitl.id } });
    expect(stopped.status).toBe('processed');
    expect(texts(await inCustomer())[0]).toMatch(/Das Service-Team hat das Gespräch beendet/);
    expect((await desk.getConversation({ id: hitl.id })).conversation.tags.hitlStatus).toBe('stopped');
    expect((await desk.getState({ type: 'conversation', id: customer.conversation.id, name: 'hitl' })).state.payload).toEqual({ hitlActive: false });
    const deskBefore = (await desk.listMessages({ conversationId: hitl.id })).messages.length;
    await customer.write('Danke!');
    expect((await inCustomer())[0]).toMatchObject({ direction: 'outgoing', payload: { text: 'Gern geschehen! Schönen Tag noch 🔌' } });
    await desk.createMessage({ conversationId: hitl.id, userId: agent.id, type: 'text', payload: { text: 'Noch etwas?' }, tags: {} });
    expect(texts(await inCustomer())).not.toContain('Noch etwas?');
    expect((await desk.listMessages({ conversationId: hitl.id })).messages).toHaveLength(deskBefore + 1);
    expect((await desk.createEvent({ type: 'hitlStopped', payload: { conversationId: hitl.id } })).event.status).toBe('ignored');
  });

  it('lets the customer end the handover with /end, and a later request opens a new one', async () => {
    const desk = botpressClient(server.get());
    const customer = await customerConversation(integrationClient(server.get(), 'intver_whatsapp'), '+447700900123', 'en');
    await customer.write('I need a human agent.');
    const first = (await desk.listConversations({ channel: 'hitl', tags: { upstream: customer.conversation.id } })).conversations;
    expect(first).toHaveLength(1);
    await customer.write('/end');
    expect(texts((await desk.listMessages({ conversationId: first[0]!.id })).messages)[0]).toBe('The customer ended the chat with /end.');
    expect(texts((await desk.listMessages({ conversationId: customer.conversation.id })).messages)[0]).toMatch(/ended the chat with the team/);
    await customer.write('Please put me through to a real person.');
    const both = (await desk.listConversations({ channel: 'hitl', tags: { upstream: customer.conversation.id } })).conversations;
    expect(both.map((c) => c.tags.hitlStatus)).toEqual(['waiting', 'stopped']);
  });

  it('tells the customer when the desk conversation of their handover is gone, and lets them ask again', async () => {
    const desk = botpressClient(server.get());
    const customer = await customerConversation(integrationClient(server.get(), 'intver_whatsapp'), '+4915100000077', 'de');
    await customer.write('Mitarbeiter bitte');
    const gone = (await desk.listConversations({ channel: 'hitl', tags: { upstream: customer.conversation.id } })).conversations[0]!;
    await botpressClient(server.get(), server.get().botpress.tokens.admin).deleteConversation({ id: gone.id });
    await customer.write('Hallo?');
    expect(texts((await desk.listMessages({ conversationId: customer.conversation.id })).messages)[0]).toMatch(/nicht mit dem Team verbunden/);
    expect((await desk.getState({ type: 'conversation', id: customer.conversation.id, name: 'hitl' })).state.payload).toEqual({ hitlActive: false });
    await customer.write('Mitarbeiter bitte');
    const again = (await desk.listConversations({ channel: 'hitl', tags: { upstream: customer.conversation.id } })).conversations;
    expect(again.map((c) => [c.tags.hitlStatus, c.id === gone.id])).toEqual([['waiting', false]]);
  });

  it('refuses hitl events that name no desk conversation or no user', async () => {
    const desk = botpressClient(server.get());
    const customer = await customerConversation(integrationClient(server.get(), 'intver_whatsapp'), '+4915100000009', 'de');
    await expect(desk.createEvent({ type: 'hitlStopped', payload: { conversationId: customer.conversation.id } })).rejects.toMatchObject({ type: 'ReferenceNotFound' });
    await customer.write('Mitarbeiter bitte');
    const hitl = (await desk.listConversations({ channel: 'hitl', tags: { upstream: customer.conversation.id } })).conversations[0]!;
    await expect(desk.createEvent({ type: 'hitlAssigned', payload: { conversationId: hitl.id, userId: 'user_nobody' } })).rejects.toMatchObject({ type: 'ReferenceNotFound' });
  });

  it("keeps an agent's presence in a user state of their Botpress user", async () => {
    const desk = botpressClient(server.get());
    const { account } = await desk.getAccount({});
    const { user } = await desk.getOrCreateUser({ tags: { deckhandAgent: account.id }, name: account.displayName!, discriminateByTags: ['deckhandAgent'] });
    const key = { type: 'user', id: user.id, name: 'deckhandPresence' } as const;
    await desk.setState({ ...key, payload: { online: true, clientTimestamp: '1700000000001', lastSeen: null } });
    expect((await desk.getState(key)).state).toMatchObject({ userId: user.id, payload: { online: true, clientTimestamp: '1700000000001' } });
  });
});
