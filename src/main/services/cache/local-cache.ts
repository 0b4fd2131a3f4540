// The local cache of conversations: every account's conversations and the sync cursors, in the
// main process's SQLite file (messages: message-cache.ts). The app starts from it (the inbox
// shows before the network answers) and the sync engine writes what the platforms send into it.
//
// Conversations are stored as the InboxConversation JSON the renderer gets, plus the columns
// queries need (updated_ms, status, archived). What comes in was validated and mapped by the
// platform's adapter, so reading does not validate again. The inbox is also mirrored in memory after the
// first read: reading 50,000 rows back is ~90 ms of SQLite plus ~200 ms of JSON.parse, too slow
// to repeat for every inbox.list (the filter is applied in main), while sorting the mirror
// costs ~30 ms and only after a write. One LocalCache per file, so the mirror cannot go stale.
import type { Conversation } from '../../../shared/domain';
import { conversationKey, type ConversationRef } from '../../../shared/keys';
import type { InboxConversation } from '../../../shared/view-models';
import { time, type MainDb } from './sqlite';

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
        const key = conversationKey({ accountId, chatbotId, conversationId: conversation.id });
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

  conversation(ref: ConversationRef): InboxConversation | null {
    if (this.mirror) return this.mirror.get(conversationKey(ref))?.conversation ?? null;
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
