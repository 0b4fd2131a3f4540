// Customer messages are untrusted: markup in them is shown as the characters the customer typed,
// in the thread and in the list's preview, and never runs; only http(s) addresses become links,
// opened outside the app without the opener or a referrer. Addresses with other schemes
// (javascript:) in text, card buttons and images are shown as refused, never as links or
// sources. English, light theme.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Conversation } from '../../src/server/wire';
import { startHost, type Host } from './host/host';
import { openApp, screenshot, useBrowser, type AppPage } from './support/browser';
import { conversationList, expectAccessible, rowOf, threadOf } from './support/scenario-app';

const MARKUP = '<b>fett</b><img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
const JS_LINK = '<a href="javascript:window.__pwned=3">Gutschein</a> javascript:window.__pwned=4';
const EVIL = `${MARKUP} ${JS_LINK}`;
const SAFE_URL = 'https://shop.example.de/bestellungen/51546/tracking?sprache=de&x=1';
const WITH_LINK = `Hier können Sie Ihr Paket verfolgen: ${SAFE_URL}.`;
const CONTACT = 'Mallory Markup';

const browser = useBrowser();
let host: Host;
let app: AppPage;
let page: Page;
let conversation: Conversation;

/** The same customer (one conversation) sends `content`: text, or a typed payload. */
async function send(content: { text: string } | { type: string; payload: unknown }): Promise<Conversation> {
  const response = await host.demo.request('POST', '/v1/chatbots/bot_shop/conversations/handle', {
    body: { chatbotId: 'bot_shop', channelId: 'web', channelName: 'Web chat', providerId: 'e2e-mallory', contactName: CONTACT, ...content },
  });
  expect(response.status).toBe(200);
  return (response.body as { conversation: Conversation }).conversation;
}

const pwned = () => page.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned);

beforeAll(async () => {
  host = await startHost({ language: 'en' });
  app = await openApp(browser.get(), host, { locale: 'en-US', colorScheme: 'light' });
  page = app.page;
  await page.getByRole('button', { name: 'Open demo workspace' }).click();
  await conversationList(page).waitFor();
  // Oldest first; the markup last, so it is also what the list previews.
  await send({ text: WITH_LINK });
  await send({ type: 'card', payload: { title: 'Ihr Gutschein', actions: [{ action: 'url', label: 'Einlösen', value: 'javascript:window.__pwned=5' }] } });
  await send({ type: 'image', payload: { imageUrl: 'javascript:window.__pwned=6' } });
  conversation = await send({ text: EVIL });
  // A new customer is with the bot, so the conversation is under "All", not "Waiting".
  await page.getByRole('tab', { name: /^All/ }).click();
  await rowOf(page, CONTACT).waitFor();
});

afterAll(async () => {
  await app?.close();
  await host?.close();
});

describe('message content is text (English, light)', () => {
  it('shows the markup literally in the list preview', async () => {
    await expect.poll(() => rowOf(page, CONTACT).textContent()).toContain(EVIL);
    expect(await pwned()).toBeUndefined();
  });

  it('shows the markup literally in the thread, and none of it becomes an element or runs', async () => {
    await rowOf(page, CONTACT).click();
    const thread = threadOf(page, CONTACT);
    const shown = thread.getByText(EVIL, { exact: true });
    await shown.waitFor();
    // One text node: no <b>, <img>, <script> or <a> came out of it.
    expect(await shown.evaluate((p) => ({ elements: p.children.length, text: p.textContent }))).toEqual({ elements: 0, text: EVIL });
    expect(await thread.locator('b, script, img[src="x"], img[onerror]').count()).toBe(0);
    expect(await page.locator('script').evaluateAll((all) => all.filter((s) => (s.textContent ?? '').includes('__pwned')).length)).toBe(0);
    expect(await page.locator('img[src="x"], [onerror]').count()).toBe(0);
    expect(await pwned()).toBeUndefined();
    await screenshot(page, 'html-as-text-01-thread');
  });

  it('never renders a javascript: address as a link or a source', async () => {
    const thread = threadOf(page, CONTACT);
    expect(await page.locator('[href^="javascript:" i], [src^="javascript:" i]').count()).toBe(0);
    // The card's button is shown, refused, with why; the image says why it is not shown.
    const card = thread.getByRole('list', { name: 'Buttons on this card' });
    expect(await card.getByRole('link').count()).toBe(0);
    expect(await card.textContent()).toContain('Einlösen — Link not shown: not a web address.');
    await thread.getByText('Image not shown: its address is not a web address.').waitFor();
    expect(await pwned()).toBeUndefined();
    expect(app.problems).toEqual([]);
  });

  it('makes a legitimate https address a link that opens without opener or referrer', async () => {
    const thread = threadOf(page, CONTACT);
    const link = thread.getByRole('link', { name: SAFE_URL, exact: true });
    await link.waitFor();
    // The sentence's full stop is not part of the address.
    expect(await link.getAttribute('href')).toBe(SAFE_URL);
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await link.getAttribute('target')).toBe('_blank');
    const paragraph = thread.getByText(/^Hier können Sie Ihr Paket verfolgen:/);
    expect(await paragraph.textContent()).toBe(WITH_LINK);
    expect(conversation.contactName).toBe(CONTACT);
    await expectAccessible(page, 'inbox with a conversation open (en, light)');
    await screenshot(page, 'html-as-text-02-links');
  });
});
