// The workspace's own keys at rest: derived from a secret that is not stored, so the database
// file holds only their hashes; the same secret on the same file gives the same keys, another one
// replaces them. Database files are readable by their owner only.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from '../../../src/server/app';
import { hashKey } from '../../../src/server/store/keys';
import { migrations } from '../../../src/server/db/migrations';
import { SqliteDb } from '../../../src/node/sqlite';
import { call } from '../../support/server';

const secret = 'workspace-test-secret-0123456789';
const dir = mkdtempSync(join(tmpdir(), 'deckhand-workspace-keys-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every byte SQLite keeps for the file: the database and, while open, its write-ahead log. */
const bytesOf = (file: string) =>
  Buffer.concat([file, `${file}-wal`].filter((f) => existsSync(f)).map((f) => readFileSync(f))).toString('latin1');

describe('workspace keys', () => {
  it('keeps no plain key in the database file, only hashes', async () => {
    const file = join(dir, 'plain.sqlite');
    const server = await startServer({ db: file, secret });
    const keys = Object.values(server.workspace.keys);
    await server.close();
    expect(keys.length).toBeGreaterThanOrEqual(3);
    const bytes = bytesOf(file);
    for (const key of keys) {
      expect(bytes).not.toContain(key);
      expect(bytes).toContain(hashKey(key));
    }
  });

  it('gives the same keys for the same secret on the same file, and new ones (the old refused) for another', async () => {
    const file = join(dir, 'restart.sqlite');
    const first = await startServer({ db: file, secret });
    const keys = first.workspace.keys;
    await first.close();

    const again = await startServer({ db: file, secret });
    try {
      expect(again.workspace.keys).toEqual(keys);
      expect((await call(again, 'GET', '/v1/auth/me', { key: keys.agent })).status).toBe(200);
    } finally {
      await again.close();
    }

    const other = await startServer({ db: file, secret: 'another-secret-for-this-file-0000' });
    try {
      for (const role of Object.keys(keys) as (keyof typeof keys)[]) {
        expect(other.workspace.keys[role]).not.toBe(keys[role]);
        expect((await call(other, 'GET', '/v1/auth/me', { key: keys[role] })).status).toBe(401);
        expect((await call(other, 'GET', '/v1/auth/me', { key: other.workspace.keys[role] })).status).toBe(200);
      }
    } finally {
      await other.close();
    }
  });

  it('refuses a secret too short to keep the keys unguessable', async () => {
    await expect(startServer({ secret: 'short' })).rejects.toThrow(/at least 16 characters/);
  });

  it.skipIf(process.platform === 'win32')('creates the database file readable by its owner only', async () => {
    const file = join(dir, 'mode.sqlite');
    const server = await startServer({ db: file, secret });
    try {
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(statSync(`${file}-wal`).mode & 0o777).toBe(0o600);
    } finally {
      await server.close();
    }
  });

  it('upgrades a file that kept its keys in plain text: they are wiped and stop working; issued keys stay', async () => {
    const file = join(dir, 'upgrade.sqlite');
    const plainAdmin = 'cc_plain_admin_key_of_an_older_version';
    const issued = 'cc_issued_key_that_must_keep_working';
    // The file as the first schema left it: the workspace's keys in workspace_credentials.
    const old = new SqliteDb(file, migrations.slice(0, 1), 'old');
    const now = new Date().toISOString();
    old.run('INSERT INTO chatbots (id, name, created_at) VALUES (?, ?, ?)', 'bot_shop', 'Shop-Assistent', now);
    for (const agent of ['agent_lena', 'agent_jonas', 'agent_mia', 'agent_sam']) old.run('INSERT INTO agents (id, name) VALUES (?, ?)', agent, agent);
    const insertKey = 'INSERT INTO api_keys (id, key_hash, label, agent_id, permissions, chatbot_ids, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)';
    old.run(insertKey, 'key_old_admin', hashKey(plainAdmin), 'workspace admin', 'agent_lena', '["chatbots.conversations.list"]', '["bot_shop"]', now);
    old.run(insertKey, 'key_old_issued', hashKey(issued), 'issued', 'agent_lena', '["chatbots.conversations.list"]', '["bot_shop"]', now);
    old.run('INSERT INTO workspace_credentials (role, key) VALUES (?, ?)', 'admin', plainAdmin);
    old.close();
    expect(bytesOf(file)).toContain(plainAdmin);

    const server = await startServer({ db: file, secret });
    try {
      expect((await call(server, 'GET', '/v1/auth/me', { key: plainAdmin })).status).toBe(401);
      expect((await call(server, 'GET', '/v1/auth/me', { key: issued })).status).toBe(200);
      expect((await call(server, 'GET', '/v1/auth/me', { key: server.workspace.keys.admin })).status).toBe(200);
    } finally {
      await server.close();
    }
    // Not even in the pages SQLite freed: dropped content is overwritten, not just unlinked.
    expect(bytesOf(file)).not.toContain(plainAdmin);
  });
});
