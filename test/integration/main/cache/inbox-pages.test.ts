// The inbox read a page at a time, newest activity first, straight from the cache file (so the
// first screen never waits for the whole cache), and the in-memory mirror warmed in chunks while
// writes go on. On a real SQLite file in a temp folder.
import { DatabaseSync } from '@photostructure/sqlite';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Conversation } from '../../../../src/shared/domain';
import { AppError } from '../../../../src/main/services/errors/app-error';
import { LocalCache } from '../../../../src/main/services/cache/local-cache';
import { CACHE_FILE, MainDb, cacheMigrations } from '../../../../src/main/services/cache/sqlite';
import { at, conversation } from './fixtures';

const context = { myAgentIds: { acc1: 'me' } };

/** Activity (its last message) at `activitySec`; updated in the opposite order, which the pages must not follow. */
const byActivity = (id: string, activitySec: number, extra: Partial<Conversation> = {}): Conversation =>
  conversation(id, activitySec, { updatedAt: at(100_000 - activitySec), ...extra });

let dir: string;
let db: MainDb;
let cache: LocalCache;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'deckhand-pages-'));
  db = MainDb.open(dir);
  cache = new LocalCache(db);
});

afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

function reopen(): void {
  db.close();
  db = new MainDb(join(dir, CACHE_FILE));
  cache = new LocalCache(db);
}

/** Every page of `filter` (or of everything), followed to the end. */
function allPages(limit: number, filter?: Parameters<LocalCache['page']>[0]['filter']): string[][] {
  const pages: string[][] = [];
  let after: string | undefined;
  do {
    const page = cache.page({ limit, ...(filter && { filter }), ...(after !== undefined && { after }) }, context);
    pages.push(page.conversations.map((c) => c.id));
    after = page.next ?? undefined;
  } while (after !== undefined);
  return pages;
}

describe('inbox pages', () => {
  it('go newest activity first, every conversation once (archived too), with ties in a stable order', () => {
    const list = Array.from({ length: 25 }, (_, i) => byActivity(`c${i}`, (i * 7) % 20, { archived: i === 3 }));
    cache.upsertConversations('acc1', 'bot_a', 'Bot A', list);
    reopen();
    const pages = allPages(10);
    expect(pages.map((p) => p.length)).toEqual([10, 10, 5]);
    const ids = pages.flat();
    expect(new Set(ids).size).toBe(25);
    expect(ids).toContain('c3');
    const activity = (id: string) => (Number(id.slice(1)) * 7) % 20;
    expect(ids.map(activity)).toEqual([...ids.map(activity)].sort((a, b) => b - a));
  });

  it('with a filter, fill the page from as far down as it takes', () => {
    const list = Array.from({ length: 1_200 }, (_, i) => byActivity(`c${i}`, i, { status: i % 400 === 0 ? 'waiting' : 'bot' }));
    cache.upsertConversations('acc1', 'bot_a', 'Bot A', list);
    expect(allPages(2, { view: 'waiting' })).toEqual([['c800', 'c400'], ['c0']]);
    expect(allPages(5, { view: 'all', search: 'contact c1199' })).toEqual([['c1199']]);
  });

  it('follow a conversation that moves up while paging (it comes again; nothing is skipped)', () => {
    cache.upsertConversations('acc1', 'bot_a', 'Bot A', Array.from({ length: 6 }, (_, i) => byActivity(`c${i}`, i)));
    const first = cache.page({ limit: 3 }, context);
    expect(first.conversations.map((c) => c.id)).toEqual(['c5', 'c4', 'c3']);
    cache.upsertConversations('acc1', 'bot_a', 'Bot A', [byActivity('c0', 50, { updatedAt: at(200_000) })]);
    expect(cache.page({ limit: 3, after: first.next! }, context).conversations.map((c) => c.id)).toEqual(['c2', 'c1']);
  });

  it('refuse a cursor that is not one', () => {
    expect(() => cache.page({ limit: 3, after: 'DROP TABLE' }, context)).toThrow(AppError);
  });

  it('read the activity of what an older file held (the migration fills it in)', () => {
    db.close();
    rmSync(join(dir, CACHE_FILE));
    const old = new DatabaseSync(join(dir, CACHE_FILE));
    // The migrations before the one that added activity_ms (the last).
    for (const sql of cacheMigrations.slice(0, -1)) old.exec(sql);
    old.exec(`PRAGMA user_version = ${cacheMigrations.length - 1}`);
    const insert = old.prepare('INSERT INTO conversations (account_id, chatbot_id, id, updated_ms, status, archived, json) VALUES (?, ?, ?, ?, ?, ?, ?)');
    for (const [id, activity] of [['old', 5], ['new', 9]] as const) {
      const c = { ...byActivity(id, activity), accountId: 'acc1', key: `acc1/bot_a/${id}`, chatbotName: 'Bot A' };
      insert.run('acc1', 'bot_a', id, 1, 'waiting', 0, JSON.stringify(c));
    }
    const noMessage = { ...byActivity('quiet', 0), lastMessage: undefined, createdAt: at(7), accountId: 'acc1', key: 'acc1/bot_a/quiet', chatbotName: 'Bot A' };
    insert.run('acc1', 'bot_a', 'quiet', 1, 'waiting', 0, JSON.stringify(noMessage));
    old.close();
    reopen();
    expect(cache.page({ limit: 10 }, context).conversations.map((c) => c.id)).toEqual(['new', 'quiet', 'old']);
  });
});

describe('the mirror', () => {
  it('warms in chunks while writes and removals go on, and then holds exactly the file', async () => {
    cache.upsertConversations('acc1', 'bot_a', 'Bot A', Array.from({ length: 5_000 }, (_, i) => byActivity(`c${i}`, i)));
    reopen();
    expect(cache.warmed()).toBeNull();
    const warming = cache.warm();
    // Meanwhile the sync writes: a change to a conversation not read yet, a new one, a removal.
    cache.upsertConversations('acc1', 'bot_a', 'Bot A', [byActivity('c4999', 9_999, { unreadCount: 7, updatedAt: at(200_000) }), byActivity('fresh', 10_000)]);
    cache.removeConversations('acc1', 'bot_a', ['c4998']);
    await warming;
    const warmed = [...cache.warmed()!];
    expect(warmed).toHaveLength(5_000);
    expect(warmed.find((c) => c.id === 'c4999')?.unreadCount).toBe(7);
    expect(warmed.some((c) => c.id === 'c4998')).toBe(false);
    expect(cache.conversation({ accountId: 'acc1', chatbotId: 'bot_a', conversationId: 'fresh' })?.id).toBe('fresh');
    expect(cache.inbox()).toHaveLength(5_000);
  });
});
