// What a restart brings back: every account whose key is in the vault, even when another one
// (the demo, whose server fails to start) cannot open.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Accounts, type DemoServer } from '../../../../src/main/services/accounts/accounts';
import { ChatCaptainBackend } from '../../../../src/main/services/backend/chatcaptain';
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
    const create = (baseUrl: string, key: string) => new ChatCaptainBackend({ baseUrl, key });
    const first = new Accounts(join(dir, 'accounts.json'), vault, create, demoFrom(server, fail));
    await first.openDemo();
    const added = await first.add({ baseUrl: server.url, key: server.workspace.keys.agent, chatbotIds: ['bot_shop'], allowPlainTextStorage: false });

    fail.now = true;
    const second = new Accounts(join(dir, 'accounts.json'), vault, create, demoFrom(server, fail));
    const { open, failed } = await second.restore();
    expect(open.map((o) => o.account.id)).toEqual([added.account.id]);
    expect(failed.map((f) => f.account.kind)).toEqual(['demo']);
    expect(second.list().map((a) => a.kind).sort()).toEqual(['chatcaptain', 'demo']);

    fail.now = false;
    expect((await second.restore()).open).toHaveLength(2);
  });
});
