// Accounts kept from the last session that cannot be opened at start: the key this system can no
// longer decrypt, a key gone from the vault, an address an older Deckhand stored over plain http,
// an address that is none, a platform this Deckhand does not know. Each is kept and shown with its
// reason, never silently dropped; Remove forgets it, signing in again to its workspace replaces it.
// And a key the server refuses at start ends signed out, as when the sync loses it while running.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { embeddedDemo } from '../../../../src/main/demo-server';
import type { StoredAccount } from '../../../../src/main/services/accounts/stored-account';
import { startServer, type RunningServer } from '../../../../src/server/app';
import { rolePermissions } from '../../../../src/shared/permissions';
import type { Role } from '../../../../src/shared/permissions';
import { MemoryVault } from '../../../support/memory-vault';
import { testSecret } from '../../../support/server';
import { until } from '../../../support/until';
import { CHATBOTS, Harness, serverConversations, storedAccounts } from '../app-harness';

let root: string;
let dataDir: string;
let server: RunningServer;
let keys: Record<Role, string>;
const vault = new MemoryVault();
const running: Harness[] = [];
/** The account signed in at first, as its entry in accounts.json. */
let stored: StoredAccount;

const accountsFile = () => join(dataDir, 'accounts.json');
const readStored = () => JSON.parse(readFileSync(accountsFile(), 'utf8')) as StoredAccount[];
const writeStored = (accounts: StoredAccount[]) => writeFileSync(accountsFile(), JSON.stringify(accounts));

/** Deckhand started again on the same data folder and vault. */
async function restart(): Promise<Harness> {
  for (const h of running.splice(0)) await h.app.stop();
  const h = new Harness(dataDir, vault, embeddedDemo(join(root, 'demo.sqlite'), { secret: testSecret, simulatePerMin: 0 }));
  running.push(h);
  await h.app.start();
  return h;
}

/** An older Deckhand's entry, as accounts.json keeps it, with a key in the vault. */
function olderEntry(id: string, changes: Partial<StoredAccount>): StoredAccount {
  vault.write(`account:${id}`, keys.agent);
  return { ...stored, id, label: `${id} label`, ...changes };
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'deckhand-unopened-'));
  dataDir = join(root, 'data');
  server = await startServer({ db: join(root, 'chatcaptain.sqlite'), demo: true });
  keys = server.workspace.keys;
  const first = await restart();
  const account = await first.call('session.addAccount', { baseUrl: server.url, key: keys.agent, chatbotIds: CHATBOTS });
  await until(() => first.app.cache.inbox().length > 0, 'the inbox in the cache');
  stored = readStored().find((a) => a.id === account.id)!;
});

afterEach(async () => {
  for (const h of running.splice(0)) await h.app.stop();
});

afterAll(async () => {
  await server?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('an account that cannot be reopened', () => {
  it('whose key this system cannot decrypt is shown with that reason, and kept for the next start', async () => {
    vault.spoil(`account:${stored.id}`);
    const h = await restart();
    const state = await h.call('session.state', {});
    expect(state.accounts).toEqual([]);
    expect(state.unopened).toEqual([
      { id: stored.id, platform: 'chatcaptain', demo: false, label: stored.label, baseUrl: server.url, chatbotIds: CHATBOTS, reason: 'keyUnreadable', detail: null },
    ]);
    expect(h.eventsOf('session.changed').at(-1)?.unopened.map((u) => u.reason)).toEqual(['keyUnreadable']);
    // Its conversations cannot be worked without its key: they leave the inbox with it.
    expect(await h.call('inbox.list', {})).toEqual([]);
    expect(readStored().map((a) => a.id)).toEqual([stored.id]);
    expect(vault.has(`account:${stored.id}`)).toBe(true);

    const again = await restart();
    expect((await again.call('session.state', {})).unopened.map((u) => [u.id, u.reason])).toEqual([[stored.id, 'keyUnreadable']]);
  });

  it('whose key is gone from the vault is kept and says so (it used to vanish)', async () => {
    vault.remove(`account:${stored.id}`);
    const h = await restart();
    const state = await h.call('session.state', {});
    expect(state.unopened.map((u) => [u.id, u.reason, u.detail])).toEqual([[stored.id, 'keyMissing', null]]);
    expect(storedAccounts(dataDir).map((a) => a.id)).toEqual([stored.id]);
  });

  it('at a plain-http address of another computer is not reopened, key and all; one on this computer is', async () => {
    vault.write(`account:${stored.id}`, keys.agent);
    writeStored([
      stored,
      olderEntry('acc_plain', { baseUrl: 'http://chatcaptain.example.com' }),
      olderEntry('acc_lan', { baseUrl: 'http://192.168.10.4:4100' }),
    ]);
    const h = await restart();
    const state = await h.call('session.state', {});
    expect(state.accounts.map((a) => a.id)).toEqual([stored.id]);
    expect(state.unopened.map((u) => [u.id, u.reason, u.detail])).toEqual([
      ['acc_plain', 'plainHttp', 'chatcaptain.example.com'],
      ['acc_lan', 'plainHttp', '192.168.10.4:4100'],
    ]);
    expect(JSON.stringify(state)).not.toContain(keys.agent);
    await until(async () => (await h.call('session.state', {})).accounts[0]!.connection.state === 'live', 'the loopback account live');
  });

  it('with an address that is none, or on a platform this Deckhand does not know, says which', async () => {
    writeStored([stored, olderEntry('acc_garbled', { baseUrl: 'chatcaptain example' }), olderEntry('acc_other', { platform: 'zendesk' })]);
    const h = await restart();
    expect((await h.call('session.state', {})).unopened.map((u) => [u.id, u.reason, u.detail])).toEqual([
      ['acc_garbled', 'invalidAddress', 'chatcaptain example'],
      ['acc_other', 'unknownPlatform', 'zendesk'],
    ]);
  });

  it('is forgotten by Remove: its entry and its key; the open accounts stay', async () => {
    writeStored([stored, olderEntry('acc_plain', { baseUrl: 'http://chatcaptain.example.com' })]);
    const h = await restart();
    expect((await h.call('session.state', {})).unopened.map((u) => u.id)).toEqual(['acc_plain']);
    const from = h.events.length;
    expect(await h.call('session.signOut', { accountId: 'acc_plain' })).toBe(true);
    expect((await h.call('session.state', {})).unopened).toEqual([]);
    expect(h.eventsOf('session.changed', from).at(-1)).toMatchObject({ unopened: [], accounts: [{ id: stored.id }] });
    expect(storedAccounts(dataDir).map((a) => a.id)).toEqual([stored.id]);
    expect(vault.has('account:acc_plain')).toBe(false);
    expect(vault.has(`account:${stored.id}`)).toBe(true);
  });

  it('is replaced when the agent signs in again to its workspace: one account, with its conversations', async () => {
    vault.spoil(`account:${stored.id}`);
    const h = await restart();
    expect((await h.call('session.state', {})).unopened.map((u) => u.id)).toEqual([stored.id]);

    const account = await h.call('session.addAccount', { baseUrl: `${server.url}/`, key: keys.agent, chatbotIds: CHATBOTS });
    const state = await h.call('session.state', {});
    expect(state.unopened).toEqual([]);
    expect(state.accounts.map((a) => a.id)).toEqual([account.id]);
    expect(storedAccounts(dataDir).map((a) => a.id)).toEqual([account.id]);
    expect([vault.has(`account:${stored.id}`), vault.read(`account:${account.id}`)]).toEqual([false, keys.agent]);
    const total = (await serverConversations({ url: server.url, key: keys.admin })).length;
    await until(() => h.app.cache.inbox().length === total, "the account's inbox");
    expect(h.app.cache.inbox().every((c) => c.accountId === account.id)).toBe(true);
    stored = readStored()[0]!;
  });
});

describe('a key refused at start', () => {
  const connection = async (h: Harness) => (await h.call('session.state', {})).accounts.find((a) => a.id === stored.id)?.connection.state;

  it('that the server no longer knows ends signed out, as when the sync loses it', async () => {
    vault.write(`account:${stored.id}`, 'cc_revoked_0123456789abcdef');
    const h = await restart();
    await until(async () => (await connection(h)) === 'signedOut', 'the account signed out');
    expect(h.eventsOf('session.changed').at(-1)?.accounts[0]?.connection.state).toBe('signedOut');
  });

  it('that may no longer reach one of its chatbots ends signed out, not offline retrying', async () => {
    // An admin took bot_service away from the key: the identity check says so with a 403.
    const shopOnly = server.issueKey({ agentId: 'agent_jonas', permissions: rolePermissions.agent, chatbotIds: ['bot_shop'] });
    vault.write(`account:${stored.id}`, shopOnly);
    const h = await restart();
    await until(async () => (await connection(h)) === 'signedOut', 'the account signed out');
    expect(h.eventsOf('session.changed').at(-1)?.accounts[0]?.connection.state).toBe('signedOut');
  });
});
