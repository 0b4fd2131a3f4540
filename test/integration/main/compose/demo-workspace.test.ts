// The composed app against the real demo workspace (the embedded local server on a temp file):
// what the renderer asks for and is told, checked against what the server holds over HTTP.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedDemo } from '../../../../src/main/demo-server';
import { Db } from '../../../../src/server/db/database';
import type { Conversation, Message } from '../../../../src/server/wire';
import { Ability, capabilityOf } from '../../../../src/shared/capabilities';
import { filterInbox } from '../../../../src/shared/inbox-filter';
import { InboxFilter } from '../../../../src/shared/view-models';
import { workspaceKey } from '../../../../src/server/store/workspace';
import { MemoryVault } from '../../../support/memory-vault';
import { testSecret } from '../../../support/server';
import { until } from '../../../support/until';
import {
  CHATBOTS,
  Harness,
  customer,
  http,
  ids,
  keyOf,
  refOf,
  serverConversation,
  serverConversations,
  serverMessageIds,
  tag,
  type Endpoint,
} from '../app-harness';

describe('the app with the demo workspace', () => {
  let root: string;
  let h: Harness;
  let demo: Endpoint;
  let accountId: string;
  let all: Conversation[];
  /** Waiting, unassigned, not archived: each test takes its own. */
  let waiting: Conversation[];
  const long = { channelId: 'whatsapp', channelName: 'WhatsApp Business', providerId: 'long-thread', chatbotId: 'bot_shop' };
  const fifty = { ...long, providerId: 'fifty-thread' };

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'deckhand-workspace-'));
    const server = embeddedDemo(join(root, 'demo.sqlite'), { secret: testSecret, simulatePerMin: 0 });
    h = new Harness(join(root, 'data'), new MemoryVault(), server);
    await h.app.start();
    // Before the app opens the demo: two long conversations whose history it has never seen.
    const started = await server.start();
    demo = { url: started.url, key: started.key };
    await Promise.all([
      (async () => {
        for (let i = 0; i < 120; i++) await customer(demo, long, `long ${i}`);
      })(),
      (async () => {
        for (let i = 0; i < 50; i++) await customer(demo, fifty, `fifty ${i}`);
      })(),
    ]);
    const account = await h.call('session.openDemo', {});
    accountId = account.id;
    all = await serverConversations(demo);
    await until(() => h.app.cache.inbox().length === all.length, 'the initial load');
    waiting = all.filter((c) => c.status === 'waiting' && c.assignedAgentId === null && !c.archived);
  });

  afterAll(async () => {
    await h?.app.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('opens the demo: the session lists the account, the inbox holds every conversation, and the filters agree', async () => {
    const session = await h.call('session.state', {});
    expect(session.vault.encryption).toBe('os');
    expect(session.accounts).toHaveLength(1);
    const [account] = session.accounts;
    expect(account).toMatchObject({ id: accountId, platform: 'chatcaptain', demo: true, baseUrl: demo.url, agent: { id: 'agent_lena', name: 'Lena Hoffmann' } });
    expect(account!.chatbots.map((c) => [c.id, c.name])).toEqual([
      ['bot_shop', 'Shop-Assistent'],
      ['bot_service', 'Service Desk'],
    ]);
    // The demo signs in with the admin key: everything ChatCaptain offers (all but bot health).
    const everything = Ability.options.filter((a) => capabilityOf[a] !== 'botHealth');
    for (const chatbot of account!.chatbots) expect(chatbot).toMatchObject({ abilities: everything, lacking: [] });
    await until(async () => (await h.call('session.state', {})).accounts[0]!.connection.state === 'live', 'live');

    expect(all.length).toBeGreaterThanOrEqual(120);
    // Without a filter: everything, archived too (what the renderer loads and filters itself).
    const inbox = await h.call('inbox.list', {});
    expect(ids(inbox)).toEqual(ids(all));
    expect(ids(await h.call('inbox.list', { filter: InboxFilter.parse({}) }))).toEqual(ids(all.filter((c) => !c.archived)));
    const cached = new Map(h.app.cache.inbox().map((c) => [c.id, c]));
    for (const c of all) expect(cached.get(c.id)).toMatchObject({ status: c.status, archived: c.archived, updatedAt: c.updatedAt });

    // Each view against the server's own data, filtered the way the renderer filters.
    const truth = all.map((c) => tag(accountId, c));
    const context = { myAgentIds: { [accountId]: 'agent_lena' } };
    const someone = all.find((c) => c.status === 'waiting')!.contactName;
    const filters: InboxFilter[] = [
      InboxFilter.parse({ view: 'waiting' }),
      InboxFilter.parse({ view: 'mine' }),
      InboxFilter.parse({ view: 'archived' }),
      InboxFilter.parse({ search: someone.split(' ')[0]!.toUpperCase() }),
      InboxFilter.parse({ view: 'all', chatbot: `${accountId}/bot_service`, channelId: 'email' }),
    ];
    for (const filter of filters) {
      const listed = await h.call('inbox.list', { filter });
      const expected = filterInbox(truth, filter, context);
      expect(expected.length, JSON.stringify(filter)).toBeGreaterThan(0);
      expect(ids(listed), JSON.stringify(filter)).toEqual(ids(expected));
    }
    expect((await h.call('inbox.list', { filter: InboxFilter.parse({ view: 'waiting' }) })).every((c) => c.status === 'waiting')).toBe(true);
  });

  it('opens a conversation at its newest page and pages back to the first message', async () => {
    const longConversation = all.find((c) => c.providerId === long.providerId)!;
    const serverIds = await serverMessageIds(demo, longConversation);
    expect(serverIds).toHaveLength(120);
    const ref = refOf(accountId, longConversation);

    const opened = await h.call('conversation.open', { ref });
    expect(opened.conversation.id).toBe(longConversation.id);
    expect(opened.messages.map((m) => m.id)).toEqual(serverIds.slice(70));
    expect(opened.hasOlder).toBe(true);
    expect(opened.outbox).toEqual([]);

    const page2 = await h.call('conversation.loadOlder', { ref, beforeId: opened.messages[0]!.id });
    expect(page2.messages.map((m) => m.id)).toEqual(serverIds.slice(20, 70));
    expect(page2.hasOlder).toBe(true);
    const page3 = await h.call('conversation.loadOlder', { ref, beforeId: page2.messages[0]!.id });
    expect(page3.messages.map((m) => m.id)).toEqual(serverIds.slice(0, 20));
    expect(page3.hasOlder).toBe(false);
    // Reopened: the same newest page, now from the cache as well.
    expect((await h.call('conversation.open', { ref })).messages.map((m) => m.id)).toEqual(serverIds.slice(70));

    // Exactly one page of history: nothing older to offer.
    const fiftyConversation = all.find((c) => c.providerId === fifty.providerId)!;
    const fiftyOpened = await h.call('conversation.open', { ref: refOf(accountId, fiftyConversation) });
    expect(fiftyOpened.messages.map((m) => m.id)).toEqual(await serverMessageIds(demo, fiftyConversation));
    expect(fiftyOpened.hasOlder).toBe(false);

    const short = all.find((c) => c.providerId !== long.providerId && c.providerId !== fifty.providerId)!;
    const shortOpened = await h.call('conversation.open', { ref: refOf(accountId, short) });
    expect(shortOpened.messages.map((m) => m.id)).toEqual(await serverMessageIds(demo, short));
    expect(shortOpened.hasOlder).toBe(false);
  });

  it('sends a reply through the outbox: pending, then sent, then part of the conversation', async () => {
    const target = waiting[0]!;
    const ref = refOf(accountId, target);
    const key = keyOf(ref);
    await h.call('conversation.open', { ref });
    const from = h.events.length;

    const item = await h.call('conversation.reply', { ref, text: '  Hello, I am looking into it.  ' });
    expect(item).toMatchObject({ key, text: 'Hello, I am looking into it.', state: 'pending', messageId: null });
    await until(
      () => h.eventsOf('outbox.changed', from).some((e) => e.items.some((i) => i.clientMessageId === item.clientMessageId && i.state === 'sent')),
      'the reply to be sent',
    );
    const sent = h.eventsOf('outbox.changed', from).flatMap((e) => e.items).find((i) => i.state === 'sent')!;
    expect(sent.messageId).not.toBeNull();
    await until(
      () => h.eventsOf('messages.changed', from).some((e) => e.changes.some((c) => c.key === key && c.messages.some((m) => m.id === sent.messageId))),
      'the reply in messages.changed',
    );
    await h.announced(key, (c) => c.status === 'assigned' && c.assignedAgentId === 'agent_lena', from, 'the takeover in inbox.changed');

    const reopened = await h.call('conversation.open', { ref });
    expect(reopened.messages.at(-1)).toMatchObject({ id: sent.messageId, sender: 'agent', agentId: 'agent_lena', payload: { text: 'Hello, I am looking into it.' } });
    expect(reopened.outbox).toEqual([expect.objectContaining({ clientMessageId: item.clientMessageId, state: 'sent' })]);
    const onServer = await http<{ messages: Message[] }>(demo, 'GET', `/v1/chatbots/${target.chatbotId}/conversations/${target.id}/messages?limit=5`);
    expect(onServer.body.messages.filter((m) => m.sender === 'agent' && m.id === sent.messageId)).toEqual([
      expect.objectContaining({ clientMessageId: item.clientMessageId }),
    ]);
  });

  it('applies the agent actions on the server and announces each in inbox.changed', async () => {
    const target = waiting[1]!;
    expect(target.unreadCount).toBeGreaterThan(0);
    const ref = refOf(accountId, target);
    const key = keyOf(ref);

    let from = h.events.length;
    expect(await h.call('conversation.markRead', { ref })).toBe(true);
    await h.announced(key, (c) => c.unreadCount === 0, from, 'markRead');
    expect((await serverConversation(demo, target)).unreadCount).toBe(0);

    from = h.events.length;
    const assigned = await h.call('conversation.assignToMe', { ref });
    expect(assigned).toMatchObject({ key, status: 'assigned', assignedAgentId: 'agent_lena' });
    await h.announced(key, (c) => c.assignedAgentId === 'agent_lena', from, 'assignToMe');
    expect(await serverConversation(demo, target)).toMatchObject({ status: 'assigned', assignedAgentId: 'agent_lena' });
    expect((await h.call('inbox.list', { filter: InboxFilter.parse({ view: 'mine' }) })).map((c) => c.key)).toContain(key);

    from = h.events.length;
    expect(await h.call('conversation.setArchived', { ref, archived: true })).toMatchObject({ archived: true });
    await h.announced(key, (c) => c.archived, from, 'archive');
    expect((await serverConversation(demo, target)).archived).toBe(true);
    expect((await h.call('inbox.list', { filter: InboxFilter.parse({ view: 'archived' }) })).map((c) => c.key)).toContain(key);
    from = h.events.length;
    await h.call('conversation.setArchived', { ref, archived: false });
    await h.announced(key, (c) => !c.archived, from, 'unarchive');

    from = h.events.length;
    expect(await h.call('conversation.handBack', { ref })).toMatchObject({ status: 'bot', assignedAgentId: null });
    await h.announced(key, (c) => c.status === 'bot' && c.assignedAgentId === null, from, 'handBack');
    expect(await serverConversation(demo, target)).toMatchObject({ status: 'bot', assignedAgentId: null });

    // A custom event changes nothing the inbox shows; the server records it.
    expect(await h.call('conversation.customEvent', { ref, event: 'order_checked' })).toMatchObject({ key: keyOf(ref) });
    const serverDb = new Db(join(root, 'demo.sqlite'));
    try {
      const recorded = serverDb.all<{ kind: string; name: string }>('SELECT kind, name FROM conversation_events WHERE conversation_id = ?', target.id);
      expect(recorded).toContainEqual({ kind: 'custom_event', name: 'order_checked' });
      expect(recorded).toContainEqual(expect.objectContaining({ kind: 'payload' })); // the hand-back
    } finally {
      serverDb.close();
    }
    // Own actions are not news.
    expect(h.shown).toEqual([]);
  });

  it('notifies a live customer message in a waiting conversation, unless the agent is reading it', async () => {
    // Nothing from the initial load or the agent's own actions: the first notification is this one alone.
    expect(h.shown).toEqual([]);
    const [first, second] = [waiting[2]!, waiting[3]!];
    expect(first.contactName).not.toBe(second.contactName);

    await customer(demo, first, 'Where is my order?');
    await until(() => h.shown.length > 0, 'a notification');
    // The OS shows it silently; the window plays the sound the agent chose.
    expect(h.shown).toEqual([{ title: first.contactName, body: 'Where is my order?', silent: true, ref: refOf(accountId, first) }]);
    expect(h.eventsOf('notify.sound')).toEqual([{ sound: 'chime' }]);

    // The agent has the first one open in a focused window: only the second one is news.
    await h.call('conversation.focus', { ref: refOf(accountId, first) });
    h.windowFocused = true;
    await customer(demo, first, 'Hello??');
    await customer(demo, second, 'My invoice is wrong.');
    await until(() => h.shown.length > 1, 'the second notification');
    expect(h.shown[1]).toEqual({ title: second.contactName, body: 'My invoice is wrong.', silent: true, ref: refOf(accountId, second) });

    // Open but the window is in the background: notified.
    h.windowFocused = false;
    await customer(demo, first, 'Anyone there?');
    await until(() => h.shown.length > 2, 'the third notification');
    expect(h.shown[2]).toMatchObject({ title: first.contactName, body: 'Anyone there?' });
    await h.call('conversation.focus', { ref: null });
    expect(h.shown).toHaveLength(3);
  });

  it('takes a push for a chatbot whose live feed is up as news it already has: nothing is read again', async () => {
    const pushes: string[] = [];
    const resyncs: string[] = [];
    const subscriptions = [h.pushSource.onMessage((m) => pushes.push(m.chatbotId ?? '')), h.app.session.onDidResync((e) => resyncs.push(e.chatbotId))];
    try {
      const target = waiting[4]!;
      for (const text of ['one', 'two', 'three']) await customer(demo, target, `Push ${text}`);
      await until(() => pushes.length >= 3, 'the pushes');
      const lastText = () => {
        const payload = h.app.cache.conversation(refOf(accountId, target))?.lastMessage?.payload;
        return payload && 'text' in payload ? payload.text : null;
      };
      await until(() => lastText() === 'Push three', 'the live message');
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(resyncs).toEqual([]);
    } finally {
      for (const s of subscriptions) s.dispose();
    }
  });

  it('speaks the language the agent chose in the settings, not the system one', async () => {
    expect(await h.call('app.info', {})).toEqual({ systemLanguage: 'en' });
    expect((await h.call('settings.get', {})).language).toBe('system');
    expect(h.menuLanguages).toEqual(['en']);
    expect(h.tray.at(-1)?.language).toBe('en');
    const [first, second] = [waiting[4]!, waiting[5]!];
    const before = h.shown.length;
    await customer(demo, first, 'Eins');
    await customer(demo, second, 'Zwei');
    await until(() => h.shown.length > before, 'the English group');
    expect(h.shown[before]!.title).toBe('2 new messages');

    // A patch without the language keeps it; one with it changes what main says.
    expect((await h.call('settings.set', { language: 'de' })).language).toBe('de');
    expect((await h.call('settings.set', { sound: true })).language).toBe('de');
    // The tray and the app menu follow at once.
    expect(h.tray.at(-1)?.language).toBe('de');
    expect(h.menuLanguages.at(-1)).toBe('de');
    await customer(demo, first, 'Drei');
    await customer(demo, second, 'Vier');
    await until(() => h.shown.length > before + 1, 'the German group');
    expect(h.shown[before + 1]!.title).toBe('2 neue Nachrichten');
  });

  it('batches inbox.changed: a burst of 30 server changes costs a few events, at least 50 ms apart', async () => {
    const used = new Set(waiting.slice(0, 4).map((c) => c.id));
    const burst = all.filter((c) => !c.archived && !used.has(c.id) && c.status !== 'waiting').slice(0, 30);
    expect(burst).toHaveLength(30);
    const from = h.events.length;
    await Promise.all(
      burst.map((c) => http(demo, 'PATCH', `/v1/chatbots/${c.chatbotId}/conversations/${c.id}`, { archived: true })),
    );
    const keys = burst.map((c) => keyOf(refOf(accountId, c)));
    await until(() => {
      const seen = new Set(h.eventsOf('inbox.changed', from).flatMap((e) => e.upserted.filter((c) => c.archived).map((c) => c.key)));
      return keys.every((k) => seen.has(k));
    }, 'all 30 changes');
    const batches = h.events.slice(from).filter((e) => e.name === 'inbox.changed');
    expect(batches.length).toBeLessThan(10);
    for (let i = 1; i < batches.length; i++) expect(batches[i]!.at - batches[i - 1]!.at).toBeGreaterThanOrEqual(49);
    await Promise.all(burst.map((c) => http(demo, 'PATCH', `/v1/chatbots/${c.chatbotId}/conversations/${c.id}`, { archived: false })));
  });

  it('sets the agent online on every chatbot of the server', async () => {
    const from = h.events.length;
    const state = await h.call('presence.set', { online: true });
    expect(state.intent).toBe(true);
    await until(async () => {
      const now = await h.call('presence.get', {});
      return now.confirmed === true && !now.pending;
    }, 'the server to confirm');
    for (const chatbotId of CHATBOTS) {
      const agents = await http<{ agents: { agentId: string; online: boolean }[] }>(demo, 'GET', `/v1/inbox/${chatbotId}/agents/online`);
      expect(agents.body.agents.find((a) => a.agentId === 'agent_lena')?.online).toBe(true);
    }
    expect(h.eventsOf('presence.changed', from).at(-1)).toMatchObject({ intent: true, confirmed: true, pending: false });
    await until(async () => (await h.call('agents.online', {})).some((a) => a.agentId === 'agent_lena' && a.online), 'the team list');

    await h.call('presence.set', { online: false });
    await until(async () => (await h.call('presence.get', {})).confirmed === false, 'offline');
  });

  it('shows a newer state written by another device as a lost race, without waiting for a write', async () => {
    await h.call('presence.set', { online: true });
    await until(async () => (await h.call('presence.get', {})).confirmed === true, 'online');
    const from = h.events.length;
    // The agent's phone sets them away, with a clock ahead of ours.
    const elsewhere = await http(demo, 'POST', '/v1/inbox/bot_shop/agents/me/online', {
      online: false,
      clientTimestamp: String(Date.now() + 10 * 60_000),
    });
    expect(elsewhere.status).toBe(200);
    await until(async () => {
      const now = await h.call('presence.get', {});
      return now.intent === false && now.lostRace;
    }, 'the toggle to show the other device won');
    expect(h.eventsOf('presence.changed', from).at(-1)).toMatchObject({ intent: false, lostRace: true });
  });

  it('adds the same server with the agent key as a second account, each with its own "mine"', async () => {
    const agentKey = workspaceKey(testSecret, 'agent');
    const account = await h.call('session.addAccount', { baseUrl: demo.url, key: agentKey, chatbotIds: CHATBOTS });
    expect(account).toMatchObject({ platform: 'chatcaptain', demo: false, agent: { id: 'agent_jonas' } });
    await until(() => h.app.cache.inbox().filter((c) => c.accountId === account.id).length === all.length, "the agent account's inbox");

    const mine = await h.call('inbox.list', { filter: InboxFilter.parse({ view: 'mine' }) });
    const current = await serverConversations(demo);
    const expected = (accountId2: string, agentId: string) =>
      current.filter((c) => !c.archived && c.status === 'assigned' && c.assignedAgentId === agentId).map((c) => keyOf(refOf(accountId2, c)));
    expect(mine.map((c) => c.key).sort()).toEqual([...expected(accountId, 'agent_lena'), ...expected(account.id, 'agent_jonas')].sort());

    expect(await h.call('session.signOut', { accountId: account.id })).toBe(true);
    expect(h.app.cache.inbox().filter((c) => c.accountId === account.id)).toEqual([]);
    expect(h.app.cache.inbox()).toHaveLength(all.length);
  });

  it('reaches organizations and versions through the handlers', async () => {
    const base = { accountId, chatbotId: 'bot_shop' };
    const list = await h.call('organizations.list', { ...base, limit: 5 });
    expect(list.organizations.length).toBeGreaterThan(0);
    const first = list.organizations[0]!;
    expect(await h.call('organizations.get', { ...base, organizationId: first.id })).toEqual(first);
    const found = await h.call('organizations.search', { ...base, query: first.name.slice(0, 5), page: 1, pageSize: 10 });
    expect(found.organizations.map((o) => o.id)).toContain(first.id);
    const contacts = await h.call('organizations.contacts', { ...base, organizationId: first.id });
    expect(await h.call('organizations.contactCount', { ...base, organizationId: first.id })).toBe(contacts.length);

    const created = await h.call('organizations.create', { ...base, fields: { name: 'Deckhand Test GmbH', email: 'info@deckhand.test' } });
    expect(created).toMatchObject({ name: 'Deckhand Test GmbH', email: 'info@deckhand.test' });
    expect(await h.call('organizations.update', { ...base, organizationId: created.id, fields: { industry: 'Software' } })).toMatchObject({
      id: created.id,
      industry: 'Software',
    });
    expect(await h.call('organizations.delete', { ...base, organizationId: created.id })).toBe(true);
    expect((await h.failure('organizations.get', { ...base, organizationId: created.id })).code).toBe('NotFound');

    const before = await h.call('versions.list', base);
    const version = await h.call('versions.create', { ...base, name: 'Deckhand test', description: 'from the test', environment: 'dev' });
    expect((await h.call('versions.list', base)).map((v) => v.id)).toEqual(expect.arrayContaining([...before.map((v) => v.id), version.id]));
    const deployed = await h.call('versions.deploy', { ...base, versionId: version.id, environment: 'test' });
    expect(deployed.id).toBe(version.id);
    expect((await h.call('versions.rollback', { ...base, versionId: version.id })).id).toBeDefined();
    const removable = await h.call('versions.create', { ...base, name: 'to delete', environment: 'dev' });
    expect(await h.call('versions.delete', { ...base, versionId: removable.id })).toBe(true);
    expect((await h.call('versions.list', base)).map((v) => v.id)).not.toContain(removable.id);
  });
});

