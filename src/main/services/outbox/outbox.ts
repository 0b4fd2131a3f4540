// The durable reply outbox. A reply is written to SQLite with its clientMessageId before any
// network call, then sent; the server stores a reply once per clientMessageId, so resending
// after a crash, a lost answer or a dropped connection can never duplicate it. SQLite is the
// only record of the items; memory holds just the send loops and retry timers.
//
// Sending is one loop per conversation: replies go out in the order they were written, and no
// reply is ever in flight twice. A failure that may pass (network, timeout, 5xx, 429) keeps the
// reply pending and blocks the replies behind it, retried with backoff or at once on flush(); a
// failure that will not pass (4xx, a malformed answer) marks it failed and the loop moves on,
// so one bad reply does not hold the conversation hostage. retry() puts it back in line.
import { randomUUID } from 'node:crypto';
import type { ErrorCode } from '../../../shared/ipc';
import { conversationKey, type ConversationRef } from '../../../shared/keys';
import type { OutboxItem } from '../../../shared/view-models';
import { fullJitter, type BackoffOptions } from '../backoff';
import type { MainDb } from '../cache/sqlite';
import { AppError } from '../errors/app-error';
import { toIpcError } from '../errors/ipc-error';
import { askedDelayMs, isTransient } from '../errors/transient';
import type { ChatPlatform } from '../platforms/platform';
import type { Clock } from '../ports';

/** Who sends an account's replies: its platform (replying is part of every platform's core). */
export type Replier = Pick<ChatPlatform, 'reply'>;

export interface OutboxOptions {
  /** The same file as the LocalCache: signing out wipes an account's outbox with its cache. */
  db: MainDb;
  /** The account's platform, or null while it is not signed in (flush() is called when it is). */
  replierFor(accountId: string): Replier | null;
  clock: Clock;
  /** The items whose state changed (each carries its conversation key). */
  onChange(items: OutboxItem[]): void;
  newId?: () => string;
  /** Between retries of a pending reply; defaults 1 s growing to 60 s, full jitter. */
  backoff?: BackoffOptions;
}

interface OutboxRow {
  client_message_id: string;
  conversation_key: string;
  account_id: string;
  chatbot_id: string;
  conversation_id: string;
  text: string;
  state: OutboxItem['state'];
  attempts: number;
  last_error: string | null;
  error_code: ErrorCode | null;
  created_ms: number;
  message_id: string | null;
}

type Outcome = { retry: false } | { retry: true; afterMs: number };
const done: Outcome = { retry: false };

/** Sent items stay listed this long, until sync has surely brought the message itself. */
const SENT_RETENTION_MS = 24 * 60 * 60 * 1000;

const toItem = (row: OutboxRow): OutboxItem => ({
  clientMessageId: row.client_message_id,
  key: row.conversation_key,
  text: row.text,
  state: row.state,
  attempts: row.attempts,
  lastError: row.last_error,
  errorCode: row.error_code,
  createdAt: row.created_ms,
  messageId: row.message_id,
});

export class Outbox {
  private readonly db: MainDb;
  private readonly replierFor: (accountId: string) => Replier | null;
  private readonly clock: Clock;
  private readonly onChange: (items: OutboxItem[]) => void;
  private readonly newId: () => string;
  private readonly backoff: BackoffOptions;

  /** Conversations whose send loop is running. */
  private readonly sending = new Set<string>();
  /** Conversations asked to send again while their loop was busy. */
  private readonly again = new Set<string>();
  private readonly timers = new Map<string, unknown>();
  /** Retryable failures in a row, per conversation, for the backoff. */
  private readonly failures = new Map<string, number>();
  private disposed = false;

  constructor(options: OutboxOptions) {
    this.db = options.db;
    this.replierFor = options.replierFor;
    this.clock = options.clock;
    this.onChange = options.onChange;
    this.newId = options.newId ?? (() => randomUUID());
    this.backoff = options.backoff ?? { baseMs: 1_000, capMs: 60_000 };
  }

  /** On app start: drop old sent items and send every pending reply (those a crash left, too). */
  start(): void {
    this.db.run(`DELETE FROM outbox WHERE state = 'sent' AND created_ms < ?`, this.clock.now() - SENT_RETENTION_MS);
    this.flush();
  }

  /** Stores the reply (durably) and starts sending it; the item comes back still pending. */
  enqueue(ref: ConversationRef, text: string): OutboxItem {
    const id = this.newId();
    const key = conversationKey(ref);
    this.db.tx(
      () =>
        this.db.run(
          `INSERT INTO outbox (client_message_id, conversation_key, account_id, chatbot_id, conversation_id, text, state, created_ms)
           VALUES (?, ?, ?, ?, ?, ?, 'pending', ?)`,
          id,
          key,
          ref.accountId,
          ref.chatbotId,
          ref.conversationId,
          text,
          this.clock.now(),
        ),
      { durable: true },
    );
    const item = this.item(id)!;
    this.onChange([item]);
    this.drain(key);
    return item;
  }

  /** Puts a failed reply back in line. */
  retry(clientMessageId: string): OutboxItem {
    const before = this.item(clientMessageId);
    if (!before) throw new AppError('NotFound', `No reply ${clientMessageId} in the outbox`);
    if (before.state !== 'failed') return before;
    this.db.run(`UPDATE outbox SET state = 'pending' WHERE client_message_id = ? AND state = 'failed'`, clientMessageId);
    const item = this.item(clientMessageId)!;
    this.onChange([item]);
    this.drain(item.key);
    return item;
  }

  /** Sends every pending reply now, skipping the backoff wait (a connection came back). */
  flush(): void {
    const keys = this.db.all<{ conversation_key: string }>(`SELECT DISTINCT conversation_key FROM outbox WHERE state = 'pending'`);
    for (const { conversation_key: key } of keys) {
      this.failures.delete(key);
      this.drain(key);
    }
  }

  /** Every item, or one conversation's, in the order they were written. */
  items(key?: string): OutboxItem[] {
    const rows =
      key === undefined
        ? this.db.all<OutboxRow>('SELECT * FROM outbox ORDER BY seq')
        : this.db.all<OutboxRow>('SELECT * FROM outbox WHERE conversation_key = ? ORDER BY seq', key);
    return rows.map(toItem);
  }

  /**
   * Stops timers. A request in flight is not awaited and its answer is not written: the reply
   * stays pending in the file and the next start() sends it again (the server keeps one).
   */
  dispose(): void {
    this.disposed = true;
    for (const handle of this.timers.values()) this.clock.clearTimeout(handle);
    this.timers.clear();
  }

  private item(clientMessageId: string): OutboxItem | undefined {
    const row = this.db.get<OutboxRow>('SELECT * FROM outbox WHERE client_message_id = ?', clientMessageId);
    return row ? toItem(row) : undefined;
  }

  /** Starts the conversation's send loop, or asks the running one to look again. */
  private drain(key: string): void {
    if (this.disposed) return;
    const timer = this.timers.get(key);
    if (timer !== undefined) {
      this.clock.clearTimeout(timer);
      this.timers.delete(key);
    }
    if (this.sending.has(key)) {
      this.again.add(key);
      return;
    }
    this.sending.add(key);
    void this.run(key).finally(() => {
      this.sending.delete(key);
      // Asked again between the loop's last look and here: look once more.
      if (this.again.delete(key)) this.drain(key);
    });
  }

  private async run(key: string): Promise<void> {
    while (!this.disposed) {
      this.again.delete(key);
      const row = this.db.get<OutboxRow>(`SELECT * FROM outbox WHERE conversation_key = ? AND state = 'pending' ORDER BY seq LIMIT 1`, key);
      if (!row) return;
      const replier = this.replierFor(row.account_id);
      if (!replier) return; // Not signed in: flush() brings us back.
      const outcome = await this.send(replier, row);
      if (this.disposed) return;
      if (outcome.retry) {
        // A flush() while the request was failing means the connection is back: go at once.
        if (this.again.has(key)) continue;
        this.schedule(key, outcome.afterMs);
        return;
      }
    }
  }

  /** One attempt; `retry` when the reply stays pending. */
  private async send(replier: Replier, row: OutboxRow): Promise<Outcome> {
    const id = row.client_message_id;
    // Counted before the request, so an attempt cut short by a crash still shows.
    this.db.run('UPDATE outbox SET attempts = attempts + 1 WHERE client_message_id = ?', id);
    try {
      const message = await replier.reply(row.chatbot_id, { conversationId: row.conversation_id, text: row.text, clientMessageId: id });
      if (this.disposed) return done;
      this.failures.delete(row.conversation_key);
      this.update(id, `UPDATE outbox SET state = 'sent', message_id = ?, last_error = NULL, error_code = NULL WHERE client_message_id = ? AND state = 'pending'`, message.id, id);
      return done;
    } catch (error) {
      if (this.disposed) return done;
      const { code, message } = toIpcError(error);
      if (isTransient(error)) {
        this.update(id, `UPDATE outbox SET last_error = ?, error_code = ? WHERE client_message_id = ? AND state = 'pending'`, message, code, id);
        return { retry: true, afterMs: askedDelayMs(error) };
      }
      // A refusal, or a bug (not a PlatformError): failing visibly beats retrying forever.
      this.update(id, `UPDATE outbox SET state = 'failed', last_error = ?, error_code = ? WHERE client_message_id = ? AND state = 'pending'`, message, code, id);
      return done;
    }
  }

  /** Writes an outcome and reports it; a row gone meanwhile (sign-out) reports nothing. */
  private update(id: string, sql: string, ...params: string[]): void {
    if (this.db.run(sql, ...params).changes === 0) return;
    const item = this.item(id);
    if (item) this.onChange([item]);
  }

  private schedule(key: string, retryAfterMs: number): void {
    const failures = (this.failures.get(key) ?? 0) + 1;
    this.failures.set(key, failures);
    const delay = Math.max(retryAfterMs, fullJitter(failures - 1, this.backoff));
    this.timers.set(
      key,
      this.clock.setTimeout(() => {
        this.timers.delete(key);
        this.drain(key);
      }, delay),
    );
  }
}
