// The interface speaks the language main says: the choice in Settings, where "Like the system"
// means the OS language main reports (app.info), never the browser's. Here the system is German
// and the browser English. A choice applies at once, survives a reload, and a reload shows no
// other language first; a choice kept in localStorage by an older version moves into Settings once.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type Host } from './host/host';
import { callInPage, openApp, screenshot, useBrowser, waitForBridge, type AppPage } from './support/browser';
import { conversationList } from './support/scenario-app';

const browser = useBrowser();
let host: Host;
let app: AppPage;
let page: Page;

const sections = (name: 'Bereiche' | 'Sections') => page.getByRole('navigation', { name });
const htmlLang = () => page.evaluate(() => (globalThis as unknown as { document: { documentElement: { lang: string } } }).document.documentElement.lang);
const storedChoice = async () => {
  const result = await callInPage(page, 'settings.get', {});
  if (!result.ok) throw new Error(result.error.message);
  return result.value.language;
};
const localItem = (name: string) =>
  page.evaluate((key) => (globalThis as unknown as { localStorage: Storage }).localStorage.getItem(key), name);

async function reload(): Promise<void> {
  await page.reload();
  await waitForBridge(page);
  await conversationList(page).waitFor();
}

beforeAll(async () => {
  host = await startHost({ language: 'de' });
  await host.app.session.openDemo();
  app = await openApp(browser.get(), host, { locale: 'en-US', colorScheme: 'light' });
  page = app.page;
  // Every language the page shows, in order: the lang attribute as the app sets it, and the
  // splash's label, from the first script on (before the app's own code runs).
  await app.context.addInitScript(() => {
    const g = globalThis as unknown as { __shown: string[]; document: Document; MutationObserver: typeof MutationObserver };
    g.__shown = [];
    new g.MutationObserver((records) => {
      for (const record of records) {
        if (record.type === 'attributes') g.__shown.push(`lang:${g.document.documentElement.lang}`);
        const splash = g.document.querySelector('[aria-busy="true"] [role="status"]');
        const label = splash?.getAttribute('aria-label');
        if (label && g.__shown.at(-1) !== `splash:${label}`) g.__shown.push(`splash:${label}`);
      }
    }).observe(g.document, { subtree: true, childList: true, attributes: true, attributeFilter: ['lang'] });
  });
  await conversationList(page).waitFor();
});

afterAll(async () => {
  await app?.close();
  await host?.close();
});

const shownSinceLoad = () => page.evaluate(() => (globalThis as unknown as { __shown: string[] }).__shown);

describe('the interface language', () => {
  it('is German on a German system, in an English browser', async () => {
    expect(await page.evaluate(() => (globalThis as unknown as { navigator: Navigator }).navigator.language)).toBe('en-US');
    await sections('Bereiche').getByRole('button', { name: 'Posteingang', exact: true }).waitFor();
    expect(await htmlLang()).toBe('de');
    expect(await storedChoice()).toBe('system');
    await screenshot(page, 'language-01-system-de');
  });

  it('switches to English in Settings at once, and stays English after a reload without showing German first', async () => {
    await sections('Bereiche').getByRole('button', { name: 'Einstellungen', exact: true }).click();
    await page.getByRole('group', { name: 'Sprache' }).getByRole('radio', { name: 'English' }).check();
    await page.getByRole('heading', { name: 'Settings', level: 1, exact: true }).waitFor();
    expect(await page.getByRole('group', { name: 'Language' }).getByRole('radio', { name: 'English' }).isChecked()).toBe(true);
    expect(await htmlLang()).toBe('en');
    expect(await storedChoice()).toBe('en');
    await screenshot(page, 'language-02-chose-en');

    await reload();
    await sections('Sections').getByRole('button', { name: 'Inbox', exact: true }).waitFor();
    expect(await htmlLang()).toBe('en');
    const shown = await shownSinceLoad();
    expect(shown).toContain('splash:Loading…');
    expect(shown.filter((s) => s !== 'lang:en' && s !== 'splash:Loading…')).toEqual([]);
    await screenshot(page, 'language-03-en-after-reload');
  });

  it('goes back to the system language with "Like the system", also after a reload', async () => {
    await sections('Sections').getByRole('button', { name: 'Settings', exact: true }).click();
    await page.getByRole('group', { name: 'Language' }).getByRole('radio', { name: 'Like the system' }).check();
    await page.getByRole('heading', { name: 'Einstellungen', level: 1, exact: true }).waitFor();
    expect(await storedChoice()).toBe('system');

    await reload();
    await sections('Bereiche').waitFor();
    const shown = await shownSinceLoad();
    expect(shown.filter((s) => s !== 'lang:de' && s !== 'splash:Wird geladen…')).toEqual([]);
    await screenshot(page, 'language-04-system-de-again');
  });

  it('moves a choice an older version kept in localStorage into Settings, once', async () => {
    await page.evaluate(() => (globalThis as unknown as { localStorage: Storage }).localStorage.setItem('deckhand.language', 'en'));
    await reload();
    await sections('Sections').waitFor();
    expect(await storedChoice()).toBe('en');
    expect(await localItem('deckhand.language')).toBeNull();

    // Forgotten once moved: back on "Like the system", it does not come back at the next start.
    await sections('Sections').getByRole('button', { name: 'Settings', exact: true }).click();
    await page.getByRole('group', { name: 'Language' }).getByRole('radio', { name: 'Like the system' }).check();
    await sections('Bereiche').waitFor();
    await reload();
    await sections('Bereiche').waitFor();
    expect(await storedChoice()).toBe('system');
    expect(app.problems).toEqual([]);
  });
});
