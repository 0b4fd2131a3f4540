// An agent's first session with the demo workspace, end to end in Chromium against the real
// services and the embedded demo server: open the demo from sign-in, see who waits, a customer
// writes live, assign, reply (sending → delivered), hand back to the bot, go online and offline,
// change notification settings, look up an organization, deploy a version to test, open the
// shortcuts. German and light theme; the last test walks the same screens in English and dark.
// The tests run in order and build on each other, as the agent's session does.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Conversation } from '../../src/server/wire';
import { startHost, type Host } from './host/host';
import { axeViolations, openApp, screenshot, useBrowser, waitForBridge } from './support/browser';
import { openTappedApp, type TappedApp } from './support/scenario-bridge';
import {
  conversationList,
  customerWrites,
  expectAccessible,
  pickWaiting,
  rowOf,
  serverAgents,
  serverConversation,
  serverMessages,
  serverVersions,
  serverWaitingCount,
  textOf,
  threadOf,
} from './support/scenario-app';

const browser = useBrowser();
let host: Host;
let app: TappedApp;
let page: Page;
/** The waiting conversation the journey works on. */
let target: Conversation;

const shot = (name: string) => screenshot(page, `journey-${name}`);
const tabCount = async (name: RegExp): Promise<number> => Number((await page.getByRole('tab', { name }).textContent())?.replace(/\D/g, '') || 0);
const nav = (name: string) => page.getByRole('navigation', { name: 'Bereiche' }).getByRole('button', { name, exact: true });
const conversationPane = () => page.getByRole('region', { name: target.contactName, exact: true });

beforeAll(async () => {
  host = await startHost();
  app = await openTappedApp(browser.get(), host, { locale: 'de-DE', colorScheme: 'light' });
  page = app.page;
});

afterAll(async () => {
  await app?.close();
  await host?.close();
});

describe('the demo journey (German, light)', () => {
  it('opens the demo workspace from sign-in; the inbox shows the conversations waiting for a person', async () => {
    const openDemo = page.getByRole('button', { name: 'Demo-Arbeitsbereich öffnen' });
    await openDemo.waitFor();
    await expectAccessible(page, 'sign-in (de, light)');
    await shot('01-sign-in');

    await openDemo.click();
    await conversationList(page).waitFor();
    const waiting = page.getByRole('tab', { name: /^Wartend/ });
    expect(await waiting.getAttribute('aria-selected')).toBe('true');
    expect(await conversationList(page).getAttribute('aria-label')).toBe('Unterhaltungen: Wartend');
    // The tab counts what the server has waiting, across both demo chatbots.
    const expected = await serverWaitingCount(host);
    expect(expected).toBeGreaterThan(0);
    await expect.poll(() => tabCount(/^Wartend/)).toBe(expected);
    expect(await conversationList(page).getByRole('option').count()).toBeGreaterThan(0);
    await shot('02-inbox-waiting');
    expect(app.problems).toEqual([]);
  });

  it('shows a customer message that arrives live: in the list at once, and in the thread of the open conversation', async () => {
    target = await pickWaiting(host, 'bot_shop');
    const first = 'Hallo? Ich warte jetzt schon eine Weile auf eine Antwort.';
    // "Wartend" is a queue, who waited longest first; newest first, a conversation that moves comes to the top.
    await page.getByRole('combobox', { name: 'Reihenfolge' }).selectOption({ label: 'Neueste zuerst' });
    await customerWrites(host, target, first);
    await expect.poll(() => conversationList(page).getByRole('option').first().textContent()).toContain(first);
    expect(await rowOf(page, target.contactName).textContent()).toContain(first);

    await rowOf(page, target.contactName).click();
    const thread = threadOf(page, target.contactName);
    await thread.getByText(first, { exact: true }).waitFor();
    expect(await rowOf(page, target.contactName).getAttribute('aria-selected')).toBe('true');

    const second = 'Können Sie mir sagen, wann das Paket kommt?';
    await customerWrites(host, target, second);
    await thread.getByText(second, { exact: true }).waitFor();
    await expect.poll(() => rowOf(page, target.contactName).textContent()).toContain(second);
    await expectAccessible(page, 'inbox with a conversation open (de, light)');
    await shot('03-conversation-open');
  });

  // A message arriving while the agent has the conversation open and in front of them has been
  // seen: no unread badge on the row, unreadCount 0 on the server (and so in the tray).
  it('treats a message that arrives in the open conversation as read', async () => {
    await expect.poll(() => rowOf(page, target.contactName).textContent(), { timeout: 2_000 }).not.toMatch(/ungelesen/);
    expect((await serverConversation(host, 'bot_shop', target.id)).unreadCount).toBe(0);
  });

  it('assigns the conversation to the agent: it leaves "Waiting" and counts in "Mine"', async () => {
    const mineBefore = await tabCount(/^Meine/);
    const actions = conversationPane().getByRole('group', { name: 'Aktionen für die Unterhaltung' });
    await actions.getByRole('button', { name: 'Mir zuweisen' }).click();

    await conversationPane().getByText('Ihnen zugewiesen', { exact: true }).waitFor();
    expect(await actions.getByRole('button', { name: 'Mir zuweisen' }).count()).toBe(0);
    const onServer = await serverConversation(host, 'bot_shop', target.id);
    expect(onServer).toMatchObject({ status: 'assigned', assignedAgentId: host.demo.server.workspace.agentOf.admin });
    await expect.poll(() => tabCount(/^Meine/)).toBe(mineBefore + 1);
    await expect.poll(() => rowOf(page, target.contactName).count()).toBe(0);
    // Still open where the agent is working, though no longer in the waiting list.
    expect(await conversationPane().isVisible()).toBe(true);
  });

  it('replies from the composer with Enter: shown as sending, then delivered, stored once on the server', async () => {
    const text = 'Guten Tag! Ich sehe mir Ihre Bestellung gleich an.';
    const composer = page.getByRole('textbox', { name: `Antwort an ${target.contactName}` });
    await composer.click();
    await composer.pressSequentially(text);

    // A slow network between app and window: the host's "sent" news waits, so "sending" can be seen.
    app.tap.hold((frame) => frame.includes('"name":"messages.changed"') || (frame.includes('"name":"outbox.changed"') && frame.includes('"state":"sent"')));
    await composer.press('Enter');
    const thread = threadOf(page, target.contactName);
    await thread.getByText('Wird gesendet…').waitFor();
    expect(await composer.inputValue()).toBe('');
    await shot('04-reply-sending');

    // Meanwhile the server has it, once.
    await expect.poll(async () => (await serverMessages(host, 'bot_shop', target.id)).filter((m) => textOf(m) === text).length).toBe(1);
    app.tap.release();

    await thread.getByText('Wird gesendet…').waitFor({ state: 'detached' });
    await expect.poll(() => thread.getByText(text, { exact: true }).count()).toBe(1);
    const stored = (await serverMessages(host, 'bot_shop', target.id)).filter((m) => textOf(m) === text);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ sender: 'agent', agentId: host.demo.server.workspace.agentOf.admin });
    await shot('05-reply-delivered');
  });

  it('hands the conversation back to the bot after confirming', async () => {
    await conversationPane().getByRole('button', { name: 'An Bot übergeben' }).click();
    const dialog = page.getByRole('dialog', { name: 'Unterhaltung an den Bot übergeben?' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(target.contactName);
    await shot('06-hand-back-confirm');
    await dialog.getByRole('button', { name: 'Übergeben' }).click();

    await dialog.waitFor({ state: 'hidden' });
    await conversationPane().getByText('Beim Bot', { exact: true }).waitFor();
    await conversationPane().getByText(/Der Bot betreut diese Unterhaltung/).waitFor();
    expect(await serverConversation(host, 'bot_shop', target.id)).toMatchObject({ status: 'bot', assignedAgentId: null });
  });

  it('goes online and offline with the header switch; the server has each state', async () => {
    const toggle = page.getByRole('banner').getByRole('switch', { name: 'Online' });
    const me = host.demo.server.workspace.agentOf.admin;
    const onServer = async () => {
      const states = await Promise.all(host.demo.server.workspace.chatbots.map(async (c) => (await serverAgents(host, c.id)).find((a) => a.agentId === me)?.online));
      return states.every((s) => s === states[0]) ? states[0] : 'mixed';
    };
    const before = (await toggle.getAttribute('aria-checked')) === 'true';

    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-checked')).toBe(String(!before));
    await expect.poll(onServer).toBe(!before);
    await shot(`07-presence-${before ? 'offline' : 'online'}`);

    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-checked')).toBe(String(before));
    await expect.poll(onServer).toBe(before);
  });

  // WCAG 2.5.3 Label in Name: the team button's visible text (the count; initials are drawn by
  // CSS) is part of its name "2 Teammitglieder online", so voice control can reach it.
  it('names the teammates button with what it shows (axe: label-content-name-mismatch)', async () => {
    const team = page.getByRole('banner').getByRole('button', { name: /Teammitglieder? online$/ });
    await expect.poll(() => team.getAttribute('aria-label')).not.toMatch(/^0 /);
    const findings = await axeViolations(page, { runOptions: { runOnly: ['label-content-name-mismatch'] } });
    expect(findings).toEqual([]);
  });

  it('changes the notification settings, and they are still so after a reload', async () => {
    await nav('Einstellungen').click();
    await page.getByRole('heading', { name: 'Einstellungen', level: 1, exact: true }).waitFor();
    const sound = page.getByRole('switch', { name: 'Ton' });
    const dnd = page.getByRole('switch', { name: 'Nicht stören' });
    expect(await sound.isChecked()).toBe(true);
    expect(await dnd.isChecked()).toBe(false);

    await sound.click();
    await page.getByRole('status').getByText('Gespeichert').waitFor();
    await dnd.click();
    await expect.poll(() => dnd.isChecked()).toBe(true);
    await expect.poll(() => host.app.settings.get()).toMatchObject({ sound: false, doNotDisturb: true });
    await expectAccessible(page, 'settings (de, light)');
    await shot('08-settings');

    await page.reload();
    await waitForBridge(page);
    await nav('Einstellungen').click();
    await page.getByRole('heading', { name: 'Einstellungen', level: 1, exact: true }).waitFor();
    await expect.poll(() => page.getByRole('switch', { name: 'Ton' }).isChecked()).toBe(false);
    expect(await page.getByRole('switch', { name: 'Nicht stören' }).isChecked()).toBe(true);
  });

  it('searches an organization in the Organizations section and opens it', async () => {
    await nav('Organisationen').click();
    const search = page.getByRole('searchbox', { name: 'Organisationen durchsuchen' });
    await search.click();
    await search.pressSequentially('Müller');
    const list = page.getByRole('list', { name: 'Organisationen' });
    const wanted = list.getByRole('button', { name: /^Müller & Söhne Maschinenbau GmbH/ });
    await page.getByRole('status').getByText('1 Treffer').waitFor();
    expect(await list.getByRole('button').count()).toBe(1);

    await wanted.click();
    const detail = page.getByRole('region', { name: /Müller & Söhne Maschinenbau GmbH/ });
    await detail.getByRole('heading', { name: 'Müller & Söhne Maschinenbau GmbH' }).waitFor();
    await detail.getByRole('link', { name: /mueller-soehne\.de/ }).waitFor();
    await expectAccessible(page, 'organizations with one open (de, light)');
    await shot('09-organization');
  });

  it('deploys a version to test in the Versions section, after confirming', async () => {
    const candidate = (await serverVersions(host, 'bot_shop')).find((v) => v.deployedTo.length === 0);
    if (!candidate) throw new Error('the demo has no version that is not live');
    await nav('Versionen').click();
    const card = page
      .getByRole('list', { name: 'Versionen von Shop-Assistent' })
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: candidate.name, exact: true }) });
    await card.getByRole('button', { name: 'In Test bereitstellen' }).click();

    const dialog = page.getByRole('dialog', { name: 'In Test bereitstellen?' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(candidate.name);
    await expectAccessible(page, 'versions, deploy confirmation (de, light)');
    await shot('10-version-confirm');
    await dialog.getByRole('button', { name: 'In Test bereitstellen' }).click();

    await card.getByText('Live im Test', { exact: true }).waitFor();
    const live = page.getByRole('region', { name: 'Was gerade live ist' });
    await expect.poll(() => live.textContent()).toContain(candidate.name);
    expect((await serverVersions(host, 'bot_shop')).find((v) => v.id === candidate.id)?.deployedTo).toEqual(['test']);
    await expectAccessible(page, 'versions (de, light)');
    await shot('11-versions');
  });

  it('opens the keyboard shortcuts with "?" and closes them with Escape', async () => {
    await nav('Posteingang').click();
    await conversationList(page).waitFor();
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Tastenkürzel' });
    await help.waitFor();
    await help.getByRole('rowheader', { name: 'Nächste Unterhaltung' }).waitFor();
    await expectAccessible(page, 'help overlay (de, light)');
    await shot('12-help');
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });
    expect(app.problems).toEqual([]);
  });
});

describe('the same screens in English and dark', () => {
  it('inbox, settings, organizations, versions and the shortcuts have no serious accessibility problem', async () => {
    // The same workspace on an English system ('system' is the language choice): a window
    // opened now asks main which language that is.
    host.setLanguage('en');
    const english = await openApp(browser.get(), host, { locale: 'en-US', colorScheme: 'dark' });
    const p = english.page;
    const navEn = (name: string) => p.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name, exact: true });
    try {
      // The demo is open already: the workspace comes straight up.
      await conversationList(p).waitFor();
      await conversationList(p).getByRole('option').first().click();
      const log = p.getByRole('log', { name: /^Messages with / });
      await log.waitFor();
      const name = ((await log.getAttribute('aria-label')) ?? '').replace(/^Messages with /, '');
      await p.getByRole('textbox', { name: `Reply to ${name}` }).waitFor();
      await expectAccessible(p, 'inbox with a conversation open (en, dark)');
      await screenshot(p, 'journey-en-dark-01-inbox');

      await navEn('Settings').click();
      await p.getByRole('heading', { name: 'Settings', level: 1, exact: true }).waitFor();
      await p.getByRole('switch', { name: 'Sound' }).waitFor();
      await expectAccessible(p, 'settings (en, dark)');
      await screenshot(p, 'journey-en-dark-02-settings');

      await navEn('Organizations').click();
      const orgs = p.getByRole('list', { name: 'Organizations' });
      await orgs.getByRole('button').first().click();
      await p.getByRole('region', { name: /^Details of / }).waitFor();
      await expectAccessible(p, 'organizations (en, dark)');
      await screenshot(p, 'journey-en-dark-03-organizations');

      await navEn('Versions').click();
      await p.getByRole('list', { name: 'Versions of Shop-Assistent' }).waitFor();
      await expectAccessible(p, 'versions (en, dark)');
      await screenshot(p, 'journey-en-dark-04-versions');

      await navEn('Inbox').click();
      await conversationList(p).waitFor();
      await p.keyboard.press('?');
      await p.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
      await expectAccessible(p, 'help overlay (en, dark)');
      await screenshot(p, 'journey-en-dark-05-help');
      expect(english.problems).toEqual([]);
    } finally {
      await english.close();
    }
  });
});
