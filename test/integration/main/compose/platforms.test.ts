// ChatCaptain is one platform of several: a platform with only the core (the desk, test/support/
// desk-platform.ts) signed in next to the ChatCaptain demo shares the one inbox, takes replies
// through the same outbox, and everything it does not offer is said, not faked.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedDemo } from '../../../../src/main/demo-server';
import { chatcaptainPlatform } from '../../../../src/main/services/platforms/chatcaptain/index';
import { registryOf } from '../../../../src/main/services/platforms/registry';
import { Emitter } from '../../../../src/main/services/events';
import type { PushMessage } from '../../../../src/main/services/push/token-source';
import { conversationKey } from '../../../../src/shared/keys';
import { InboxFilter } from '../../../../src/shared/view-models';
import { DESK, DESK_AGENT, DESK_CHATBOT, DESK_KEY, DeskPlatform, deskFactory } from '../../../support/desk-platform';
import { MemoryVault } from '../../../support/memory-vault';
import { testSecret } from '../../../support/server';
import { until } from '../../../support/until';
import { Harness, fast } from '../app-harness';

describe('a platform with only the core, next to ChatCaptain', () => {
  let root: string;
  let h: Harness;
  const desk = new DeskPlatform();
  let deskAccount = '';
  let demoAccount = '';
  const anna = { id: 'cust_anna', name: 'Anna Lindqvist' };
  const ref = () => ({ accountId: deskAccount, chatbotId: DESK_CHATBOT.id, conversationId: `desk_conv_${anna.id}` });

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'deckhand-platforms-'));
    desk.customerWrites(anna, 'My order never arrived.');
    h = new Harness(join(root, 'data'), new MemoryVault(), embeddedDemo(join(root, 'demo.sqlite'), { secret: testSecret, simulatePerMin: 0 }), {
      platforms: registryOf(chatcaptainPlatform(fast), deskFactory(desk)),
      pollMs: 50,
    });
    await h.app.start();
    demoAccount = (await h.call('session.openDemo', {})).id;
    const account = await h.call('session.addAccount', { platform: DESK, baseUrl: 'https://desk.example', key: DESK_KEY, chatbotIds: [DESK_CHATBOT.id] });
    deskAccount = account.id;
  });

  afterAll(async () => {
    await h?.app.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('signs in with what the platform says it offers: the core and nothing else', async () => {
    const { accounts } = await h.call('session.state', {});
    const account = accounts.find((a) => a.id === deskAccount)!;
    expect(account).toMatchObject({ platform: DESK, demo: false, label: 'desk.example', agent: DESK_AGENT, capabilities: [] });
    expect(account.chatbots).toEqual([{ ...DESK_CHATBOT, abilities: [], lacking: [] }]);
    expect(accounts.find((a) => a.id === demoAccount)!.capabilities).toContain('presence');
  });

  it('shows the desk’s conversations in the one inbox, beside ChatCaptain’s, by polling', async () => {
    await until(() => h.app.cache.inbox().some((c) => c.accountId === deskAccount), 'the desk conversation');
    await until(() => h.app.cache.inbox().some((c) => c.accountId === demoAccount), 'the demo inbox');
    const waiting = await h.call('inbox.list', { filter: InboxFilter.parse({ view: 'waiting' }) });
    expect(waiting.some((c) => c.key === conversationKey(ref()))).toBe(true);
    expect(waiting.some((c) => c.accountId === demoAccount)).toBe(true);
    expect((await h.call('session.state', {})).accounts.find((a) => a.id === deskAccount)!.connection.state).toBe('polling');

    // A new customer message arrives through the next poll and is news.
    const before = h.shown.length;
    const { message } = desk.customerWrites(anna, 'Hello? Anyone?');
    await until(() => h.app.cache.conversation(ref())?.lastMessage?.id === message.id, 'the new message by polling');
    await until(() => h.shown.length > before, 'the notification');
    expect(h.shown.at(-1)).toMatchObject({ title: anna.name, body: 'Hello? Anyone?', ref: ref() });
  });

  it('opens the conversation and pages back through the platform’s own cursor', async () => {
    for (let i = 0; i < 60; i++) desk.customerWrites(anna, `more ${i}`);
    const opened = await h.call('conversation.open', { ref: ref() });
    const all = desk.history(ref().conversationId).map((m) => m.id);
    expect(opened.messages.map((m) => m.id)).toEqual(all.slice(-50));
    expect(opened.hasOlder).toBe(true);
    const older = await h.call('conversation.loadOlder', { ref: ref(), beforeId: opened.messages[0]!.id });
    expect(older.messages.map((m) => m.id)).toEqual(all.slice(0, -50));
    expect(older.hasOlder).toBe(false);
  });

  it('sends a reply through the outbox once, however often it is tried', async () => {
    const from = h.events.length;
    const item = await h.call('conversation.reply', { ref: ref(), text: 'I am on it, Anna.' });
    await until(() => h.eventsOf('outbox.changed', from).some((e) => e.items.some((i) => i.clientMessageId === item.clientMessageId && i.state === 'sent')), 'sent');
    const replies = desk.history(ref().conversationId).filter((m) => m.sender === 'agent');
    expect(replies).toEqual([expect.objectContaining({ agentId: DESK_AGENT.id, clientMessageId: item.clientMessageId, payload: { text: 'I am on it, Anna.' } })]);
    // The platform's own retry rule: the same clientMessageId again stores nothing new.
    await desk.reply(DESK_CHATBOT.id, { conversationId: ref().conversationId, text: 'I am on it, Anna.', clientMessageId: item.clientMessageId });
    expect(desk.history(ref().conversationId).filter((m) => m.sender === 'agent')).toHaveLength(1);
  });

  it('answers Unsupported for what the platform does not offer, and leaves the account out of presence', async () => {
    expect(await h.failure('conversation.setArchived', { ref: ref(), archived: true })).toMatchObject({ code: 'Unsupported' });
    expect(await h.failure('conversation.assignToMe', { ref: ref() })).toMatchObject({ code: 'Unsupported' });
    expect(await h.failure('conversation.handBack', { ref: ref() })).toMatchObject({ code: 'Unsupported' });
    expect(await h.failure('conversation.customEvent', { ref: ref(), event: 'x' })).toMatchObject({ code: 'Unsupported' });
    expect(await h.failure('organizations.list', { accountId: deskAccount, chatbotId: DESK_CHATBOT.id })).toMatchObject({ code: 'Unsupported' });
    expect(await h.failure('versions.list', { accountId: deskAccount, chatbotId: DESK_CHATBOT.id })).toMatchObject({ code: 'Unsupported' });
    // Reading needs no read state: nothing to clear, nothing fails.
    expect(await h.call('conversation.markRead', { ref: ref() })).toBe(true);

    // The online switch writes to ChatCaptain only, and is confirmed by it alone.
    await h.call('presence.set', { online: true });
    await until(async () => {
      const state = await h.call('presence.get', {});
      return state.confirmed === true && !state.pending;
    }, 'ChatCaptain to confirm');
    expect((await h.call('presence.get', {})).error).toBeNull();
  });

  it('signs out of the desk without touching ChatCaptain', async () => {
    expect(await h.call('session.signOut', { accountId: deskAccount })).toBe(true);
    expect(h.app.cache.inbox().some((c) => c.accountId === deskAccount)).toBe(false);
    expect(h.app.cache.inbox().some((c) => c.accountId === demoAccount)).toBe(true);
    expect((await h.call('session.state', {})).accounts.map((a) => a.platform)).toEqual(['chatcaptain']);
  });
});

describe('the push source’s own connection', () => {
  it('is woken when the machine resumes and when an account’s connection comes back, not while it is fine', async () => {
    const root = mkdtempSync(join(tmpdir(), 'deckhand-wake-'));
    const desk = new DeskPlatform();
    desk.customerWrites({ id: 'c1', name: 'Carla' }, 'Hi');
    let wakes = 0;
    const pushSource = {
      mode: 'fcm' as const,
      start: async () => {},
      token: () => null,
      onToken: new Emitter<string>().event,
      onMessage: new Emitter<PushMessage>().event,
      stop: () => {},
      wake: () => void wakes++,
    };
    const h = new Harness(join(root, 'data'), new MemoryVault(), embeddedDemo(join(root, 'demo.sqlite'), { secret: testSecret }), {
      platforms: registryOf(deskFactory(desk)),
      pushSource,
      pollMs: 30,
    });
    try {
      await h.app.start();
      await h.call('session.addAccount', { platform: DESK, baseUrl: 'https://desk.example', key: DESK_KEY, chatbotIds: [DESK_CHATBOT.id] });
      await until(async () => (await h.call('session.state', {})).accounts[0]!.connection.state === 'polling', 'polling');
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(wakes).toBe(0);

      desk.outage = true;
      await until(async () => (await h.call('session.state', {})).accounts[0]!.connection.state === 'offline', 'offline');
      expect(wakes).toBe(0);
      desk.outage = false;
      await until(() => wakes === 1, 'a wake when the desk is back', 15_000);

      h.app.power.onResume();
      expect(wakes).toBe(2);
    } finally {
      await h.app.stop();
      rmSync(root, { recursive: true, force: true });
    }
  });
});


describe('a push', () => {
  it('makes a chatbot that polls read what changed now, not at its next poll', async () => {
    const root = mkdtempSync(join(tmpdir(), 'deckhand-push-'));
    const desk = new DeskPlatform();
    const pushes = new Emitter<PushMessage>();
    const pushSource = { mode: 'fcm' as const, start: async () => {}, token: () => null, onToken: new Emitter<string>().event, onMessage: pushes.event, stop: () => {} };
    // A minute between polls: only the push can bring the customer's message within the test.
    const h = new Harness(join(root, 'data'), new MemoryVault(), embeddedDemo(join(root, 'demo.sqlite'), { secret: testSecret }), {
      platforms: registryOf(deskFactory(desk)),
      pushSource,
      pollMs: 60_000,
    });
    try {
      await h.app.start();
      const account = await h.call('session.addAccount', { platform: DESK, baseUrl: 'https://desk.example', key: DESK_KEY, chatbotIds: [DESK_CHATBOT.id] });
      await until(async () => (await h.call('session.state', {})).accounts[0]!.connection.state === 'polling', 'polling');
      desk.customerWrites({ id: 'c2', name: 'Dora' }, 'Is anyone there?');
      pushes.fire({ title: 'Dora', body: 'Is anyone there?', chatbotId: DESK_CHATBOT.id });
      await until(() => h.app.cache.inbox().some((c) => c.accountId === account.id && c.contactName === 'Dora'), 'the conversation the push announced');
    } finally {
      await h.app.stop();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
