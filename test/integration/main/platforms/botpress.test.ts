// The Botpress platform against the real local server (its Botpress part, with the demo bot and
// its seed): identity and discovery, the desk conversations mapped to the domain, message pages,
// replies exactly once, every capability, and the errors a token can meet.
import { describe, expect, it } from 'vitest';
import { BotpressPlatform } from '../../../../src/main/services/platforms/botpress/botpress';
import { discoverBotpress } from '../../../../src/main/services/platforms/botpress/discover';
import { capabilitiesOf } from '../../../../src/main/services/platforms/platform';
import { botpressClient, deskFor, fast, handover } from '../../../support/botpress';
import { failure } from '../../../support/platform-failure';
import { useServer } from '../../../support/server';

const server = useServer({ demo: true });



describe('who the token is, and what it reaches', () => {
  it('discovers the person, their workspace and its bots, without a workspace header', async () => {
    const s = server.get();
    expect(await discoverBotpress({ apiUrl: s.url, token: s.botpress.tokens.agent })).toEqual({
      agent: { id: s.botpress.accounts.find((a) => a.displayName === 'Jonas Weber')!.id, name: 'Jonas Weber' },
      workspaces: [{ id: s.botpress.workspaceId, name: 'Funkhaus Elektronik', chatbots: [{ id: s.botpress.botId, name: 'Funkhaus Assistent' }] }],
    });
  });

  it('refuses a bot token for a desk, and names an unknown token', async () => {
    const s = server.get();
    expect(await failure(discoverBotpress({ apiUrl: s.url, token: s.botpress.tokens.bot }))).toMatchObject({ code: 'Forbidden', message: /personal access token/ });
    expect(await failure(discoverBotpress({ apiUrl: s.url, token: 'bp_pat_wrongwrongwrong' }))).toMatchObject({ code: 'Unauthorized' });
    expect(await failure(discoverBotpress({ apiUrl: 'http://127.0.0.1:9', token: 'bp_pat_x', retries: 0 }))).toMatchObject({ code: 'Network' });
  });

  it('tells who the agent is, names the workspace, and makes their Botpress user once, found again by tag', async () => {
    const s = server.get();
    const desk = deskFor(s);
    const identity = await desk.identity([s.botpress.botId]);
    expect(identity).toMatchObject({ agent: { name: 'Jonas Weber' }, label: 'Funkhaus Elektronik', chatbots: [{ id: s.botpress.botId, name: 'Funkhaus Assistent', lacking: [] }] });
    expect(identity.chatbots[0]!.abilities.sort()).toEqual(['assign', 'botHealth', 'customEvent', 'customEvent.payload', 'handBack', 'presence']);
    expect(capabilitiesOf(desk).sort()).toEqual(['assignment', 'botHealth', 'customEvent', 'handBack', 'presence']);
    // The seeded user is the agent's (found by deckhandAgent), not a second one.
    const bp = botpressClient(s);
    const agents = (await bp.listUsers({ tags: { deckhandAgent: identity.agent.id } })).users;
    expect(agents).toHaveLength(1);
    await deskFor(s).identity([s.botpress.botId]);
    expect((await bp.listUsers({ tags: { deckhandAgent: identity.agent.id } })).users).toHaveLength(1);
    expect(await failure(desk.identity(['6c0f4e1a-0000-0000-0000-000000000000']))).toMatchObject({ code: 'Forbidden', message: /6c0f4e1a-0000/ });
  });
});

describe('the desk conversations', () => {
  it('lists every handover with its customer, channel and status, and then only what changed', async () => {
    const s = server.get();
    const desk = deskFor(s);
    const { botId } = s.botpress;
    const first = await desk.changes(botId, null);
    const onServer = await botpressClient(s).list.conversations({ channel: 'hitl' }).collect();
    expect(first.conversations.map((c) => c.id).sort()).toEqual(onServer.map((c) => c.id).sort());
    expect(first.cursor).toBe(onServer.map((c) => c.updatedAt).sort().at(-1));
    const statuses = new Set(first.conversations.map((c) => c.status));
    expect([...statuses].sort()).toEqual(['assigned', 'bot', 'waiting']);

    // One checked against what the server says about its customer.
    const sample = first.conversations.find((c) => c.status === 'waiting')!;
    const deskConversation = onServer.find((c) => c.id === sample.id)!;
    const upstream = (await botpressClient(s).getConversation({ id: deskConversation.tags.upstream! })).conversation;
    const [customer] = (await botpressClient(s).listUsers({ conversationId: upstream.id })).users;
    expect(sample).toMatchObject({ chatbotId: botId, contactId: customer!.id, contactName: customer!.name, channelId: upstream.integration, archived: false, assignedAgentId: null });
    expect(sample.unreadCount).toBeGreaterThan(0);
    expect(sample.lastMessage?.sender).toBe('contact');

    expect(await desk.changes(botId, first.cursor)).toEqual({ conversations: [], removed: [], cursor: first.cursor });
    const fresh = await handover(s, 'Petra Lang');
    await fresh.write('Ist da jemand?');
    const next = await desk.changes(botId, first.cursor);
    expect(next.conversations.map((c) => c.id)).toEqual([fresh.desk]);
    expect(next.conversations[0]).toMatchObject({ contactName: 'Petra Lang', channelId: 'whatsapp', channelName: 'WhatsApp', status: 'waiting', unreadCount: 3 });
    expect(next.conversations[0]!.lastMessage).toMatchObject({ sender: 'contact', type: 'text', payload: { text: 'Ist da jemand?' } });
  });

  it('pages messages oldest first with the client nextToken as cursor, each sender as Deckhand knows it', async () => {
    const s = server.get();
    const desk = deskFor(s);
    const { botId } = s.botpress;
    const fresh = await handover(s, 'Olaf Krüger');
    for (let i = 1; i <= 5; i++) await fresh.write(`Nachricht ${i}`);
    const everything = (await botpressClient(s).list.messages({ conversationId: fresh.desk }).collect()).reverse();
    const seen: string[] = [];
    let page = await desk.messages(botId, fresh.desk, { limit: 3 });
    seen.unshift(...page.messages.map((m) => m.id));
    while (page.older !== null) {
      page = await desk.messages(botId, fresh.desk, { limit: 3, cursor: page.older });
      seen.unshift(...page.messages.map((m) => m.id));
    }
    expect(seen).toEqual(everything.map((m) => m.id));
    const all = (await desk.messages(botId, fresh.desk, { limit: 50 })).messages;
    expect(all.map((m) => m.sender)).toEqual(everything.map((m) => (typeof m.payload.userId === 'string' ? 'contact' : 'bot')));
    expect(all.find((m) => m.type === 'card')?.sender).toBe('bot');
  });

  it('answers NotFound for a conversation that is no handover', async () => {
    const s = server.get();
    const fresh = await handover(s, 'Nina Roth');
    expect(await failure(deskFor(s).conversation(s.botpress.botId, fresh.conversation.id))).toMatchObject({ code: 'NotFound' });
    expect(await failure(deskFor(s).conversation(s.botpress.botId, 'conv_gone'))).toMatchObject({ code: 'NotFound' });
  });
});

describe('the agent at work', () => {
  it('takes a handover, replies once per clientMessageId (relayed to the customer), and hands it back', async () => {
    const s = server.get();
    const desk = deskFor(s);
    const { botId } = s.botpress;
    const agent = (await desk.identity([botId])).agent;
    const fresh = await handover(s, 'Karl Brandt');
    const customerTexts = async () => (await botpressClient(s).listMessages({ conversationId: fresh.conversation.id })).messages.map((m) => m.payload.text);

    const taken = await desk.assignment.assign(botId, fresh.desk, agent.id);
    expect(taken).toMatchObject({ id: fresh.desk, status: 'assigned', assignedAgentId: agent.id });
    expect((await customerTexts())[0]).toBe('Jonas Weber aus dem Service-Team ist jetzt für dich da.');

    const input = { conversationId: fresh.desk, text: 'Hallo Karl, ich schaue nach.', clientMessageId: 'cm-karl-1' };
    const reply = await desk.reply(botId, input);
    expect(reply).toMatchObject({ sender: 'agent', agentId: agent.id, clientMessageId: 'cm-karl-1', type: 'text', payload: { text: input.text } });
    expect((await desk.reply(botId, input)).id).toBe(reply.id);
    expect((await customerTexts()).filter((t) => t === input.text)).toHaveLength(1);
    // An answer owes nothing until the customer writes again.
    expect((await desk.conversation(botId, fresh.desk)).unreadCount).toBe(0);
    await fresh.write('Danke!');
    expect((await desk.conversation(botId, fresh.desk)).unreadCount).toBe(1);

    const handedBack = await desk.handBack.handBack(botId, fresh.desk);
    expect(handedBack).toMatchObject({ status: 'bot', assignedAgentId: null, unreadCount: 0 });
    expect((await customerTexts())[0]).toMatch(/Ich bin wieder für dich da/);
    // The bot answers the customer itself again.
    await fresh.write('Wo ist die nächste Filiale?');
    expect((await botpressClient(s).listMessages({ conversationId: fresh.conversation.id })).messages[0]).toMatchObject({ direction: 'outgoing', type: 'location' });
    // Taking a handover that is over is refused, not silently ignored.
    expect(await failure(desk.assignment.assign(botId, fresh.desk, agent.id))).toMatchObject({ code: 'Invalid', message: /no longer active/ });
  });

  it('takes a waiting handover when the agent answers it, before the answer reaches the customer', async () => {
    const s = server.get();
    const desk = deskFor(s);
    const { botId } = s.botpress;
    const agent = (await desk.identity([botId])).agent;
    const fresh = await handover(s, 'Lea Hahn');
    await desk.reply(botId, { conversationId: fresh.desk, text: 'Ich helfe gern.', clientMessageId: 'cm-lea' });
    expect(await desk.conversation(botId, fresh.desk)).toMatchObject({ status: 'assigned', assignedAgentId: agent.id });
    const customerTexts = (await botpressClient(s).listMessages({ conversationId: fresh.conversation.id })).messages.map((m) => m.payload.text);
    expect(customerTexts.slice(0, 2)).toEqual(['Ich helfe gern.', 'Jonas Weber aus dem Service-Team ist jetzt für dich da.']);
    // A retry finds the message and takes nothing twice.
    await desk.reply(botId, { conversationId: fresh.desk, text: 'Ich helfe gern.', clientMessageId: 'cm-lea' });
    expect((await botpressClient(s).listEvents({ type: 'hitlAssigned' })).events.filter((e) => e.payload.conversationId === fresh.desk)).toHaveLength(1);
  });

  it('sends a custom event to the customer conversation, and a type the bot cannot take is Invalid', async () => {
    const s = server.get();
    const desk = deskFor(s);
    const fresh = await handover(s, 'Eva Sommer');
    const conversation = await desk.customEvent.trigger(s.botpress.botId, fresh.desk, 'orderChecked');
    expect(conversation.id).toBe(fresh.desk);
    const events = (await botpressClient(s).listEvents({ conversationId: fresh.conversation.id, type: 'orderChecked' })).events;
    expect(events).toHaveLength(1);
    expect(events[0]!.payload).toEqual({ deskConversationId: fresh.desk });
    // With the agent's data for the flow (which desk conversation sent it is still said).
    await desk.customEvent.trigger(s.botpress.botId, fresh.desk, 'refundIssued', { amount: 19.99, deskConversationId: 'spoofed' });
    const refunds = (await botpressClient(s).listEvents({ conversationId: fresh.conversation.id, type: 'refundIssued' })).events;
    expect(refunds.map((e) => e.payload)).toEqual([{ amount: 19.99, deskConversationId: fresh.desk }]);
    expect(await failure(desk.customEvent.trigger(s.botpress.botId, fresh.desk, 'not a type!'))).toMatchObject({ code: 'Invalid' });
  });

  it("reads the bot's health: analytics per day, open issues, logs with a filter", async () => {
    const s = server.get();
    const desk = deskFor(s);
    const today = new Date().toISOString().slice(0, 10);
    const weekAgo = new Date(Date.now() - 6 * 86_400_000).toISOString().slice(0, 10);
    const days = await desk.botHealth.analytics(s.botpress.botId, { from: weekAgo, to: today });
    expect(days.map((d) => d.day)).toHaveLength(7);
    expect(days[0]!.day).toBe(weekAgo);
    expect(days.at(-1)!.day).toBe(today);
    const records = (await botpressClient(s).getBotAnalytics({ id: s.botpress.botId, startDate: `${weekAgo}T00:00:00.000Z`, endDate: `${today}T23:59:59.999Z` })).records;
    expect(days.reduce((n, d) => n + d.userMessages, 0)).toBe(records.reduce((n, r) => n + r.userMessages, 0));

    const issues = await desk.botHealth.issues(s.botpress.botId);
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.map((i) => i.lastSeen)).toEqual([...issues.map((i) => i.lastSeen)].sort().reverse());

    const since = new Date(Date.now() - 30 * 86_400_000).toISOString();
    const errors = await desk.botHealth.logs(s.botpress.botId, { since, level: 'error' });
    expect(errors.logs.length).toBeGreaterThan(0);
    expect(errors.logs.every((l) => l.level === 'error')).toBe(true);
    const hitl = await desk.botHealth.logs(s.botpress.botId, { since, search: 'HITL' });
    expect(hitl.logs.every((l) => /hitl/i.test(l.message))).toBe(true);
    if (hitl.next !== null) {
      const more = await desk.botHealth.logs(s.botpress.botId, { since, search: 'HITL' }, hitl.next);
      expect(more.logs[0]!.timestamp <= hitl.logs.at(-1)!.timestamp).toBe(true);
    }
  });

  it('needs a workspace for bot health, and says so', async () => {
    const s = server.get();
    const desk = new BotpressPlatform({ apiUrl: s.url, token: s.botpress.tokens.agent, deviceId: 'x', client: fast });
    expect(await failure(desk.botHealth.issues(s.botpress.botId))).toMatchObject({ code: 'Invalid', message: /workspace/ });
  });
});
