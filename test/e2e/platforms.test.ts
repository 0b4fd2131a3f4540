// Two platforms in one window (English, light): the ChatCaptain demo and a help desk that offers
// only the core (test/support/desk-platform.ts). Their conversations share the inbox; a reply to
// the desk goes through the same composer and outbox; what the desk does not offer is not shown
// for it, and once it is the only account there is no Organizations, Versions or online switch.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESK, DESK_CHATBOT, DESK_KEY, DeskPlatform, deskFactory } from '../support/desk-platform';
import { startHost, type Host } from './host/host';
import { screenshot, useBrowser, openApp, type AppPage } from './support/browser';
import { conversationList, expectAccessible, rowOf, threadOf } from './support/scenario-app';

const browser = useBrowser();
const desk = new DeskPlatform();
const customer = { id: 'cust_ola', name: 'Ola Nordmann' };
let host: Host;
let app: AppPage;
let page: Page;
let deskAccount = '';

const nav = () => page.getByRole('navigation', { name: 'Sections' });
const section = (name: string) => nav().getByRole('button', { name, exact: true });
const pane = () => page.getByRole('region', { name: customer.name, exact: true });
const onlineSwitch = () => page.getByRole('banner').getByRole('switch', { name: 'Online' });

beforeAll(async () => {
  desk.customerWrites(customer, 'My invoice shows the wrong address.');
  host = await startHost({ language: 'en', platforms: [deskFactory(desk)], pollMs: 100 });
  await host.app.session.openDemo();
  deskAccount = (await host.app.session.add({ platform: DESK, baseUrl: 'https://desk.example', key: DESK_KEY, chatbotIds: [DESK_CHATBOT.id], allowPlainTextStorage: false })).id;
  app = await openApp(browser.get(), host, { locale: 'en-US', colorScheme: 'light' });
  page = app.page;
  await conversationList(page).waitFor();
});

afterAll(async () => {
  await app?.close();
  await host?.close();
});

describe('a platform with only the core, next to ChatCaptain (English, light)', () => {
  it('lists the desk’s conversation in the one inbox, among ChatCaptain’s', async () => {
    await page.getByRole('tab', { name: /^Waiting/ }).click();
    expect(await conversationList(page).getByRole('option').count()).toBeGreaterThan(1);
    // Found as any conversation is: by the customer's name.
    await page.getByRole('searchbox', { name: 'Search conversations' }).fill('Nordmann');
    await rowOf(page, customer.name).waitFor();
    await expect.poll(() => conversationList(page).getByRole('option').count()).toBe(1);
    // ChatCaptain's tools are there for the ChatCaptain demo.
    for (const name of ['Inbox', 'Organizations', 'Versions', 'Settings']) await section(name).waitFor();
    await onlineSwitch().waitFor();
  });

  it('opens it without the actions the desk does not offer, and sends a reply once', async () => {
    await rowOf(page, customer.name).click();
    const thread = threadOf(page, customer.name);
    await thread.getByText('My invoice shows the wrong address.', { exact: true }).waitFor();
    // No assignment, archive or hand-back on this platform: no buttons that could only fail.
    for (const name of ['Assign to me', 'Archive', 'Hand back to bot']) expect(await pane().getByRole('button', { name }).count()).toBe(0);

    const composer = page.getByRole('textbox', { name: `Reply to ${customer.name}` });
    await composer.click();
    await composer.pressSequentially('We will correct it today.');
    await composer.press('Enter');
    await expect.poll(() => thread.getByText('We will correct it today.', { exact: true }).count()).toBe(1);
    await expect.poll(() => desk.history(`desk_conv_${customer.id}`).filter((m) => m.sender === 'agent').length).toBe(1);
    await screenshot(page, 'platforms-01-desk-conversation');
    await expectAccessible(page, 'a desk conversation (en, light)');
  });

  it('says in Settings what the desk does not offer', async () => {
    await section('Settings').click();
    const accounts = page.getByRole('region', { name: 'Accounts' });
    const deskCard = accounts.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'desk.example' }) });
    await deskCard.getByText(/No online status/).waitFor();
    await deskCard.getByText(/No push notifications/).waitFor();
    const demoCard = accounts.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Demo workspace' }) });
    expect(await demoCard.getByText(/No online status/).count()).toBe(0);
    await deskCard.scrollIntoViewIfNeeded();
    await screenshot(page, 'platforms-02-settings');
  });

  it('with only the desk signed in: no Organizations, no Versions, no online switch', async () => {
    // The demo's accounts, its ChatCaptain chatbots and its Botpress bot.
    for (const demo of host.app.session.state().accounts.filter((a) => a.demo)) await host.app.session.signOut(demo.id);
    await expect.poll(() => section('Organizations').count()).toBe(0);
    expect(await section('Versions').count()).toBe(0);
    expect(await onlineSwitch().count()).toBe(0);
    await section('Inbox').click();
    await rowOf(page, customer.name).waitFor();
    expect(host.app.session.state().accounts.map((a) => a.id)).toEqual([deskAccount]);
    await screenshot(page, 'platforms-03-desk-only');
    await expectAccessible(page, 'inbox with only the desk (en, light)');
  });
});
