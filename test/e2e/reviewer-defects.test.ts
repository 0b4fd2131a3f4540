// Defects a reviewer found working a day on the demo (German, light, 1440×900), each pinned by a
// scenario in Chromium against the real services: where the keyboard goes after taking, handing
// back and rolling back (their buttons are gone); an undo for "e"; what an event with data does on ChatCaptain, said before
// it is sent; the Botpress customer panel, the channel filter, the words of Settings and saved
// replies; Push when no signed-in account takes pushes; and the demo as one agent, whose
// colleagues are listed once.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type Host } from './host/host';
import { openApp, screenshot, useBrowser, type AppPage } from './support/browser';
import { conversationList, expectAccessible, openByName, pickWaiting, serverConversation } from './support/scenario-app';

const browser = useBrowser();
let host: Host;
let app: AppPage;
let page: Page;

const shot = (name: string) => screenshot(page, `reviewer-${name}`);
const nav = (name: string) => page.getByRole('navigation', { name: 'Bereiche' }).getByRole('button', { name, exact: true });
const pane = (name: string) => page.getByRole('region', { name, exact: true });
const toast = (text: string | RegExp) => page.getByRole('region', { name: 'Meldungen' }).getByRole('status').filter({ hasText: text }).last();
/** Whether the element has the keyboard focus. */
const hasFocus = (locator: ReturnType<Page['locator']>) => () => locator.evaluate((el) => el === el.ownerDocument.activeElement);

beforeAll(async () => {
  host = await startHost({ language: 'de' });
  await host.app.session.openDemo();
  app = await openApp(browser.get(), host, { locale: 'de-DE', colorScheme: 'light', viewport: { width: 1440, height: 900 } });
  page = app.page;
  await conversationList(page).waitFor();
});

afterAll(async () => {
  await app?.close();
  await host?.close();
});

describe('the demo, one agent at work', () => {
  it('lists each colleague once though they work on ChatCaptain and on the Botpress desk, and not the agent', async () => {
    const team = page.getByRole('banner').getByRole('button', { name: /Teammitglieder? online$/ });
    await expect.poll(() => team.getAttribute('aria-label')).toBe('2 Teammitglieder online');
    await team.click();
    const names = await page.getByRole('banner').getByRole('listitem').allInnerTexts();
    const people = names.map((n) => n.split('\n')[0]!.trim()).filter((n) => n !== '');
    expect(people.filter((n) => n.startsWith('Jonas Weber'))).toHaveLength(1);
    expect(people.some((n) => n.startsWith('Lena Hoffmann'))).toBe(false);
    await page.keyboard.press('Escape');
  });
});

describe('the keyboard after an action', () => {
  it('is in the list after "Mir zuweisen" and after handing back, whose buttons are gone', async () => {
    const target = await pickWaiting(host, 'bot_shop');
    await openByName(page, target.contactName);
    // The whole queue back after the search, so the list stays when this one leaves it.
    await expect.poll(() => conversationList(page).getByRole('option').count()).toBeGreaterThan(1);
    const take = pane(target.contactName).getByRole('button', { name: 'Mir zuweisen' });
    await take.focus();
    await page.keyboard.press('Enter');
    // The toast says the app has the answer (the server may have it well before, on a busy machine).
    await toast(`Sie haben ${target.contactName} übernommen.`).waitFor();
    expect((await serverConversation(host, 'bot_shop', target.id)).status).toBe('assigned');
    await expect.poll(hasFocus(conversationList(page))).toBe(true);

    await pane(target.contactName).getByRole('button', { name: 'An Bot übergeben' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'Unterhaltung an den Bot übergeben?' }).getByRole('button', { name: 'Übergeben' }).press('Enter');
    await toast(`${target.contactName} ist wieder beim Bot.`).waitFor();
    expect((await serverConversation(host, 'bot_shop', target.id)).status).toBe('bot');
    await expect.poll(hasFocus(conversationList(page))).toBe(true);
  });

  it('is on the version after rolling it back, whose button is gone', async () => {
    await nav('Versionen').click();
    const card = page.getByRole('listitem').filter({ has: page.getByRole('button', { name: 'Wieder live schalten' }) }).first();
    const name = (await card.getByRole('heading', { level: 2 }).textContent())!;
    await card.getByRole('button', { name: 'Wieder live schalten' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Wieder live schalten' }).click();
    await toast(`„${name}“ ist wieder`).waitFor();
    await expect.poll(hasFocus(page.getByRole('heading', { name, level: 2 }))).toBe(true);
    await nav('Posteingang').click();
  });
});

describe('undo', () => {
  it('offers "Rückgängig" after archiving with "e", which brings the conversation back', async () => {
    const target = await pickWaiting(host, 'bot_service');
    await openByName(page, target.contactName);
    await conversationList(page).focus();
    await page.keyboard.press('e');
    const done = toast(`${target.contactName} archiviert.`);
    await expect.poll(async () => (await serverConversation(host, 'bot_service', target.id)).archived).toBe(true);
    await done.getByRole('button', { name: 'Rückgängig' }).click();
    await expect.poll(async () => (await serverConversation(host, 'bot_service', target.id)).archived).toBe(false);
  });
});

describe('an event with data on ChatCaptain', () => {
  it('says before sending that the bot takes the conversation back, and afterwards that it did', async () => {
    const target = await pickWaiting(host, 'bot_shop');
    await openByName(page, target.contactName);
    await pane(target.contactName).getByRole('button', { name: 'Event auslösen…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Event auslösen' });
    await dialog.getByLabel('Name des Events').fill('gutschrift_erteilt');
    const warning = dialog.getByText('Mit Daten geht das Event als Step-Payload an den Chatbot, der die Unterhaltung damit wieder übernimmt.');
    // Without data it is a plain custom event: the conversation stays with the agent.
    expect(await warning.count()).toBe(0);
    await dialog.getByRole('textbox', { name: 'Daten (JSON, optional)' }).fill('{"betrag": 19.99}');
    await warning.waitFor();
    await expectAccessible(page, 'event dialog with data (de)');
    await shot('01-event-hands-back');
    await dialog.getByRole('button', { name: 'Auslösen und übergeben' }).click();
    await toast(`Event „gutschrift_erteilt“ ausgelöst. ${target.contactName} ist wieder beim Bot.`).waitFor();
    expect((await serverConversation(host, 'bot_shop', target.id)).status).toBe('bot');
  });
});

describe('words and what they promise', () => {
  it('shows one name per channel in the filter', async () => {
    const labels = await page.getByRole('combobox', { name: 'Kanal' }).locator('option').allTextContents();
    expect(labels.length).toBeGreaterThan(2);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('does not call the organizations of a Botpress customer "not loaded": Botpress has none', async () => {
    const row = conversationList(page).getByRole('option').filter({ hasText: 'Botpress' }).first();
    await row.click();
    const panel = page.getByRole('complementary', { name: 'Kunde' });
    await panel.getByText('Dieses Konto zeigt keine Organisationen.').waitFor();
    expect(await panel.getByRole('alert').count()).toBe(0);
    expect(await panel.textContent()).not.toContain('konnten nicht geladen werden');
    await shot('02-botpress-customer');
  });

  it('names the saved-reply shortcut by the German key, and says the intro once', async () => {
    await nav('Textbausteine').click();
    const main = page.getByRole('main');
    await main.getByText('drücken Sie Strg+.', { exact: false }).waitFor();
    expect(await main.textContent()).not.toContain('Ctrl');
    expect(await main.getByText(/^Antworten, die Sie oft geben/).count()).toBe(1);
  });

  it('offers to add any account in Settings, and tells Push the truth when no account takes pushes', async () => {
    await nav('Einstellungen').click();
    const add = page.getByRole('button', { name: 'Konto hinzufügen' });
    await add.click();
    await page.getByRole('group', { name: 'Plattform' }).getByRole('radio', { name: 'Botpress' }).waitFor();
    await page.getByRole('button', { name: 'Abbrechen' }).click();

    // Only the Botpress desk is left: it has no push, so nothing here is "not registered yet".
    const chatcaptain = host.app.session.state().accounts.find((a) => a.platform === 'chatcaptain')!;
    await host.app.session.signOut(chatcaptain.id);
    const push = page.getByRole('region', { name: 'Push' });
    await push.getByText('Keines Ihrer Konten stellt diesem Gerät Push-Benachrichtigungen zu; Deckhand meldet Neues, solange es läuft.').waitFor();
    expect(await push.textContent()).not.toContain('Nicht registriert');
    await expectAccessible(page, 'settings with the Botpress desk only (de)');
    await shot('03-push-botpress-only');
    expect(app.problems).toEqual([]);
  });
});
