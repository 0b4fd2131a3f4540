// The inbox read a page at a time, newest activity first, straight from the cache file (so the
// first screen never waits for the whole cache), and the in-memory mirror warmed in chunks while
// writes go on. On a real SQLite file in a temp folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Conversation } from '../../../../src/shared/domain';
import { AppError } from '../../../../src/main/services/errors/app-error';
import { LocalCache } from '../../../../src/main/services/cache/local-cache';
import { CACHE_FILE, MainDb, cacheMigrations } from '../../../../src/main/services/cache/sqlite';
import type { InboxConversation, InboxFilter, InboxSort } from '../../../../src/shared/view-models';
import { lastActivity } from '../../../../src/shared/activity';
import { waitStartMs } from '../../../../src/shared/waiting-time';
import { at, conversation, message, olderCacheFile } from './fixtures';

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

/** How many migrations a file had before the one that added `column`. */
const migrationAdding = (column: string): number => cacheMigrations.findIndex((m) => String(m).includes(column));

function reopen(): void {
  db.close();
  db = new MainDb(join(dir, CACHE_FILE));
  cache = new LocalCache(db);
}

/** Every page of `filter` (or of everything) in `order`, followed to the end. */
function allPages(limit: number, filter?: InboxFilter, order?: InboxSort): string[][] {
  const pages: string[][] = [];
  let after: string | undefined;
  do {
    const page = cache.page({ limit, ...(order && { order }), ...(filter && { filter }), ...(after !== undefined && { after }) }, context);
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
    // The migrations before the one that added activity_ms.
    const old = olderCacheFile(join(dir, CACHE_FILE), migrationAdding('activity_ms'));
    const insert = (id: string, c: object) => old.run('INSERT INTO conversations (account_id, chatbot_id, id, updated_ms, status, archived, json) VALUES (?, ?, ?, ?, ?, ?, ?)', 'acc1', 'bot_a', id, 1, 'waiting', 0, JSON.stringify(c));
    for (const [id, activity] of [['old', 5], ['new', 9]] as const) {
      insert(id, { ...byActivity(id, activity), accountId: 'acc1', key: `acc1/bot_a/${id}`, chatbotName: 'Bot A' });
    }
    insert('quiet', { ...byActivity('quiet', 0), lastMessage: undefined, createdAt: at(7), accountId: 'acc1', key: 'acc1/bot_a/quiet', chatbotName: 'Bot A' });
    old.close();
    reopen();
    expect(cache.page({ limit: 10 }, context).conversations.map((c) => c.id)).toEqual(['new', 'quiet', 'old']);
  });
});

describe("the Waiting queue's pages", () => {
  /** Waiting since `waitSec` (the customer's first unanswered word), its activity at `activitySec`. */
  const waiting = (id: string, waitSec: number, activitySec: number, extra: Partial<Conversation> = {}): Conversation =>
    byActivity(id, activitySec, { waitingSince: at(waitSec), ...extra } as Partial<Conversation>);

  it('go by who has waited longest, then those nobody waits for newest first: the order the renderer shows, page after page', () => {
    // Equal waits go by activity, all different here (the renderer breaks a tie of both by key, the file by row).
    const list = Array.from({ length: 40 }, (_, i) =>
      i % 4 === 0
        ? byActivity(`c${i}`, (i * 13) % 40, { status: 'assigned', assignedAgentId: 'me', lastMessage: { ...message(`m${i}`, `c${i}`, (i * 13) % 40), sender: 'agent' } })
        : waiting(`c${i}`, (i * 7) % 10, (i * 13) % 40),
    );
    cache.upsertConversations('acc1', 'bot_a', 'Bot A', list);
    reopen();
    const pages = allPages(7, undefined, 'longestWaiting');
    expect(pages.map((p) => p.length)).toEqual([7, 7, 7, 7, 7, 5]);
    // The renderer's queue order (screens/inbox/inbox-model.ts), from the same shared rules.
    const wait = (c: InboxConversation) => waitStartMs(c) ?? Infinity;
    const shown = cache
      .page({ limit: 100 }, context)
      .conversations.sort((a, b) => (wait(a) === wait(b) ? Date.parse(lastActivity(b)) - Date.parse(lastActivity(a)) : wait(a) - wait(b)))
      .map((c) => c.id);
    expect(pages.flat()).toEqual(shown);
    // Those nobody waits for (a person answered) come last.
    expect(pages.flat().slice(-10).every((id) => Number(id.slice(1)) % 4 === 0)).toBe(true);
  });

  it("start the Waiting view's first screen at the queue's head, not at the newest", () => {
    cache.upsertConversations('acc1', 'bot_a', 'Bot A', [waiting('newest', 50, 100), waiting('longest', 1, 2), waiting('middle', 20, 60), byActivity('bot', 200, { status: 'bot' })]);
    const first = cache.page({ limit: 2, order: 'longestWaiting', filter: { view: 'waiting' } }, context);
    expect(first.conversations.map((c) => c.id)).toEqual(['longest', 'middle']);
    expect(cache.page({ limit: 2, order: 'longestWaiting', filter: { view: 'waiting' }, after: first.next! }, context).conversations.map((c) => c.id)).toEqual(['newest']);
  });

  it('keep a wait that changed: a person answers, and the conversation leaves the head', () => {
    cache.upsertConversations('acc1', 'bot_a', 'Bot A', [waiting('a', 1, 10), waiting('b', 5, 20)]);
    cache.upsertConversations('acc1', 'bot_a', 'Bot A', [byActivity('a', 30, { status: 'assigned', assignedAgentId: 'me', updatedAt: at(200_000), waitingSince: null } as Partial<Conversation>)]);
    expect(allPages(5, undefined, 'longestWaiting').flat()).toEqual(['b', 'a']);
  });

  it("refuse a cursor of the other order", () => {
    cache.upsertConversations('acc1', 'bot_a', 'Bot A', [waiting('a', 1, 10), waiting('b', 5, 20)]);
    const newest = cache.page({ limit: 1 }, context).next!;
    expect(() => cache.page({ limit: 1, order: 'longestWaiting', after: newest }, context)).toThrow(AppError);
  });

  it('read the waits of what an older file held (the migration works them out by the app\'s rule)', () => {
    db.close();
    rmSync(join(dir, CACHE_FILE));
    const old = olderCacheFile(join(dir, CACHE_FILE), migrationAdding('wait_ms'));
    const rows = [waiting('later', 30, 40), waiting('earlier', 10, 50), byActivity('answered', 60, { status: 'assigned', assignedAgentId: 'me', waitingSince: null } as Partial<Conversation>)];
    for (const c of rows) {
      old.run(
        'INSERT INTO conversations (account_id, chatbot_id, id, updated_ms, activity_ms, status, archived, json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        'acc1', 'bot_a', c.id, 1, Date.parse(c.lastMessage!.createdAt), c.status, 0,
        JSON.stringify({ ...c, accountId: 'acc1', key: `acc1/bot_a/${c.id}`, chatbotName: 'Bot A' }),
      );
    }
    old.close();
    reopen();
    expect(allPages(10, undefined, 'longestWaiting').flat()).toEqual(['earlier', 'later', 'answered']);
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
