// An agent of a Botpress bot at work in Deckhand, end to end in Chromium against the real services
// and the embedded demo server (English, light; bot health also dark): the demo opens the
// ChatCaptain chatbots and the Botpress bot in one inbox; a customer asks for a person and the
// handover arrives; the agent takes it and replies, and the reply reaches the customer's
// conversation on the server; handed back, the bot answers the customer again; the inbox filters
// by platform; bot health shows charts with their tables, the open issues and the logs.
// The tests run in order and build on each other, as the agent's session does.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { botpressClient, customerConversation, integrationClient, type Customer } from '../support/botpress';
import { startHost, type Host } from './host/host';
import { openApp, screenshot, useBrowser, type AppPage } from './support/browser';
import { conversationList, expectAccessible, rowOf, serverWaitingCount, threadOf } from './support/scenario-app';

const browser = useBrowser();
const CUSTOMER = 'Maya Lindqvist';
let host: Host;
let app: AppPage;
let page: Page;
let customer: Customer;
let desk: string;

const shot = (name: string) => screenshot(page, `botpress-${name}`);
const nav = (name: string) => page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name, exact: true });
const pane = () => page.getByRole('region', { name: CUSTOMER, exact: true });
const bp = () => botpressClient(host.demo.server);
const customerTexts = async () => (await bp().listMessages({ conversationId: customer.conversation.id })).messages;
const tabCount = async (name: RegExp): Promise<number> => Number((await page.getByRole('tab', { name }).textContent())?.replace(/\D/g, '') || 0);

beforeAll(async () => {
  // Polls the bot often, as a focused window does, only faster: the test need not wait 2 s a step.
  host = await startHost({ language: 'en', pollMs: 300 });
  app = await openApp(browser.get(), host, { locale: 'en-US', colorScheme: 'light' });
  page = app.page;
});

afterAll(async () => {
  await app?.close();
  await host?.close();
});

describe('a Botpress bot’s agent in Deckhand (English)', () => {
  it('opens the demo: the ChatCaptain chatbots and the Botpress bot in one inbox, each row with its platform', async () => {
    await page.getByRole('button', { name: 'Open demo workspace' }).click();
    await conversationList(page).waitFor();
    expect(host.app.session.state().accounts.map((a) => a.platform)).toEqual(['chatcaptain', 'botpress']);
    await expect.poll(() => tabCount(/^Waiting/)).toBe(await serverWaitingCount(host));
    const rows = conversationList(page).getByRole('option');
    await rows.filter({ hasText: 'Botpress' }).first().waitFor();
    await rows.filter({ hasText: 'ChatCaptain' }).first().waitFor();
    await shot('01-one-inbox');
    expect(app.problems).toEqual([]);
  });

  it('a customer asks for a person: the handover arrives in the inbox and counts in the tray', async () => {
    // Newest first, so the new handover comes in at the top (the queue's own order puts it last).
    await page.getByRole('combobox', { name: 'Order' }).selectOption({ label: 'Newest first' });
    const before = host.tray.current?.unread ?? 0;
    customer = await customerConversation(integrationClient(host.demo.server, 'intver_whatsapp'), '+46701234567', 'en', CUSTOMER);
    await customer.write('Hi, my router keeps dropping the connection.');
    await customer.write('Can I talk to a person please?');
    desk = (await bp().getConversation({ id: customer.conversation.id })).conversation.tags.downstream!;
    expect(desk).toBeTruthy();
    const row = rowOf(page, CUSTOMER);
    await row.waitFor({ timeout: 10_000 });
    expect(await row.textContent()).toContain('Can I talk to a person please?');
    expect(await row.textContent()).toContain('Botpress');
    await host.tray.waitFor((state) => state.unread === before + 1);
    await shot('02-handover-arrives');
  });

  it('takes it and replies: the reply is relayed to the customer’s conversation on the server', async () => {
    await rowOf(page, CUSTOMER).click();
    await threadOf(page, CUSTOMER).getByText('Hi, my router keeps dropping the connection.', { exact: true }).waitFor();
    const actions = pane().getByRole('group', { name: 'Conversation actions' });
    await actions.getByRole('button', { name: 'Assign to me' }).click();
    await expect.poll(() => actions.getByRole('button', { name: 'Assign to me' }).count()).toBe(0);
    expect((await bp().getConversation({ id: desk })).conversation.tags).toMatchObject({ hitlStatus: 'assigned', humanAgentName: 'Lena Hoffmann' });
    expect((await customerTexts())[0]!.payload.text).toBe('Lena Hoffmann from our service team is with you now.');

    const reply = 'Hi Maya, I’m Lena. Could you restart the router and tell me which lights are on?';
    const composer = page.getByRole('textbox', { name: `Reply to ${CUSTOMER}` });
    await composer.click();
    await composer.pressSequentially(reply);
    await composer.press('Enter');
    await expect.poll(() => threadOf(page, CUSTOMER).getByText(reply, { exact: true }).count()).toBe(1);
    await expect.poll(async () => (await customerTexts()).filter((m) => m.payload.text === reply).length).toBe(1);
    expect((await customerTexts())[0]).toMatchObject({ direction: 'outgoing', payload: { text: reply } });
    // What the customer writes next reaches the agent.
    await customer.write('Only the power light is on.');
    await threadOf(page, CUSTOMER).getByText('Only the power light is on.', { exact: true }).waitFor({ timeout: 10_000 });
    await shot('03-taken-and-replied');
    await expectAccessible(page, 'a Botpress conversation (en, light)');
  });

  it('hands it back to the bot, which answers the customer again', async () => {
    await pane().getByRole('button', { name: 'Hand back to bot' }).click();
    const dialog = page.getByRole('dialog', { name: 'Hand this conversation back to the bot?' });
    await dialog.getByRole('button', { name: 'Hand back' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(async () => (await bp().getConversation({ id: desk })).conversation.tags.hitlStatus).toBe('stopped');
    await expect.poll(() => pane().getByRole('button', { name: 'Hand back to bot' }).count()).toBe(0);
    await customer.write('Thanks! Where is your nearest store?');
    const latest = (await customerTexts())[0]!;
    expect(latest).toMatchObject({ direction: 'outgoing', type: 'location' });
    await shot('04-handed-back');
  });

  it('filters the inbox by platform', async () => {
    await page.getByRole('tab', { name: /^All/ }).click();
    await page.getByRole('combobox', { name: 'Chatbot' }).selectOption({ label: 'All of Botpress' });
    const rows = conversationList(page).getByRole('option');
    await expect.poll(async () => (await rows.allTextContents()).every((text) => text.includes('Botpress'))).toBe(true);
    expect(await rows.count()).toBeGreaterThan(0);
    await shot('05-only-botpress');
    await page.getByRole('combobox', { name: 'Chatbot' }).selectOption({ label: 'All chatbots' });
  });

  it('looks at bot health: charts with their tables, the open issues, the logs with a filter', async () => {
    await nav('Bot health').click();
    await page.getByRole('heading', { name: 'Bot health', level: 1, exact: true }).waitFor();
    const conversations = page.getByRole('figure', { name: 'Conversations' });
    await conversations.waitFor();
    for (const name of ['Messages', 'Users']) await page.getByRole('figure', { name }).waitFor();
    // The chart is an image with a sentence; the numbers are a table beneath it.
    await conversations.getByRole('img', { name: /^Conversations, .+: Conversations \d+\.$/ }).waitFor();
    await conversations.getByText('Show as table').click();
    await expect.poll(() => conversations.getByRole('table').getByRole('row').count()).toBe(8);
    await page.getByRole('radio', { name: 'Last 30 days' }).check();
    await expect.poll(() => page.getByRole('figure', { name: 'Conversations' }).getByRole('table').getByRole('row').count()).toBe(31);

    const issues = page.getByRole('region', { name: 'Open issues' });
    expect(await issues.getByRole('row').count()).toBeGreaterThan(1);
    const logs = page.getByRole('region', { name: 'Latest logs' });
    await logs.getByRole('table').waitFor();
    await logs.getByRole('combobox', { name: 'Level' }).selectOption({ label: 'Error' });
    await expect.poll(async () => {
      const levels = await logs.getByRole('table').getByRole('row').locator('td:nth-child(2)').allTextContents();
      return levels.length > 0 && levels.every((level) => level === 'Error');
    }).toBe(true);
    await shot('06-bot-health-light');
    await issues.scrollIntoViewIfNeeded();
    await shot('07-issues-and-logs-light');
    await expectAccessible(page, 'bot health (en, light)');

    await page.emulateMedia({ colorScheme: 'dark' });
    await shot('08-issues-and-logs-dark');
    await conversations.scrollIntoViewIfNeeded();
    await shot('09-bot-health-dark');
    await expectAccessible(page, 'bot health (en, dark)');
    expect(app.problems).toEqual([]);
  });
});
