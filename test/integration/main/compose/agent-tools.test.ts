// The agent tools behind the contract, composed as the app composes them, against the demo
// workspace: the customer profile, assigning to a colleague and back, custom events with data,
// saved replies (with their file), message search, waits worked out from the messages held, the
// notification sound and the wait thresholds.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedDemo } from '../../../../src/main/demo-server';
import { dispatchCall } from '../../../../src/main/services/ipc/dispatch';
import type { Conversation, Message } from '../../../../src/server/wire';
import { waitingSince } from '../../../../src/shared/waiting-time';
import { MemoryVault } from '../../../support/memory-vault';
import { testSecret } from '../../../support/server';
import { until } from '../../../support/until';
import { Harness, customer, http, refOf, serverConversation, serverConversations, type Endpoint } from '../app-harness';

describe('the agent tools against the demo workspace', () => {
  let root: string;
  let h: Harness;
  let demo: Endpoint;
  let accountId: string;
  let all: Conversation[];

  const messagesOf = async (c: Conversation) =>
    (await http<{ messages: Message[] }>(demo, 'GET', `/v1/chatbots/${c.chatbotId}/conversations/${c.id}/messages?limit=200`)).body.messages;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'deckhand-tools-'));
    const server = embeddedDemo(join(root, 'demo.sqlite'), { secret: testSecret, simulatePerMin: 0 });
    h = new Harness(join(root, 'data'), new MemoryVault(), server);
    await h.app.start();
    accountId = (await h.call('session.openDemo', {})).id;
    const started = await server.start();
    demo = { url: started.url, key: started.key };
    all = await serverConversations(demo);
    await until(() => h.app.cache.inbox().length === all.length, 'the inbox loaded');
  });

  afterAll(async () => {
    await h?.app.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('works out each waiting customer’s wait from their messages, reading the history ahead', async () => {
    const waiting = all.filter((c) => c.status === 'waiting' && !c.archived);
    await until(() => waiting.every((c) => h.app.messages.list(refOf(accountId, c), { limit: 1 }).length > 0), 'the waiting histories read');
    for (const c of waiting) {
      const expected = waitingSince(c, await messagesOf(c));
      await until(() => h.app.cache.conversation(refOf(accountId, c))?.waitingSince === expected, `the wait of ${c.contactName}`);
    }
    // A customer who writes again waits no less than before; a person's answer ends the wait.
    const [first] = waiting;
    const before = h.app.cache.conversation(refOf(accountId, first!))!.waitingSince;
    await customer(demo, first!, 'Hallo?');
    await until(() => h.app.cache.conversation(refOf(accountId, first!))?.lastMessage?.type === 'text', 'the message');
    expect(h.app.cache.conversation(refOf(accountId, first!))!.waitingSince).toBe(before);
    await h.call('conversation.reply', { ref: refOf(accountId, first!), text: 'Ich bin da.' });
    await until(() => h.app.cache.conversation(refOf(accountId, first!))?.waitingSince === null, 'the wait ended by the reply');
  });

  it('tells who the customer is: contact, organizations, and their conversations with the chatbot', async () => {
    const byContact = new Map<string, Conversation[]>();
    for (const c of all.filter((x) => x.chatbotId === 'bot_shop')) byContact.set(c.contactId, [...(byContact.get(c.contactId) ?? []), c]);
    const theirs = [...byContact.values()].find((list) => list.length > 1)!;
    const profile = await h.call('customer.profile', { ref: refOf(accountId, theirs[0]!) });
    expect(profile.unavailable).toEqual([]);
    expect(profile.contact).toMatchObject({ id: theirs[0]!.contactId, name: theirs[0]!.contactName });
    expect(profile.conversations?.map((c) => c.id).sort()).toEqual(theirs.map((c) => c.id).sort());
    expect(profile.organizations?.map((o) => o.id).sort()).toEqual([...profile.contact!.organizationIds].sort());
    expect((await h.call('contact.conversations', { accountId, chatbotId: 'bot_shop', contactId: theirs[0]!.contactId })).length).toBe(theirs.length);
    expect(await h.failure('customer.profile', { ref: { accountId, chatbotId: 'bot_shop', conversationId: 'conv_missing' } })).toMatchObject({ code: 'NotFound' });
  });

  it('assigns to a colleague, and puts it back in the queue', async () => {
    const target = all.find((c) => c.status === 'waiting' && !c.archived && c.chatbotId === 'bot_service')!;
    const ref = refOf(accountId, target);
    expect(await h.call('conversation.assign', { ref, agentId: 'agent_mia' })).toMatchObject({ status: 'assigned', assignedAgentId: 'agent_mia' });
    expect(await serverConversation(demo, target)).toMatchObject({ status: 'assigned', assignedAgentId: 'agent_mia' });
    expect(await h.call('conversation.unassign', { ref })).toMatchObject({ status: 'waiting', assignedAgentId: null });
    expect(await h.failure('conversation.assign', { ref, agentId: 'agent_nobody' })).toMatchObject({ code: 'Invalid' });
  });

  it('sends a custom event with data as a step payload, checks the data first, and remembers the event', async () => {
    const target = all.find((c) => c.status === 'assigned' && !c.archived && c.chatbotId === 'bot_shop')!;
    const ref = refOf(accountId, target);
    // Refused at the boundary, as the IPC glue runs a call: a clear Invalid, nothing sent.
    expect(await dispatchCall('conversation.customEvent', h.app.handlers, { ref, event: 'two words' })).toMatchObject({ ok: false, error: { code: 'Invalid' } });
    const big = await dispatchCall('conversation.customEvent', h.app.handlers, { ref, event: 'x', payload: { big: 'y'.repeat(9_000) } });
    expect(big).toMatchObject({ ok: false, error: { code: 'Invalid', message: expect.stringContaining('payload') } });
    await h.call('conversation.customEvent', { ref, event: 'order_checked' });
    expect((await serverConversation(demo, target)).status).toBe('assigned');
    const after = await h.call('conversation.customEvent', { ref, event: 'refund_issued', payload: { amount: 19.99 } });
    expect(after.status).toBe('bot');
    expect(await h.call('conversation.knownEvents', { accountId, chatbotId: 'bot_shop' })).toEqual(['refund_issued', 'order_checked']);
    expect(await h.call('conversation.knownEvents', { accountId, chatbotId: 'bot_service' })).toEqual([]);
  });

  it('keeps saved replies, refuses a taken shortcut, and shares them as a file', async () => {
    const saved = await h.call('replies.save', { fields: { shortcut: 'gruss', title: 'Gruß', texts: { de: 'Hallo!' } } });
    expect(await h.failure('replies.save', { fields: { shortcut: 'GRUSS', title: 'x', texts: { en: 'x' } } })).toMatchObject({ code: 'Invalid', message: expect.stringContaining('/GRUSS') });
    expect(await h.call('replies.save', { id: saved.id, fields: { shortcut: 'gruss', title: 'Gruß', texts: { de: 'Hallo!', en: 'Hi!' } } })).toMatchObject({ id: saved.id, texts: { de: 'Hallo!', en: 'Hi!' } });
    const file = await h.call('replies.export', {});
    expect(JSON.parse(file)).toEqual({ format: 'deckhand.saved-replies', version: 1, replies: [{ shortcut: 'gruss', title: 'Gruß', texts: { de: 'Hallo!', en: 'Hi!' } }] });
    await h.call('replies.delete', { id: saved.id });
    expect(await h.failure('replies.delete', { id: saved.id })).toMatchObject({ code: 'NotFound' });
    expect(await h.call('replies.import', { json: file })).toEqual({ added: 1, updated: 0 });
    expect(await h.call('replies.import', { json: file })).toEqual({ added: 0, updated: 1 });
    expect(await h.failure('replies.import', { json: 'not json' })).toMatchObject({ code: 'Invalid', message: 'This file is not JSON.' });
    const twice = JSON.stringify({ format: 'deckhand.saved-replies', version: 1, replies: [{ shortcut: 'a', title: 'A', texts: { de: 'a' } }, { shortcut: 'A', title: 'B', texts: { de: 'b' } }] });
    expect(await h.failure('replies.import', { json: twice })).toMatchObject({ code: 'Invalid', message: expect.stringContaining('/a more than once') });
    expect((await h.call('replies.list', {})).map((r) => r.shortcut)).toEqual(['gruss']);
  });

  it('finds conversations by any cached message, folded, and nothing for under three characters', async () => {
    const target = all.find((c) => c.status === 'bot' && c.chatbotId === 'bot_shop')!;
    await customer(demo, target, 'Herr Yılmaz fragt nach der Straße für die Abholung');
    await h.call('conversation.open', { ref: refOf(accountId, target) });
    const key = refOf(accountId, target);
    const hits = await h.call('search.messages', { query: 'yilmaz' });
    expect(hits.map((hit) => hit.key)).toContain(`${key.accountId}/${key.chatbotId}/${key.conversationId}`);
    expect((await h.call('search.messages', { query: 'STRASSE FUR' })).map((hit) => hit.text)).toContain('Herr Yılmaz fragt nach der Straße für die Abholung');
    expect(await h.call('search.messages', { query: 'yı' })).toEqual([]);
    expect(await h.call('search.messages', { query: '"unterminated' })).toEqual([]);
  });

  it('plays the chosen sound with a notification, and none when sound is off; thresholds in order', async () => {
    await h.call('settings.set', { notificationSound: 'knock' });
    const quiet = all.find((c) => c.status === 'waiting' && !c.archived && c.chatbotId === 'bot_shop' && c.assignedAgentId === null)!;
    const from = h.events.length;
    await customer(demo, quiet, 'Ist da wer?');
    await until(() => h.eventsOf('notify.sound', from).length > 0, 'the sound');
    expect(h.eventsOf('notify.sound', from)).toEqual([{ sound: 'knock' }]);
    expect(h.shown.at(-1)).toMatchObject({ silent: true });

    await h.call('settings.set', { sound: false });
    const shown = h.shown.length;
    await customer(demo, quiet, 'Hallo???');
    await until(() => h.shown.length > shown, 'a silent notification');
    expect(h.eventsOf('notify.sound', from)).toHaveLength(1);

    expect(await h.failure('settings.set', { waitWarnMinutes: 10, waitUrgentMinutes: 5 })).toMatchObject({ code: 'Invalid' });
    expect(await h.call('settings.set', { waitWarnMinutes: 3, waitUrgentMinutes: 8 })).toMatchObject({ waitWarnMinutes: 3, waitUrgentMinutes: 8 });
  });
});
