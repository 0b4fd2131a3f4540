// Saved replies, message search, custom events and the notification sound, in German at
// 1440×900 against the demo: a saved reply made, found, inserted with "/" and with Ctrl+.
// (variables filled, in the customer's language), shared as a JSON file and read back; a word
// from an earlier message finds its conversation ("yilmaz" finds "Yılmaz") and is marked in the
// thread; an event sent from the chatbot's known events, with data checked before it goes; a sound
// chosen and played when a notification comes.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type Host } from './host/host';
import { openApp, recordEvents, screenshot, useBrowser, type AppPage } from './support/browser';
import { conversationList, customerWrites, expectAccessible, openByName, pickWaiting, searchField, serverConversation } from './support/scenario-app';

const browser = useBrowser();
let host: Host;
let app: AppPage;
let page: Page;

const shot = (name: string) => screenshot(page, `replies-de-${name}`);
const nav = (name: string) => page.getByRole('navigation', { name: 'Bereiche' }).getByRole('button', { name, exact: true });
const toast = (text: string | RegExp) => page.getByRole('region', { name: 'Meldungen' }).getByRole('status').filter({ hasText: text }).last();

beforeAll(async () => {
  host = await startHost({ language: 'de' });
  await host.app.session.openDemo();
  app = await openApp(browser.get(), host, { locale: 'de-DE', viewport: { width: 1440, height: 900 } });
  page = app.page;
  await conversationList(page).waitFor();
});

afterAll(async () => {
  await app?.close();
  await host?.close();
});

describe('saved replies', () => {
  it('are made, found and changed in their section', async () => {
    await nav('Textbausteine').click();
    await page.getByRole('heading', { name: 'Textbausteine', level: 1, exact: true }).waitFor();
    await page.getByRole('button', { name: 'Neuer Textbaustein' }).click();
    const form = page.getByRole('dialog', { name: 'Neuer Textbaustein' });
    await form.getByRole('textbox', { name: 'Kürzel' }).fill('zwei worte');
    await form.getByRole('button', { name: 'Speichern' }).click();
    await form.getByText('Nur Buchstaben, Ziffern, - und _, ohne Leerzeichen (höchstens 40).').waitFor();
    await form.getByText('Schreiben Sie den Text auf Deutsch, Englisch oder beides.').waitFor();
    await expectAccessible(page, 'saved reply form with errors (de)');
    await form.getByRole('textbox', { name: 'Kürzel' }).fill('gruss');
    await form.getByRole('textbox', { name: 'Titel' }).fill('Begrüßung');
    await form.getByRole('textbox', { name: 'Text auf Deutsch' }).fill('Hallo {customer.firstName}, hier ist {agent.name}. Wie kann ich helfen?');
    await form.getByRole('textbox', { name: 'Text auf Englisch' }).fill('Hi {customer.firstName}, {agent.firstName} here. How can I help?');
    await form.getByRole('button', { name: 'Speichern' }).click();
    await toast('/gruss gespeichert.').waitFor();

    await page.getByRole('button', { name: 'Neuer Textbaustein' }).click();
    await form.getByRole('textbox', { name: 'Kürzel' }).fill('versand');
    await form.getByRole('textbox', { name: 'Titel' }).fill('Versanddauer');
    await form.getByRole('textbox', { name: 'Text auf Deutsch' }).fill('Der Versand dauert 2 bis 3 Werktage.');
    await form.getByRole('button', { name: 'Speichern' }).click();
    const list = page.getByRole('list', { name: 'Textbausteine' });
    await expect.poll(() => list.getByRole('listitem').count()).toBe(2);

    await page.getByRole('searchbox', { name: 'Textbausteine durchsuchen' }).fill('werktage');
    await expect.poll(() => list.getByRole('listitem').count()).toBe(1);
    await page.getByRole('button', { name: '/versand bearbeiten' }).click();
    const edit = page.getByRole('dialog', { name: '/versand bearbeiten' });
    await edit.getByRole('textbox', { name: 'Titel' }).fill('Versand innerhalb Deutschlands');
    await edit.getByRole('button', { name: 'Speichern' }).click();
    await list.getByText('Versand innerhalb Deutschlands').waitFor();
    await page.getByRole('searchbox', { name: 'Textbausteine durchsuchen' }).fill('');
    expect((await host.app.handlers['replies.list']({})).map((r) => r.shortcut)).toEqual(['gruss', 'versand']);
    await expectAccessible(page, 'saved replies (de)');
    await shot('01-section');
  });

  it('are shared as a JSON file: exported, changed by a teammate, imported', async () => {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Als JSON exportieren' }).click();
    const file = join(host.dataDir, 'shared.json');
    await (await download).saveAs(file);
    const shared = JSON.parse(await (await import('node:fs/promises')).readFile(file, 'utf8')) as { format: string; replies: { shortcut: string }[] };
    expect(shared.format).toBe('deckhand.saved-replies');
    expect(shared.replies.map((r) => r.shortcut)).toEqual(['gruss', 'versand']);

    // A teammate adds one and improves another; the file comes back.
    const changed = { ...shared, replies: [...shared.replies.slice(1), { shortcut: 'gruss', title: 'Begrüßung', texts: { de: 'Guten Tag {customer.name}!' } }, { shortcut: 'danke', title: 'Danke', texts: { en: 'Thanks, {customer.firstName}!' } }] };
    await writeFile(file, JSON.stringify(changed));
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'JSON importieren' }).click();
    await (await chooser).setFiles(file);
    await toast('Importiert: 1 neu, 2 aktualisiert.').waitFor();

    await writeFile(file, '{"format": "something else"}');
    const again = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'JSON importieren' }).click();
    await (await again).setFiles(file);
    await page.getByRole('region', { name: 'Meldungen' }).getByRole('alert').filter({ hasText: /^Die Datei konnte nicht importiert werden: Nicht angenommen: This is not a saved-replies file/ }).waitFor();
    expect((await host.app.handlers['replies.list']({})).map((r) => r.shortcut)).toEqual(['danke', 'gruss', 'versand']);
  });

  it('are inserted with "/" and with Ctrl+., variables filled, in the customer’s language', async () => {
    await nav('Posteingang').click();
    const target = await pickWaiting(host, 'bot_shop');
    await openByName(page, target.contactName);
    const composer = page.getByRole('textbox', { name: `Antwort an ${target.contactName}` });
    await composer.click();
    // Typed keys must reach the composer: "/" elsewhere is the search's shortcut.
    await expect.poll(() => composer.evaluate((el) => el === document.activeElement)).toBe(true);
    await composer.pressSequentially('/gr');
    const picker = page.getByRole('listbox', { name: 'Textbausteine' });
    await picker.getByRole('option', { name: /\/gruss/ }).waitFor();
    expect(await composer.getAttribute('aria-activedescendant')).toBe(await picker.getByRole('option').first().getAttribute('id'));
    await expectAccessible(page, 'saved reply picker (de)');
    await shot('02-picker');
    await composer.press('Enter');
    await expect.poll(() => composer.inputValue()).toBe(`Guten Tag ${target.contactName}!`);
    expect(await picker.count()).toBe(0);

    // Ctrl+. opens it where the caret is; "danke" has English only, so English it is.
    await composer.press('ControlOrMeta+.');
    await picker.waitFor();
    await composer.pressSequentially('dan');
    await composer.press('Tab');
    await expect.poll(() => composer.inputValue()).toBe(`Guten Tag ${target.contactName}! Thanks, ${target.contactName.split(' ')[0]}!`);
    // Esc closes the picker and keeps what was typed.
    await composer.pressSequentially(' /');
    await picker.waitFor();
    await composer.press('Escape');
    await picker.waitFor({ state: 'detached' });
    expect(await composer.inputValue()).toMatch(/ \/$/);
    await composer.fill('');
  });
  it('puts what the agent types right after Ctrl+. or a pick where it belongs, also when the frame comes late', async () => {
    const target = await pickWaiting(host, 'bot_shop', [(await pickWaiting(host, 'bot_shop')).id]);
    await openByName(page, target.contactName);
    const composer = page.getByRole('textbox', { name: `Antwort an ${target.contactName}` });
    await composer.click();
    await expect.poll(() => composer.evaluate((el) => el === document.activeElement)).toBe(true);
    // A busy renderer: every animation frame comes 300 ms late.
    await page.evaluate(`(() => { const raf = window.requestAnimationFrame.bind(window); window.__raf = raf; window.requestAnimationFrame = (cb) => setTimeout(() => raf(cb), 300); })()`);
    try {
      await composer.press('ControlOrMeta+.');
      await composer.pressSequentially('dan', { delay: 150 });
      await composer.press('Tab');
      await composer.pressSequentially(' ok', { delay: 150 });
      await expect.poll(() => composer.inputValue()).toBe(`Thanks, ${target.contactName.split(' ')[0]}! ok`);
    } finally {
      await page.evaluate(`window.requestAnimationFrame = window.__raf`);
      await composer.fill('');
    }
  });
});

describe('search across messages', () => {
  it('finds a conversation by a word of an earlier message, and marks it in the thread', async () => {
    const target = await pickWaiting(host, 'bot_shop');
    await openByName(page, target.contactName);
    const word = 'Lieferschein-Nummer XK-4711 für die Rücksendung';
    await customerWrites(host, target, word);
    await customerWrites(host, target, 'Und noch etwas anderes.');
    await page.getByRole('log', { name: `Nachrichten mit ${target.contactName}` }).getByText('Und noch etwas anderes.').waitFor();

    await searchField(page).fill('xk-4711 fur die RUCKSENDUNG');
    const row = conversationList(page).getByRole('option', { name: new RegExp(`^${target.contactName}`) });
    await row.getByText(/^In einer Nachricht: /).waitFor();
    expect(await row.locator('mark').first().textContent()).toBe('XK-4711 für die Rücksendung');
    await row.click();
    const mark = page.getByRole('log', { name: `Nachrichten mit ${target.contactName}` }).locator('mark');
    await expect.poll(() => mark.allTextContents()).toContain('XK-4711 für die Rücksendung');
    await expectAccessible(page, 'message search (de)');
    await shot('03-search');
    await searchField(page).fill('');
  });

  it('folds every script: "yilmaz" finds "Yılmaz"', async () => {
    await page.getByRole('tab', { name: /^Alle/ }).click();
    await searchField(page).fill('yilmaz');
    const rows = conversationList(page).getByRole('option');
    // Once the search applies (it waits for the typing to pause), every row is a Yılmaz.
    await expect.poll(async () => {
      const names = await rows.locator('.inbox-name').allTextContents();
      return names.length > 0 && names.every((name) => name.includes('Yılmaz'));
    }).toBe(true);
    expect(await rows.first().locator('mark').first().textContent()).toBe('Yılmaz');
    await searchField(page).fill('');
    await page.getByRole('tab', { name: /^Wartend/ }).click();
  });
});

describe('custom events', () => {
  it('checks the name and the data before anything is sent, and offers the events sent before', async () => {
    const target = await pickWaiting(host, 'bot_shop');
    await openByName(page, target.contactName);
    await page.getByRole('region', { name: target.contactName, exact: true }).getByRole('button', { name: 'Event auslösen…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Event auslösen' });
    await dialog.getByLabel('Name des Events').fill('zwei worte');
    await dialog.getByRole('button', { name: 'Auslösen' }).click();
    await dialog.getByText('Mit einem Buchstaben beginnen; danach Buchstaben, Ziffern, _ - . oder :, ohne Leerzeichen.').waitFor();
    await dialog.getByLabel('Name des Events').fill('order_completed');
    await dialog.getByRole('textbox', { name: 'Daten (JSON, optional)' }).fill('{orderId: 1');
    await dialog.getByRole('button', { name: 'Auslösen' }).click();
    await dialog.getByText('Das ist kein gültiges JSON.').waitFor();
    await expectAccessible(page, 'event dialog with an error (de)');
    await shot('04-event-error');
    await dialog.getByRole('textbox', { name: 'Daten (JSON, optional)' }).fill('');
    await dialog.getByRole('button', { name: 'Auslösen' }).click();
    await toast('Event „order_completed“ ausgelöst').waitFor();

    // Sent before: offered next time; with data it goes as a step payload (the bot goes on).
    await page.getByRole('region', { name: target.contactName, exact: true }).getByRole('button', { name: 'Event auslösen…' }).click();
    await dialog.getByRole('button', { name: 'order_completed' }).click();
    expect(await dialog.getByLabel('Name des Events').inputValue()).toBe('order_completed');
    await dialog.getByRole('textbox', { name: 'Daten (JSON, optional)' }).fill('{"orderId": "12345"}');
    await shot('05-event-known');
    await dialog.getByRole('button', { name: 'Auslösen' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(async () => (await serverConversation(host, 'bot_shop', target.id)).status).toBe('bot');
    expect(await host.app.handlers['conversation.knownEvents']({ accountId: host.app.session.list()[0]!.id, chatbotId: 'bot_shop' })).toEqual(['order_completed']);
  });
});

describe('the notification sound', () => {
  it('is chosen and heard in Settings, and played when a notification comes', async () => {
    await nav('Einstellungen').click();
    const choice = page.getByRole('combobox', { name: 'Welcher Ton' });
    await choice.selectOption({ label: 'Glocke' });
    await expect.poll(() => host.app.settings.get().notificationSound).toBe('bell');
    await page.getByRole('button', { name: 'Ton „Glocke“ abspielen' }).click();
    await expectAccessible(page, 'settings with the sound choice (de)');
    await shot('06-sound');

    const events = await recordEvents(page, ['notify.sound']);
    host.setWindowFocused(false);
    const someone = await pickWaiting(host, 'bot_service');
    await customerWrites(host, someone, 'Hallo, ist da jemand?');
    expect(await events.waitFor('notify.sound')).toEqual({ sound: 'bell' });
    expect(host.notifications.shown.at(-1)).toMatchObject({ title: someone.contactName, silent: true });
    host.setWindowFocused(true);
    expect(app.problems).toEqual([]);
  });
});
