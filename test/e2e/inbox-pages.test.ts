// A big inbox comes from main's cache a page at a time (German, light): the first screen shows
// as soon as its one small page is in, while the rest is still on its way, and it is the head of
// the view's order (Waiting: who has waited longest); the tab counts wait
// until every page is in (a count of half the inbox would be wrong), and then the counts and the
// Archived view hold every cached conversation, archived ones included.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Conversation } from '../../src/shared/domain';
import { startHost, type Host } from './host/host';
import { useBrowser } from './support/browser';
import { openTappedApp, type TappedApp } from './support/scenario-bridge';
import { conversationList, serverWaitingCount } from './support/scenario-app';

const TOTAL = 6_000;
const ARCHIVED = 300;

const browser = useBrowser();
let host: Host;
let app: TappedApp;
let page: Page;

/** Older than the demo's own; every 20th archived. */
function cached(): Conversation[] {
  const newest = Date.now() - 40 * 24 * 3600_000;
  return Array.from({ length: TOTAL }, (_, i) => {
    const id = `paged-${i}`;
    const at = new Date(newest - i * 60_000).toISOString();
    return {
      id,
      chatbotId: 'bot_shop',
      contactId: `paged-contact-${i}`,
      contactName: `Seitenkundin ${i}`,
      channelId: 'web',
      channelName: 'Web chat',
      archived: i % 20 === 0,
      status: 'waiting',
      assignedAgentId: null,
      unreadCount: 1,
      lastMessage: { id: `paged-m-${i}`, conversationId: id, direction: 'incoming', sender: 'contact', type: 'text', payload: { text: `Seite ${i}` }, createdAt: at },
      createdAt: at,
      updatedAt: at,
    };
  });
}

const waitingTab = () => page.getByRole('tab', { name: /^Wartend/ });
const tabCount = async (): Promise<number | null> => {
  const digits = (await waitingTab().textContent())?.replace(/\D/g, '') ?? '';
  return digits === '' ? null : Number(digits);
};

beforeAll(async () => {
  host = await startHost({ openDemoOnFirstRun: true });
  const account = host.app.session.state().accounts[0]!;
  const all = cached();
  for (let i = 0; i < all.length; i += 2_000) host.app.cache.upsertConversations(account.id, 'bot_shop', 'Shop-Assistent', all.slice(i, i + 2_000));
  app = await openTappedApp(browser.get(), host, { locale: 'de-DE', colorScheme: 'light' });
  page = app.page;
});

afterAll(async () => {
  await app?.close();
  await host?.close();
});

describe('an inbox read from the cache page by page', () => {
  it('shows the first screen before the rest has come, and no counts until it has', async () => {
    // The big pages (the whole inbox after the first screen) are held back on their way.
    app.tap.hold((frame) => frame.length > 200_000);
    await page.reload();
    await conversationList(page).getByRole('option').first().waitFor();
    await expect.poll(() => app.tap.held(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await conversationList(page).getByRole('option').count()).toBeGreaterThan(5);
    expect(await tabCount()).toBeNull();
    // Waiting shows who has waited longest first: the first screen is the queue's head (the
    // oldest cached), not the newest, so it does not move when the rest comes in below it.
    expect(await conversationList(page).getByRole('option').first().textContent()).toContain('Seitenkundin 5999');
  });

  it('counts every cached conversation once all pages are in, and shows the archived ones', async () => {
    app.tap.release();
    const demoWaiting = await serverWaitingCount(host);
    await expect.poll(tabCount, { timeout: 20_000 }).toBe(demoWaiting + TOTAL - ARCHIVED);
    expect(await conversationList(page).getByRole('option').first().textContent()).toContain('Seitenkundin 5999');
    await page.getByRole('tab', { name: /^Archiv/ }).click();
    await page.getByRole('searchbox', { name: 'Unterhaltungen durchsuchen' }).fill('Seitenkundin');
    const options = conversationList(page).getByRole('option');
    await expect.poll(async () => options.first().getAttribute('aria-setsize'), { timeout: 10_000 }).toBe(String(ARCHIVED));
    expect(await options.first().textContent()).toMatch(/Seitenkundin \d+/);
    expect(app.problems).toEqual([]);
  });
});
