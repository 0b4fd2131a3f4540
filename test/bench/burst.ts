// A burst: 10,000 customer messages over 1,000 conversations within 2 s, from a platform's live
// feed (burst-platform.ts) into the whole app. Measured: the time main spends taking them in
// (against the burst's own length: main must keep up; storing the same in its caches alone is
// kept in the details for comparison), how many inbox batches reach the renderer per
// second (at most 20), the renderer's longest task meanwhile (against the same page idle), and
// that nothing is lost: every message in main's cache, and the unread counts right in main and in
// what the renderer got.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalCache } from '../../src/main/services/cache/local-cache';
import { MessageCache } from '../../src/main/services/cache/message-cache';
import { MainDb } from '../../src/main/services/cache/sqlite';
import type { Conversation, Message } from '../../src/shared/domain';
import { startHost } from '../e2e/host/host';
import { launchChromium, openApp } from '../e2e/support/browser';
import { until } from './app';
import { BURST, BurstPlatform, burstFactory } from './burst-platform';
import type { Result } from './report';
import { epochNow, sleep } from './stats';

const CONVERSATIONS = 1_000;
const PER_CONVERSATION = 10;
const BURST_MS = 2_000;
const TICK_MS = 10;

// In the page: every inbox batch's arrival and the newest unread count per conversation; the
// renderer's long tasks (PerformanceObserver, over 50 ms) during the burst; and, before it, the
// longest gap of a loop that yields every turn: how long the page waits for the CPU while idle
// on this machine, the floor under any task's length.
const recorder = `(() => {
  const r = (globalThis.__burst = { batches: [], unread: {}, longest: 0, idle: 0, gap: 0, probing: true });
  r.start = () => { r.idle = r.gap; r.probing = false; new PerformanceObserver((l) => l.getEntries().forEach((e) => (r.longest = Math.max(r.longest, e.duration)))).observe({ type: 'longtask' }); };
  globalThis.deckhand.on('inbox.changed', ({ upserted }) => {
    r.batches.push(performance.now());
    for (const c of upserted) r.unread[c.key] = c.unreadCount;
  });
  const channel = new MessageChannel();
  let last = performance.now();
  channel.port1.onmessage = () => {
    const now = performance.now();
    r.gap = Math.max(r.gap, now - last);
    last = now;
    if (r.probing) setTimeout(() => channel.port2.postMessage(0), 0);
  };
  channel.port2.postMessage(0);
})()`;

interface Recorded {
  batches: number[];
  unread: Record<string, number>;
  /** The longest long task since the burst started (0: none over 50 ms), and the probe's longest gap before it. */
  longest: number;
  idle: number;
}

/** Storing the same messages and conversation changes in main's caches alone, a chunk per transaction: the floor. */
function storageAlone(chunks: { conversation: Conversation; message: Message }[][]): number {
  const dir = mkdtempSync(join(tmpdir(), 'deckhand-bench-burst-'));
  const db = MainDb.open(dir);
  try {
    const cache = new LocalCache(db);
    const messages = new MessageCache(db);
    const started = performance.now();
    for (const chunk of chunks) {
      cache.batch(() => {
        for (const { conversation, message } of chunk) {
          messages.upsert({ accountId: 'acc', chatbotId: BURST.chatbot.id, conversationId: conversation.id }, [message]);
          cache.upsertConversations('acc', BURST.chatbot.id, BURST.chatbot.name, [conversation]);
        }
      });
    }
    return performance.now() - started;
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function burst(quick: boolean): Promise<Result[]> {
  void quick; // The burst is the same in both modes: it is short.
  const platform = new BurstPlatform(CONVERSATIONS);
  const host = await startHost({ platforms: [burstFactory(platform)] });
  const browser = await launchChromium();
  try {
    const account = await host.app.session.add({ platform: BURST.platform, baseUrl: 'https://burst.invalid', key: BURST.key, chatbotIds: [BURST.chatbot.id], allowPlainTextStorage: false });
    await until(() => platform.connected && host.app.cache.page({ limit: CONVERSATIONS + 1 }, { myAgentIds: {} }).conversations.length === CONVERSATIONS, 'the first sync');
    const app = await openApp(browser, host, { locale: 'de-DE' });
    const page = app.page;
    await page.locator('.inbox-tab-count').first().waitFor({ timeout: 60_000 });
    await page.evaluate(recorder);
    await sleep(1_000); // the idle baseline of the probe

    const ids = platform.ids();
    const total = CONVERSATIONS * PER_CONVERSATION;
    const perTick = total / (BURST_MS / TICK_MS);
    let handlerMs = 0;
    let sent = 0;
    const sentChunks: { conversation: Conversation; message: Message }[][] = [];
    const started = epochNow();
    const pageStarted = (await page.evaluate('(globalThis.__burst.start(), performance.now())')) as number;
    while (sent < total) {
      // Each chunk in a turn of its own, as a socket delivers them (so main's timers run between).
      await sleep(Math.max(0, started + (sent / perTick) * TICK_MS - epochNow()));
      const chunk: { conversation: Conversation; message: Message }[] = [];
      const tick = performance.now();
      for (let i = 0; i < perTick && sent < total; i++, sent++) chunk.push(platform.customerWrites(ids[sent % CONVERSATIONS]!, `Nachricht ${sent}`));
      // Deckhand applies what arrived in this turn right after it (a microtask, queued before this one).
      await Promise.resolve();
      handlerMs += performance.now() - tick;
      sentChunks.push(chunk);
    }
    const burstMs = epochNow() - started;
    // Everything has arrived once every conversation shows its ten unread in what the page got.
    const done = async () =>
      (await page.evaluate(`Object.values(globalThis.__burst.unread).filter((n) => n === ${PER_CONVERSATION}).length`)) === CONVERSATIONS;
    await until(done, 'the renderer to get every change', 30_000).catch(() => undefined);
    const settledMs = epochNow() - started;



    const recorded = (await page.evaluate('globalThis.__burst')) as Recorded;

    // Nothing lost: main's message cache and conversations, and what the renderer got.
    let problems = 0;
    for (const id of ids) {
      const ref = { accountId: account.id, chatbotId: BURST.chatbot.id, conversationId: id };
      if (host.app.messages.list(ref, { limit: 100 }).length !== PER_CONVERSATION) problems++;
      if (host.app.cache.conversation(ref)?.unreadCount !== PER_CONVERSATION) problems++;
      if (recorded.unread[`${account.id}/${BURST.chatbot.id}/${id}`] !== PER_CONVERSATION) problems++;
    }
    const shownWaiting = Number((await page.locator('.inbox-tab-count').first().textContent())?.replace(/\D/g, ''));
    if (shownWaiting !== CONVERSATIONS) problems++;

    const batches = recorded.batches.filter((t) => t >= pageStarted);
    // Batches per second while they came: main sends them 50 ms apart at the least; they may arrive
    // closer (delivery jitter), so the rate is taken over the whole stretch, first to last.
    const batchSpan = batches.length > 1 ? batches.at(-1)! - batches[0]! : Infinity;
    const batchRate = ((batches.length - 1) / batchSpan) * 1000;
    const floor = storageAlone(sentChunks);
    await app.close();
    const details = { burstMs, settledMs, batches: batches.length, handlerMs, floorMs: floor, shownWaiting };
    return [
      // Main keeps up, with room to spare: it is busy with the burst for less than the burst lasts.
      { id: 'burst.main', name: 'burst 10k msgs / 1k convs in 2 s: time in main', value: handlerMs, unit: 'ms', baseline: burstMs, baselineName: 'the burst, start to end', target: { on: 'ratio', max: 0.75 }, details },
      { id: 'burst.batches', name: 'burst: inbox batches to the renderer per second', value: batchRate, unit: '/s', baseline: total / (burstMs / 1000), baselineName: 'messages/s arriving', target: { on: 'value', max: 20 }, details },
      { id: 'burst.longestTask', name: 'burst: longest renderer task (0: none over 50 ms)', value: recorded.longest, unit: 'ms', baseline: recorded.idle, baselineName: 'longest wait for the CPU, idle', target: { on: 'value', max: 100 }, details },
      { id: 'burst.lost', name: 'burst: messages lost or counts wrong', value: problems, unit: '', baseline: total, baselineName: 'messages sent', target: { on: 'value', max: 0 }, details },
    ];
  } finally {
    await browser.close();
    await host.close();
  }
}
