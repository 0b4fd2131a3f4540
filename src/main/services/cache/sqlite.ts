// The main process's own SQLite file: the local cache and the reply outbox live in it, so that
// signing out can wipe both in one transaction and a reply survives a crash. Deliberately not
// shared with src/server (main must not depend on the server's internals); the shape is the
// same: node:sqlite API from @photostructure/sqlite, cached prepared statements with values as
// parameters, WAL, and PRAGMA user_version migrations.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync, type DatabaseSyncInstance, type StatementSyncInstance } from '@photostructure/sqlite';

export type SqlValue = string | number | bigint | null | Uint8Array;
export type Row = Record<string, SqlValue>;

export const CACHE_FILE = 'deckhand-cache.sqlite';

// Append only: each entry runs once, in order, and user_version remembers how far a file got.
// Times are epoch ms integers (ISO strings with offsets do not sort as text).
const migrations: readonly string[] = [
  `CREATE TABLE conversations (
     account_id TEXT NOT NULL,
     chatbot_id TEXT NOT NULL,
     id TEXT NOT NULL,
     updated_ms INTEGER NOT NULL,
     status TEXT NOT NULL,
     archived INTEGER NOT NULL,
     -- The InboxConversation as the renderer gets it (accountId, key and chatbotName included),
     -- so the inbox is read with a single JSON.parse.
     json TEXT NOT NULL,
     UNIQUE (account_id, chatbot_id, id)
   );
   CREATE INDEX conversations_by_updated ON conversations (updated_ms);
   CREATE INDEX conversations_by_status ON conversations (account_id, chatbot_id, status, archived);

   CREATE TABLE messages (
     account_id TEXT NOT NULL,
     chatbot_id TEXT NOT NULL,
     conversation_id TEXT NOT NULL,
     id TEXT NOT NULL,
     created_ms INTEGER NOT NULL,
     json TEXT NOT NULL,
     UNIQUE (account_id, chatbot_id, id)
   );
   CREATE INDEX messages_by_conversation ON messages (account_id, chatbot_id, conversation_id, created_ms);

   CREATE TABLE sync_cursors (
     account_id TEXT NOT NULL,
     chatbot_id TEXT NOT NULL,
     updated_since TEXT,
     seq INTEGER,
     PRIMARY KEY (account_id, chatbot_id)
   );

   CREATE TABLE outbox (
     -- AUTOINCREMENT: ids are never reused, so seq is the order replies were written in.
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     client_message_id TEXT NOT NULL UNIQUE,
     -- refKey of the conversation; the three ids again for the request and for sign-out.
     conversation_key TEXT NOT NULL,
     account_id TEXT NOT NULL,
     chatbot_id TEXT NOT NULL,
     conversation_id TEXT NOT NULL,
     text TEXT NOT NULL,
     state TEXT NOT NULL CHECK (state IN ('pending', 'failed', 'sent')),
     attempts INTEGER NOT NULL DEFAULT 0,
     last_error TEXT,
     created_ms INTEGER NOT NULL,
     message_id TEXT
   );
   CREATE INDEX outbox_by_conversation ON outbox (conversation_key, seq);
   CREATE INDEX outbox_by_account ON outbox (account_id);
   CREATE INDEX outbox_by_state ON outbox (state);`,
];

export class MainDb {
  private readonly raw: DatabaseSyncInstance;
  private readonly statements = new Map<string, StatementSyncInstance>();

  /** Opens (creating it and the folder if needed) the cache file in the app's data folder. */
  static open(dataDir: string): MainDb {
    mkdirSync(dataDir, { recursive: true });
    return new MainDb(join(dataDir, CACHE_FILE));
  }

  /** `file` may be ':memory:' for tests that need no file. */
  constructor(file: string) {
    this.raw = new DatabaseSync(file);
    // synchronous = NORMAL is durable across an app crash in WAL mode (only an OS crash or power
    // loss may drop the last commits) and keeps the many small cache writes cheap; see tx().
    this.raw.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;');
    this.migrate();
  }

  all<T = Row>(sql: string, ...params: SqlValue[]): T[] {
    return this.statement(sql).all(...params) as T[];
  }

  get<T = Row>(sql: string, ...params: SqlValue[]): T | undefined {
    return this.statement(sql).get(...params) as T | undefined;
  }

  run(sql: string, ...params: SqlValue[]): { changes: number } {
    const result = this.statement(sql).run(...params);
    return { changes: Number(result.changes) };
  }

  /**
   * Runs `fn` in one transaction; nested calls join the outer one. `durable` also syncs the
   * commit to disk, so it survives a power loss, not only an app crash: for what the agent typed.
   */
  tx<T>(fn: () => T, options: { durable?: boolean } = {}): T {
    if (this.raw.isTransaction) return fn();
    // synchronous cannot change inside a transaction; it is per connection, so set and restore.
    if (options.durable) this.raw.exec('PRAGMA synchronous = FULL');
    try {
      this.raw.exec('BEGIN IMMEDIATE');
      try {
        const result = fn();
        this.raw.exec('COMMIT');
        return result;
      } catch (error) {
        this.raw.exec('ROLLBACK');
        throw error;
      }
    } finally {
      if (options.durable) this.raw.exec('PRAGMA synchronous = NORMAL');
    }
  }

  get isOpen(): boolean {
    return this.raw.isOpen;
  }

  close(): void {
    this.statements.clear();
    if (this.raw.isOpen) this.raw.close();
  }

  private statement(sql: string): StatementSyncInstance {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.raw.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  private migrate(): void {
    const current = Number((this.raw.prepare('PRAGMA user_version').get() as { user_version: number }).user_version);
    if (current > migrations.length) {
      // Written by a newer app version: reading it with an older schema could corrupt it.
      throw new Error(`${CACHE_FILE} has schema version ${current}; this build knows up to ${migrations.length}`);
    }
    migrations.slice(current).forEach((sql, index) => {
      this.tx(() => {
        this.raw.exec(sql);
        // PRAGMA takes no parameters; the value is our own loop counter.
        this.raw.exec(`PRAGMA user_version = ${current + index + 1}`);
      });
    });
  }
}
