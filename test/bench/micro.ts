// The pieces in isolation: the inbox filter over 50,000 conversations, reading them back from the
// cache file (the first page the first screen needs, and the whole of it), and their size in the heap.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { filterInbox } from '../../src/shared/inbox-filter';
import { LocalCache } from '../../src/main/services/cache/local-cache';
import { MainDb } from '../../src/main/services/cache/sqlite';
import { conversations, inbox } from './fixtures';
import type { Result } from './report';
import { time } from './stats';

const context = { myAgentIds: { acc_1: 'agent_me' } };

function inboxFilter(): Promise<Result> {
  const data = inbox(50_000);
  return (async () => {
    const value = await time(() => filterInbox(data, { view: 'all', search: 'rucksendung 4' }, context).sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1)));
    // Baseline: one pass over the same objects, the least any filter must do.
    const baseline = await time(() => data.filter((c) => !c.archived));
    return { id: 'micro.filter', name: 'inbox search + sort, 50k', value, unit: 'ms', baseline, baselineName: 'one plain filter pass', target: { on: 'ratio', max: 5 } };
  })();
}

async function cacheReads(): Promise<Result[]> {
  const dir = mkdtempSync(join(tmpdir(), 'deckhand-bench-'));
  try {
    const writer = new LocalCache(MainDb.open(dir));
    const data = conversations(50_000);
    for (let i = 0; i < data.length; i += 5000) writer.upsertConversations('acc_1', 'bot_shop', 'Shop', data.slice(i, i + 5000));
    const all = JSON.stringify(inbox(50_000));
    const whole = await time(() => new LocalCache(MainDb.open(dir)).inbox(), 3);
    const page = await time(() => new LocalCache(MainDb.open(dir)).page({ limit: 50, filter: { view: 'waiting' } }, context), 5);
    return [
      // The first screen must not wait for the whole cache: its page costs a small part of reading it all.
      { id: 'micro.cache.page', name: 'cache: first screen (50 waiting) of 50k', value: page, unit: 'ms', baseline: whole, baselineName: 'reading the whole cache', target: { on: 'ratio', max: 0.05 } },
      // Baseline: parsing the same conversations from one JSON string, the floor of any store.
      { id: 'micro.cache.all', name: 'cache: the whole inbox, 50k', value: whole, unit: 'ms', baseline: await time(() => JSON.parse(all), 3), baselineName: 'JSON.parse of the same data', target: { on: 'ratio', max: 3.5 } },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function memory(): Result[] {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc (npm run bench does)');
  gc();
  const before = process.memoryUsage().heapUsed;
  const data = inbox(50_000);
  gc();
  const heap = process.memoryUsage().heapUsed - before;
  const json = Buffer.byteLength(JSON.stringify(data));
  return [{ id: 'micro.heap50k', name: 'Node heap: 50k conversations', value: heap / 1e6, unit: 'MB', baseline: json / 1e6, baselineName: 'their JSON', target: { on: 'ratio', max: 2.5 } }];
}

export async function microBenchmarks(): Promise<Result[]> {
  return [await inboxFilter(), ...(await cacheReads()), ...memory()];
}
