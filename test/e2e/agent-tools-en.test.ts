// The same tools in English, dark, at 1024×700 (a laptop): each screen works there, its words are
// English, nothing serious for axe, and the toasts stay clear of the composer's Send button.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type Host } from './host/host';
import { openApp, screenshot, useBrowser, type AppPage } from './support/browser';
import { conversationList, customerWrites, expectAccessible, openByName, pickWaiting, searchField, serverConversation } from './support/scenario-app';

const browser = useBrowser();
let host: Host;
let app: AppPage;
let page: Page;

const shot = (name: string) => screenshot(page, `tools-en-${name}`);
const nav = (name: string) => page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name, exact: true });
const pane = (name: string) => page.getByRole('region', { name, exact: true });
const toast = (text: string | RegExp) => page.getByRole('region', { name: 'Messages' }).getByRole('status').filter({ hasText: text }).last();

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

describe('the agent tools in English at 1024×700', () => {
  it('shows where the agent is, and the queue longest wait first with its timers', async () => {
    await page.getByRole('banner').getByText('Demo workspace').waitFor();
    await page.getByRole('banner').getByText('Lena Hoffmann').waitFor();
    expect(await page.getByRole('combobox', { name: 'Order' }).inputValue()).toBe('longestWaiting');
    await conversationList(page).getByText(/^\d+:\d\d(:\d\d)?$/).first().waitFor();
    await expectAccessible(page, 'queue (en, dark)');
    await shot('01-queue');
  });

  it('opens a conversation with the customer panel beside it; the header stays in two rows', async () => {
    const target = await pickWaiting(host, 'bot_shop');
    await openByName(page, target.contactName);
    const panel = page.getByRole('complementary', { name: 'Customer' });
    await panel.getByRole('heading', { name: target.contactName }).waitFor();
    await panel.getByRole('heading', { name: 'Conversations' }).waitFor();
    const header = await pane(target.contactName).locator('header').first().boundingBox();
    expect(header!.height).toBeLessThanOrEqual(96);
    await expectAccessible(page, 'conversation with the customer panel (en, dark)');
    await shot('02-customer-panel');
    // Closed, it stays closed (remembered on this computer).
    await panel.getByRole('button', { name: 'Hide customer details' }).click();
    await panel.waitFor({ state: 'detached' });
    await page.reload();
    await conversationList(page).waitFor();
    await openByName(page, target.contactName);
    expect(await page.getByRole('complementary', { name: 'Customer' }).count()).toBe(0);
    await pane(target.contactName).getByRole('button', { name: 'Customer details' }).click();
    await page.getByRole('complementary', { name: 'Customer' }).waitFor();
  });

  it('assigns to a colleague and takes it back with Undo, the toast clear of Send', async () => {
    const target = await pickWaiting(host, 'bot_shop');
    await openByName(page, target.contactName);
    await pane(target.contactName).getByRole('button', { name: 'Assign…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Assign to a colleague' });
    await dialog.getByRole('searchbox', { name: 'Find a colleague' }).fill('mia');
    await dialog.getByRole('radio', { name: /^Mia Schneider/ }).check();
    await expectAccessible(page, 'assign dialog (en, dark)');
    await shot('03-assign');
    await dialog.getByRole('button', { name: 'Assign', exact: true }).click();
    const done = toast(`${target.contactName} is now with Mia Schneider.`);
    await done.waitFor();
    const send = await pane(target.contactName).getByRole('button', { name: 'Send' }).boundingBox();
    const box = await done.boundingBox();
    expect(box!.x + box!.width <= send!.x || box!.y + box!.height <= send!.y).toBe(true);
    await shot('04-undo');
    await done.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(async () => (await serverConversation(host, 'bot_shop', target.id)).status).toBe('waiting');
  });

  it('keeps saved replies and inserts them in English for an English customer', async () => {
    await host.app.handlers['replies.save']({ fields: { shortcut: 'hello', title: 'Hello', texts: { de: 'Hallo {customer.firstName}!', en: 'Hello {customer.firstName}!' } } });
    await nav('Saved replies').click();
    await page.getByRole('heading', { name: 'Saved replies', level: 1, exact: true }).waitFor();
    await page.getByRole('list', { name: 'Saved replies' }).getByText('/hello').waitFor();
    await expectAccessible(page, 'saved replies (en, dark)');
    await shot('05-saved-replies');

    await nav('Inbox').click();
    const english = (await Promise.all(['bot_shop', 'bot_service'].map((id) => pickWaiting(host, id).catch(() => null)))).find((c) => c !== null)!;
    await openByName(page, english.contactName);
    const composer = page.getByRole('textbox', { name: `Reply to ${english.contactName}` });
    await composer.click();
    await composer.pressSequentially('/hel');
    await page.getByRole('listbox', { name: 'Saved replies' }).waitFor();
    await shot('06-picker');
    await composer.press('Enter');
    await expect.poll(() => composer.inputValue()).toMatch(new RegExp(`^(Hello|Hallo) ${english.contactName.split(' ')[0]}!$`));
    await composer.press('Escape');
    expect(await composer.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(false);
    await composer.fill('');
  });

  it('finds conversations by their messages', async () => {
    const target = await pickWaiting(host, 'bot_service');
    await openByName(page, target.contactName);
    await customerWrites(host, target, 'My router model is QX-9000 and it blinks orange.');
    await customerWrites(host, target, 'Anything else?');
    await page.getByRole('log', { name: `Messages with ${target.contactName}` }).getByText('Anything else?').waitFor();
    await searchField(page).fill('qx-9000');
    const row = conversationList(page).getByRole('option', { name: new RegExp(`^${target.contactName}`) });
    await row.getByText(/^In a message: /).waitFor();
    await expectAccessible(page, 'message search (en, dark)');
    await shot('07-search');
    await searchField(page).fill('');
  });

  it('sends a custom event with data, and offers it again', async () => {
    const target = await pickWaiting(host, 'bot_shop');
    await openByName(page, target.contactName);
    await pane(target.contactName).getByRole('button', { name: 'Trigger event…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Trigger an event' });
    await dialog.getByLabel('Event name').fill('refund_issued');
    await dialog.getByRole('textbox', { name: 'Data (JSON, optional)' }).fill('["not", "an object"]');
    await dialog.getByRole('button', { name: 'Trigger' }).click();
    await dialog.getByText('Give an object in braces, e.g. {"orderId": "12345"}.').waitFor();
    await expectAccessible(page, 'event dialog (en, dark)');
    await shot('08-event');
    await dialog.getByRole('textbox', { name: 'Data (JSON, optional)' }).fill('{"amount": 19.99}');
    await dialog.getByRole('button', { name: 'Trigger' }).click();
    await toast('Event “refund_issued” triggered').waitFor();
  });

  it('chooses the notification sound and the wait thresholds in Settings', async () => {
    await nav('Settings').click();
    await page.getByRole('combobox', { name: 'Which sound' }).selectOption({ label: 'Pop' });
    await expect.poll(() => host.app.settings.get().notificationSound).toBe('pop');
    const waits = page.getByRole('group', { name: 'Waiting times' });
    await waits.getByRole('spinbutton', { name: 'Amber after' }).fill('9');
    await waits.getByRole('spinbutton', { name: 'Red after' }).fill('4');
    await waits.getByRole('spinbutton', { name: 'Red after' }).press('Enter');
    await waits.getByText('Enter whole minutes from 1 to 240; red must come after amber.').waitFor();
    await waits.getByRole('spinbutton', { name: 'Red after' }).fill('15');
    await waits.getByRole('spinbutton', { name: 'Red after' }).press('Enter');
    await expect.poll(() => host.app.settings.get()).toMatchObject({ waitWarnMinutes: 9, waitUrgentMinutes: 15 });
    await expectAccessible(page, 'settings (en, dark)');
    await shot('09-settings');
    expect(app.problems).toEqual([]);
  });
});
