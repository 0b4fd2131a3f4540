// The full-text search over main's cached messages: the index follows every insert, edit and
// delete (a deleted conversation, sign-out); terms fold as every search folds; FTS5's query
// syntax in a term is taken literally. And at the scale the targets speak of, 50,000
// conversations, how long a search takes: logged for a look, not asserted (the benchmarks hold
// the timing targets).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalCache } from '../../../../src/main/services/cache/local-cache';
import { MessageCache } from '../../../../src/main/services/cache/message-cache';
import { MainDb } from '../../../../src/main/services/cache/sqlite';
import { MessageSearch } from '../../../../src/main/services/search/message-search';
import type { Message } from '../../../../src/shared/domain';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function fresh() {
  const dir = mkdtempSync(join(tmpdir(), 'deckhand-search-'));
  dirs.push(dir);
  const db = MainDb.open(dir);
  return { db, messages: new MessageCache(db), search: new MessageSearch(db), cache: new LocalCache(db) };
}

const text = (id: string, conversationId: string, words: string, minute = 0): Message => ({
  id,
  conversationId,
  sender: 'contact',
  type: 'text',
  payload: { text: words },
  createdAt: new Date(Date.UTC(2026, 10, 1, 10, minute)).toISOString(),
});
const ref = (conversationId: string, accountId = 'acc_1') => ({ accountId, chatbotId: 'bot_shop', conversationId });

describe('the message search', () => {
  it('finds any part of a message, folded for every script, newest conversation first', () => {
    const { messages, search } = fresh();
    messages.upsert(ref('c1'), [text('m1', 'c1', 'Herr Yılmaz wohnt in der Hauptstraße 5', 1)]);
    messages.upsert(ref('c2'), [text('m2', 'c2', 'Bestellung 4711: Rücksendung', 2), text('m3', 'c2', 'Nochmal zur Rücksendung', 3)]);
    messages.upsert(ref('c3'), [{ ...text('m4', 'c3', 'x'), type: 'file', payload: { fileUrl: 'https://x.example/r.pdf', title: 'Rücksendeschein.pdf' } } as Message]);
    expect(search.search('YILMAZ', 10).map((h) => h.key)).toEqual(['acc_1/bot_shop/c1']);
    expect(search.search('hauptstrasse', 10).map((h) => h.messageId)).toEqual(['m1']);
    // One hit per conversation: its newest message with the term.
    expect(search.search('rucksendung', 10)).toEqual([{ key: 'acc_1/bot_shop/c2', messageId: 'm3', createdAt: text('m3', 'c2', '', 3).createdAt, text: 'Nochmal zur Rücksendung' }]);
    expect(search.search('rucksende', 10).map((h) => h.messageId)).toEqual(['m4']);
    expect(search.search('ru', 10)).toEqual([]);
    for (const syntax of ['"', 'a OR b', 'NEAR(x y)', '*', 'col:term', '(((']) expect(() => search.search(syntax, 10)).not.toThrow();
  });

  it('follows edits and deletions: a changed message, a deleted conversation, a signed-out account', () => {
    const { messages, search, cache } = fresh();
    messages.upsert(ref('c1'), [text('m1', 'c1', 'alter Text')]);
    messages.upsert(ref('c1'), [text('m1', 'c1', 'neuer Text')]);
    expect(search.search('alter', 10)).toEqual([]);
    expect(search.search('neuer', 10)).toHaveLength(1);
    messages.upsert(ref('c2', 'acc_2'), [text('m2', 'c2', 'neuer Kunde')]);
    cache.removeConversations('acc_1', 'bot_shop', ['c1']);
    expect(search.search('neuer', 10).map((h) => h.key)).toEqual(['acc_2/bot_shop/c2']);
    cache.clearAccount('acc_2');
    expect(search.search('neuer', 10)).toEqual([]);
  });

  it('answers at 50,000 conversations (timed for a look, not asserted)', () => {
    const { db, messages, search } = fresh();
    const words = ['Lieferung', 'Rücksendung', 'Rechnung', 'Passwort', 'Termin', 'Störung', 'Größe', 'Farbe'];
    const filled = Date.now();
    db.tx(() => {
      for (let i = 0; i < 50_000; i++) {
        const id = `c${i}`;
        messages.upsert(ref(id), [
          text(`${id}a`, id, `Hallo, meine ${words[i % 8]} zu Bestellung ${i} ist noch offen.`, i % 60),
          text(`${id}b`, id, `Kundennummer K-${String(i).padStart(6, '0')}, bitte melden Sie sich.`, (i % 60) + 1),
        ]);
      }
    });
    const fill = Date.now() - filled;
    const time = (query: string) => {
      const started = performance.now();
      const hits = search.search(query, 200);
      return { query, ms: Math.round((performance.now() - started) * 10) / 10, hits: hits.length };
    };
    time('warm up');
    const runs = [time('K-004711'), time('rucksendung'), time('bestellung 49999'), time('gibt es nicht')];
    console.log(`[message-search] 100,000 messages of 50,000 conversations indexed in ${fill} ms; searches: ${JSON.stringify(runs)}`);
    expect(runs.map((r) => r.hits)).toEqual([1, 200, 1, 0]);
  });
});
