// The messages seen so far, per conversation, in the main process's SQLite file, and how far
// back each conversation's history is held: the platform's cursor for the messages before the
// oldest one held (or none: the first message is held), so older pages are fetched only when the
// cache runs out and go on exactly where it ends.
import type { Message } from '../../../shared/domain';
import { foldForSearch } from '../../../shared/fold';
import type { ConversationRef } from '../../../shared/keys';
import { summarize } from '../../../shared/message-summary';
import { time, type MainDb } from './sqlite';

/** How far back a conversation is held: `older` continues before the oldest held message; null at the first. */
export interface History {
  older: string | null;
}

/** What the message search finds a message by: its words, or what names it (a card's title, a file's name), folded. */
export function searchText(message: Message): string {
  const { text, detail } = summarize(message);
  return foldForSearch([text, detail].filter((part) => part !== null).join(' '));
}

export class MessageCache {
  constructor(private readonly db: MainDb) {}

  /** Stores messages, deduplicated by id; returns the ones that were not cached before. */
  upsert(ref: ConversationRef, messages: Message[]): Message[] {
    const { accountId, chatbotId, conversationId } = ref;
    const added: Message[] = [];
    this.db.tx(() => {
      for (const message of messages) {
        // The rowid of the first insert stays: among messages of the same millisecond it keeps
        // the order they arrived in (pages and events come oldest first).
        const words = searchText(message);
        const { changes } = this.db.run(
          `INSERT INTO messages (account_id, chatbot_id, conversation_id, id, created_ms, json, search_text) VALUES (?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (account_id, chatbot_id, id) DO NOTHING`,
          accountId,
          chatbotId,
          conversationId,
          message.id,
          time(message.createdAt),
          JSON.stringify(message),
          words,
        );
        if (changes > 0) {
          added.push(message);
        } else {
          // Only a changed message is written again (the search index is kept by a trigger).
          this.db.run(
            `UPDATE messages SET created_ms = ?, json = ?, search_text = ?
             WHERE account_id = ? AND chatbot_id = ? AND id = ? AND (json <> ? OR search_text <> ?)`,
            time(message.createdAt),
            JSON.stringify(message),
            words,
            accountId,
            chatbotId,
            message.id,
            JSON.stringify(message),
            words,
          );
        }
      }
    });
    return added;
  }

  /**
   * The newest `limit` cached messages older than message `before` (or the newest overall),
   * oldest first. An unknown `before` gives [] (the caller then asks the platform).
   */
  list(ref: ConversationRef, options: { before?: string; limit: number }): Message[] {
    const { accountId, chatbotId, conversationId } = ref;
    const where = 'account_id = ? AND chatbot_id = ? AND conversation_id = ?';
    let rows: { json: string }[];
    if (options.before === undefined) {
      rows = this.db.all(`SELECT json FROM messages WHERE ${where} ORDER BY created_ms DESC, rowid DESC LIMIT ?`, accountId, chatbotId, conversationId, options.limit);
    } else {
      const before = this.db.get<{ created_ms: number; rowid: number }>(
        `SELECT created_ms, rowid FROM messages WHERE ${where} AND id = ?`,
        accountId,
        chatbotId,
        conversationId,
        options.before,
      );
      if (!before) return [];
      rows = this.db.all(
        `SELECT json FROM messages WHERE ${where} AND (created_ms < ? OR (created_ms = ? AND rowid < ?))
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

  /** The conversations of a chatbot of which any message is held. */
  heldConversations(ref: { accountId: string; chatbotId: string }): Set<string> {
    const rows = this.db.all<{ conversation_id: string }>(
      'SELECT DISTINCT conversation_id FROM messages WHERE account_id = ? AND chatbot_id = ?',
      ref.accountId,
      ref.chatbotId,
    );
    return new Set(rows.map((row) => row.conversation_id));
  }

  /** How far back the conversation is held, or null when no page was ever fetched for it. */
  history(ref: ConversationRef): History | null {
    const row = this.db.get<{ older: string | null }>(
      'SELECT older FROM message_history WHERE account_id = ? AND chatbot_id = ? AND conversation_id = ?',
      ref.accountId,
      ref.chatbotId,
      ref.conversationId,
    );
    return row ? { older: row.older } : null;
  }

  setHistory(ref: ConversationRef, history: History): void {
    this.db.run(
      `INSERT INTO message_history (account_id, chatbot_id, conversation_id, older) VALUES (?, ?, ?, ?)
       ON CONFLICT (account_id, chatbot_id, conversation_id) DO UPDATE SET older = excluded.older`,
      ref.accountId,
      ref.chatbotId,
      ref.conversationId,
      history.older,
    );
  }
}
