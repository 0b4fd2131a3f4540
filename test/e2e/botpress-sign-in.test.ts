// Connecting Botpress bots from the first screen (German, light), against the real local server
// standing in for Botpress Cloud: the agent picks Botpress, keeps or changes the API address,
// pastes a token, and Deckhand lists the workspace and the bots the token reaches, nothing typed
// but that. A refused token and a bot's token are told next to the token field; the agent's own
// token and a picked bot open the inbox with the bot's handovers. The token never reaches the page.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/app';
import { startHost, type Host } from './host/host';
import { openApp, screenshot, useBrowser, type AppPage } from './support/browser';
import { conversationList, expectAccessible } from './support/scenario-app';

const browser = useBrowser();
let host: Host;
let app: AppPage;
let page: Page;
let server: RunningServer;

const form = () => page.getByRole('form', { name: 'Botpress-Bots verbinden' });
const apiUrl = () => form().getByRole('textbox', { name: 'API-Adresse' });
const token = () => form().getByLabel('Persönliches Zugriffstoken', { exact: true });
const button = (name: string) => form().getByRole('button', { name, exact: true });

async function typeInto(field: ReturnType<typeof apiUrl>, text: string): Promise<void> {
  await field.click();
  await field.press('ControlOrMeta+a');
  await field.pressSequentially(text);
}

beforeAll(async () => {
  host = await startHost({ language: 'de' });
  server = await host.demo.up();
  app = await openApp(browser.get(), host, { locale: 'de-DE', colorScheme: 'light' });
  page = app.page;
  await page.getByRole('radio', { name: 'Botpress' }).check();
  await form().waitFor();
});

afterAll(async () => {
  await app?.close();
  await host?.close();
});

describe('Botpress-Bots verbinden (Deutsch, hell)', () => {
  it('starts at Botpress Cloud, and says what is missing', async () => {
    expect(await apiUrl().inputValue()).toBe('https://api.botpress.cloud');
    await button('Meine Bots finden').click();
    await form().getByText('Geben Sie Ihr persönliches Zugriffstoken ein.').waitFor();
    await expectAccessible(page, 'Botpress sign-in (de, light)');
    await screenshot(page, 'botpress-sign-in-01-empty');
  });

  it('tells a refused token and a bot’s token next to the token field, keeping what was typed', async () => {
    await typeInto(apiUrl(), server.url);
    await typeInto(token(), 'bp_pat_notarealtoken123');
    await button('Meine Bots finden').click();
    await form().getByText('Botpress hat dieses Token nicht akzeptiert.', { exact: false }).waitFor();
    expect(await token().getAttribute('aria-invalid')).toBe('true');

    await typeInto(token(), server.botpress.tokens.bot);
    await button('Meine Bots finden').click();
    await form().getByText('Ein Desk antwortet als Person', { exact: false }).waitFor();
    expect(await apiUrl().inputValue()).toBe(server.url);
    await screenshot(page, 'botpress-sign-in-02-bot-token');
  });

  it('lists the workspace and its bots for the agent’s token, and connects the chosen bot', async () => {
    await typeInto(token(), server.botpress.tokens.agent);
    await button('Meine Bots finden').click();
    await form().getByText('Angemeldet als Jonas Weber.').waitFor();
    const bots = form().getByRole('group', { name: /Bots, für die Sie arbeiten · Funkhaus Elektronik/ });
    const bot = bots.getByRole('checkbox', { name: 'Funkhaus Assistent' });
    expect(await bot.isChecked()).toBe(true);
    await expectAccessible(page, 'Botpress sign-in with bots (de, light)');
    await screenshot(page, 'botpress-sign-in-03-bots');

    // None chosen is said, not sent.
    await bot.uncheck();
    await button('Verbinden').click();
    await form().getByText('Wählen Sie mindestens einen Bot.').waitFor();
    await bot.check();
    await button('Verbinden').click();
    await conversationList(page).waitFor();
    const [account] = host.app.session.state().accounts;
    expect(account).toMatchObject({ platform: 'botpress', demo: false, label: 'Funkhaus Elektronik', agent: { name: 'Jonas Weber' } });
    expect(account!.chatbots.map((c) => c.name)).toEqual(['Funkhaus Assistent']);
    // The token is in the vault, and nowhere in what the page was given.
    expect(host.vault.read(`account:${account!.id}`)).toBe(server.botpress.tokens.agent);
    expect(await page.content()).not.toContain(server.botpress.tokens.agent);
    await conversationList(page).getByRole('option').first().waitFor();
    await screenshot(page, 'botpress-sign-in-04-inbox');
  });
});
