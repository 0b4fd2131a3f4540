// The local cache on a real SQLite file in a temp folder: what goes in comes out (deduplicated,
// ordered, paged), survives reopening the file, and sign-out wipes exactly one account.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Conversation, Message } from '../../../../src/shared/domain';
import { CACHE_FILE, MainDb, cacheMigrations } from '../../../../src/main/services/cache/sqlite';
import { LocalCache } from '../../../../src/main/services/cache/local-cache';
import { MessageCache } from '../../../../src/main/services/cache/message-cache';
import { at, conversation, message, olderCacheFile } from './fixtures';

const ref = (conversationId: string, accountId = 'acc1', chatbotId = 'bot_a') => ({ accountId, chatbotId, conversationId });

let dir: string;
let db: MainDb;
let cache: LocalCache;
let messages: MessageCache;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'deckhand-cache-'));
  db = MainDb.open(dir);
  cache = new LocalCache(db);
  messages = new MessageCache(db);
});

afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('LocalCache conversations', () => {
  it('upserts, tags with account and chatbot name, orders newest first across accounts', () => {
    cache.upsertConversations('acc1', 'bot_a', 'Bot A', [conversation('c1', 10), conversation('c2', 30)]);
    cache.upsertConversations('acc2', 'bot_a', 'Bot A (2)', [conversation('c1', 20)]);

    const inbox = cache.inbox();
    expect(inbox.map((c) => c.key)).toEqual(['acc1/bot_a/c2', 'acc2/bot_a/c1', 'acc1/bot_a/c1']);
    expect(inbox[1]).toEqual({ ...conversation('c1', 20), accountId: 'acc2', key: 'acc2/bot_a/c1', chatbotName: 'Bot A (2)' });
    expect(cache.conversation(ref('c1', 'acc2'))?.chatbotName).toBe('Bot A (2)');
    expect(cache.conversation(ref('nope'))).toBeNull();
  });

  it('replaces a conversation by id, moves it in the order, and never goes back to an older copy', () => {
    cache.upsertConversations('acc1', 'bot_a', 'Bot A', [conversation('c1', 10), conversation('c2', 20)]);
    expect(cache.inbox()[0]?.id).toBe('c2');

    const newer = conversation('c1', 40, { status: 'assigned', assignedAgentId: 'agent_x' });
    expect(cache.upsertConversations('acc1', 'bot_a', 'Bot A', [newer]).map((c) => c.id)).toEqual(['c1']);
    expect(cache.inbox().map((c) => [c.id, c.status])).toEqual([
      ['c1', 'assigned'],
      ['c2', 'waiting'],
    ]);

    // A slow resync answering with the state from before: ignored, and reported as not written.
    expect(cache.upsertConversations('acc1', 'bot_a', 'Bot A', [conversation('c1', 10)])).toEqual([]);
    // The same copy again changes nothing either.
    expect(cache.upsertConversations('acc1', 'bot_a', 'Bot A', [newer])).toEqual([]);
    expect(cache.conversation(ref('c1'))?.status).toBe('assigned');
    expect(cache.inbox()).toHaveLength(2);
  });

  it('does not mix up a conversation of another chatbot', () => {
    expect(() => cache.upsertConversations('acc1', 'bot_b', 'Bot B', [conversation('c1', 1)])).toThrow(/belongs to bot_a/);
    expect(cache.inbox()).toEqual([]);
  });

  it('removes conversations with their messages and reports only the keys that were there', () => {
    cache.upsertConversations('acc1', 'bot_a', 'Bot A', [conversation('c1', 1), conversation('c2', 2)]);
    messages.upsert(ref('c1', 'acc1'), [message('m1', 'c1', 1)]);
    expect(cache.removeConversations('acc1', 'bot_a', ['c1', 'missing'])).toEqual(['acc1/bot_a/c1']);
    expect(cache.inbox().map((c) => c.id)).toEqual(['c2']);
    expect(cache.conversation(ref('c1'))).toBeNull();
    expect(messages.list(ref('c1'), { limit: 10 })).toEqual([]);
  });
});

describe('MessageCache', () => {
  it('dedupes by id, keeps the newest copy, returns only the new ones', () => {
    const first = [message('m1', 'c1', 1), message('m2', 'c1', 2)];
    expect(messages.upsert(ref('c1', 'acc1'), first).map((m) => m.id)).toEqual(['m1', 'm2']);
    const again = [message('m2', 'c1', 2, 'edited'), message('m3', 'c1', 3)];
    expect(messages.upsert(ref('c1', 'acc1'), again).map((m) => m.id)).toEqual(['m3']);
    const all = messages.list(ref('c1'), { limit: 50 });
    expect(all.map((m) => m.id)).toEqual(['m1', 'm2', 'm3']);
    expect(all[1]).toEqual(message('m2', 'c1', 2, 'edited'));
  });

  it('pages oldest first: the newest `limit` before `before`, ties in arrival order', () => {
    // 25 messages, several sharing a second, inserted out of order in two batches.
    const sent = Array.from({ length: 25 }, (_, i) => message(`m${String(i).padStart(2, '0')}`, 'c1', Math.floor(i / 3)));
    messages.upsert(ref('c1', 'acc1'), sent.slice(12));
    messages.upsert(ref('c1', 'acc1'), sent.slice(0, 12));
    messages.upsert(ref('c2', 'acc1'), [message('other', 'c2', 100)]);

    const ids = (list: Message[]) => list.map((m) => m.id);
    const newest = messages.list(ref('c1'), { limit: 10 });
    expect(ids(newest)).toEqual(ids(sent.slice(15)));
    const older = messages.list(ref('c1'), { before: newest[0]!.id, limit: 10 });
    expect(ids(older)).toEqual(ids(sent.slice(5, 15)));
    const oldest = messages.list(ref('c1'), { before: older[0]!.id, limit: 10 });
    expect(ids(oldest)).toEqual(ids(sent.slice(0, 5)));
    expect(messages.list(ref('c1'), { before: oldest[0]!.id, limit: 10 })).toEqual([]);
    // A message of another conversation is not a page boundary here.
    expect(messages.list(ref('c1'), { before: 'other', limit: 10 })).toEqual([]);
  });

  it('remembers how far back each conversation is held, and forgets it with the conversation', () => {
    expect(messages.history(ref('c1'))).toBeNull();
    messages.setHistory(ref('c1'), { older: 'platform-cursor-1' });
    messages.setHistory(ref('c2'), { older: null });
    expect(messages.history(ref('c1'))).toEqual({ older: 'platform-cursor-1' });
    expect(messages.history(ref('c2'))).toEqual({ older: null });
    expect(messages.history(ref('c1', 'acc2'))).toBeNull();
    messages.setHistory(ref('c1'), { older: null });
    expect(messages.history(ref('c1'))).toEqual({ older: null });

    cache.upsertConversations('acc1', 'bot_a', 'Bot A', [conversation('c2', 1)]);
    cache.removeConversations('acc1', 'bot_a', ['c2']);
    expect(messages.history(ref('c2'))).toBeNull();
  });
});

describe('LocalCache cursors, sign-out and reopening', () => {
  it('stores each platform’s opaque sync cursor per account and chatbot', () => {
    expect(cache.cursor('acc1', 'bot_a')).toBeNull();
    cache.setCursor('acc1', 'bot_a', at(5));
    cache.setCursor('acc1', 'bot_a', 'anything the platform likes: {"page":3}');
    cache.setCursor('acc1', 'bot_b', null);
    expect(cache.cursor('acc1', 'bot_a')).toBe('anything the platform likes: {"page":3}');
    expect(cache.cursor('acc1', 'bot_b')).toBeNull();
    expect(cache.cursor('acc2', 'bot_a')).toBeNull();
  });

  it('clearAccount wipes that account: conversations, messages, history, cursors and outbox rows', () => {
    for (const account of ['acc1', 'acc2']) {
      cache.upsertConversations(account, 'bot_a', 'Bot A', [conversation('c1', 1)]);
      messages.upsert(ref('c1', account), [message('m1', 'c1', 1)]);
      cache.setCursor(account, 'bot_a', `cursor-${account}`);
      messages.setHistory(ref('c1', account), { older: `older-${account}` });
      db.run(
        `INSERT INTO outbox (client_message_id, conversation_key, account_id, chatbot_id, conversation_id, text, state, created_ms)
         VALUES (?, ?, ?, 'bot_a', 'c1', 'hi', 'pending', 0)`,
        `cmid-${account}`,
        `${account}/bot_a/c1`,
        account,
      );
    }
    cache.inbox(); // the in-memory copy must be cleared too
    cache.clearAccount('acc1');

    expect(cache.inbox().map((c) => c.key)).toEqual(['acc2/bot_a/c1']);
    expect(cache.conversation(ref('c1'))).toBeNull();
    expect(messages.list(ref('c1'), { limit: 10 })).toEqual([]);
    expect(cache.cursor('acc1', 'bot_a')).toBeNull();
    expect(messages.history(ref('c1'))).toBeNull();
    expect(db.all('SELECT client_message_id FROM outbox')).toEqual([{ client_message_id: 'cmid-acc2' }]);
    expect(messages.list(ref('c1', 'acc2'), { limit: 10 })).toHaveLength(1);
    expect(cache.cursor('acc2', 'bot_a')).toBe('cursor-acc2');
    expect(messages.history(ref('c1', 'acc2'))).toEqual({ older: 'older-acc2' });
  });

  it('keeps everything when the file is closed and opened again', () => {
    cache.upsertConversations('acc1', 'bot_a', 'Bot A', [conversation('c1', 1), conversation('c2', 2)]);
    messages.upsert(ref('c1', 'acc1'), [message('m1', 'c1', 1), message('m2', 'c1', 2)]);
    cache.setCursor('acc1', 'bot_a', at(2));
    const before = cache.inbox();
    db.close();

    db = new MainDb(join(dir, CACHE_FILE));
    cache = new LocalCache(db);
    messages = new MessageCache(db);
    expect(cache.inbox()).toEqual(before);
    expect(messages.list(ref('c1'), { limit: 10 }).map((m) => m.id)).toEqual(['m1', 'm2']);
    expect(cache.cursor('acc1', 'bot_a')).toBe(at(2));
    expect(db.get<{ user_version: number }>('PRAGMA user_version')?.user_version).toBeGreaterThan(0);
    expect(db.get<{ journal_mode: string }>('PRAGMA journal_mode')?.journal_mode).toBe('wal');
  });

  it('drops what a file from before the neutral domain held in the old shape, keeping unsent replies', () => {
    db.close();
    rmSync(join(dir, CACHE_FILE));
    // A file as the version before wrote it: its migrations only, a conversation in ChatCaptain's
    // wire shape, a cursor, and a reply still waiting in the outbox.
    const old = olderCacheFile(join(dir, CACHE_FILE), 2);
    old.run('INSERT INTO conversations (account_id, chatbot_id, id, updated_ms, status, archived, json) VALUES (?, ?, ?, ?, ?, ?, ?)', 'acc1', 'bot_a', 'c1', 1, 'waiting', 0, JSON.stringify({ id: 'c1', providerId: 'p', key: 'acc1/bot_a/c1' }));
    old.run('INSERT INTO sync_cursors (account_id, chatbot_id, updated_since, seq) VALUES (?, ?, ?, ?)', 'acc1', 'bot_a', at(1), 9);
    old.run(`INSERT INTO outbox (client_message_id, conversation_key, account_id, chatbot_id, conversation_id, text, state, created_ms) VALUES ('cm1', 'acc1/bot_a/c1', 'acc1', 'bot_a', 'c1', 'kept', 'pending', 1)`);
    old.close();

    db = new MainDb(join(dir, CACHE_FILE));
    cache = new LocalCache(db);
    expect(cache.inbox()).toEqual([]);
    // A first load again: nothing it brings is announced as news.
    expect(cache.cursor('acc1', 'bot_a')).toBeNull();
    expect(db.all('SELECT text FROM outbox')).toEqual([{ text: 'kept' }]);
    expect(db.get<{ user_version: number }>('PRAGMA user_version')?.user_version).toBe(cacheMigrations.length);
  });

  it('reads a 50,000-conversation inbox from the file, newest first (timing is logged)', () => {
    const total = 50_000;
    const accounts = ['acc1', 'acc2'];
    for (const accountId of accounts) {
      const batch: Conversation[] = [];
      // Updated times scattered (7919 is prime to 25,000), so the order is not insertion order.
      for (let i = 0; i < total / accounts.length; i++) batch.push(conversation(`c${i}`, (i * 7919) % (total / 2)));
      cache.upsertConversations(accountId, 'bot_a', 'Bot A', batch);
    }
    db.close();
    db = new MainDb(join(dir, CACHE_FILE));
    cache = new LocalCache(db);

    let started = performance.now();
    const inbox = cache.inbox();
    const coldMs = performance.now() - started;
    started = performance.now();
    const again = cache.inbox();
    const warmMs = performance.now() - started;
    cache.upsertConversations('acc1', 'bot_a', 'Bot A', [conversation('c0', total)]);
    started = performance.now();
    const afterWrite = cache.inbox();
    const afterWriteMs = performance.now() - started;
    console.log(
      `inbox() with ${total} conversations: ${coldMs.toFixed(0)} ms from the file, ` +
        `${warmMs.toFixed(1)} ms again, ${afterWriteMs.toFixed(1)} ms after a write`,
    );

    expect(inbox).toHaveLength(total);
    expect(again).toEqual(inbox);
    const times = inbox.map((c) => Date.parse(c.updatedAt));
    expect(times.every((t, i) => i === 0 || times[i - 1]! >= t)).toBe(true);
    expect(afterWrite[0]?.key).toBe('acc1/bot_a/c0');
    expect(afterWrite).toHaveLength(total);
  });
});
