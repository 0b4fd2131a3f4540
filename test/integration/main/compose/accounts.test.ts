// The composed app with accounts of their own: adding one (only once a real call accepts the
// key), a restart that shows the cache before the network answers, sign-out, keys without
// permissions, the vault's consent, the first start in the demo, and a stop that leaves nothing.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedDemo } from '../../../../src/main/demo-server';
import { ChatCaptainPlatform } from '../../../../src/main/services/platforms/chatcaptain/chatcaptain';
import type { PlatformFactory } from '../../../../src/main/services/platforms/platform';
import { registryOf } from '../../../../src/main/services/platforms/registry';
import { startServer, type RunningServer } from '../../../../src/server/app';
import type { Role } from '../../../../src/shared/permissions';
import { InboxFilter } from '../../../../src/shared/view-models';
import { workspaceKey } from '../../../../src/server/store/workspace';
import { MemoryVault } from '../../../support/memory-vault';
import { roleAbilities } from '../../../support/role-abilities';
import { testSecret } from '../../../support/server';
import { until } from '../../../support/until';
import { CHATBOTS, Harness, activeTimers, customer, fast, http, refOf, serverConversations, storedAccounts, type Endpoint } from '../app-harness';

// A "real" ChatCaptain account needs a server that outlives the app: the embedded demo stops
// with its Deckhand and comes back on another port, so these accounts talk to a standalone
// local server (and the demo workspace runs beside it, embedded, as in the app).
describe('the app with accounts', () => {
  let root: string;
  let demoFile: string;
  let dataDir: string;
  const vault = new MemoryVault();
  let a: Harness;
  let b: Harness | null = null;
  let chatcaptain: RunningServer;
  let server: Endpoint;
  let keys: Record<Role, string>;
  let accountId = '';

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'deckhand-accounts-'));
    demoFile = join(root, 'demo.sqlite');
    dataDir = join(root, 'data');
    chatcaptain = await startServer({ db: join(root, 'chatcaptain.sqlite'), demo: true });
    keys = chatcaptain.workspace.keys;
    server = { url: chatcaptain.url, key: keys.admin };
    a = new Harness(dataDir, vault, embeddedDemo(demoFile, { secret: testSecret, simulatePerMin: 0 }));
    await a.app.start();
    await a.call('session.openDemo', {});
  });

  afterAll(async () => {
    await a?.app.stop();
    await b?.app.stop();
    await chatcaptain?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('adds a ChatCaptain account only after a real call accepts the key', async () => {
    const input = { baseUrl: server.url, chatbotIds: CHATBOTS };
    expect(await a.failure('session.addAccount', { ...input, key: 'cc_this_key_does_not_exist' })).toMatchObject({ code: 'Unauthorized' });
    const limited = await a.failure('session.addAccount', { ...input, chatbotIds: ['bot_shop', 'bot_elsewhere'], key: keys.agent });
    expect(limited.code).toBe('Forbidden');
    expect(limited.message).toContain('bot_elsewhere');
    expect(vault.names().filter((n) => n.startsWith('account:'))).toEqual([]);
    expect(storedAccounts(dataDir).map((s) => s.demo)).toEqual([true]);

    const account = await a.call('session.addAccount', { ...input, key: keys.agent });
    accountId = account.id;
    expect(account).toMatchObject({ platform: 'chatcaptain', demo: false, baseUrl: server.url, agent: { id: 'agent_jonas', name: 'Jonas Weber' } });
    // An agent key: the conversation tools and presence, organizations to read; no versions.
    const agent = roleAbilities.agent;
    for (const chatbot of account.chatbots) {
      expect([...chatbot.abilities].sort()).toEqual([...agent].sort());
      expect(chatbot.lacking).toContainEqual({ ability: 'versions.list', permission: 'chatbots.versions.list' });
    }
    expect(account.capabilities).toContain('presence');
    expect(vault.read(`account:${accountId}`)).toBe(keys.agent);
    expect(storedAccounts(dataDir).map((s) => s.id)).toContain(accountId);
    expect(readFileSync(join(dataDir, 'accounts.json'), 'utf8')).not.toContain(keys.agent);
    expect((await a.call('session.state', {})).accounts.map((x) => x.id)).toContain(accountId);

    const total = (await serverConversations(server)).length;
    await until(() => a.app.cache.inbox().filter((c) => c.accountId === accountId).length === total, "the account's inbox");
    expect((await a.failure('session.addAccount', { ...input, key: keys.agent })).code).toBe('Invalid');
  });

  it('sends a key across a network only over https', async () => {
    const stored = vault.names().length;
    // A server elsewhere on plain http: refused before anything is sent (the address is never asked).
    const plain = await a.failure('session.addAccount', { baseUrl: 'http://chatcaptain.example.com', key: keys.agent, chatbotIds: CHATBOTS });
    expect(plain).toMatchObject({ code: 'Invalid' });
    expect(plain.message).toMatch(/https/);
    const lan = await a.failure('session.addAccount', { baseUrl: 'http://192.168.10.4:4100', key: keys.agent, chatbotIds: CHATBOTS });
    expect(lan).toMatchObject({ code: 'Invalid' });
    expect(vault.names()).toHaveLength(stored);
  });

  it('names the permission a key lacks', async () => {
    const base = { accountId, chatbotId: 'bot_shop' };
    expect(await a.failure('versions.list', base)).toMatchObject({ code: 'Forbidden', permission: 'chatbots.versions.list' });
    expect(await a.failure('organizations.create', { ...base, fields: { name: 'Nope' } })).toMatchObject({
      code: 'Forbidden',
      permission: 'chatbots.organizations.create',
    });
  });

  it('restores the accounts after a restart, showing the cached inbox before the sync answers, and keeps the settings', async () => {
    expect(await a.call('settings.set', { sound: false, idleAwayMinutes: 15 })).toMatchObject({ sound: false, idleAwayMinutes: 15 });
    const cachedBefore = a.app.cache.inbox().map((c) => c.key).sort();
    expect(cachedBefore.length).toBeGreaterThanOrEqual(2 * 120);
    await a.app.stop();
    expect(a.clock.pending.size).toBe(0);

    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    let answered = 0;
    // ChatCaptain whose first answers to "what changed" wait until the test lets them through.
    const gated: PlatformFactory = {
      id: 'chatcaptain',
      open: ({ baseUrl, secret, demo }) => {
        const real = new ChatCaptainPlatform({ baseUrl, key: secret, demo, ...fast });
        const changes = real.changes.bind(real);
        real.changes = async (...args) => {
          await gate;
          answered++;
          return changes(...args);
        };
        return real;
      },
    };
    b = new Harness(dataDir, vault, embeddedDemo(demoFile, { secret: testSecret, simulatePerMin: 0 }), { platforms: registryOf(gated) });
    await b.app.start();
    const session = await b.call('session.state', {});
    expect(session.accounts.map((x) => x.demo).sort()).toEqual([false, true]);
    expect(session.accounts.find((x) => !x.demo)).toMatchObject({ id: accountId, platform: 'chatcaptain', agent: { id: 'agent_jonas' } });
    const listed = await b.call('inbox.list', { filter: InboxFilter.parse({ view: 'archived' }) });
    expect(b.app.cache.inbox().map((c) => c.key).sort()).toEqual(cachedBefore);
    expect(listed.length).toBeGreaterThan(0);
    expect(answered).toBe(0);
    expect(await b.call('settings.get', {})).toMatchObject({ sound: false, idleAwayMinutes: 15 });

    release();
    await until(async () => (await b!.call('session.state', {})).accounts.every((x) => x.connection.state === 'live'), 'both accounts live');
    expect(answered).toBeGreaterThan(0);
  });

  it('reads again at each start what the key may do: grants stored earlier (or changed by an admin since) are replaced', async () => {
    await b!.app.stop();
    // As an older Deckhand stored it: fewer abilities than the key has now, and an old name.
    const file = join(dataDir, 'accounts.json');
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { id: string; agent: { name: string }; chatbots: { abilities: string[] }[] }[];
    const mine = stored.find((s) => s.id === accountId)!;
    mine.agent.name = 'Jonas (old)';
    for (const chatbot of mine.chatbots) chatbot.abilities = chatbot.abilities.filter((x) => !x.startsWith('contacts.') && x !== 'unassign');
    writeFileSync(file, JSON.stringify(stored));

    b = new Harness(dataDir, vault, embeddedDemo(demoFile, { secret: testSecret, simulatePerMin: 0 }));
    await b.app.start();
    const account = async () => (await b!.call('session.state', {})).accounts.find((x) => x.id === accountId)!;
    await until(async () => (await account()).agent.name === 'Jonas Weber', 'the agent as the server knows them');
    for (const chatbot of (await account()).chatbots) expect([...chatbot.abilities].sort()).toEqual([...roleAbilities.agent].sort());
    expect(b.eventsOf('session.changed').at(-1)?.accounts.find((x) => x.id === accountId)?.agent.name).toBe('Jonas Weber');
    const kept = (JSON.parse(readFileSync(file, 'utf8')) as typeof stored).find((s) => s.id === accountId)!;
    expect(kept.agent.name).toBe('Jonas Weber');
    expect(kept.chatbots[0]!.abilities).toContain('contacts.get');
  });

  it('signs out: the account leaves the session, the cache and the vault', async () => {
    const h = b!;
    const keysBefore = h.app.cache.inbox().filter((c) => c.accountId === accountId).map((c) => c.key);
    expect(keysBefore.length).toBeGreaterThan(0);
    // Online on that account, then signed out: its server must show the agent offline.
    await h.call('presence.set', { online: true });
    const online = async () =>
      (await http<{ agents: { agentId: string; online: boolean }[] }>(server, 'GET', '/v1/inbox/bot_shop/agents/online')).body.agents.find(
        (a) => a.agentId === 'agent_jonas',
      )?.online;
    await until(async () => (await online()) === true, 'the agent online on the account');
    const from = h.events.length;
    expect(await h.call('session.signOut', { accountId })).toBe(true);
    expect(await online()).toBe(false);

    expect(h.app.cache.inbox().filter((c) => c.accountId === accountId)).toEqual([]);
    expect((await h.call('inbox.list', {})).filter((c) => c.accountId === accountId)).toEqual([]);
    expect(vault.names().filter((n) => n.startsWith('account:'))).toEqual([]);
    expect(storedAccounts(dataDir).map((s) => s.demo)).toEqual([true]);
    expect((await h.call('session.state', {})).accounts.map((x) => x.demo)).toEqual([true]);
    await until(() => h.eventsOf('inbox.changed', from).flatMap((e) => e.removed).length === keysBefore.length, 'the removal in inbox.changed');
    expect(h.eventsOf('inbox.changed', from).flatMap((e) => e.removed).sort()).toEqual([...keysBefore].sort());
  });

  it('gives a viewer key Forbidden, naming the permission, and fails its replies visibly', async () => {
    const h = b!;
    const viewer = await h.call('session.addAccount', { baseUrl: server.url, key: keys.viewer, chatbotIds: CHATBOTS });
    const total = (await serverConversations(server)).length;
    await until(() => h.app.cache.inbox().filter((c) => c.accountId === viewer.id).length === total, "the viewer's inbox");
    const conversation = h.app.cache.inbox().find((c) => c.accountId === viewer.id && !c.archived)!;
    const ref = refOf(viewer.id, conversation);

    expect(await h.failure('conversation.setArchived', { ref, archived: true })).toMatchObject({
      code: 'Forbidden',
      permission: 'chatbots.conversations.edit',
    });
    expect(await h.failure('organizations.create', { accountId: viewer.id, chatbotId: 'bot_shop', fields: { name: 'Nope' } })).toMatchObject({
      code: 'Forbidden',
      permission: 'chatbots.organizations.create',
    });
    const from = h.events.length;
    const item = await h.call('conversation.reply', { ref, text: 'I may not say this' });
    await until(
      () => h.eventsOf('outbox.changed', from).some((e) => e.items.some((i) => i.clientMessageId === item.clientMessageId && i.state === 'failed')),
      'the reply to fail',
    );
    await h.call('session.signOut', { accountId: viewer.id });
  });

  it('asks before storing a key where the OS offers no real encryption', async () => {
    const c = new Harness(join(root, 'plain'), new MemoryVault('basic_text'), embeddedDemo(join(root, 'unused.sqlite'), { secret: testSecret }));
    try {
      await c.app.start();
      expect((await c.call('session.state', {})).vault.encryption).toBe('basic_text');
      const input = { baseUrl: server.url, key: keys.agent, chatbotIds: ['bot_shop'] };
      expect(await c.failure('session.addAccount', input)).toMatchObject({ code: 'WeakEncryption' });
      expect(c.vault.names().filter((n) => n.startsWith('account:'))).toEqual([]);
      expect(storedAccounts(join(root, 'plain'))).toEqual([]);

      const account = await c.call('session.addAccount', { ...input, allowPlainTextStorage: true });
      expect(c.vault.read(`account:${account.id}`)).toBe(keys.agent);
      expect(storedAccounts(join(root, 'plain')).map((s) => s.id)).toEqual([account.id]);
    } finally {
      await c.app.stop();
    }
  });
});

describe('the first start', () => {
  it('opens the demo on a machine where nothing was set up, and not again after the agent signed out of it', async () => {
    const root = mkdtempSync(join(tmpdir(), 'deckhand-first-run-'));
    const data = join(root, 'data');
    const demo = () => embeddedDemo(join(root, 'demo.sqlite'), { secret: testSecret, simulatePerMin: 0 });
    const first = new Harness(data, new MemoryVault(), demo(), { openDemoOnFirstRun: true });
    try {
      await first.app.start();
      const session = await first.call('session.state', {});
      expect(session.accounts.map((a) => a.demo)).toEqual([true]);
      await until(() => first.app.cache.inbox().length > 100, 'the demo inbox');
      await first.call('session.signOut', { accountId: session.accounts[0]!.id });
    } finally {
      await first.app.stop();
    }
    const second = new Harness(data, new MemoryVault(), demo(), { openDemoOnFirstRun: true });
    try {
      await second.app.start();
      expect((await second.call('session.state', {})).accounts).toEqual([]);
    } finally {
      await second.app.stop();
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('tries again after a failed start instead of keeping the failure', async () => {
    const root = mkdtempSync(join(tmpdir(), 'deckhand-demo-'));
    const later = join(root, 'not-yet');
    const h = new Harness(join(root, 'data'), new MemoryVault(), embeddedDemo(join(later, 'demo.sqlite'), { secret: testSecret, simulatePerMin: 0 }));
    try {
      await h.app.start();
      expect((await h.failure('session.openDemo', {})).code).toBe('Internal');
      expect(storedAccounts(join(root, 'data'))).toEqual([]);
      mkdirSync(later);
      expect(await h.call('session.openDemo', {})).toMatchObject({ demo: true });
    } finally {
      await h.app.stop();
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('stop', () => {
  it('leaves no timer running and closes the demo server', async () => {
    const root = mkdtempSync(join(tmpdir(), 'deckhand-stop-'));
    const baseline = activeTimers();
    const h = new Harness(join(root, 'data'), new MemoryVault(), embeddedDemo(join(root, 'demo.sqlite'), { secret: testSecret, simulatePerMin: 0 }));
    try {
      await h.app.start();
      const account = await h.call('session.openDemo', {});
      await until(async () => (await h.call('session.state', {})).accounts[0]!.connection.state === 'live', 'live');
      const conversation = h.app.cache.inbox().find((c) => c.status === 'waiting')!;
      const ref = refOf(account.id, conversation);
      // Things that leave timers behind if anything does: a self-assignment, a reply, presence, a notification.
      await h.call('conversation.assignToMe', { ref });
      await h.call('conversation.reply', { ref, text: 'On it.' });
      await h.call('presence.set', { online: true });
      const other = h.app.cache.inbox().find((c) => c.status === 'waiting' && c.assignedAgentId === null && c.key !== conversation.key)!;
      await customer({ url: account.baseUrl, key: workspaceKey(testSecret, 'admin') }, { ...other, providerId: other.contactHandle! }, 'ping');
      expect(h.clock.pending.size).toBeGreaterThan(0);

      await h.app.stop();
      expect([...h.clock.pending]).toEqual([]);
      await until(() => activeTimers() <= baseline, 'every timer to be gone', 5_000);
      await expect(fetch(`${account.baseUrl}/v1/auth/me`)).rejects.toThrow();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
