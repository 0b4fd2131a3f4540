// The main process's own SQLite file: the local cache and the reply outbox live in it, so that
// signing out can wipe both in one transaction and a reply survives a crash. Its own file and
// schema; the SQLite handling is src/node/sqlite.ts, shared with the local API server.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { SqliteDb, type Migration } from '../../../node/sqlite';
import { waitStartMs } from '../../../shared/waiting-time';
import type { InboxConversation } from '../../../shared/view-models';

export type { Row, SqlValue } from '../../../node/sqlite';

export const CACHE_FILE = 'deckhand-cache.sqlite';

// Append only: each entry runs once, in order, and user_version remembers how far a file got.
// Times are epoch ms integers (ISO strings with offsets do not sort as text).
export const cacheMigrations: readonly Migration[] = [
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
  // The kind of the last failure (an ErrorCode), so the UI can word it in the agent's language.
  `ALTER TABLE outbox ADD COLUMN error_code TEXT;`,
  // Deckhand's own domain instead of ChatCaptain's wire shapes, and cursors each platform owns.
  // The cache is only a cache: what it held in the old shapes is read again from the servers
  // (as a first load, so nothing is announced twice). Replies waiting in the outbox stay.
  `DELETE FROM conversations;
   DELETE FROM messages;
   DROP TABLE sync_cursors;
   CREATE TABLE sync_cursors (
     account_id TEXT NOT NULL,
     chatbot_id TEXT NOT NULL,
     -- Opaque: where the platform's list of changed conversations goes on from.
     cursor TEXT,
     PRIMARY KEY (account_id, chatbot_id)
   );
   -- How far back a conversation's history is held: a row once a page was fetched from the
   -- platform; older is the platform's cursor for the messages before the oldest one held, or
   -- NULL when the first message is held.
   CREATE TABLE message_history (
     account_id TEXT NOT NULL,
     chatbot_id TEXT NOT NULL,
     conversation_id TEXT NOT NULL,
     older TEXT,
     PRIMARY KEY (account_id, chatbot_id, conversation_id)
   );`,
  // Full-text search over every cached message. search_text is the message's words (its
  // summary: shared/message-summary.ts) folded as every search folds (shared/fold.ts); the
  // trigram index finds any part of it, in every script, as the inbox filter's substring search
  // does. An external-content table: the words are stored once, in messages, and the triggers
  // keep the index in step with every insert, change and delete (sign-out, deleted conversations).
  // What the cache held before has no search_text: it is read again from the servers.
  `DELETE FROM messages;
   DELETE FROM message_history;
   ALTER TABLE messages ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
   CREATE VIRTUAL TABLE message_search USING fts5(search_text, content = 'messages', content_rowid = 'rowid', tokenize = 'trigram');
   CREATE TRIGGER messages_search_insert AFTER INSERT ON messages BEGIN
     INSERT INTO message_search (rowid, search_text) VALUES (new.rowid, new.search_text);
   END;
   CREATE TRIGGER messages_search_delete AFTER DELETE ON messages BEGIN
     INSERT INTO message_search (message_search, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
   END;
   CREATE TRIGGER messages_search_update AFTER UPDATE OF search_text ON messages BEGIN
     INSERT INTO message_search (message_search, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
     INSERT INTO message_search (rowid, search_text) VALUES (new.rowid, new.search_text);
   END;`,
  // Saved replies (the agent's, not an account's: they stay across sign-outs) and the custom
  // events each chatbot was sent, so the event dialog can offer them again.
  `CREATE TABLE saved_replies (
     id TEXT PRIMARY KEY,
     shortcut TEXT NOT NULL UNIQUE COLLATE NOCASE,
     title TEXT NOT NULL,
     text_de TEXT,
     text_en TEXT,
     updated_ms INTEGER NOT NULL
   );
   CREATE TABLE known_events (
     account_id TEXT NOT NULL,
     chatbot_id TEXT NOT NULL,
     name TEXT NOT NULL,
     used_ms INTEGER NOT NULL,
     uses INTEGER NOT NULL DEFAULT 1,
     PRIMARY KEY (account_id, chatbot_id, name)
   );`,
  // The inbox's order (shared/activity.ts: the newest message, else the start), so the first
  // screen is read as one page of the newest instead of the whole cache.
  `ALTER TABLE conversations ADD COLUMN activity_ms INTEGER NOT NULL DEFAULT 0;
   UPDATE conversations SET activity_ms = CAST(ROUND((julianday(
     COALESCE(json_extract(json, '$.lastMessage.createdAt'), json_extract(json, '$.createdAt'))) - 2440587.5) * 86400000) AS INTEGER);
   CREATE INDEX conversations_by_activity ON conversations (activity_ms DESC);`,
  // The Waiting queue's order (shared/waiting-time.ts: who has waited longest; null when nobody
  // is waited for), so its first screen is one page of the queue's head. Filled in by the app's
  // own rule rather than a copy of it in SQL.
  (db) => {
    db.run('ALTER TABLE conversations ADD COLUMN wait_ms INTEGER');
    db.run('CREATE INDEX conversations_by_wait ON conversations (wait_ms, activity_ms DESC) WHERE wait_ms IS NOT NULL');
    for (const row of db.all<{ rowid: number; json: string }>('SELECT rowid, json FROM conversations')) {
      db.run('UPDATE conversations SET wait_ms = ? WHERE rowid = ?', waitStartMs(JSON.parse(row.json) as InboxConversation), row.rowid);
    }
  },
];

/** Epoch ms of an ISO date; throws on one that is not (what comes in was validated already). */
export function time(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`not a date: ${iso}`);
  return ms;
}

/** The cache file in the app's data folder (created with the folder if needed). */
export class MainDb extends SqliteDb {
  static open(dataDir: string): MainDb {
    mkdirSync(dataDir, { recursive: true });
    return new MainDb(join(dataDir, CACHE_FILE));
  }

  /** `file` may be ':memory:' for tests that need no file. */
  constructor(file: string) {
    super(file, cacheMigrations, CACHE_FILE);
  }
}
