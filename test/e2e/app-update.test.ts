// An app update as the agent meets it (German): a quiet line while the release downloads in the
// background, then "Deckhand 0.2.0 ist bereit" with its release notes and "Zum Aktualisieren neu
// starten". Asked to restart while a reply still waits in the outbox (the demo server is down),
// the app says it restarts once the reply is sent, and installs only after it was. A failed
// check is a note the agent can put away. The update feed is scripted (electron-updater against a
// real feed is test/integration/main/electron/updater.test.ts); everything else is the real app.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Conversation } from '../../src/shared/domain';
import { ScriptedUpdater } from '../support/scripted-updater';
import { startHost, type Host } from './host/host';
import { openApp, screenshot, useBrowser, type AppPage } from './support/browser';
import { conversationList, expectAccessible, openByName, pickWaiting, serverMessages, textOf, threadOf } from './support/scenario-app';

const browser = useBrowser();
const notes = 'Antworten zeigen, wann sie gelesen wurden.\nSchnellerer Posteingang.';
const reply = 'Einen Moment bitte, ich sehe nach.';

describe('an app update (German)', () => {
  const updater = new ScriptedUpdater();
  let host: Host;
  let app: AppPage;
  let page: Page;
  let target: Conversation;
  const banner = () => page.getByRole('status', { name: 'App-Update' });

  beforeAll(async () => {
    host = await startHost({ updater });
    app = await openApp(browser.get(), host, { locale: 'de-DE' });
    page = app.page;
    await page.getByRole('button', { name: 'Demo-Arbeitsbereich öffnen' }).click();
    await conversationList(page).waitFor();
    target = await pickWaiting(host, 'bot_shop');
  });
  afterAll(async () => {
    await app?.close();
    await host?.close();
  });

  it('shows the download quietly, with its progress', async () => {
    expect(await banner().textContent()).toBe('');
    await updater.answerCheck({ version: '0.2.0', releaseNotes: notes });
    await banner().getByText('Deckhand 0.2.0 wird im Hintergrund geladen…').waitFor();
    await updater.reportProgress(0.42);
    const progress = banner().getByRole('progressbar', { name: 'Download von Deckhand 0.2.0' });
    await expect.poll(() => progress.getAttribute('value')).toBe('42');
    expect(await banner().getByRole('button').count()).toBe(0);
    await screenshot(page, 'app-update-01-downloading');
  });

  it('offers the downloaded release with its notes and "Zum Aktualisieren neu starten"', async () => {
    await updater.finishDownload();
    await banner().getByText('Deckhand 0.2.0 ist bereit.').waitFor();
    const showNotes = banner().getByRole('button', { name: 'Was ist neu' });
    await showNotes.click();
    const shown = banner().getByRole('region', { name: 'Neu in Deckhand 0.2.0' });
    expect(await shown.innerText()).toBe(notes);
    await expectAccessible(page, 'update ready, notes open (de)');
    await screenshot(page, 'app-update-02-ready');
    await banner().getByRole('button', { name: 'Neuigkeiten ausblenden' }).click();
    await shown.waitFor({ state: 'detached' });
  });

  it('restarts only once the reply still in the outbox has been sent', async () => {
    await host.demo.down();
    await openByName(page, target.contactName);
    const composer = page.getByRole('textbox', { name: `Antwort an ${target.contactName}` });
    await composer.click();
    await composer.pressSequentially(reply);
    await composer.press('Enter');
    await threadOf(page, target.contactName).getByText('Wird gesendet…').waitFor();

    await banner().getByRole('button', { name: 'Zum Aktualisieren neu starten' }).click();
    await banner().getByText('Deckhand startet neu, sobald Ihre Antwort gesendet ist.').waitFor();
    expect(await banner().getByRole('button', { name: 'Zum Aktualisieren neu starten' }).count()).toBe(0);
    await screenshot(page, 'app-update-03-waiting-for-reply');
    expect(updater.installs).toBe(0);

    await host.demo.up();
    await threadOf(page, target.contactName).getByText('Wird gesendet…').waitFor({ state: 'detached', timeout: 20_000 });
    await expect.poll(() => updater.installs, { timeout: 10_000 }).toBe(1);
    const messages = await serverMessages(host, 'bot_shop', target.id);
    expect(messages.filter((m) => textOf(m) === reply)).toHaveLength(1);
    expect(app.problems).toEqual([]);
  });
});

describe('a failed update check (English)', () => {
  const updater = new ScriptedUpdater();
  let host: Host;
  let app: AppPage;

  beforeAll(async () => {
    host = await startHost({ updater, language: 'en' });
    app = await openApp(browser.get(), host, { locale: 'en-US' });
    await app.page.getByRole('button', { name: 'Open demo workspace' }).click();
    await conversationList(app.page).waitFor();
  });
  afterAll(async () => {
    await app?.close();
    await host?.close();
  });

  it('is a quiet note the agent can put away', async () => {
    const banner = app.page.getByRole('status', { name: 'App update' });
    await updater.answerCheck(new Error('getaddrinfo ENOTFOUND updates.example'));
    await banner.getByText('Deckhand could not check for updates. It tries again later by itself.').waitFor();
    await screenshot(app.page, 'app-update-04-check-failed');
    await banner.getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => banner.textContent()).toBe('');
    expect(app.problems).toEqual([]);
  });
});
