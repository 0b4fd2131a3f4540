// Accounts of the last session that Deckhand cannot reopen at start, in Chromium: the key of
// "Funkhaus Shop" is still in the vault but this system can no longer decrypt it (the keyring
// changed), "Acme (alt)" was stored by an older Deckhand at a plain-http address elsewhere, and the
// token of the Botpress workspace "Funkhaus Elektronik" is gone. The agent sees all three on the
// sign-in screen with why, in German and in English; signs in again to the shop (the form filled,
// only the key to type) and its conversations fill the inbox; finds the others in Settings →
// Accounts, signs in again to Botpress there (its workspace and bot picked again), and removes
// the plain-http one with the keyboard. Light and dark, axe-clean.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredAccount } from '../../src/main/services/accounts/stored-account';
import { startServer, type RunningServer } from '../../src/server/app';
import type { Conversation } from '../../src/server/wire';
import { MemoryVault } from '../support/memory-vault';
import { roleAbilities } from '../support/role-abilities';
import { startHost, type Host } from './host/host';
import { openApp, screenshot, useBrowser, waitForBridge, type AppPage } from './support/browser';
import { conversationList, expectAccessible } from './support/scenario-app';

const browser = useBrowser();
let dataDir: string;
let server: RunningServer;
let host: Host;
let app: AppPage;
let page: Page;
const vault = new MemoryVault();

const chatbot = (id: string, name: string) => ({ id, name, abilities: roleAbilities.agent, lacking: [] });
const shop = (): StoredAccount => ({
  id: 'acc_shop',
  platform: 'chatcaptain',
  demo: false,
  label: 'Funkhaus Shop',
  baseUrl: server.url,
  agent: { id: 'agent_jonas', name: 'Jonas Weber' },
  chatbots: [chatbot('bot_shop', 'Shop')],
});
const elektronik = (): StoredAccount => ({
  id: 'acc_bp',
  platform: 'botpress',
  demo: false,
  label: 'Funkhaus Elektronik',
  baseUrl: server.url,
  workspaceId: server.botpress.workspaceId,
  agent: { id: 'user_jonas', name: 'Jonas Weber' },
  chatbots: [chatbot(server.botpress.botId, 'Funkhaus Assistent')],
});
const acme: StoredAccount = {
  id: 'acc_acme',
  platform: 'chatcaptain',
  demo: false,
  label: 'Acme (alt)',
  baseUrl: 'http://chat.acme.example',
  agent: { id: 'agent_jonas', name: 'Jonas Weber' },
  chatbots: [chatbot('bot_acme', 'Acme')],
};

const list = (name: string) => page.getByRole('region', { name });
const item = (region: string, text: RegExp) => list(region).getByRole('listitem').filter({ hasText: text });
const focused = (locator: ReturnType<Page['getByRole']>) => locator.evaluate((el) => el === el.ownerDocument.activeElement);

/**
 * Switches the colour scheme, waits for the app to follow it (a media-query listener), then until
 * no colour is still fading: axe would measure one halfway.
 */
async function scheme(colorScheme: 'light' | 'dark'): Promise<void> {
  await page.emulateMedia({ colorScheme });
  await page.waitForFunction((theme) => {
    const g = globalThis as unknown as { document: Document; CSSTransition: typeof CSSTransition };
    return g.document.documentElement.dataset.theme === theme && g.document.getAnimations().every((a) => !(a instanceof g.CSSTransition));
  }, colorScheme);
}

async function serverWaiting(chatbotId: string): Promise<Conversation[]> {
  const response = await fetch(`${server.url}/v1/chatbots/${chatbotId}/conversations`, { headers: { 'x-chatcaptain-key': server.workspace.keys.admin } });
  return ((await response.json()) as { conversations: Conversation[] }).conversations.filter((c) => c.status === 'waiting' && !c.archived);
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'deckhand-e2e-reopen-'));
  // The shop's ChatCaptain: a real local server, there before Deckhand starts, as a workspace is.
  server = await startServer({ db: join(dataDir, 'shop.sqlite'), demo: true });
  await writeFile(join(dataDir, 'accounts.json'), JSON.stringify([shop(), acme, elektronik()]));
  vault.write('account:acc_shop', server.workspace.keys.agent);
  vault.spoil('account:acc_shop');
  vault.write('account:acc_acme', 'cc_live_acme_0123456789');
  host = await startHost({ dataDir, vault, language: 'de' });
  app = await openApp(browser.get(), host, { locale: 'de-DE', colorScheme: 'light' });
  page = app.page;
});

afterAll(async () => {
  await app?.close();
  await host?.close();
  await server?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('accounts that could not be reopened', () => {
  it('shows on the sign-in screen why each was not reopened, in German', async () => {
    const region = 'Konten, die sich nicht wieder öffnen ließen';
    await list(region).waitFor();
    expect(await list(region).getByRole('listitem').allInnerTexts()).toEqual([
      expect.stringContaining(
        'Funkhaus Shop ließ sich nicht wieder öffnen: Dieser Computer kann seinen Schlüssel nicht mehr lesen (der Schlüsselbund des Systems hat sich geändert); melden Sie sich erneut an',
      ),
      expect.stringContaining('Acme (alt) ließ sich nicht wieder öffnen: Diese Adresse nutzt unverschlüsseltes http; melden Sie sich erneut mit https an'),
      expect.stringContaining('Funkhaus Elektronik ließ sich nicht wieder öffnen: Sein Schlüssel ist nicht mehr auf diesem Computer; melden Sie sich erneut an'),
    ]);
    expect(await item(region, /Acme/).innerText()).toContain('http://chat.acme.example');
    await item(region, /Funkhaus Shop/).getByRole('button', { name: 'Erneut anmelden: Funkhaus Shop' }).waitFor();
    await item(region, /Acme/).getByRole('button', { name: 'Entfernen: Acme (alt)' }).waitFor();
    // Nothing of the keys reached the page, and neither account was opened (the plain-http one was never asked).
    expect(await page.content()).not.toContain(server.workspace.keys.agent);
    expect(host.app.session.state().accounts).toEqual([]);
    await expectAccessible(page, 'sign-in with accounts not reopened (de, light)');
    await screenshot(page, 'reopen-01-sign-in-de-light', { fullPage: true });
  });

  it('says the same in English, dark', async () => {
    host.setLanguage('en');
    await scheme('dark');
    await page.reload();
    await waitForBridge(page);
    const region = 'Accounts that could not be reopened';
    await list(region).waitFor();
    expect(await item(region, /Funkhaus Shop/).innerText()).toContain(
      'Could not reopen Funkhaus Shop: this computer can no longer read its key (the system keychain changed); sign in again',
    );
    expect(await item(region, /Acme/).innerText()).toContain('Could not reopen Acme (alt): this address uses plain http; sign in again with https');
    expect(await item(region, /Elektronik/).innerText()).toContain('Could not reopen Funkhaus Elektronik: its key is no longer on this computer; sign in again');
    await expectAccessible(page, 'sign-in with accounts not reopened (en, dark)');
    await screenshot(page, 'reopen-02-sign-in-en-dark', { fullPage: true });
  });

  it('signs in again with the form filled but for the key, replacing the stale account: its conversations fill the inbox', async () => {
    await item('Accounts that could not be reopened', /Funkhaus Shop/).getByRole('button', { name: 'Sign in again: Funkhaus Shop' }).click();
    const form = page.getByRole('form', { name: 'Connect your ChatCaptain workspace' });
    const key = form.getByLabel('API key', { exact: true });
    expect(await form.getByRole('textbox', { name: 'Workspace address (base URL)' }).inputValue()).toBe(server.url);
    expect(await form.getByRole('textbox', { name: 'Chatbot IDs' }).inputValue()).toBe('bot_shop');
    await form.getByText('Signing in again to Funkhaus Shop: enter its API key.', { exact: false }).waitFor();
    // The key is the one thing left to type: the cursor is there.
    expect(await focused(key)).toBe(true);
    expect(await key.inputValue()).toBe('');
    await screenshot(page, 'reopen-03-sign-in-again-en-dark', { fullPage: true });
    await key.pressSequentially(server.workspace.keys.agent);
    await key.press('Enter');

    await conversationList(page).waitFor();
    const waiting = await serverWaiting('bot_shop');
    await expect.poll(() => conversationList(page).getByRole('option').count()).toBe(waiting.length);
    const names = await conversationList(page).getByRole('option').allTextContents();
    for (const c of waiting) expect(names.some((n) => n.includes(c.contactName))).toBe(true);
    const state = host.app.session.state();
    expect(state.accounts).toMatchObject([{ platform: 'chatcaptain', baseUrl: server.url, chatbots: [{ id: 'bot_shop' }] }]);
    expect(state.accounts[0]!.id).not.toBe('acc_shop');
    expect(state.unopened.map((u) => u.id)).toEqual(['acc_acme', 'acc_bp']);
    expect(vault.has('account:acc_shop')).toBe(false);
  });

  it('signs in again to the Botpress workspace from Settings: the address filled, its workspace and bot picked again', async () => {
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Settings', exact: true }).click();
    await item('Accounts that could not be reopened', /Elektronik/).getByRole('button', { name: 'Sign in again: Funkhaus Elektronik' }).click();
    const form = page.getByRole('form', { name: 'Add a Botpress workspace' });
    const token = form.getByLabel('Personal access token', { exact: true });
    expect(await form.getByRole('textbox', { name: 'API address' }).inputValue()).toBe(server.url);
    await form.getByText('Signing in again to Funkhaus Elektronik', { exact: false }).waitFor();
    expect(await focused(token)).toBe(true);
    await token.pressSequentially(server.botpress.tokens.agent);
    await form.getByRole('button', { name: 'Find my bots', exact: true }).click();
    const bot = form.getByRole('group', { name: /Bots to work for/ }).getByRole('checkbox', { name: 'Funkhaus Assistent' });
    expect(await bot.isChecked()).toBe(true);
    await form.getByRole('button', { name: 'Connect', exact: true }).click();
    await form.waitFor({ state: 'detached' });

    const state = host.app.session.state();
    expect(state.accounts.map((a) => [a.platform, a.chatbots.map((c) => c.id)])).toEqual([
      ['chatcaptain', ['bot_shop']],
      ['botpress', [server.botpress.botId]],
    ]);
    expect(state.unopened.map((u) => u.id)).toEqual(['acc_acme']);
    // The stale accounts' keys are gone with them; the plain-http one's waits for the agent.
    expect(['acc_shop', 'acc_bp', 'acc_acme'].filter((id) => vault.has(`account:${id}`))).toEqual(['acc_acme']);
  });

  it('lists the plain-http one in Settings → Accounts, light and dark, and removes it with the keyboard', async () => {
    const region = 'Accounts that could not be reopened';
    const acmeItem = item(region, /Acme/);
    await acmeItem.waitFor();
    expect(await acmeItem.innerText()).toContain('Could not reopen Acme (alt): this address uses plain http; sign in again with https');
    await acmeItem.scrollIntoViewIfNeeded();
    await expectAccessible(page, 'settings with an account not reopened (en, dark)');
    await screenshot(page, 'reopen-04-settings-en-dark');
    await scheme('light');
    await expectAccessible(page, 'settings with an account not reopened (en, light)');
    await screenshot(page, 'reopen-05-settings-en-light');

    // Sign in again here opens the add form with the address over https, as the reason asks.
    await acmeItem.getByRole('button', { name: 'Sign in again: Acme (alt)' }).click();
    const form = page.getByRole('form', { name: 'Add a ChatCaptain account' });
    expect(await form.getByRole('textbox', { name: 'Workspace address (base URL)' }).inputValue()).toBe('https://chat.acme.example');
    expect(await focused(form.getByLabel('API key', { exact: true }))).toBe(true);
    await form.getByRole('button', { name: 'Cancel' }).click();

    // Remove, from the keyboard: Tab reaches the button, Enter asks; the dialog starts on Cancel
    // (as every confirmation does), Tab goes on to Remove, Enter confirms.
    const remove = acmeItem.getByRole('button', { name: 'Remove: Acme (alt)' });
    await acmeItem.getByRole('button', { name: 'Sign in again: Acme (alt)' }).focus();
    await page.keyboard.press('Tab');
    expect(await focused(remove)).toBe(true);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Remove “Acme (alt)”?' });
    await dialog.waitFor();
    await page.keyboard.press('Tab');
    expect(await focused(dialog.getByRole('button', { name: 'Remove', exact: true }))).toBe(true);
    await screenshot(page, 'reopen-06-remove-confirm-en-light');
    await page.keyboard.press('Enter');
    await list(region).waitFor({ state: 'detached' });
    expect(host.app.session.state().unopened).toEqual([]);
    expect(vault.has('account:acc_acme')).toBe(false);
    expect(app.problems).toEqual([]);
  });
});
