// Cold start: from the start of a fresh process (Deckhand composing its services on a data
// folder, as at Electron's ready) until the first rows are on screen and answer the keyboard
// (↓ selects the first), with 50,000 conversations in the cache, against the same with an empty
// cache (the demo's conversations then come over the network). The first screen must not wait
// for the whole cache.
import type { Browser } from 'playwright-core';
import { LocalCache } from '../../src/main/services/cache/local-cache';
import { MainDb } from '../../src/main/services/cache/sqlite';
import { launchChromium } from '../e2e/support/browser';
import { copyOf, preparedBacklog, preparedDemo, type Prepared } from './app';
import { startChild } from './child';
import type { Result } from './report';
import { median } from './stats';

// At document start, before the app runs: when the first row appears, and when one is selected.
const recorder = `(() => {
  const marks = (globalThis.__benchStart = {});
  new MutationObserver(() => {
    const now = performance.timeOrigin + performance.now();
    if (marks.firstRow === undefined && document.querySelector('main [role="listbox"] [role="option"]')) marks.firstRow = now;
    if (marks.selected === undefined && document.querySelector('main [role="listbox"] [role="option"][aria-selected="true"]')) marks.selected = now;
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-selected'] });
})()`;

/** A copy of the demo's folder whose cache was never filled: the first start after signing in. */
function emptyCache(prepared: Prepared): string {
  const dir = copyOf(prepared);
  const db = MainDb.open(dir);
  try {
    new LocalCache(db).clearAccount(prepared.accountId);
  } finally {
    db.close();
  }
  return dir;
}

/** Milliseconds from the process's start to the first row shown, and to ↓ having selected it. */
async function start(browser: Browser, dataDir: string): Promise<{ firstRow: number; interactive: number }> {
  const child = await startChild<{ url: string; startedAt: number }>('cold-host.ts', [dataDir], { timeoutMs: 120_000 });
  const context = await browser.newContext({ locale: 'de-DE', viewport: { width: 1280, height: 800 } });
  try {
    await context.addInitScript(recorder);
    const page = await context.newPage();
    await page.goto(child.ready.url);
    const firstRow = page.locator('main [role="listbox"] [role="option"]').first();
    await firstRow.waitFor({ timeout: 120_000 });
    await page.keyboard.press('ArrowDown');
    await page.locator('main [role="listbox"] [role="option"][aria-selected="true"]').waitFor({ timeout: 60_000 });
    const marks = (await page.evaluate('globalThis.__benchStart')) as { firstRow: number; selected: number };
    return { firstRow: marks.firstRow - child.ready.startedAt, interactive: marks.selected - child.ready.startedAt };
  } finally {
    await context.close();
    await child.stop();
  }
}

export async function coldStart(quick: boolean): Promise<Result[]> {
  const demo = await preparedDemo();
  const backlog = await preparedBacklog();
  const browser = await launchChromium();
  const runs = quick ? 1 : 3;
  const empty: { firstRow: number; interactive: number }[] = [];
  const full: { firstRow: number; interactive: number }[] = [];
  try {
    // One start each to warm the disk cache and tsx's, not counted; then alternating.
    await start(browser, emptyCache(demo));
    await start(browser, copyOf(backlog));
    for (let i = 0; i < runs; i++) {
      empty.push(await start(browser, emptyCache(demo)));
      full.push(await start(browser, copyOf(backlog)));
    }
  } finally {
    await browser.close();
  }
  const details = { empty, full };
  const result = (mark: 'firstRow' | 'interactive', what: string): Result => ({
    id: `cold.${mark}`,
    name: `cold start, 50k cached: first rows ${what}`,
    value: median(full.map((r) => r[mark])),
    unit: 'ms',
    baseline: median(empty.map((r) => r[mark])),
    baselineName: 'empty cache',
    target: { on: 'ratio', max: 1.5 },
    details,
  });
  return [result('firstRow', 'visible'), result('interactive', 'interactive')];
}
