// The local cache of conversations: every account's conversations and the sync cursors, in the
// main process's SQLite file (messages: message-cache.ts). The app starts from it (the inbox
// shows before the network answers) and the sync engine writes what the platforms send into it.
//
// Conversations are stored as the InboxConversation JSON the renderer gets, plus the columns
// queries need (updated_ms, activity_ms, wait_ms, status, archived). What comes in was validated and
// mapped by the platform's adapter, so reading does not validate again. The renderer reads the
// inbox in pages (inbox-pages.ts) straight from SQLite: the first screen is one small query, not
// the whole cache. The inbox is also mirrored in memory, for the tray's
// count and lookups: warm() reads it in chunks between other work, so main never stalls on it.
// One LocalCache per file, so the mirror cannot go stale.
import { lastActivity } from '../../../shared/activity';
import type { Conversation } from '../../../shared/domain';
import type { FilterContext } from '../../../shared/inbox-filter';
import { conversationKey, type ConversationRef } from '../../../shared/keys';
import type { InboxConversation } from '../../../shared/view-models';
import { waitStartMs } from '../../../shared/waiting-time';
import { readInboxPage, type InboxPage, type PageOptions } from './inbox-pages';
import { time, type MainDb } from './sqlite';

/** Rows read per chunk while warming the mirror: ~25 ms of work at a time. */
const WARM_CHUNK = 2000;

interface Entry {
  conversation: InboxConversation;
  updatedMs: number;
}

export class LocalCache {
  /** Every conversation by key, as far as warming got (see `warmedTo`), plus every write since. */
  private readonly mirror = new Map<string, Entry>();
  /** The rowid up to which the mirror holds the file; null once it holds all of it. */
  private warmedTo: number | null = 0;
  private warming: Promise<void> | null = null;
  /** The mirror newest first; null after a write until the next inbox(). */
  private sorted: InboxConversation[] | null = null;

  constructor(private readonly db: MainDb) {}

  /**
   * Stores conversations, never replacing a copy with an older one (a slow HTTP resync can
   * answer after a socket event carrying a newer state). Returns what was actually written.
   */
  upsertConversations(accountId: string, chatbotId: string, chatbotName: string, conversations: Conversation[]): InboxConversation[] {
    const written: InboxConversation[] = [];
    this.db.tx(() => {
      for (const conversation of conversations) {
        if (conversation.chatbotId !== chatbotId) {
          throw new Error(`conversation ${conversation.id} belongs to ${conversation.chatbotId}, not ${chatbotId}`);
        }
        const key = conversationKey({ accountId, chatbotId, conversationId: conversation.id });
        const inbox: InboxConversation = { ...conversation, accountId, key, chatbotName };
        const { changes } = this.db.run(
          `INSERT INTO conversations (account_id, chatbot_id, id, updated_ms, activity_ms, wait_ms, status, archived, json)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (account_id, chatbot_id, id) DO UPDATE SET
             updated_ms = excluded.updated_ms, activity_ms = excluded.activity_ms, wait_ms = excluded.wait_ms,
             status = excluded.status, archived = excluded.archived, json = excluded.json
           WHERE excluded.updated_ms >= conversations.updated_ms AND excluded.json <> conversations.json`,
          accountId,
          chatbotId,
          conversation.id,
          time(conversation.updatedAt),
          time(lastActivity(conversation)),
          waitStartMs(inbox),
          conversation.status,
          conversation.archived ? 1 : 0,
          JSON.stringify(inbox),
        );
        if (changes > 0) written.push(inbox);
      }
    });
    // After the commit: a failed transaction leaves the mirror as the file is.
    for (const conversation of written) this.remember(conversation);
    return written;
  }

  /**
   * Runs `fn`'s writes (to this cache and the message cache: one file) as one transaction. The
   * mirror takes each write as it is made; should the commit fail after all (a full disk), the
   * sync's next resync reads the changes again.
   */
  batch<T>(fn: () => T): T {
    return this.db.tx(fn);
  }

  /** Forgets conversations (deleted on the server) and their messages; returns the keys removed. */
  removeConversations(accountId: string, chatbotId: string, ids: string[]): string[] {
    const removed: string[] = [];
    this.db.tx(() => {
      for (const id of ids) {
        for (const table of ['messages', 'message_history'] as const) {
          this.db.run(`DELETE FROM ${table} WHERE account_id = ? AND chatbot_id = ? AND conversation_id = ?`, accountId, chatbotId, id);
        }
        const { changes } = this.db.run('DELETE FROM conversations WHERE account_id = ? AND chatbot_id = ? AND id = ?', accountId, chatbotId, id);
        if (changes > 0) removed.push(conversationKey({ accountId, chatbotId, conversationId: id }));
      }
    });
    for (const key of removed) this.forget(key);
    return removed;
  }

  /** Every cached conversation of every account, newest first. Treat the objects as read-only. */
  inbox(): InboxConversation[] {
    if (!this.sorted) {
      const entries = [...this.loaded().values()];
      entries.sort((a, b) => b.updatedMs - a.updatedMs || (a.conversation.key < b.conversation.key ? -1 : 1));
      this.sorted = entries.map((entry) => entry.conversation);
    }
    return this.sorted.slice();
  }

  /** Every cached conversation, in no order; null while the mirror is still warming (see warm()). */
  warmed(): Iterable<InboxConversation> | null {
    return this.warmedTo === null ? Array.from(this.mirror.values(), (entry) => entry.conversation) : null;
  }

  /** A page of the inbox in a view's order (inbox-pages.ts); read from the file, so it never waits for the mirror. */
  page(options: PageOptions, context: FilterContext): InboxPage {
    return readInboxPage(this.db, options, context);
  }

  /**
   * A chatbot's conversations someone waits for of which no message is held (their wait goes by
   * the last message alone), the queue's head first, skipping `skip`: whose history to read next.
   */
  waitedForWithoutMessages(ref: { accountId: string; chatbotId: string }, limit: number, skip: ReadonlySet<string>): InboxConversation[] {
    const rows = this.db.all<{ id: string; json: string }>(
      `SELECT id, json FROM conversations c
       WHERE wait_ms IS NOT NULL AND account_id = ?1 AND chatbot_id = ?2
         AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.account_id = ?1 AND m.chatbot_id = ?2 AND m.conversation_id = c.id)
       ORDER BY wait_ms LIMIT ?3`,
      ref.accountId,
      ref.chatbotId,
      limit + skip.size,
    );
    return rows.filter((row) => !skip.has(row.id)).slice(0, limit).map((row) => JSON.parse(row.json) as InboxConversation);
  }

  conversation(ref: ConversationRef): InboxConversation | null {
    if (this.warmedTo === null) return this.mirror.get(conversationKey(ref))?.conversation ?? null;
    const row = this.db.get<{ json: string }>(
      'SELECT json FROM conversations WHERE account_id = ? AND chatbot_id = ? AND id = ?',
      ref.accountId,
      ref.chatbotId,
      ref.conversationId,
    );
    return row ? (JSON.parse(row.json) as InboxConversation) : null;
  }

  /** Where the platform's changes go on from for this chatbot; null before the first load. */
  cursor(accountId: string, chatbotId: string): string | null {
    const row = this.db.get<{ cursor: string | null }>('SELECT cursor FROM sync_cursors WHERE account_id = ? AND chatbot_id = ?', accountId, chatbotId);
    return row?.cursor ?? null;
  }

  setCursor(accountId: string, chatbotId: string, cursor: string | null): void {
    this.db.run(
      `INSERT INTO sync_cursors (account_id, chatbot_id, cursor) VALUES (?, ?, ?)
       ON CONFLICT (account_id, chatbot_id) DO UPDATE SET cursor = excluded.cursor`,
      accountId,
      chatbotId,
      cursor,
    );
  }

  /**
   * Sign-out: the account's conversations, messages, cursors AND outbox rows go, in one
   * transaction (an unsent reply must not be sent later under someone else's session).
   */
  clearAccount(accountId: string): void {
    this.db.tx(() => {
      for (const table of ['conversations', 'messages', 'message_history', 'sync_cursors', 'outbox', 'known_events'] as const) {
        this.db.run(`DELETE FROM ${table} WHERE account_id = ?`, accountId);
      }
    });
    for (const [key, entry] of this.mirror) {
      if (entry.conversation.accountId === accountId) this.forget(key);
    }
  }

  /** Reads the whole file into the mirror, a chunk per turn of the event loop; resolves once it is in. */
  warm(): Promise<void> {
    if (this.warmedTo === null) return Promise.resolve();
    this.warming ??= (async () => {
      // Stops with the file (the app quit while warming).
      while (this.warmedTo !== null && this.db.isOpen) {
        this.warmChunk(WARM_CHUNK);
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    return this.warming;
  }

  private loaded(): Map<string, Entry> {
    while (this.warmedTo !== null) this.warmChunk(50_000);
    return this.mirror;
  }

  /** The next `limit` rows into the mirror. Writes meanwhile went to both, so a row read now is as new as any. */
  private warmChunk(limit: number): void {
    if (this.warmedTo === null) return;
    // One string and one JSON.parse instead of a row object and a parse per conversation.
    const row = this.db.get<{ list: string | null; last: number | null; count: number }>(
      `SELECT '[' || group_concat(json, ',') || ']' AS list, max(rowid) AS last, count(*) AS count
       FROM (SELECT rowid, json FROM conversations WHERE rowid > ? ORDER BY rowid LIMIT ?)`,
      this.warmedTo,
      limit,
    );
    const list = row?.list ? (JSON.parse(row.list) as InboxConversation[]) : [];
    for (const conversation of list) this.mirror.set(conversation.key, { conversation, updatedMs: time(conversation.updatedAt) });
    this.sorted = null;
    this.warmedTo = (row?.count ?? 0) < limit ? null : row!.last;
  }

  private remember(conversation: InboxConversation): void {
    this.mirror.set(conversation.key, { conversation, updatedMs: time(conversation.updatedAt) });
    this.sorted = null;
  }

  private forget(key: string): void {
    if (this.mirror.delete(key)) this.sorted = null;
  }
}
