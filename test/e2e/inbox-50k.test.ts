// The inbox stays usable with 50,000 conversations (German, light): the list renders only the
// rows in sight, scrolls to the very bottom, search narrows it to the matching rows, and the
// keyboard moves the selection. The conversations come in through the page's bridge as the
// host's `inbox.changed` events (main's cache is not the subject here). Timings are logged for
// a look, not asserted: they belong in the benchmarks.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboxConversation } from '../../src/shared/view-models';
import { startHost, type Host } from './host/host';
import { screenshot, useBrowser } from './support/browser';
import { openTappedApp, type TappedApp } from './support/scenario-bridge';
import { conversationList, serverWaitingCount } from './support/scenario-app';

const TOTAL = 50_000;
const BATCH = 5_000;
/** Every 5,000th conversation (from the 1,234th) has a customer of this name: 10 in all. */
const RARE = 'Zebrafink';
const rareIndexes = Array.from({ length: TOTAL / 5_000 }, (_, k) => 1_234 + k * 5_000);

const browser = useBrowser();
let host: Host;
let app: TappedApp;
let page: Page;
let demoWaiting: number;

const list = () => conversationList(page);
const options = () => list().getByRole('option');
const tabCount = async (): Promise<number> => Number((await page.getByRole('tab', { name: /^Wartend/ }).textContent())?.replace(/\D/g, '') || 0);
const nameOf = (i: number) => (rareIndexes.includes(i) ? `${RARE} ${i}` : `Kundin ${i}`);

/** Waiting conversations of the demo account, all older than the demo's own, newest first. */
function synthetic(accountId: string): InboxConversation[] {
  const newest = Date.now() - 30 * 24 * 3600_000;
  return Array.from({ length: TOTAL }, (_, i) => {
    const id = `e2e-${String(i).padStart(5, '0')}`;
    const at = new Date(newest - i * 60_000).toISOString();
    return {
      id,
      key: `${accountId}/bot_shop/${id}`,
      accountId,
      chatbotId: 'bot_shop',
      chatbotName: 'Shop-Assistent',
      contactId: `contact-${i}`,
      contactName: nameOf(i),
      channelId: 'web',
      channelName: 'Web chat',
      providerId: `visitor-${i}`,
      archived: false,
      status: 'waiting',
      assignedAgentId: null,
      unreadCount: i % 3,
      lastMessage: { id: `m-${i}`, conversationId: id, direction: 'incoming', sender: 'contact', type: 'text', payload: { text: `Frage Nummer ${i} zu meiner Bestellung` }, createdAt: at },
      createdAt: at,
      updatedAt: at,
    };
  });
}

const log = (what: string, since: number) => console.log(`[inbox-50k] ${what}: ${Date.now() - since} ms`);

beforeAll(async () => {
  host = await startHost();
  app = await openTappedApp(browser.get(), host, { locale: 'de-DE', colorScheme: 'light' });
  page = app.page;
  await page.getByRole('button', { name: 'Demo-Arbeitsbereich öffnen' }).click();
  await list().waitFor();
});

afterAll(async () => {
  await app?.close();
  await host?.close();
});

describe('an inbox of 50,000 conversations (German, light)', () => {
  it('takes in 50,000 conversations and counts them', async () => {
    demoWaiting = await serverWaitingCount(host);
    await expect.poll(tabCount).toBe(demoWaiting);

    // What main would send for an account with 50,000 waiting conversations (a person could not
    // make them): in batches, as its batcher sends a large first sync.
    const accountId = host.app.session.state().accounts[0]!.id;
    const all = synthetic(accountId);
    const started = Date.now();
    for (let at = 0; at < all.length; at += BATCH) await app.tap.emit('inbox.changed', { upserted: all.slice(at, at + BATCH), removed: [] });
    await expect.poll(tabCount, { timeout: 20_000 }).toBe(demoWaiting + TOTAL);
    log('50,000 conversations sent and counted in the tab', started);
  });

  it('renders only the rows in sight', async () => {
    const rendered = await options().count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(100);
    // The list still tells assistive technology how long it is.
    expect(await options().first().getAttribute('aria-setsize')).toBe(String(demoWaiting + TOTAL));
    await screenshot(page, 'inbox-50k-01-top');
  });

  // "Waiting" is a queue: who waited longest first (the synthetic ones waited a month).
  it('puts who waited longest at the top of the queue, then switches to newest first', async () => {
    await expect.poll(() => options().first().textContent()).toContain(`${nameOf(TOTAL - 1)}vor`);
    const started = Date.now();
    await page.getByRole('combobox', { name: 'Reihenfolge' }).selectOption({ label: 'Neueste zuerst' });
    await expect.poll(() => options().first().textContent()).not.toContain(nameOf(TOTAL - 1));
    log('re-sorted newest first', started);
  });

  it('scrolls to the very bottom, where the oldest conversation is', async () => {
    const started = Date.now();
    // As dragging the scrollbar to the end does.
    await list().evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    const oldest = list().getByRole('option', { name: new RegExp(`^${nameOf(TOTAL - 1)}\\b`) });
    await oldest.waitFor();
    log('scrolled to the bottom', started);
    expect(await oldest.getAttribute('aria-posinset')).toBe(String(demoWaiting + TOTAL));
    expect(await oldest.isVisible()).toBe(true);
    expect(await options().count()).toBeLessThan(100);
    await screenshot(page, 'inbox-50k-02-bottom');
  });

  it('narrows to the matching rows when searching', async () => {
    const search = page.getByRole('searchbox', { name: 'Unterhaltungen durchsuchen' });
    await search.click();
    const started = Date.now();
    await search.pressSequentially(RARE.toLowerCase());
    await expect.poll(() => options().count(), { timeout: 10_000 }).toBe(rareIndexes.length);
    log('search typed and narrowed', started);
    const names = await options().evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-posinset') + ' ' + (r.textContent ?? '')));
    // Newest first: 1234, 6234, … 46234.
    expect(names.map((n) => /Zebrafink (\d+)/.exec(n)?.[1])).toEqual(rareIndexes.map(String));
    expect(await options().first().getAttribute('aria-setsize')).toBe(String(rareIndexes.length));
    await page.getByText(`${rareIndexes.length} Unterhaltungen`, { exact: true }).waitFor({ state: 'attached' });
    await screenshot(page, 'inbox-50k-03-search');
  });

  // A new search (or tab, or filter) starts at the top, where the newest matches are.
  it('shows a search’s newest match at the top of the list, in sight', async () => {
    const box = await list().boundingBox();
    const first = await options().filter({ hasText: `${RARE} ${rareIndexes[0]}` }).boundingBox();
    expect(box && first && first.y >= box.y && first.y + first.height <= box.y + box.height).toBe(true);
  });

  it('moves the selection with ↓ from the search into the results and down the list', async () => {
    const selected = () => list().locator('[role="option"][aria-selected="true"]');
    const selectedText = () => selected().textContent({ timeout: 500 });
    await page.keyboard.press('ArrowDown');
    await expect.poll(selectedText).toMatch(new RegExp(`${RARE} ${rareIndexes[0]}(?!\\d)`));
    await page.keyboard.press('ArrowDown');
    await expect.poll(selectedText).toMatch(new RegExp(`${RARE} ${rareIndexes[1]}(?!\\d)`));
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => selected().getAttribute('aria-posinset', { timeout: 500 })).toBe('3');
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => selected().getAttribute('aria-posinset', { timeout: 500 })).toBe('2');

    // Escape clears the search: all 50,000 are back, still only a window of them rendered.
    await page.keyboard.press('Escape');
    await expect.poll(() => options().first().getAttribute('aria-setsize')).toBe(String(demoWaiting + TOTAL));
    expect(await options().count()).toBeLessThan(100);
    await screenshot(page, 'inbox-50k-04-search-cleared');
  });

  // Clearing the search rebuilds the list around the same selection: the list scrolls to it.
  it('keeps the selected conversation in view when the search is cleared', async () => {
    const selected = list().locator('[role="option"][aria-selected="true"]');
    await expect.poll(() => selected.count(), { timeout: 2_000 }).toBe(1);
    expect(await selected.isVisible()).toBe(true);
    expect(await list().getAttribute('aria-activedescendant')).toBe(await selected.getAttribute('id'));
  });

  it('goes on from the selection with ↓ on the full list', async () => {
    const selected = () => list().locator('[role="option"][aria-selected="true"]');
    const selectedText = () => selected().textContent({ timeout: 500 });
    // The selection stayed on the conversation: ↓ goes on from there.
    const started = Date.now();
    await page.keyboard.press('ArrowDown');
    await expect.poll(selectedText).toMatch(new RegExp(`Kundin ${rareIndexes[1]! + 1}(?!\\d)`));
    log('↓ on the full list', started);
    await screenshot(page, 'inbox-50k-05-keyboard');
    expect(app.problems).toEqual([]);
  });
});
