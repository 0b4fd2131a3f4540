// Remote media in a conversation loads by itself only from the account's own origin (the demo's
// media do); from any other host it shows the host and "Load", and that consent holds for the
// host in this conversation, after reopening it and after a restart, but not in another
// conversation; an address in a private network is refused outright. The page itself can load
// no remote image or media: its CSP (the app's, sent by the host as the app sends it) forbids it.
// "The internet" is a local server under a name the test's DNS resolves to a public address
// (test/support/media-web.ts). English, light theme.
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/main/electron/csp';
import { MediaWeb, PNG, testNetwork, type TestNetwork } from '../support/media-web';
import { startHost, type Host } from './host/host';
import { openApp, screenshot, useBrowser, waitForBridge, type AppPage } from './support/browser';
import { conversationList, expectAccessible, rowOf, threadOf } from './support/scenario-app';

const CDN = 'media.example.com';
const CONTACT = 'Mira Medienhaus';
const OTHER = 'Otto Ohnebild';
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="160" height="90"><rect width="160" height="90" fill="#1e3a5f"/></svg>';

const browser = useBrowser();
let host: Host;
let app: AppPage;
let page: Page;
let web: MediaWeb;
let network: TestNetwork;
let cdnHost = '';

/** A customer of the shop chatbot sends `content` (one conversation per providerId). */
async function send(providerId: string, contactName: string, type: string, payload: unknown): Promise<void> {
  const response = await host.demo.request('POST', '/v1/chatbots/bot_shop/conversations/handle', {
    body: { chatbotId: 'bot_shop', channelId: 'web', channelName: 'Web chat', providerId, contactName, type, payload },
  });
  expect(response.status).toBe(200);
}

const bubbles = (kind: string): Locator => threadOf(page, CONTACT).locator(`.msg-kind-${kind}`);
const loaded = (element: Locator) =>
  element.evaluate((e) => (e instanceof HTMLImageElement ? e.complete && e.naturalWidth > 0 && e.src : e instanceof HTMLMediaElement && e.readyState >= 1 && e.src));
const cdnRequests = () => web.to(CDN).map((r) => r.path).sort();

async function openConversation(name: string): Promise<void> {
  await rowOf(page, name).click();
  await threadOf(page, name).waitFor();
}

beforeAll(async () => {
  web = await MediaWeb.start({
    '/parcel.svg': { type: 'image/svg+xml', body: SVG },
    '/card.svg': { type: 'image/svg+xml', body: SVG },
    '/lan.png': { type: 'image/png', body: PNG },
    '/pixel.png': { type: 'image/png', body: PNG },
  });
  cdnHost = `${CDN}:${web.port}`;
  network = testNetwork({ [CDN]: ['93.184.216.34'] });
  host = await startHost({ language: 'en', mediaNetwork: network });
  app = await openApp(browser.get(), host, { locale: 'en-US', colorScheme: 'light', viewport: { width: 1280, height: 1400 } });
  page = app.page;
  await page.getByRole('button', { name: 'Open demo workspace' }).click();
  await conversationList(page).waitFor();

  const own = (name: string) => `${host.demo.server.url}/media/demo/${name}`;
  const mira = (type: string, payload: unknown) => send('e2e-media', CONTACT, type, payload);
  await mira('image', { imageUrl: own('sneaker.svg') });
  await mira('card', { title: 'Regenjacke', imageUrl: own('rain-jacket.svg'), actions: [] });
  await mira('audio', { audioUrl: own('voice-note.wav') });
  await mira('video', { videoUrl: own('parcel.webm') });
  await mira('image', { imageUrl: web.url(CDN, '/parcel.svg') });
  await mira('carousel', { items: [{ title: 'Paket', imageUrl: web.url(CDN, '/card.svg'), actions: [] }] });
  await mira('image', { imageUrl: web.url('127.0.0.1', '/lan.png') });
  await send('e2e-media-other', OTHER, 'image', { imageUrl: web.url(CDN, '/parcel.svg') });
  // New customers are with the bot: under "All", not "Waiting".
  await page.getByRole('tab', { name: /^All/ }).click();
  await rowOf(page, CONTACT).waitFor();
  await openConversation(CONTACT);
});

afterAll(async () => {
  await app?.close();
  await host?.close();
  await web?.close();
});

describe('remote media (English, light)', () => {
  it('loads the demo’s own image, card image, voice message and video by itself, from blob: URLs', async () => {
    const own = [bubbles('image').nth(0).locator('img'), bubbles('card').locator('img'), bubbles('audio').locator('audio'), bubbles('video').locator('video')];
    for (const element of own) {
      await expect.poll(() => loaded(element), { timeout: 10_000 }).toMatch(/^blob:/);
    }
    expect(app.problems).toEqual([]);
  });

  it('asks before loading from another host, naming it, and sends nothing there (not even a DNS query)', async () => {
    const load = `Load everything from ${cdnHost} in this conversation`;
    await expect.poll(() => bubbles('image').nth(1).textContent()).toContain(`Image from ${cdnHost}`);
    expect(await bubbles('image').nth(1).getByRole('button', { name: load }).isVisible()).toBe(true);
    // The carousel's card image is from the same host: it asks too.
    expect(await bubbles('carousel').getByRole('button', { name: load }).isVisible()).toBe(true);
    expect(await bubbles('image').nth(1).locator('img').count()).toBe(0);
    expect(web.requests).toEqual([]);
    expect(network.lookups).not.toContain(CDN);
    await expectAccessible(page, 'a conversation with media waiting for consent');
    await screenshot(page, 'remote-media-01-ask');
  });

  it('refuses a private-network address outright: no Load, no link, no request', async () => {
    const lan = bubbles('image').nth(2);
    await expect.poll(() => lan.locator('.msg-unavailable').textContent()).toBe(`Not loaded: 127.0.0.1:${web.port} is an address in a private network or on this computer.`);
    expect(await lan.getByRole('button').count()).toBe(0);
    expect(await lan.getByRole('link').count()).toBe(0);
    expect(web.requests).toEqual([]);
  });

  it('loads everything from that host in this conversation after “Load”, without cookies or referrer', async () => {
    await bubbles('image').nth(1).getByRole('button', { name: /^Load/ }).click();
    await expect.poll(() => loaded(bubbles('image').nth(1).locator('img')), { timeout: 10_000 }).toMatch(/^blob:/);
    await expect.poll(() => loaded(bubbles('carousel').locator('img')), { timeout: 10_000 }).toMatch(/^blob:/);
    expect(cdnRequests()).toEqual(['/card.svg', '/parcel.svg']);
    for (const { headers } of web.to(CDN)) {
      for (const name of ['cookie', 'referer', 'origin', 'x-chatcaptain-key', 'authorization']) expect(headers).not.toHaveProperty(name);
    }
    // The LAN address stays refused: consent is for the host that was named.
    expect(web.requests.filter((r) => r.path === '/lan.png')).toEqual([]);
    await screenshot(page, 'remote-media-02-loaded');
  });

  it('still asks in another conversation', async () => {
    await openConversation(OTHER);
    await threadOf(page, OTHER).getByRole('button', { name: `Load everything from ${cdnHost} in this conversation` }).waitFor();
    expect(cdnRequests()).toEqual(['/card.svg', '/parcel.svg']);
  });

  it('keeps the consent when the conversation is opened again, and after a restart of the window', async () => {
    await openConversation(CONTACT);
    await expect.poll(() => loaded(bubbles('image').nth(1).locator('img')), { timeout: 10_000 }).toMatch(/^blob:/);
    expect(await threadOf(page, CONTACT).getByRole('button', { name: /^Load/ }).count()).toBe(0);

    await page.reload();
    await waitForBridge(page);
    await page.getByRole('tab', { name: /^All/ }).click();
    await openConversation(CONTACT);
    await expect.poll(() => loaded(bubbles('image').nth(1).locator('img')), { timeout: 10_000 }).toMatch(/^blob:/);
    await expect.poll(() => loaded(bubbles('carousel').locator('img')), { timeout: 10_000 }).toMatch(/^blob:/);
    expect(await threadOf(page, CONTACT).getByRole('button', { name: /^Load/ }).count()).toBe(0);
    // A fresh window has no bytes kept: main fetched them again, with the consent remembered.
    expect(cdnRequests()).toEqual(['/card.svg', '/card.svg', '/parcel.svg', '/parcel.svg']);
    expect(app.problems).toEqual([]);
  });

  it('runs under the app’s CSP, which lets the page itself load no remote image or media', async () => {
    expect((await fetch(host.url)).headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(meta).toContain("img-src 'self' data: blob:;");
    expect(meta).toContain("media-src 'self' blob:;");
    for (const [tag, directive] of [['img', 'img-src'], ['audio', 'media-src']] as const) {
      const src = web.url('127.0.0.1', `/pixel.png?${tag}`);
      const violation = await page.evaluate(
        ([name, url]) =>
          new Promise<{ directive: string; blocked: string }>((resolve) => {
            document.addEventListener('securitypolicyviolation', (e) => resolve({ directive: e.effectiveDirective, blocked: e.blockedURI }), { once: true });
            const element = document.createElement(name);
            element.src = url;
            document.body.append(element);
          }),
        [tag, src] as const,
      );
      expect(violation).toEqual({ directive, blocked: src });
    }
    expect(web.requests.filter((r) => r.path === '/pixel.png')).toEqual([]);
  });
});
