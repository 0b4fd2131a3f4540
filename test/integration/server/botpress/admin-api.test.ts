// /v1/admin through @botpress/client: the account behind a token and its workspaces, the workspace's bots, and a
// bot's health (analytics per day, issues and their events, logs), with what live traffic adds.
import { Client } from '@botpress/client';
import { describe, expect, it } from 'vitest';
import { useServer } from '../../../support/server';
import { botpressClient, integrationClient } from '../../../support/botpress';

const DAY = 86_400_000;

describe('Botpress admin API through @botpress/client', () => {
  const server = useServer({ demo: true });

  it("answers the token's account, and only for personal access tokens", async () => {
    const s = server.get();
    expect((await botpressClient(s).getAccount({})).account).toEqual({
      id: expect.any(String),
      email: 'jonas@example.de',
      displayName: 'Jonas Weber',
      emailVerified: true,
      createdAt: expect.any(String),
    });
    expect((await botpressClient(s, s.botpress.tokens.admin).getAccount({})).account.email).toBe('lena@example.de');
    await expect(botpressClient(s, s.botpress.tokens.bot).getAccount({})).rejects.toMatchObject({ type: 'Forbidden' });
  });

  it('answers who a token is and its workspaces without a workspace header, as a desk finds its workspace', async () => {
    const s = server.get();
    const bare = new Client({ apiUrl: s.url, token: s.botpress.tokens.agent });
    expect((await bare.getAccount({})).account.displayName).toBe('Jonas Weber');
    expect(await bare.list.workspaces({}).collect()).toEqual([
      expect.objectContaining({ id: s.botpress.workspaceId, name: 'Funkhaus Elektronik', botCount: 1, ownerId: s.botpress.accounts.find((a) => a.displayName === 'Lena Hoffmann')!.id }),
    ]);
    // Everything about a workspace still needs its header.
    await expect(bare.listBots({})).rejects.toMatchObject({ type: 'InvalidPayload', message: expect.stringContaining('x-workspace-id') });
    // A workspace header that is not the token's is refused there too.
    const elsewhere = new Client({ apiUrl: s.url, token: s.botpress.tokens.agent, workspaceId: 'wkspace_other' });
    await expect(elsewhere.listWorkspaces({})).rejects.toMatchObject({ type: 'Forbidden' });
    await expect(new Client({ apiUrl: s.url, token: 'bp_pat_unknown_token' }).listWorkspaces({})).rejects.toMatchObject({ type: 'Unauthorized' });
  });

  it('lists the bots of the workspace and describes one', async () => {
    const s = server.get();
    const bp = botpressClient(s);
    const { bots, meta } = await bp.listBots({});
    expect(bots).toEqual([{ id: s.botpress.botId, name: 'Funkhaus Assistent', createdAt: expect.any(String), updatedAt: expect.any(String), deployedAt: expect.any(String), tags: {}, type: 'studio' }]);
    expect(meta).toEqual({});
    expect(await bp.list.bots({}).collect()).toHaveLength(1);
    const { bot } = await bp.getBot({ id: s.botpress.botId });
    expect(Object.values(bot.integrations).map((i) => i.name)).toEqual(['whatsapp', 'webchat', 'instagram', 'telegram', 'gmail', 'deckhand']);
    expect(Object.keys(bot.actions)).toEqual(['startHitl', 'stopHitl']);
    expect(Object.keys(bot.events)).toEqual(['hitlAssigned', 'hitlStopped']);
    expect(bot.states).toMatchObject({ hitl: { type: 'conversation' }, deckhandPresence: { type: 'user' } });
    expect(bot).toMatchObject({ status: 'active', dev: false, plugins: { hitl: { enabled: true } } });
    await expect(bp.getBot({ id: 'bot-of-someone-else' })).rejects.toMatchObject({ type: 'ResourceNotFound' });
  });

  it('answers analytics per day with every field, and counts live traffic on today', async () => {
    const s = server.get();
    const bp = botpressClient(s);
    const now = Date.now();
    const range = { id: s.botpress.botId, startDate: new Date(now - 29 * DAY).toISOString(), endDate: new Date(now).toISOString() };
    const { records } = await bp.getBotAnalytics(range);
    expect(records).toHaveLength(30);
    for (const record of records) {
      expect(Date.parse(record.endDateTimeUtc) - Date.parse(record.startDateTimeUtc)).toBe(DAY);
      expect(record.sessions).toBeGreaterThan(0);
      expect(record.messages).toBe(record.userMessages);
      expect(record.llm.calls).toBeGreaterThan(0);
      expect(Object.keys(record)).toEqual(
        expect.arrayContaining(['returningUsers', 'newUsers', 'sessions', 'messages', 'userMessages', 'botMessages', 'events', 'eventTypes', 'customEvents', 'llm']),
      );
      expect(Object.keys(record.llm)).toEqual(['calls', 'errors', 'inputTokens', 'outputTokens', 'latency', 'tokensPerSecond', 'cost']);
    }
    const today = records[records.length - 1]!;

    const whatsapp = integrationClient(s, 'intver_whatsapp');
    const { user } = await whatsapp.createUser({ tags: { 'whatsapp:id': '+4915100000001' } });
    const { conversation } = await whatsapp.createConversation({ channel: 'channel', tags: { 'whatsapp:id': '+4915100000001' } });
    await whatsapp.createMessage({ conversationId: conversation.id, userId: user.id, type: 'text', payload: { text: 'Wo ist die nächste Filiale?' }, tags: {} });
    await bp.createEvent({ type: 'orderTracked', payload: {}, conversationId: conversation.id });
    // A customer from days ago writes again: a returning user, counted once a day.
    const old = (await bp.list.conversations({ channel: 'channel', sortField: 'updatedAt', sortDirection: 'asc' }).collect())[0]!;
    const [regular] = (await bp.listUsers({ conversationId: old.id })).users.filter((u) => !u.tags.deckhandAgent);
    const admin = botpressClient(s, s.botpress.tokens.admin);
    for (const text of ['Ich bin wieder da.', 'Noch eine Frage.']) {
      await admin.createMessage({ conversationId: old.id, userId: regular!.id, type: 'text', payload: { text }, tags: {} });
    }
    const after = (await bp.getBotAnalytics(range)).records.at(-1)!;
    expect({
      returningUsers: after.returningUsers - today.returningUsers,
      newUsers: after.newUsers - today.newUsers,
      sessions: after.sessions - today.sessions,
      userMessages: after.userMessages - today.userMessages,
      botMessages: after.botMessages - today.botMessages,
      events: after.events - today.events,
      orderTracked: (after.eventTypes.orderTracked ?? 0) - (today.eventTypes.orderTracked ?? 0),
    }).toEqual({ returningUsers: 1, newUsers: 1, sessions: 1, userMessages: 3, botMessages: 3, events: 1, orderTracked: 1 });

    await expect(bp.getBotAnalytics({ ...range, startDate: range.endDate, endDate: range.startDate })).rejects.toMatchObject({ type: 'InvalidQuery' });
    await expect(bp.getBotAnalytics({ ...range, startDate: new Date(now - 400 * DAY).toISOString() })).rejects.toMatchObject({ type: 'InvalidQuery' });
  });

  it('lists open issues with their events; only an admin deletes one', async () => {
    const s = server.get();
    const bp = botpressClient(s);
    const { issues } = await bp.listBotIssues({ id: s.botpress.botId });
    expect(issues.length).toBeGreaterThanOrEqual(3);
    const whatsapp = issues.find((i) => i.code === 'integration_whatsapp_send_failed')!;
    expect(whatsapp).toMatchObject({ category: 'other', eventsCount: 4, groupedData: { integration: { raw: 'whatsapp' } }, resolutionLink: expect.stringMatching(/^https:/) });
    const { issueEvents } = await bp.listBotIssueEvents({ id: s.botpress.botId, issueId: whatsapp.id });
    expect(issueEvents).toHaveLength(4);
    expect(issueEvents.map((e) => e.createdAt)).toEqual([...issueEvents.map((e) => e.createdAt)].sort().reverse());

    await expect(bp.deleteBotIssue({ id: s.botpress.botId, issueId: whatsapp.id })).rejects.toMatchObject({ type: 'Forbidden' });
    await botpressClient(s, s.botpress.tokens.admin).deleteBotIssue({ id: s.botpress.botId, issueId: whatsapp.id });
    expect((await bp.listBotIssues({ id: s.botpress.botId })).issues.map((i) => i.id)).not.toContain(whatsapp.id);
    await expect(bp.listBotIssueEvents({ id: s.botpress.botId, issueId: whatsapp.id })).rejects.toMatchObject({ type: 'ResourceNotFound' });
  });

  it('answers logs in a time window, filtered, newest first, page after page', async () => {
    const s = server.get();
    const bp = botpressClient(s);
    const timeStart = new Date(Date.now() - 14 * DAY).toISOString();
    const first = await bp.getBotLogs({ id: s.botpress.botId, timeStart });
    expect(first.logs).toHaveLength(100);
    expect(first.nextToken).toEqual(expect.any(String));
    const second = await bp.getBotLogs({ id: s.botpress.botId, timeStart, nextToken: first.nextToken });
    expect(second.logs[0]!.timestamp <= first.logs[99]!.timestamp).toBe(true);
    const errors = await bp.getBotLogs({ id: s.botpress.botId, timeStart, level: 'error' });
    expect(errors.logs.length).toBeGreaterThan(0);
    expect(errors.logs.every((l) => l.level === 'error')).toBe(true);
    const gmail = await bp.getBotLogs({ id: s.botpress.botId, timeStart, messageContains: 'GMAIL' });
    expect(gmail.logs.map((l) => l.message)).toEqual(Array(gmail.logs.length).fill('gmail: token refresh failed: invalid_grant'));
    const { conversationId } = first.logs.find((l) => l.conversationId)!;
    const one = await bp.getBotLogs({ id: s.botpress.botId, timeStart, conversationId });
    expect(one.logs.every((l) => l.conversationId === conversationId)).toBe(true);
    expect((await bp.getBotLogs({ id: s.botpress.botId, timeStart: new Date(Date.now() + DAY).toISOString() })).logs).toEqual([]);
  });
});
