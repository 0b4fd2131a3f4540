// The demo on a laptop's window (1024×700), English and dark, then German: the header keeps the
// online switch and the agent's name whole (the connection pills give way), every view tab stays in
// sight beside a conversation and the customer panel, a toast never covers the composer, a phone
// number cut by the header shows that it is cut, a contact's language is not broken mid-word, and
// words keep their case (a version's "Entwicklung", an issue's category in the agent's language).
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type Host } from './host/host';
import { openApp, screenshot, useBrowser, type AppPage } from './support/browser';
import { conversationList, expectAccessible, openByName, pickUnique } from './support/scenario-app';

const browser = useBrowser();
let host: Host;
let app: AppPage;
let page: Page;

const shot = (name: string) => screenshot(page, `laptop-${name}`);
const nav = (name: string) => page.getByRole('navigation', { name: /^(Sections|Bereiche)$/ }).getByRole('button', { name, exact: true });

type Box = { x: number; y: number; width: number; height: number };
const box = async (locator: Locator): Promise<Box> => {
  const found = await locator.boundingBox();
  if (!found) throw new Error(`${locator.toString()} is not on screen`);
  return found;
};
const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
/** How many lines an element's text takes. */
const lines = (locator: Locator) =>
  locator.evaluate((el) => {
    const range = el.ownerDocument.createRange();
    range.selectNodeContents(el);
    return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
  });

beforeAll(async () => {
  host = await startHost({ language: 'en' });
  await host.app.session.openDemo();
  app = await openApp(browser.get(), host, { locale: 'en-US', colorScheme: 'dark', viewport: { width: 1024, height: 700 } });
  page = app.page;
  await conversationList(page).waitFor();
});

afterAll(async () => {
  await app?.close();
  await host?.close();
});

describe('the demo at 1024×700', () => {
  it('keeps the header in the window: the online switch whole, the name beside the connection pills', async () => {
    const banner = page.getByRole('banner');
    const name = banner.getByText('Lena Hoffmann', { exact: true });
    const pills = banner.getByRole('list', { name: 'Connection' });
    const toggle = banner.getByRole('switch', { name: 'Online' });
    await pills.waitFor();
    expect(await banner.evaluate((el) => el.scrollWidth - el.clientWidth)).toBe(0);
    const switchBox = await box(toggle);
    expect(switchBox.x + switchBox.width).toBeLessThanOrEqual(1024);
    const nameBox = await box(name);
    expect(nameBox.x + nameBox.width).toBeLessThanOrEqual((await box(pills)).x);
    expect(await name.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    // A pill cut short still tells its whole state on hover.
    expect(await pills.getByRole('listitem').first().getAttribute('title')).toMatch(/^Demo · ChatCaptain: /);
    await shot('01-header-en');
  });

  it('shows every view tab beside a conversation and the customer panel', async () => {
    const target = await pickUnique(host, 'bot_service', (c) => c.status === 'waiting' && c.channelId === 'whatsapp' && !c.archived);
    await openByName(page, target.contactName);
    await page.getByRole('complementary', { name: 'Customer' }).waitFor();
    const tabs = page.getByRole('tablist').first();
    const list = await box(tabs);
    for (const tab of await tabs.getByRole('tab').all()) {
      const b = await box(tab);
      expect(b.x + b.width, (await tab.textContent()) ?? '').toBeLessThanOrEqual(list.x + list.width);
    }
    await shot('02-tabs-en');
  });

  it('marks a phone number the header cuts short, and keeps it whole in the tooltip', async () => {
    const header = page.locator('.conversation-header');
    const channel = header.getByRole('definition').first();
    const full = (await channel.getAttribute('title')) ?? '';
    expect(full).toMatch(/^WhatsApp · \+\d+$/);
    // At this width the number does not fit: it must end in "…", not look like a shorter number.
    expect(await channel.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    expect(await channel.evaluate((el) => getComputedStyle(el).textOverflow)).toBe('ellipsis');
    expect(await header.locator('dl').evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  });

  it('keeps the toast after assigning clear of the whole composer', async () => {
    const pane = page.locator('.conversation-header');
    await pane.getByRole('button', { name: 'Assign…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Assign to a colleague' });
    await dialog.getByRole('radio', { name: /^Mia Schneider/ }).check();
    await dialog.getByRole('button', { name: 'Assign', exact: true }).click();
    const done = page.getByRole('region', { name: 'Messages' }).getByRole('status').filter({ hasText: 'is now with Mia Schneider' }).last();
    await done.waitFor();
    const composer = page.getByRole('textbox', { name: /^Reply to / });
    expect(overlap(await box(done), await box(composer))).toBe(false);
    await shot('03-toast-en');
    await done.getByRole('button', { name: 'Undo' }).click();
  });

  it('lists an organization’s contacts without breaking a word in two', async () => {
    await nav('Organizations').click();
    await page.getByRole('button', { name: /^Rheintal Software GmbH/ }).click();
    const table = page.getByRole('table', { name: /^Contacts/ });
    await table.waitFor();
    const language = table.getByRole('columnheader', { name: 'Language' });
    expect(await lines(language)).toBe(1);
    for (const cell of await table.getByRole('cell', { name: 'German', exact: true }).all()) expect(await lines(cell)).toBe(1);
    await expectAccessible(page, 'organization at 1024 (en, dark)');
    await shot('04-contacts-en');
  });

  it('in German: the header still fits, a version says "Entwicklung", an issue its category in German', async () => {
    await host.app.handlers['settings.set']({ language: 'de' });
    await nav('Versionen').click();
    const banner = page.getByRole('banner');
    await banner.getByText('Demo-Arbeitsbereich').waitFor();
    expect(await banner.evaluate((el) => el.scrollWidth - el.clientWidth)).toBe(0);
    const toggle = await box(banner.getByRole('switch', { name: 'Online' }));
    expect(toggle.x + toggle.width).toBeLessThanOrEqual(1024);

    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /Weihnachtsgeschäft/ }) });
    // innerText is the text as drawn (its case too); the label before it is for screen readers.
    expect((await card.getByTitle('Angelegt für: Entwicklung').innerText()).split('\n').at(-1)).toBe('Entwicklung');

    await nav('Bot-Zustand').click();
    const issues = page.getByRole('region', { name: 'Offene Probleme' });
    await issues.getByRole('table').waitFor();
    const categories = await issues.getByRole('row').locator('td:nth-child(2)').allInnerTexts();
    expect(categories.length).toBeGreaterThan(0);
    expect(categories.every((c) => ['Bot-Code', 'Limits', 'Konfiguration', 'Sonstiges'].includes(c))).toBe(true);
    await expectAccessible(page, 'bot health at 1024 (de, dark)');
    await shot('05-health-de');
    expect(app.problems).toEqual([]);
  });
});
