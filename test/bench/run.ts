// `npm run bench`: the speed and memory targets, each measured against a baseline taken in the
// same run on the same machine, and printed as a ratio (absolute times vary between machines;
// ratios do not, much). Exits non-zero when a target is missed.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { filterInbox } from '../../src/shared/inbox-filter';
import { LocalCache } from '../../src/main/services/cache/local-cache';
import { MainDb } from '../../src/main/services/cache/sqlite';
import { startServer } from '../../src/server/app';
import { conversations, inbox } from './fixtures';

interface Result {
  name: string;
  ms: number;
  baselineMs: number;
  target: number;
  note: string;
}

/** Median of `runs` timings of fn, after one warm-up. */
async function time(fn: () => unknown, runs = 7): Promise<number> {
  await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return samples.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

const results: Result[] = [];

async function inboxFilter(): Promise<void> {
  const data = inbox(50_000);
  const context = { myAgentIds: { acc_1: 'agent_me' } };
  const ms = await time(() =>
    filterInbox(data, { view: 'all', search: 'rucksendung 4' }, context).sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1)),
  );
  // Baseline: one pass over the same objects, the least any filter must do.
  const baselineMs = await time(() => data.filter((c) => !c.archived));
  results.push({ name: 'inbox search + sort, 50k conversations', ms, baselineMs, target: 5, note: 'vs. one plain filter pass' });
}

async function cacheFirstRead(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'deckhand-bench-'));
  try {
    const writer = new LocalCache(MainDb.open(dir));
    const data = conversations(50_000);
    for (let i = 0; i < data.length; i += 5000) writer.upsertConversations('acc_1', 'bot_shop', 'Shop', data.slice(i, i + 5000));
    const rows = JSON.stringify(inbox(50_000));
    const ms = await time(() => new LocalCache(MainDb.open(dir)).inbox(), 3);
    // Baseline: parsing the same conversations from one JSON string, the floor of any store.
    const baselineMs = await time(() => JSON.parse(rows), 3);
    results.push({ name: 'local cache, first inbox read, 50k', ms, baselineMs, target: 3.5, note: 'vs. JSON.parse of the same data' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function serverList(): Promise<void> {
  const server = await startServer({ rateLimit: { max: 1_000_000, windowMs: 60_000 } });
  const handle = `${server.url}/v1/chatbots/bot_shop/conversations/handle`;
  for (let i = 0; i < 2000; i += 50) {
    await Promise.all(
      Array.from({ length: 50 }, (_, j) =>
        fetch(handle, {
          method: 'POST',
          headers: { 'x-chatcaptain-key': server.workspace.keys.admin, 'content-type': 'application/json' },
          body: JSON.stringify({ chatbotId: 'bot_shop', channelId: 'whatsapp', channelName: 'WhatsApp Business', providerId: `4915${i + j}`, text: `Nachricht ${i + j}` }),
        }),
      ),
    );
  }
  const path = '/v1/chatbots/bot_shop/conversations';
  const headers = { 'x-chatcaptain-key': server.workspace.keys.admin };
  const body = await (await fetch(server.url + path, { headers })).text();
  const plain = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(body));
  await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve));
  const address = plain.address();
  const plainUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const ms = await time(async () => (await fetch(server.url + path, { headers })).text(), 9);
  const baselineMs = await time(async () => (await fetch(plainUrl)).text(), 9);
  results.push({ name: 'server: list 2,000 conversations', ms, baselineMs, target: 6, note: 'vs. serving the same JSON from memory' });
  plain.close();
  await server.close();
}

function memory(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) {
    console.log('memory: run with node --expose-gc to measure (npm run bench does)');
    return;
  }
  gc();
  const before = process.memoryUsage().heapUsed;
  const data = inbox(50_000);
  gc();
  const heap = process.memoryUsage().heapUsed - before;
  const json = Buffer.byteLength(JSON.stringify(data));
  results.push({ name: 'memory: 50k conversations in the heap', ms: heap / 1e6, baselineMs: json / 1e6, target: 2.5, note: 'MB vs. their JSON size in MB' });
}

await inboxFilter();
await cacheFirstRead();
await serverList();
memory();

let missed = 0;
for (const r of results) {
  const ratio = r.ms / r.baselineMs;
  const ok = ratio <= r.target;
  if (!ok) missed++;
  console.log(
    `${ok ? 'ok  ' : 'MISS'} ${r.name}: ${r.ms.toFixed(1)} / ${r.baselineMs.toFixed(1)} = ${ratio.toFixed(1)}× (target ≤ ${r.target}×, ${r.note})`,
  );
}
process.exitCode = missed > 0 ? 1 : 0;
