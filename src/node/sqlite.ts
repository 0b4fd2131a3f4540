// SQLite for the two Node processes that keep data (main's cache and outbox, the local API
// server), through @photostructure/sqlite (the node:sqlite API; its N-API build loads in Node and
// in Electron alike). Every query is a cached prepared statement: values go in as parameters,
// never into the SQL text. Migrations are a list of steps applied in order, with PRAGMA
// user_version counting how many a file has had: SQL scripts, or a function where a value must be
// worked out by a rule the app already has (not copied into SQL).
import { closeSync, openSync } from 'node:fs';
import { foldForSearch } from '../shared/fold';
import { DatabaseSync, type DatabaseSyncInstance, type StatementSyncInstance } from '@photostructure/sqlite';

export type SqlValue = string | number | bigint | null | Uint8Array;
export type Row = Record<string, SqlValue>;
/** One schema step: SQL, or code given the database (inside the step's transaction). */
export type Migration = string | ((db: SqliteDb) => void);

export class SqliteDb {
  private readonly raw: DatabaseSyncInstance;
  private readonly statements = new Map<string, StatementSyncInstance>();

  /** `file` may be ':memory:'. `name` says which database an error is about. */
  constructor(
    file: string,
    private readonly migrations: readonly Migration[],
    private readonly name: string,
  ) {
    // The file is made here, readable by its owner only, before SQLite would make it with the
    // umask's mode (often world-readable); SQLite gives its -wal and -shm files the same mode.
    if (file !== ':memory:') closeSync(openSync(file, 'a', 0o600));
    this.raw = new DatabaseSync(file);
    // synchronous = NORMAL is durable across a process crash in WAL mode (only an OS crash or
    // power loss may drop the last commits) and keeps many small writes cheap; see tx().
    this.raw.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;');
    // SQLite's LIKE and lower() fold ASCII only; searches in German need "MÜLLER" to find "Müller".
    this.raw.function('fold', { deterministic: true }, (text: unknown) => (typeof text === 'string' ? foldForSearch(text) : text));
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
   * commit to disk, so it survives a power loss, not only a crash: for what the agent typed.
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
    if (current > this.migrations.length) {
      // Written by a newer version: reading it with an older schema could corrupt it.
      throw new Error(`${this.name} has schema version ${current}; this build knows up to ${this.migrations.length}`);
    }
    this.migrations.slice(current).forEach((step, index) => {
      this.tx(() => {
        if (typeof step === 'string') this.raw.exec(step);
        else step(this);
        // PRAGMA takes no parameters; the value is our own loop counter.
        this.raw.exec(`PRAGMA user_version = ${current + index + 1}`);
      });
    });
  }
}
