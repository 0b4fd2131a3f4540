// The server's migrations as shipped. A database file counts in PRAGMA user_version how many of
// them it has run, so every shipped one must stay as it is and where it is (migrations.ts: append,
// never edit): this pins each by its SHA-256, whatever module its SQL is kept in. And a file the
// current schema wrote opens again as it is, without any migration running on it twice.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Db } from '../../../../src/server/db/database';
import { migrations } from '../../../../src/server/db/migrations';

/** In order: the ChatCaptain-compatible schema, the plain workspace keys dropped, the Botpress-compatible schema. */
const SHIPPED = [
  'e78ad95129ab06a6b573723b8e4d5605132213376ee9fb360bea9dea0b652ba1',
  '024cf14e2964391e2f6e342683eaba865cd4ccc9827b9096abb19a238cf41704',
  '1c19fd1864bece522b9b9faffeb7eca06f493ffebe708a2097ae839512a5f327',
];

const dir = mkdtempSync(join(tmpdir(), 'deckhand-server-migrations-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sha256 = (sql: string) => createHash('sha256').update(sql).digest('hex');
const version = (db: Db) => db.get<{ user_version: number }>('PRAGMA user_version')?.user_version;
const schema = (db: Db) => db.all('SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name');

describe('the server migrations', () => {
  it('keep every shipped migration as it was, in its place', () => {
    expect(migrations.length).toBeGreaterThanOrEqual(SHIPPED.length);
    expect(migrations.slice(0, SHIPPED.length).map(sha256)).toEqual(SHIPPED);
  });

  it('reopen a file the current schema wrote as it is, with its data', () => {
    const file = join(dir, 'current.sqlite');
    const now = new Date().toISOString();
    const written = new Db(file);
    written.run('INSERT INTO chatbots (id, name, created_at) VALUES (?, ?, ?)', 'bot_shop', 'Shop-Assistent', now);
    written.run('INSERT INTO bp_workspaces (id, name, created_at) VALUES (?, ?, ?)', 'wkspace_1', 'Support', now);
    const before = schema(written);
    written.close();

    const reopened = new Db(file);
    try {
      expect(version(reopened)).toBe(migrations.length);
      expect(schema(reopened)).toEqual(before);
      expect(reopened.all('SELECT id, name FROM chatbots')).toEqual([{ id: 'bot_shop', name: 'Shop-Assistent' }]);
      expect(reopened.all('SELECT id, name FROM bp_workspaces')).toEqual([{ id: 'wkspace_1', name: 'Support' }]);
    } finally {
      reopened.close();
    }
  });
});
