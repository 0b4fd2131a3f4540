// The whole app for the browser benchmarks: Deckhand's main-process services in the e2e host
// (test/e2e/host), the demo workspace, and the built renderer in Chromium. Data folders are made
// once per run (the demo opened and synced, and one with a 50,000-conversation backlog in the
// cache on top) and copied for each use, so every start begins from the same state.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { LocalCache } from '../../src/main/services/cache/local-cache';
import { MainDb } from '../../src/main/services/cache/sqlite';
import { startHost, type Host, type HostOptions } from '../e2e/host/host';
import { launchChromium, openApp, type AppPage } from '../e2e/support/browser';
import { waitingBacklog } from './fixtures';
import { epochNow, sleep } from './stats';

export const BACKLOG = 50_000;

const temp = (prefix: string) => mkdtempSync(join(tmpdir(), `deckhand-bench-${prefix}-`));
const folders: string[] = [];

/** Waits until `test` holds, checking every 50 ms. */
export async function until(test: () => boolean | Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await test())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

/** The demo account and chatbot the backlog goes into. */
export interface Prepared {
  dir: string;
  accountId: string;
}

let demoDir: Promise<Prepared> | null = null;
let backlogDir: Promise<Prepared> | null = null;

/** A data folder where the demo was opened and synced once (what a returning agent has). */
export function preparedDemo(): Promise<Prepared> {
  return (demoDir ??= (async () => {
    const dir = temp('demo');
    folders.push(dir);
    const host = await startHost({ dataDir: dir, openDemoOnFirstRun: true });
    try {
      const accountId = host.app.session.state().accounts[0]?.id;
      if (!accountId) throw new Error('the demo did not open');
      await until(() => host.app.session.state().accounts[0]!.connection.state === 'live', 'the demo to sync');
      return { dir, accountId };
    } finally {
      await host.close();
    }
  })());
}

/** The same with 50,000 more conversations waiting in the cache (older than the demo's). */
export function preparedBacklog(): Promise<Prepared> {
  return (backlogDir ??= (async () => {
    const demo = await preparedDemo();
    const dir = copyOf(demo);
    folders.push(dir);
    const db = MainDb.open(dir);
    try {
      const cache = new LocalCache(db);
      const backlog = waitingBacklog(BACKLOG, Date.now() - 30 * 24 * 3600_000);
      for (let i = 0; i < backlog.length; i += 5000) cache.upsertConversations(demo.accountId, 'bot_shop', 'Shop-Assistent', backlog.slice(i, i + 5000));
    } finally {
      db.close();
    }
    return { dir, accountId: demo.accountId };
  })());
}

/** A copy of a prepared folder, for one start; removed by cleanUp(). */
export function copyOf(prepared: Prepared): string {
  const dir = temp('run');
  folders.push(dir);
  cpSync(prepared.dir, dir, { recursive: true });
  return dir;
}

export function cleanUp(): void {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
  demoDir = null;
  backlogDir = null;
}

export interface BenchApp {
  host: Host;
  browser: Browser;
  app: AppPage;
  page: Page;
  close(): Promise<void>;
}

/** The app on `dataDir` (the demo opens on a fresh one) in a new Chromium, the inbox on screen. */
export async function openBenchApp(options: HostOptions & { complete?: boolean } = {}): Promise<BenchApp> {
  const host = await startHost({ openDemoOnFirstRun: true, ...options });
  const browser = await launchChromium();
  const app = await openApp(browser, host, { locale: 'de-DE' });
  const page = app.page;
  await page.getByRole('main').getByRole('listbox').getByRole('option').first().waitFor({ timeout: 60_000 });
  // Every page of the inbox is in once the tabs show their counts.
  if (options.complete !== false) await page.locator('.inbox-tab-count').first().waitFor({ timeout: 120_000 });
  return {
    host,
    browser,
    app,
    page,
    async close() {
      await app.close().catch(() => undefined);
      await browser.close().catch(() => undefined);
      await host.close();
    },
  };
}

/** The page's clock minus this process's (both epoch ms), from the round trip with the least delay. */
export async function pageClockOffset(page: Page): Promise<number> {
  let best = { rtt: Infinity, offset: 0 };
  for (let i = 0; i < 20; i++) {
    const before = epochNow();
    const at = await page.evaluate(() => performance.timeOrigin + performance.now());
    const after = epochNow();
    if (after - before < best.rtt) best = { rtt: after - before, offset: at - (before + after) / 2 };
  }
  return best.offset;
}

/** The renderer's JavaScript heap after a full garbage collection, in MB (DevTools protocol). */
export async function rendererHeapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize / 1e6;
  } finally {
    await cdp.detach();
  }
}
