// The demo bot as the app's demo workspace will show it: German and English customers on
// several channels, every message kind (all valid by the doc's schemas), handovers in every
// state linked both ways; data kept across a restart; and the simulator's live traffic,
// answered and escalated by the bot.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from '../../../../src/server/app';
import { payloadSchemas, type MessageType } from '../../../../src/server/botpress/payloads';
import { testSecret, useServer } from '../../../support/server';
import { until } from '../../../support/until';
import { botpressClient } from '../../../support/botpress';

describe('the demo bot', () => {
  const server = useServer({ demo: true });

  it('has 60+ customer conversations in German and English over several channels, with every message kind', async () => {
    const bp = botpressClient(server.get());
    const conversations = await bp.list.conversations({ channel: 'channel' }).collect();
    expect(conversations.length).toBeGreaterThanOrEqual(60);
    expect(new Set(conversations.map((c) => c.integration)).size).toBeGreaterThanOrEqual(4);
    const users = await bp.list.users({}).collect();
    const languages = users.map((u) => u.tags.language).filter(Boolean);
    expect(languages.filter((l) => l === 'de').length).toBeGreaterThanOrEqual(20);
    expect(languages.filter((l) => l === 'en').length).toBeGreaterThanOrEqual(15);

    const messages = await bp.list.messages({}).collect();
    expect(new Set(messages.map((m) => m.type))).toEqual(new Set(Object.keys(payloadSchemas)));
    for (const message of messages) {
      expect(payloadSchemas[message.type as MessageType].safeParse(message.payload).success, JSON.stringify(message.payload)).toBe(true);
    }
    // Demo media is served by the same server.
    const pdf = messages.find((m) => m.type === 'file' && String(m.payload.fileUrl).endsWith('funkhaus-invoice-7731.pdf'))!;
    const response = await fetch(pdf.payload.fileUrl as string);
    expect([response.status, response.headers.get('content-type')]).toEqual([200, 'application/pdf']);
  });

  it('has 15+ handovers, waiting, assigned and handed back, each linked to its customer conversation', async () => {
    const bp = botpressClient(server.get());
    const desk = await bp.list.conversations({ channel: 'hitl' }).collect();
    expect(desk.length).toBeGreaterThanOrEqual(15);
    const byStatus = (status: string) => desk.filter((c) => c.tags.hitlStatus === status);
    for (const status of ['waiting', 'assigned', 'stopped']) expect(byStatus(status).length, status).toBeGreaterThanOrEqual(3);
    for (const hitl of desk) {
      const customer = (await bp.getConversation({ id: hitl.tags.upstream! })).conversation;
      expect(customer.tags.downstream).toBe(hitl.id);
      const active = hitl.tags.hitlStatus !== 'stopped';
      expect((await bp.getState({ type: 'conversation', id: hitl.id, name: 'hitl' })).state.payload).toEqual({ hitlActive: active });
      expect((await bp.getState({ type: 'conversation', id: customer.id, name: 'hitl' })).state.payload).toEqual({ hitlActive: active });
    }
    for (const hitl of byStatus('assigned')) {
      const agent = (await bp.getUser({ id: hitl.tags.humanAgentId! })).user;
      expect(agent.tags.deckhandAgent).toEqual(expect.stringMatching(/^user_/));
    }
    const agents = await bp.list.users({}).collect();
    const desks = agents.filter((u) => u.tags.deckhandAgent);
    expect(desks.map((u) => u.name).sort()).toEqual(['Jonas Weber', 'Lena Hoffmann', 'Mia Schneider', 'Sam Taylor']);
    const presence = await bp.getState({ type: 'user', id: desks[0]!.id, name: 'deckhandPresence' });
    expect(presence.state.payload).toEqual({ online: expect.any(Boolean), clientTimestamp: expect.stringMatching(/^\d+$/), lastSeen: expect.any(String) });
    // Online as in the ChatCaptain demo: the owner (whose desk the app's demo opens) offline, two colleagues online.
    const online = async (name: string) => (await bp.getState({ type: 'user', id: desks.find((u) => u.name === name)!.id, name: 'deckhandPresence' })).state.payload.online;
    expect(await Promise.all(['Lena Hoffmann', 'Jonas Weber', 'Mia Schneider', 'Sam Taylor'].map(online))).toEqual([false, true, true, false]);
  });
});

describe('the Botpress data across a restart', () => {
  const dir = mkdtempSync(join(tmpdir(), 'deckhand-botpress-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps users, conversations, messages, states and the tokens', async () => {
    const db = join(dir, 'local.db');
    const first = await startServer({ db, demo: true, secret: testSecret });
    const bp = botpressClient(first);
    const { conversation } = await bp.createConversation({ channel: 'channel', integrationName: 'webchat', tags: { kept: 'yes' } });
    const { user } = await bp.createUser({ tags: { kept: 'yes' }, name: 'Ole Petersen' });
    const { message } = await bp.createMessage({ conversationId: conversation.id, userId: user.id, type: 'text', payload: { text: 'Bin ich noch da?' }, tags: {} });
    await bp.setState({ type: 'conversation', id: conversation.id, name: 'note', payload: { kept: true } });
    const count = (await bp.list.conversations({}).collect()).length;
    const tokens = first.botpress.tokens;
    await first.close();

    const second = await startServer({ db, demo: true, secret: testSecret });
    try {
      expect(second.botpress.tokens).toEqual(tokens);
      const again = botpressClient(second);
      expect((await again.getMessage({ id: message.id })).message.payload).toEqual({ text: 'Bin ich noch da?' });
      expect((await again.getUser({ id: user.id })).user.name).toBe('Ole Petersen');
      expect((await again.getState({ type: 'conversation', id: conversation.id, name: 'note' })).state.payload).toEqual({ kept: true });
      // The demo is seeded once: a restart adds nothing.
      expect((await again.list.conversations({}).collect()).length).toBe(count);
    } finally {
      await second.close();
    }
  });
});

describe('the simulator', () => {
  const server = useServer({ demo: true, simulatePerMin: 3000 });

  it('keeps customers writing to the demo bot, which answers and hands some to the desk', async () => {
    const bp = botpressClient(server.get());
    const since = new Date().toISOString();
    const newer = <T extends { createdAt: string }>(items: T[]) => items.filter((i) => i.createdAt > since);
    await until(async () => newer((await bp.listMessages({ pageSize: 100 })).messages).some((m) => m.direction === 'incoming'), 'a customer message', 15_000);
    await until(async () => newer((await bp.listMessages({ pageSize: 100 })).messages).some((m) => m.direction === 'outgoing'), 'the bot reacting', 15_000);
    await until(async () => newer((await bp.listConversations({ channel: 'hitl', tags: { hitlStatus: 'waiting' } })).conversations).length > 0, 'a new handover', 20_000);
  });
});
