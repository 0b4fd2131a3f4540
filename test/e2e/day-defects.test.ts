// Defects found in a day's use of the demo (German), each pinned by a scenario in Chromium
// against the real services: the Archive view after a reload, Esc in the composer, "j" after
// "Assign to me" in the Waiting view, and the conversation header at 1024×700.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type Host } from './host/host';
import { openApp, screenshot, useBrowser, waitForBridge, type AppPage } from './support/browser';
import { conversationList, openByName, serverConversations, serverMessages } from './support/scenario-app';

const browser = useBrowser();
let host: Host;
let app: AppPage;
let page: Page;

const options = () => conversationList(page).getByRole('option');
/** How many rows the list has (it renders only those in sight; each says the total). */
const rowCount = async () => ((await options().count()) === 0 ? 0 : Number(await options().first().getAttribute('aria-setsize')));
const tab = (name: RegExp) => page.getByRole('tab', { name });
const nameAt = async (index: number) => (await options().nth(index).locator('.inbox-name').textContent()) ?? '';
const selectedName = async () => (await conversationList(page).getByRole('option', { selected: true }).locator('.inbox-name').textContent()) ?? '';

beforeAll(async () => {
  host = await startHost({ language: 'de' });
  await host.app.session.openDemo();
  app = await openApp(browser.get(), host, { locale: 'de-DE' });
  page = app.page;
  await conversationList(page).waitFor();
});

afterAll(async () => {
  await app?.close();
  await host?.close();
});

describe('defects of a day with the demo', () => {
  it('shows the archived conversations in "Archiv", also after a reload', async () => {
    const archived = (await Promise.all(host.demo.server.workspace.chatbots.map((c) => serverConversations(host, c.id)))).flat().filter((c) => c.archived);
    expect(archived.length).toBeGreaterThan(0);
    try {
      await tab(/^Archiv/).click();
      await expect.poll(rowCount).toBe(archived.length);

      await page.reload();
      await waitForBridge(page);
      await conversationList(page).waitFor();
      await tab(/^Archiv/).click();
      await expect.poll(rowCount).toBe(archived.length);
    } finally {
      await tab(/^Wartend/).click();
    }
  });

  it('leaves the composer with Esc, so the next shortcut is a shortcut again ("r", Esc, "j")', async () => {
    await options().nth(0).click();
    const first = await nameAt(0);
    const second = await nameAt(1);
    const composer = page.getByRole('textbox', { name: `Antwort an ${first}` });
    await composer.waitFor();
    await page.keyboard.press('r');
    await expect.poll(() => composer.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    await page.keyboard.press('Escape');
    await page.keyboard.press('j');
    await expect.poll(selectedName).toBe(second);
    expect(await page.getByRole('textbox', { name: `Antwort an ${second}` }).inputValue()).toBe('');
    const draft = await page.evaluate(() => (globalThis as unknown as { localStorage: Storage }).localStorage.getItem('deckhand.drafts'));
    expect(draft ?? '{}').not.toContain('"j"');
  });

  it('moves "j" to the next row after "Mir zuweisen" takes the conversation out of "Wartend"', async () => {
    await options().nth(1).click();
    await expect.poll(selectedName).toBe(await nameAt(1));
    const next = await nameAt(2);
    await page.getByRole('region', { name: await nameAt(1), exact: true }).getByRole('button', { name: 'Mir zuweisen' }).click();
    await expect.poll(() => options().count()).toBeGreaterThan(0);
    await expect.poll(async () => (await options().allTextContents()).length).toBeGreaterThan(1);
    await expect.poll(async () => conversationList(page).getByRole('option', { selected: true }).count()).toBe(0);
    await page.keyboard.press('j');
    await expect.poll(selectedName).toBe(next);
  });

  it('shows the options a bot offered as a plain list, marks the customer’s pick, no internal codes', async () => {
    // A conversation where the bot offered buttons and the customer answered with one of them.
    let found: { name: string; picked: string } | null = null;
    for (const c of (await serverConversations(host, 'bot_shop')).filter((x) => !x.archived)) {
      const messages = await serverMessages(host, 'bot_shop', c.id);
      const index = messages.findIndex((m, i) => m.type === 'choice' && messages[i + 1]?.sender === 'contact');
      const reply = messages[index + 1];
      const offer = messages[index];
      if (offer?.type !== 'choice' || reply?.type !== 'text') continue;
      const option = offer.payload.options.find((o) => o.label === reply.payload.text);
      if (option && (await serverConversations(host, 'bot_shop')).filter((x) => x.contactName === c.contactName).length === 1) {
        found = { name: c.contactName, picked: option.label };
        await page.getByRole('tab', { name: c.status === 'waiting' ? /^Wartend/ : /^Alle/ }).click();
        break;
      }
    }
    if (!found) throw new Error('the demo has no conversation where the customer picked a button');
    await openByName(page, found.name);
    const offered = page.getByRole('list', { name: /^Angebotene Optionen/ }).first();
    await offered.waitFor();
    await offered.getByRole('listitem').filter({ hasText: `${found.picked} (vom Kunden gewählt)` }).waitFor();
    expect(await offered.locator('[title]').count()).toBe(0);
    expect(await offered.getByRole('button').count()).toBe(0);
    // Not drawn as pills: nothing on them says "press me".
    const look = await offered.getByRole('listitem').first().evaluate((el) => ({ radius: getComputedStyle(el).borderRadius, cursor: getComputedStyle(el).cursor }));
    expect(look).toEqual({ radius: '0px', cursor: 'auto' });
    await offered.scrollIntoViewIfNeeded();
    await screenshot(page, 'defects-choice-picked');
    await page.getByRole('tab', { name: /^Wartend/ }).click();
  });

  it('keeps the German conversation header to two rows at 1024×700', async () => {
    await page.setViewportSize({ width: 1024, height: 700 });
    await options().nth(0).click();
    const pane = page.getByRole('region', { name: await nameAt(0), exact: true });
    const header = pane.locator('header').first();
    await header.getByRole('button', { name: 'Mir zuweisen' }).waitFor();
    // With the customer panel beside it (as it starts) and without it.
    for (const panel of ['panel', 'no-panel'] as const) {
      const box = await header.boundingBox();
      const log = await pane.getByRole('log').boundingBox();
      console.log(`[day-defects] header ${box?.height} px, messages ${log?.height} px at 1024×700 (${panel})`);
      await screenshot(page, `defects-header-de-1024x700-${panel}`);
      expect(box!.height).toBeLessThanOrEqual(96);
      expect(log!.height).toBeGreaterThanOrEqual(400);
      if (panel === 'panel') await header.getByRole('button', { name: 'Kundendaten', exact: true }).click();
    }
    await header.getByRole('button', { name: 'Kundendaten', exact: true }).click();
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(app.problems).toEqual([]);
  });
});
