// What a restart brings back: every account whose key is in the vault, even when another one
// (the demo, whose server fails to start) cannot open, which is reported with the reason.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Accounts, type DemoServer } from '../../../../src/main/services/accounts/accounts';
import { chatcaptainPlatform } from '../../../../src/main/services/platforms/chatcaptain/index';
import { registryOf } from '../../../../src/main/services/platforms/registry';
import { startServer, type RunningServer } from '../../../../src/server/app';
import { MemoryVault } from '../../../support/memory-vault';

const dirs: string[] = [];
const servers: RunningServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function demoFrom(server: RunningServer, fail: { now: boolean }): DemoServer {
  return {
    async start() {
      if (fail.now) throw new Error('port in use');
      return { url: server.url, key: server.workspace.keys.admin, chatbotIds: ['bot_shop'] };
    },
    async stop() {},
  };
}

describe('Accounts.restore', () => {
  it('reopens the accounts it can and reports the one it cannot, without losing it', async () => {
    const server = await startServer();
    servers.push(server);
    const dir = mkdtempSync(join(tmpdir(), 'deckhand-accounts-'));
    dirs.push(dir);
    const vault = new MemoryVault();
    const fail = { now: false };
    const platforms = registryOf(chatcaptainPlatform());
    const first = new Accounts(join(dir, 'accounts.json'), vault, platforms, demoFrom(server, fail));
    await first.openDemo();
    const added = await first.add({ platform: 'chatcaptain', baseUrl: server.url, key: server.workspace.keys.agent, chatbotIds: ['bot_shop'], allowPlainTextStorage: false });

    fail.now = true;
    const second = new Accounts(join(dir, 'accounts.json'), vault, platforms, demoFrom(server, fail));
    const { open, failed } = await second.restore();
    expect(open.map((o) => o.account.id)).toEqual([added.account.id]);
    expect(failed.map((f) => [f.demo, f.reason, f.detail])).toEqual([[true, 'demoUnavailable', 'port in use']]);
    expect(second.list().map((a) => [a.platform, a.demo])).toEqual([
      ['chatcaptain', true],
      ['chatcaptain', false],
    ]);

    fail.now = false;
    expect((await second.restore()).open).toHaveLength(2);
  });
});

describe('Accounts file from before platforms', () => {
  it('reads the ChatCaptain accounts it held, with their permissions as grants, and reopens them', async () => {
    const server = await startServer();
    servers.push(server);
    const dir = mkdtempSync(join(tmpdir(), 'deckhand-accounts-'));
    dirs.push(dir);
    const vault = new MemoryVault();
    const legacy = [
      {
        id: 'acc_old',
        kind: 'chatcaptain',
        label: 'old.example',
        baseUrl: server.url,
        agent: { id: 'agent_jonas', name: 'Jonas Weber' },
        chatbots: [{ id: 'bot_shop', name: 'Shop', permissions: ['chatbots.organizations.list', 'chatbots.versions.list'] }],
      },
    ];
    writeFileSync(join(dir, 'accounts.json'), JSON.stringify(legacy));
    vault.write('account:acc_old', server.workspace.keys.agent);
    const accounts = new Accounts(join(dir, 'accounts.json'), vault, registryOf(chatcaptainPlatform()), demoFrom(server, { now: false }));
    const [account] = accounts.list();
    expect(account).toMatchObject({ id: 'acc_old', platform: 'chatcaptain', demo: false });
    expect(account!.chatbots[0]!.abilities).toEqual(['organizations.list', 'versions.list']);
    expect(account!.chatbots[0]!.lacking).toContainEqual({ ability: 'versions.deploy', permission: 'chatbots.versions.deploy' });
    const { open } = await accounts.restore();
    expect(open.map((o) => o.account.id)).toEqual(['acc_old']);
    expect(await open[0]!.platform.changes('bot_shop', null)).toMatchObject({ conversations: expect.any(Array) });
  });
});
