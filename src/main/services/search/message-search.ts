// Full-text search over every cached message, through the trigram index the cache keeps
// (cache/sqlite.ts): folded as every search folds, so "yilmaz" finds "Yılmaz" and "strasse"
// "Straße", in any script. A term finds the messages that contain it anywhere, as the inbox
// filter finds names. The newest hit of each conversation is returned, newest conversations first.
import type { Message } from '../../../shared/domain';
import { foldForSearch } from '../../../shared/fold';
import { conversationKey } from '../../../shared/keys';
import { oneLine, summarize } from '../../../shared/message-summary';
import type { MessageHit } from '../../../shared/view-models';
import type { MainDb } from '../cache/sqlite';

/** A trigram index finds nothing shorter than three characters. */
export const MIN_TERM_LENGTH = 3;
/** Hits looked at per search: the index walks them newest-cached first, so a common word stays cheap. */
const SCAN_LIMIT = 2_000;
/** The renderer cuts a snippet around the match; this only bounds what crosses to it. */
const MAX_HIT_TEXT = 2_000;

interface Row {
  account_id: string;
  chatbot_id: string;
  conversation_id: string;
  json: string;
}

export class MessageSearch {
  constructor(private readonly db: MainDb) {}

  /** Up to `limit` conversations whose cached messages contain `query`, each with its newest such message. */
  search(query: string, limit: number): MessageHit[] {
    const term = foldForSearch(query.trim());
    if ([...term].length < MIN_TERM_LENGTH) return [];
    // One phrase: the term as typed, quotes doubled, never FTS5's query syntax.
    const phrase = `"${term.replace(/"/g, '""')}"`;
    const rows = this.db.all<Row>(
      `SELECT m.account_id, m.chatbot_id, m.conversation_id, m.json
       FROM message_search s JOIN messages m ON m.rowid = s.rowid
       WHERE message_search MATCH ? ORDER BY s.rowid DESC LIMIT ?`,
      phrase,
      SCAN_LIMIT,
    );
    const newest = new Map<string, Message>();
    for (const row of rows) {
      const key = conversationKey({ accountId: row.account_id, chatbotId: row.chatbot_id, conversationId: row.conversation_id });
      const message = JSON.parse(row.json) as Message;
      const held = newest.get(key);
      if (!held || Date.parse(message.createdAt) > Date.parse(held.createdAt)) newest.set(key, message);
    }
    return [...newest]
      .sort(([, a], [, b]) => Date.parse(b.createdAt) - Date.parse(a.createdAt))
      .slice(0, limit)
      .map(([key, message]) => {
        const { text, detail } = summarize(message);
        return { key, messageId: message.id, createdAt: message.createdAt, text: oneLine([text, detail].filter((p) => p !== null).join(' '), MAX_HIT_TEXT) };
      });
  }
}
