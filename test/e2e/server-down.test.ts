// The demo server goes down under an open conversation (German, dark): the offline banner says
// so with the attempt count, a reply written meanwhile waits in the thread as "sending", a draft
// survives switching conversations and a reload; when the server is back the banner goes, the
// reply is delivered exactly once, and what a customer wrote during the outage shows up.
// Its own host: the outage must not disturb other scenarios.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Conversation } from '../../src/server/wire';
import { startServer } from '../../src/server/app';
import { startHost, type Host } from './host/host';
import { openApp, screenshot, useBrowser, waitForBridge, type AppPage } from './support/browser';
import { conversationList, expectAccessible, openByName, pickUnique, pickWaiting, rowOf, searchField, serverMessages, textOf, threadOf } from './support/scenario-app';

const browser = useBrowser();
let dir: string;
let demoDb: string;
let host: Host;
let app: AppPage;
let page: Page;
let target: Conversation;
let other: Conversation;
/** With the bot, never opened: main holds none of its messages. */
let unread: Conversation;

const reply = 'Danke für Ihre Geduld – ich kümmere mich jetzt darum.';
const draft = 'Noch ein Gedanke, den ich später schicke';
const duringOutage = 'Hallo? Ist die Seite bei Ihnen auch gerade weg?';

// The demo's ChatCaptain account's row (its Botpress account, on the same server, has its own).
const banner = () => page.getByRole('status').locator('.offline-row').filter({ hasText: /^Demo · ChatCaptain: Offline – / });
const search = () => searchField(page);
const open = (conversation: Conversation) => openByName(page, conversation.contactName);
const composer = () => page.getByRole('textbox', { name: `Antwort an ${target.contactName}` });
const attemptShown = async (): Promise<number> => Number(/\((\d+)\)/.exec((await banner().textContent()) ?? '')?.[1] ?? 0);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'deckhand-e2e-down-'));
  demoDb = join(dir, 'demo.sqlite');
  host = await startHost({ demoDb });
  app = await openApp(browser.get(), host, { locale: 'de-DE', colorScheme: 'dark' });
  page = app.page;
  await page.getByRole('button', { name: 'Demo-Arbeitsbereich öffnen' }).click();
  await conversationList(page).waitFor();
  target = await pickWaiting(host, 'bot_shop');
  other = await pickWaiting(host, 'bot_shop', [target.id]);
  unread = await pickUnique(host, 'bot_shop', (c) => c.status === 'bot' && !c.archived);
  await open(target);
  await composer().waitFor();
  // Read before the outage, so main holds the thread (what is read offline comes from its cache).
  const last = target.lastMessage?.type === 'text' ? target.lastMessage.payload.text : null;
  if (last) await threadOf(page, target.contactName).getByText(last, { exact: true }).last().waitFor();
});

afterAll(async () => {
  await app?.close();
  await host?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the demo server goes down and comes back (German, dark)', () => {
  it('shows the offline banner with the attempt count; "Reconnect now" tries again', async () => {
    await host.demo.down();
    await banner().waitFor({ timeout: 15_000 });
    expect(await banner().textContent()).toMatch(/^Demo · ChatCaptain: Offline – neuer Verbindungsversuch \(\d+\)/);
    const before = await attemptShown();
    expect(before).toBeGreaterThanOrEqual(1);

    await banner().getByRole('button', { name: 'Jetzt verbinden' }).click();
    await expect.poll(attemptShown, { timeout: 10_000 }).toBeGreaterThan(before);
    // The header says so too, in words, not only by colour (for the demo's ChatCaptain and Botpress accounts alike).
    await page.getByRole('banner').getByRole('list', { name: 'Verbindung' }).getByText('Keine Verbindung').first().waitFor();
    await expectAccessible(page, 'inbox offline, conversation open (de, dark)');
    await screenshot(page, 'server-down-01-banner');
  });

  // A conversation never opened before, with the server out of reach: the thread says its
  // messages could not be loaded (with "Erneut versuchen"), not that it has none. One with the
  // bot (main reads the history of waiting ones ahead, for their waits), found by searching.
  it('does not show a conversation never read before as empty while the server is unreachable', async () => {
    await page.getByRole('tab', { name: /^Alle/ }).click();
    await search().fill(unread.contactName);
    await rowOf(page, unread.contactName).click();
    const pane = page.getByRole('region', { name: unread.contactName, exact: true });
    await pane.getByRole('textbox', { name: `Antwort an ${unread.contactName}` }).waitFor();
    // Settled: whatever the thread says once main has answered.
    await pane.getByText(/^(Noch keine Nachrichten|Die Nachrichten konnten nicht geladen werden|Beginn der Unterhaltung)$/).first().waitFor();
    await screenshot(page, 'server-down-02-unread-conversation-offline');
    expect(await pane.getByText('Noch keine Nachrichten').count()).toBe(0);
    expect(await pane.getByText('Die Nachrichten konnten nicht geladen werden').count()).toBe(1);
    await search().fill('');
    await page.getByRole('tab', { name: /^Wartend/ }).click();
  });

  it('keeps a reply written meanwhile as "sending" in the thread, and never loses a draft', async () => {
    await open(target);
    await composer().waitFor();
    await composer().click();
    await composer().pressSequentially(reply);
    await composer().press('Enter');
    const thread = threadOf(page, target.contactName);
    const pending = thread.getByText(reply, { exact: true });
    await pending.waitFor();
    await thread.getByText('Wird gesendet…').waitFor();
    expect(await composer().inputValue()).toBe('');

    // The next thought, not sent: it stays when the agent looks elsewhere and comes back…
    await composer().pressSequentially(draft);
    await open(other);
    await page.getByRole('textbox', { name: `Antwort an ${other.contactName}` }).waitFor();
    expect(await page.getByRole('textbox', { name: `Antwort an ${other.contactName}` }).inputValue()).toBe('');
    await open(target);
    await expect.poll(() => composer().inputValue()).toBe(draft);

    // …and when the window reloads (the reply waits in main's outbox, the draft in the renderer).
    await page.reload();
    await waitForBridge(page);
    await banner().waitFor();
    await open(target);
    await expect.poll(() => composer().inputValue()).toBe(draft);
    await threadOf(page, target.contactName).getByText(reply, { exact: true }).waitFor();
    await threadOf(page, target.contactName).getByText('Wird gesendet…').waitFor();
    // Still waiting, not given up: a network failure is retried, never marked "not sent".
    expect(await threadOf(page, target.contactName).getByText(/Nicht gesendet/).count()).toBe(0);
    await screenshot(page, 'server-down-03-pending-reply');
  });

  it('when the server is back: the banner goes, the reply is delivered once, and what the customer wrote meanwhile shows', async () => {
    // The customer writes while the app cannot reach the server: another instance of the same
    // server, on the same data, takes the message in (as a channel integration would).
    const meanwhile = await startServer({ db: demoDb, demo: true, port: 0 });
    try {
      const response = await fetch(`${meanwhile.url}/v1/chatbots/bot_shop/conversations/handle`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-chatcaptain-key': meanwhile.workspace.keys.admin },
        body: JSON.stringify({ chatbotId: 'bot_shop', channelId: target.channelId, channelName: target.channelName, providerId: target.providerId, text: duringOutage }),
      });
      expect(response.status).toBe(200);
    } finally {
      await meanwhile.close();
    }

    await host.demo.up();
    await banner().waitFor({ state: 'detached', timeout: 20_000 });
    const thread = threadOf(page, target.contactName);
    await thread.getByText('Wird gesendet…').waitFor({ state: 'detached', timeout: 15_000 });
    await thread.getByText(duringOutage, { exact: true }).waitFor({ timeout: 15_000 });
    await expect.poll(() => thread.getByText(reply, { exact: true }).count()).toBe(1);

    const messages = await serverMessages(host, 'bot_shop', target.id);
    expect(messages.filter((m) => textOf(m) === reply)).toHaveLength(1);
    expect(messages.filter((m) => textOf(m) === duringOutage)).toHaveLength(1);
    // The unsent thought is still a draft: kept, and not sent by the reconnect.
    expect(await composer().inputValue()).toBe(draft);
    expect(messages.some((m) => textOf(m) === draft)).toBe(false);
    await page.getByRole('banner').getByRole('list', { name: 'Verbindung' }).getByText('Live').waitFor();
    await screenshot(page, 'server-down-04-back');
    expect(app.problems).toEqual([]);
  });
});
