// Conversations and messages for the cache tests, at times counted in seconds from one base; and
// cache files as an older Deckhand left them.
import { SqliteDb } from '../../../../src/node/sqlite';
import { CACHE_FILE, cacheMigrations } from '../../../../src/main/services/cache/sqlite';
import type { Conversation, Message } from '../../../../src/shared/domain';

const base = Date.parse('2025-03-01T09:00:00.000Z');
export const at = (seconds: number): string => new Date(base + seconds * 1000).toISOString();

export function message(id: string, conversationId: string, createdSec: number, text = `text of ${id}`): Message {
  return { id, conversationId, sender: 'contact', type: 'text', payload: { text }, createdAt: at(createdSec) };
}

/** Waiting, one unread, its last message at `updatedSec` (where it was updated too, unless `extra` says otherwise). */
export function conversation(id: string, updatedSec: number, extra: Partial<Conversation> = {}): Conversation {
  return {
    id,
    chatbotId: 'bot_a',
    contactId: `ct_${id}`,
    contactName: `Contact ${id}`,
    channelId: 'web',
    channelName: 'Website',
    contactHandle: `p_${id}`,
    archived: false,
    status: 'waiting',
    assignedAgentId: null,
    unreadCount: 1,
    lastMessage: message(`last_${id}`, id, updatedSec),
    createdAt: at(0),
    updatedAt: at(updatedSec),
    ...extra,
  };
}

/** A cache file with only its first `version` migrations, as a Deckhand of that schema left it; close it before reopening. */
export function olderCacheFile(file: string, version: number): SqliteDb {
  if (version >= cacheMigrations.length) throw new Error(`the cache has only ${cacheMigrations.length} migrations`);
  return new SqliteDb(file, cacheMigrations.slice(0, version), CACHE_FILE);
}
