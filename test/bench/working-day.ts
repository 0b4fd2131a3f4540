// Memory over a working day, compressed: the demo's simulator sends a busy desk's traffic
// (3 customer messages a minute) 120 times faster, while an agent opens conversations, answers
// some and closes some, one every simulated two minutes: 8 hours in 4 minutes (2 in 1 with
// --quick). Main's heap (its own process, after a full GC) and the renderer's (DevTools protocol,
// after a full GC) are sampled throughout; after the first quarter (warm-up: by then the agent has
// been through every kind of conversation, and V8 has compiled the code for them) they may grow by
// at most 10 %, comparing the median of the first five samples after it with that of the last five. Heap snapshots are taken at the end of warm-up and at the end; when a target is
// missed, what grew most between them is named in the output and the JSON.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from '../e2e/support/browser';
import { copyOf, preparedDemo, rendererHeapMb } from './app';
import { startChild, type Child } from './child';
import { heapGrowth } from './heap-diff';
import type { Result } from './report';
import { median, sleep } from './stats';

const COMPRESSION = 120;
const MESSAGES_PER_MINUTE = 3;
/** The agent opens a conversation every two minutes of the day. */
const ACTION_EVERY_MS = (2 * 60_000) / COMPRESSION;
const SAMPLE_EVERY_MS = 8_000;

async function rendererSnapshot(page: Page, path: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const chunks: string[] = [];
    cdp.on('HeapProfiler.addHeapSnapshotChunk', (event) => chunks.push(event.chunk));
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
    writeFileSync(path, chunks.join(''));
  } finally {
    await cdp.detach();
  }
}

/** The agent's day: open a conversation near the top, answer every second one, close every third. */
async function agent(page: Page, until: () => boolean): Promise<{ opened: number; replied: number; failed: number }> {
  const done = { opened: 0, replied: 0, failed: 0 };
  for (let i = 0; !until(); i++) {
    await sleep(ACTION_EVERY_MS);
    try {
      const rows = page.locator('main [role="listbox"] [role="option"]');
      await rows.nth(i % Math.max(1, Math.min(12, await rows.count()))).click({ timeout: 2_000 });
      done.opened++;
      const composer = page.getByRole('textbox', { name: /^Antwort an/ });
      if (i % 2 === 0) {
        await composer.fill(`Danke für Ihre Nachricht, ich kümmere mich darum (${i}).`, { timeout: 2_000 });
        await composer.press('Enter');
        done.replied++;
      }
      if (i % 3 === 0) await page.keyboard.press('Escape');
    } catch {
      done.failed++; // a row moved away under the click: the next round goes on
    }
  }
  return done;
}

export async function workingDay(quick: boolean): Promise<Result[]> {
  const dayMs = ((quick ? 2 : 8) * 3600_000) / COMPRESSION;
  const warmUpMs = dayMs / 4;
  const snapshots = mkdtempSync(join(tmpdir(), 'deckhand-bench-heap-'));
  const child: Child<{ url: string }> = await startChild('day-host.ts', [copyOf(await preparedDemo()), String(MESSAGES_PER_MINUTE * COMPRESSION)], {
    nodeArgs: ['--expose-gc'],
  });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ locale: 'de-DE', viewport: { width: 1280, height: 800 } });
    await page.goto(child.ready.url);
    await page.locator('main [role="listbox"] [role="option"]').first().waitFor({ timeout: 60_000 });
    const started = Date.now();
    const over = () => Date.now() - started >= dayMs;
    const actions = agent(page, over);
    const samples: { at: number; main: number; renderer: number }[] = [];
    const path = (name: string) => join(snapshots, `${name}.heapsnapshot`);
    let snapped = false;
    while (!over()) {
      samples.push({ at: Date.now() - started, main: await child.ask<number>({ type: 'heap' }), renderer: await rendererHeapMb(page) });
      if (!snapped && Date.now() - started >= warmUpMs) {
        snapped = true;
        await child.ask({ type: 'snapshot', path: path('main-before') });
        await rendererSnapshot(page, path('renderer-before'));
      }
      await sleep(Math.min(SAMPLE_EVERY_MS, Math.max(0, dayMs - (Date.now() - started))));
    }
    const done = await actions;
    samples.push({ at: Date.now() - started, main: await child.ask<number>({ type: 'heap' }), renderer: await rendererHeapMb(page) });
    await child.ask({ type: 'snapshot', path: path('main-after') });
    await rendererSnapshot(page, path('renderer-after'));

    const afterWarmUp = samples.filter((s) => s.at >= warmUpMs);
    const results: Result[] = [];
    for (const side of ['main', 'renderer'] as const) {
      const base = median(afterWarmUp.slice(0, 5).map((s) => s[side]));
      const end = median(afterWarmUp.slice(-5).map((s) => s[side]));
      const result: Result = {
        id: `memory.day.${side}`,
        name: `working day (${quick ? 2 : 8} h in ${(dayMs / 60_000).toFixed(0)} min): ${side} heap at the end`,
        value: end,
        unit: 'MB',
        baseline: base,
        baselineName: 'after warm-up',
        target: { on: 'ratio', max: 1.1 },
        details: { ...done, samples: samples.map((s) => ({ at: s.at, mb: Number(s[side].toFixed(2)) })) },
      };
      if (end / base > 1.1) {
        const grew = heapGrowth(path(`${side}-before`), path(`${side}-after`));
        result.details!.grew = grew;
        console.log(`  ${side} heap grew; most between the snapshots:`);
        for (const g of grew) console.log(`    ${(g.bytes / 1e3).toFixed(0).padStart(7)} KB  ${String(g.count).padStart(7)} × ${g.what}`);
      }
      results.push(result);
    }
    return results;
  } finally {
    await browser.close();
    await child.stop();
    rmSync(snapshots, { recursive: true, force: true });
  }
}
