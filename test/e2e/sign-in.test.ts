// Connecting a ChatCaptain workspace from the first screen (English, dark), against a real
// server: the demo workspace's server, started on its own, as a ChatCaptain the agent has a key
// for. A refused key and a chatbot the key cannot reach are told next to the field to fix, with
// everything typed kept; the right key, address and chatbot open the inbox.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rolePermissions } from '../../src/shared/permissions';
import { startHost, type Host } from './host/host';
import { screenshot, useBrowser, openApp, type AppPage } from './support/browser';
import { conversationList, expectAccessible, serverConversations } from './support/scenario-app';

const browser = useBrowser();
let host: Host;
let app: AppPage;
let page: Page;
let serverUrl: string;

const form = () => page.getByRole('form', { name: 'Connect your ChatCaptain workspace' });
const address = () => form().getByRole('textbox', { name: 'Workspace address (base URL)' });
const key = () => form().getByLabel('API key', { exact: true });
const chatbots = () => form().getByRole('textbox', { name: 'Chatbot IDs' });
const connect = () => form().getByRole('button', { name: 'Connect' });

/** Types into the form as a person does: click the field, select what is there, type. */
async function typeInto(field: ReturnType<typeof address>, text: string): Promise<void> {
  await field.click();
  await field.press('ControlOrMeta+a');
  await field.pressSequentially(text);
}

/** Waits for the form to finish checking (the button says "Connect" again). */
async function submitted(): Promise<void> {
  await connect().click();
  await form().getByRole('button', { name: 'Connect' }).waitFor();
  await expect.poll(() => form().getAttribute('aria-busy')).toBeNull();
}

beforeAll(async () => {
  // An English system: the interface follows main's language, not the browser's.
  host = await startHost({ language: 'en' });
  // The demo's server stands in for a ChatCaptain workspace; the app has not opened the demo.
  serverUrl = (await host.demo.up()).url;
  app = await openApp(browser.get(), host, { locale: 'en-US', colorScheme: 'dark' });
  page = app.page;
  await form().waitFor();
});

afterAll(async () => {
  await app?.close();
  await host?.close();
});

describe('signing in to a ChatCaptain workspace (English, dark)', () => {
  it('shows the sign-in screen without serious accessibility problems', async () => {
    await page.getByRole('heading', { name: 'Deckhand', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Open demo workspace' }).waitFor();
    await expectAccessible(page, 'sign-in (en, dark)');
    await screenshot(page, 'sign-in-01-empty');
  });

  it('says the key was not accepted, next to the key, and keeps everything typed', async () => {
    await typeInto(address(), serverUrl);
    await typeInto(key(), 'cc_live_this-key-does-not-exist');
    await typeInto(chatbots(), 'bot_shop');
    await submitted();

    const error = form().getByRole('alert');
    await error.waitFor();
    expect(await error.textContent()).toBe('The key was not accepted. Check that you copied all of it and that it is still valid.');
    // The message belongs to the key field: it describes it, and the field is marked invalid.
    expect(await key().getAttribute('aria-invalid')).toBe('true');
    expect(await key().getAttribute('aria-describedby')).toBe(await error.getAttribute('id'));
    expect(await address().inputValue()).toBe(serverUrl);
    expect(await key().inputValue()).toBe('cc_live_this-key-does-not-exist');
    expect(await chatbots().inputValue()).toBe('bot_shop');
    // After a failed try the cursor goes to the field to fix.
    expect(await key().evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    expect(host.app.session.state().accounts).toEqual([]);
    await expectAccessible(page, 'sign-in with a refused key (en, dark)');
    await screenshot(page, 'sign-in-02-bad-key');
  });

  it('names the chatbot the key cannot reach', async () => {
    // A key of this workspace that may see the shop's chatbot only.
    const limited = host.demo.server.issueKey({ agentId: 'agent_sam', permissions: rolePermissions.agent, chatbotIds: ['bot_shop'], label: 'e2e shop only' });
    await typeInto(key(), limited);
    await typeInto(chatbots(), 'bot_shop, bot_service');
    await submitted();

    const error = form().getByRole('alert');
    await error.waitFor();
    expect(await error.textContent()).toBe('This key cannot reach the chatbot “bot_service”. Check the ID, or ask an admin for access.');
    expect(await chatbots().getAttribute('aria-invalid')).toBe('true');
    expect(await chatbots().inputValue()).toBe('bot_shop, bot_service');
    expect(await key().inputValue()).toBe(limited);
    expect(host.app.session.state().accounts).toEqual([]);
    await screenshot(page, 'sign-in-03-chatbot-unreachable');
  });

  it('with the workspace agent key, its address and bot_shop: the inbox appears with that chatbot’s conversations', async () => {
    await typeInto(key(), host.demo.server.workspace.keys.agent);
    await typeInto(chatbots(), 'bot_shop');
    await connect().click();

    await conversationList(page).waitFor();
    expect(await page.getByRole('tab', { name: /^Waiting/ }).getAttribute('aria-selected')).toBe('true');
    // Only bot_shop was connected: every row is one of its conversations, and all waiting ones are listed.
    const waiting = (await serverConversations(host, 'bot_shop')).filter((c) => c.status === 'waiting' && !c.archived);
    await expect.poll(() => conversationList(page).getByRole('option').count()).toBe(waiting.length);
    const names = await conversationList(page).getByRole('option').allTextContents();
    for (const c of waiting) expect(names.some((n) => n.includes(c.contactName))).toBe(true);
    expect(host.app.session.state().accounts).toMatchObject([
      { platform: 'chatcaptain', demo: false, baseUrl: serverUrl, agent: { id: host.demo.server.workspace.agentOf.agent }, chatbots: [{ id: 'bot_shop' }] },
    ]);
    await screenshot(page, 'sign-in-04-inbox');
    expect(app.problems).toEqual([]);
  });
});
