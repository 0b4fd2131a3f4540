// The local cache: every account's conversations, the messages seen so far and the sync cursors,
// in the main process's SQLite file. The app starts from it (the inbox shows before the network
// answers) and the sync engine writes what the backends send into it.
//
// Conversations are stored as the InboxConversation JSON the renderer gets, plus the columns
// queries need (updated_ms, status, archived). What comes in was validated by the backend
// adapter, so reading does not validate again. The inbox is also mirrored in memory after the
// first read: reading 50,000 rows back is ~90 ms of SQLite plus ~200 ms of JSON.parse, too slow
// to repeat for every inbox.list (the filter is applied in main), while sorting the mirror
// costs ~30 ms and only after a write. One LocalCache per file, so the mirror cannot go stale.
import type { Conversation, Message } from '../../../shared/domain';
import { refKey, type ConversationRef, type InboxConversation } from '../../../shared/view-models';
import type { MainDb } from './sqlite';

export interface SyncCursor {
  /** The newest conversation updatedAt seen, for `updatedSince` delta sync. */
  updatedSince: string | null;
  /** The last realtime `seq` applied, to detect a gap. */
  seq: number | null;
}

const time = (iso: string): number => {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`not a date: ${iso}`);
  return ms;
};

interface Entry {
  conversation: InboxConversation;
  updatedMs: number;
}

export class LocalCache {
  /** Every conversation by key, once inbox() has been read; null before. */
  private mirror: Map<string, Entry> | null = null;
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
        const key = refKey({ accountId, chatbotId, conversationId: conversation.id });
        const inbox: InboxConversation = { ...conversation, accountId, key, chatbotName };
        const { changes } = this.db.run(
          `INSERT INTO conversations (account_id, chatbot_id, id, updated_ms, status, archived, json)
           VALUES (?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (account_id, chatbot_id, id) DO UPDATE SET
             updated_ms = excluded.updated_ms, status = excluded.status, archived = excluded.archived, json = excluded.json
           WHERE excluded.updated_ms >= conversations.updated_ms AND excluded.json <> conversations.json`,
          accountId,
          chatbotId,
          conversation.id,
          time(conversation.updatedAt),
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

  /** Forgets conversations (deleted on the server) and their messages; returns the keys removed. */
  removeConversations(accountId: string, chatbotId: string, ids: string[]): string[] {
    const removed: string[] = [];
    this.db.tx(() => {
      for (const id of ids) {
        this.db.run('DELETE FROM messages WHERE account_id = ? AND chatbot_id = ? AND conversation_id = ?', accountId, chatbotId, id);
        const { changes } = this.db.run('DELETE FROM conversations WHERE account_id = ? AND chatbot_id = ? AND id = ?', accountId, chatbotId, id);
        if (changes > 0) removed.push(refKey({ accountId, chatbotId, conversationId: id }));
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

  conversation(ref: ConversationRef): InboxConversation | null {
    if (this.mirror) return this.mirror.get(refKey(ref))?.conversation ?? null;
    const row = this.db.get<{ json: string }>(
      'SELECT json FROM conversations WHERE account_id = ? AND chatbot_id = ? AND id = ?',
      ref.accountId,
      ref.chatbotId,
      ref.conversationId,
    );
    return row ? (JSON.parse(row.json) as InboxConversation) : null;
  }

  /** Stores messages, deduplicated by id; returns the ones that were not cached before. */
  upsertMessages(accountId: string, chatbotId: string, conversationId: string, messages: Message[]): Message[] {
    const added: Message[] = [];
    this.db.tx(() => {
      for (const message of messages) {
        // The rowid of the first insert stays: among messages of the same millisecond it keeps
        // the order they arrived in (pages and events come oldest first).
        const { changes } = this.db.run(
          `INSERT INTO messages (account_id, chatbot_id, conversation_id, id, created_ms, json) VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (account_id, chatbot_id, id) DO NOTHING`,
          accountId,
          chatbotId,
          conversationId,
          message.id,
          time(message.createdAt),
          JSON.stringify(message),
        );
        if (changes > 0) {
          added.push(message);
        } else {
          this.db.run(
            'UPDATE messages SET created_ms = ?, json = ? WHERE account_id = ? AND chatbot_id = ? AND id = ?',
            time(message.createdAt),
            JSON.stringify(message),
            accountId,
            chatbotId,
            message.id,
          );
        }
      }
    });
    return added;
  }

  /**
   * The newest `limit` cached messages older than message `before` (or the newest overall),
   * oldest first. An unknown `before` gives [] (the caller then asks the backend).
   */
  messages(ref: ConversationRef, options: { before?: string; limit: number }): Message[] {
    const { accountId, chatbotId, conversationId } = ref;
    let rows: { json: string }[];
    if (options.before === undefined) {
      rows = this.db.all(
        `SELECT json FROM messages WHERE account_id = ? AND chatbot_id = ? AND conversation_id = ?
         ORDER BY created_ms DESC, rowid DESC LIMIT ?`,
        accountId,
        chatbotId,
        conversationId,
        options.limit,
      );
    } else {
      const before = this.db.get<{ created_ms: number; rowid: number }>(
        `SELECT created_ms, rowid FROM messages WHERE account_id = ? AND chatbot_id = ? AND conversation_id = ? AND id = ?`,
        accountId,
        chatbotId,
        conversationId,
        options.before,
      );
      if (!before) return [];
      rows = this.db.all(
        `SELECT json FROM messages WHERE account_id = ? AND chatbot_id = ? AND conversation_id = ?
           AND (created_ms < ? OR (created_ms = ? AND rowid < ?))
         ORDER BY created_ms DESC, rowid DESC LIMIT ?`,
        accountId,
        chatbotId,
        conversationId,
        before.created_ms,
        before.created_ms,
        before.rowid,
        options.limit,
      );
    }
    return rows.reverse().map((row) => JSON.parse(row.json) as Message);
  }

  cursor(accountId: string, chatbotId: string): SyncCursor {
    const row = this.db.get<{ updated_since: string | null; seq: number | null }>(
      'SELECT updated_since, seq FROM sync_cursors WHERE account_id = ? AND chatbot_id = ?',
      accountId,
      chatbotId,
    );
    return { updatedSince: row?.updated_since ?? null, seq: row?.seq ?? null };
  }

  setCursor(accountId: string, chatbotId: string, cursor: SyncCursor): void {
    this.db.run(
      `INSERT INTO sync_cursors (account_id, chatbot_id, updated_since, seq) VALUES (?, ?, ?, ?)
       ON CONFLICT (account_id, chatbot_id) DO UPDATE SET updated_since = excluded.updated_since, seq = excluded.seq`,
      accountId,
      chatbotId,
      cursor.updatedSince,
      cursor.seq,
    );
  }

  /**
   * Sign-out: the account's conversations, messages, cursors AND outbox rows go, in one
   * transaction (an unsent reply must not be sent later under someone else's session).
   */
  clearAccount(accountId: string): void {
    this.db.tx(() => {
      for (const table of ['conversations', 'messages', 'sync_cursors', 'outbox'] as const) {
        this.db.run(`DELETE FROM ${table} WHERE account_id = ?`, accountId);
      }
    });
    for (const [key, entry] of this.mirror ?? []) {
      if (entry.conversation.accountId === accountId) this.forget(key);
    }
  }

  private loaded(): Map<string, Entry> {
    if (!this.mirror) {
      // One string and one JSON.parse instead of a row object and a parse per conversation.
      const row = this.db.get<{ list: string | null }>(`SELECT '[' || group_concat(json, ',') || ']' AS list FROM conversations`);
      const list = row?.list ? (JSON.parse(row.list) as InboxConversation[]) : [];
      this.mirror = new Map(list.map((conversation) => [conversation.key, { conversation, updatedMs: time(conversation.updatedAt) }]));
      this.sorted = null;
    }
    return this.mirror;
  }

  private remember(conversation: InboxConversation): void {
    if (!this.mirror) return;
    this.mirror.set(conversation.key, { conversation, updatedMs: time(conversation.updatedAt) });
    this.sorted = null;
  }

  private forget(key: string): void {
    if (this.mirror?.delete(key)) this.sorted = null;
  }
}
