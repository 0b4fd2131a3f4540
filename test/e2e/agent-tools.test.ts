// The tools agents live in, in German at 1440×900 against the demo: the customer panel (their
// details, organization and earlier conversations, from an organization's members too), the
// Waiting view as a queue (longest wait first, live timers, thresholds, new arrivals held back
// while scrolled), assigning to a colleague and taking over from one, undo, and where the agent
// is (demo marker, name, do-not-disturb, what waits while another section is open).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contact, Conversation } from '../../src/server/wire';
import { startHost, type Host } from './host/host';
import { openApp, screenshot, useBrowser, type AppPage } from './support/browser';
import { conversationList, expectAccessible, openByName, pickWaiting, serverConversation, serverConversations } from './support/scenario-app';

const browser = useBrowser();
let host: Host;
let app: AppPage;
let page: Page;

const shot = (name: string) => screenshot(page, `tools-de-${name}`);
const nav = (name: string) => page.getByRole('navigation', { name: 'Bereiche' }).getByRole('button', { name, exact: true });
const tab = (name: RegExp) => page.getByRole('tab', { name });
const pane = (name: string) => page.getByRole('region', { name, exact: true });
const panel = () => page.getByRole('complementary', { name: 'Kunde' });
const toast = (text: string | RegExp) => page.getByRole('region', { name: 'Meldungen' }).getByRole('status').filter({ hasText: text });
const waitSeconds = (text: string) => text.split(':').reduce((total, part) => total * 60 + Number(part), 0);

/** A contact of the shop with more than one conversation, and them. */
async function returningCustomer(): Promise<{ contact: Contact; conversations: Conversation[] }> {
  const all = await serverConversations(host, 'bot_shop');
  for (const c of all) {
    const theirs = all.filter((x) => x.contactId === c.contactId);
    if (theirs.length < 2 || all.some((x) => x.contactName === c.contactName && x.contactId !== c.contactId)) continue;
    const contact = (await host.demo.request('GET', `/v1/chatbots/bot_shop/contacts/${c.contactId}`)).body as { contact: Contact };
    if (contact.contact.email) return { contact: contact.contact, conversations: theirs };
  }
  throw new Error('the demo has no returning customer with an e-mail');
}

beforeAll(async () => {
  host = await startHost({ language: 'de' });
  await host.app.session.openDemo();
  app = await openApp(browser.get(), host, { locale: 'de-DE', viewport: { width: 1440, height: 900 } });
  page = app.page;
  await app.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: host.origin });
  await conversationList(page).waitFor();
});

afterAll(async () => {
  await app?.close();
  await host?.close();
});

describe('where the agent is', () => {
  it('marks the demo, names the agent, shows do-not-disturb, and what waits while another section is open', async () => {
    const header = page.getByRole('banner');
    await header.getByText('Demo-Arbeitsbereich').waitFor();
    await header.getByText('Lena Hoffmann').waitFor();
    expect(await header.getByRole('button', { name: 'Nicht stören' }).count()).toBe(0);
    await host.app.handlers['settings.set']({ doNotDisturb: true });
    await header.getByRole('button', { name: 'Nicht stören' }).waitFor();

    await nav('Einstellungen').click();
    const inbox = nav('Posteingang');
    await expect.poll(() => inbox.getAttribute('title')).toMatch(/^Posteingang: \d+ wartend, \d+ ungelesen$/);
    const described = await inbox.evaluate((el) => el.ownerDocument.getElementById(el.getAttribute('aria-describedby') ?? '')?.textContent);
    expect(described).toBe(await inbox.getAttribute('title'));
    await expectAccessible(page, 'settings with the inbox badges (de)');
    await shot('01-where-am-i');
    await header.getByRole('button', { name: 'Nicht stören' }).click();
    await page.getByRole('switch', { name: 'Nicht stören' }).click();
    await header.getByRole('button', { name: 'Nicht stören' }).waitFor({ state: 'detached' });
    await inbox.click();
    expect(await inbox.getAttribute('aria-describedby')).toBeNull();
  });
});

describe('the customer panel', () => {
  it('shows who the customer is, their organization and their conversations, each of which opens', async () => {
    const { contact, conversations } = await returningCustomer();
    const [latest, earlier] = [...conversations].sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1));
    await tab(/^Alle/).click();
    // Two rows carry the name: the newest is first.
    await page.getByRole('searchbox', { name: 'Unterhaltungen durchsuchen' }).fill(contact.name);
    await conversationList(page).getByRole('option', { name: new RegExp(`^${contact.name}`) }).first().click();
    await page.getByRole('searchbox', { name: 'Unterhaltungen durchsuchen' }).fill('');
    expect(latest!.contactId).toBe(contact.id);
    await panel().getByRole('heading', { name: contact.name }).waitFor();
    await panel().getByText(contact.email!, { exact: true }).waitFor();
    await panel().getByText(/^(Deutsch|Englisch)$/).waitFor();
    const list = panel().getByRole('list').last();
    await expect.poll(() => list.getByRole('listitem').count()).toBe(conversations.length);

    await panel().getByRole('button', { name: 'E-Mail kopieren' }).click();
    await toast('E-Mail kopiert').waitFor();
    expect(await page.evaluate(() => (globalThis as unknown as { navigator: Navigator }).navigator.clipboard.readText())).toBe(contact.email);
    await expectAccessible(page, 'customer panel (de)');
    await shot('02-customer-panel');

    // The earlier one opens where it is (archived ones in the Archive).
    await list.getByRole('button').first().click();
    await expect.poll(() => conversationList(page).getByRole('option', { selected: true }).getAttribute('id')).toContain(earlier!.id);
    await panel().getByText('Diese').waitFor();
  });

  it('opens a contact’s conversations from an organization’s members', async () => {
    await nav('Organisationen').click();
    const orgs = page.getByRole('list', { name: 'Organisationen' });
    await orgs.getByRole('button').first().click();
    const showConversations = page.getByRole('button', { name: /^Unterhaltungen von / }).first();
    await showConversations.waitFor();
    const name = ((await showConversations.getAttribute('aria-label')) ?? '').replace(/^Unterhaltungen von /, '');
    await showConversations.click();
    const dialog = page.getByRole('dialog', { name: `Unterhaltungen von ${name}` });
    await dialog.waitFor();
    await expectAccessible(page, 'a contact’s conversations (de)');
    await shot('03-contact-conversations');
    const open = dialog.getByRole('button', { name: /^Unterhaltung über / });
    if ((await open.count()) === 0) {
      await dialog.getByText(`${name} hat keine Unterhaltungen mit diesem Chatbot.`).waitFor();
      await dialog.getByRole('button', { name: 'Schließen' }).click();
      return;
    }
    await open.first().click();
    await pane(name).waitFor();
    expect(await conversationList(page).getByRole('option', { selected: true }).textContent()).toContain(name);
  });
});

describe('the queue', () => {
  it('puts who waited longest first, with timers that tick, coloured by the agent’s thresholds', async () => {
    await nav('Posteingang').click();
    await tab(/^Wartend/).click();
    await page.getByRole('combobox', { name: 'Reihenfolge' }).waitFor();
    expect(await page.getByRole('combobox', { name: 'Reihenfolge' }).inputValue()).toBe('longestWaiting');
    const timers = conversationList(page).locator('.wait > span[aria-hidden="true"]');
    await expect.poll(() => timers.count()).toBeGreaterThan(3);
    const waits = (await timers.allTextContents()).map(waitSeconds);
    expect([...waits].sort((a, b) => b - a)).toEqual(waits);
    const first = await timers.first().textContent();
    await expect.poll(() => timers.first().textContent(), { timeout: 3_000 }).not.toBe(first);

    // Thresholds from the settings: with four hours for amber, who waited less (at the end of the queue) goes grey.
    await host.app.handlers['settings.set']({ waitWarnMinutes: 239, waitUrgentMinutes: 240 });
    await conversationList(page).evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await expect.poll(() => conversationList(page).locator('.wait-ok').count()).toBeGreaterThan(0);
    await conversationList(page).evaluate((el) => el.scrollTo({ top: 0 }));
    await shot('04-queue');
    await host.app.handlers['settings.set']({ waitWarnMinutes: 2, waitUrgentMinutes: 5 });
  });

  it('holds the rows while the agent is scrolled down; "N neue" brings the new one in', async () => {
    const rows = conversationList(page);
    const size = async () => Number(await rows.getByRole('option').first().getAttribute('aria-setsize'));
    await rows.evaluate((el) => el.scrollTo({ top: 240 }));
    // The rows in sight by name (their timers tick), once the list has settled there: the same
    // names over three reads 300 ms apart (a busy machine may still be laying the list out).
    const names = () => rows.locator('.inbox-name').allTextContents();
    let before = await names();
    let unchanged = 0;
    await expect
      .poll(
        async () => {
          const now = await names();
          unchanged = JSON.stringify(now) === JSON.stringify(before) ? unchanged + 1 : 0;
          before = now;
          return unchanged >= 3;
        },
        { interval: 300 },
      )
      .toBe(true);
    const count = await size();
    // A new customer waits for a person (the bot handed them over): they have waited least, but
    // new arrivals must not move the rows the agent is reading.
    const arrived = (await host.demo.customerMessage({ text: 'Ich brauche bitte einen Menschen.', contactName: 'Neue Kundin Ulla' })).body as { conversation: Conversation };
    await host.demo.request('PATCH', `/v1/chatbots/bot_shop/conversations/${arrived.conversation.id}`, { body: { status: 'waiting' } });
    const pill = page.getByRole('button', { name: '1 neue Unterhaltung' });
    await pill.waitFor();
    expect(await names()).toEqual(before);
    await shot('05-new-pill');
    await pill.click();
    await pill.waitFor({ state: 'detached' });
    await expect.poll(() => rows.evaluate((el) => el.scrollTop)).toBe(0);
    // In the queue the one who waited least goes last.
    await expect.poll(size).toBe(count + 1);
    await rows.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await rows.getByRole('option', { name: /^Neue Kundin Ulla/ }).waitFor();
  });
});

describe('assigning', () => {
  it('assigns to a colleague from the team picker, and undoes it', async () => {
    const target = await pickWaiting(host, 'bot_shop');
    await openByName(page, target.contactName);
    await pane(target.contactName).getByRole('button', { name: 'Zuweisen…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Einer Kollegin oder einem Kollegen zuweisen' });
    await dialog.getByRole('radio', { name: /^Jonas Weber/ }).waitFor();
    expect(await dialog.getByText(/Lena Hoffmann \(Sie\)/).count()).toBe(1);
    await dialog.getByText(/^(Online|Offline) · (Keine Unterhaltungen|\d+ Unterhaltungen?)$/).first().waitFor();
    await expectAccessible(page, 'assign dialog (de)');
    await shot('06-assign');
    await dialog.getByRole('radio', { name: /^Jonas Weber/ }).check();
    await dialog.getByRole('button', { name: 'Zuweisen', exact: true }).click();
    await expect.poll(async () => (await serverConversation(host, 'bot_shop', target.id)).assignedAgentId).toBe('agent_jonas');

    const done = toast(`${target.contactName} ist jetzt bei Jonas Weber.`);
    await done.waitFor();
    // The toast never covers the composer's Send button.
    const send = await pane(target.contactName).getByRole('button', { name: 'Senden' }).boundingBox();
    const box = await done.boundingBox();
    expect(box!.x + box!.width <= send!.x || box!.y + box!.height <= send!.y || send!.y + send!.height <= box!.y).toBe(true);
    await done.getByRole('button', { name: 'Rückgängig' }).click();
    await expect.poll(async () => (await serverConversation(host, 'bot_shop', target.id)).status).toBe('waiting');
    await toast('Rückgängig gemacht.').last().waitFor();
  });

  it('takes a colleague’s conversation only after a confirmation naming them', async () => {
    const held = (await serverConversations(host, 'bot_shop')).find((c) => c.status === 'assigned' && c.assignedAgentId === 'agent_jonas' && !c.archived);
    if (!held) throw new Error('the demo has no conversation of Jonas Weber');
    await tab(/^Alle/).click();
    await openByName(page, held.contactName);
    await pane(held.contactName).getByRole('button', { name: 'Mir zuweisen' }).click();
    const confirm = page.getByRole('dialog', { name: 'Von Jonas Weber übernehmen?' });
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain(held.contactName);
    await shot('07-take-over');
    await confirm.getByRole('button', { name: 'Von Jonas Weber übernehmen' }).click();
    await expect.poll(async () => (await serverConversation(host, 'bot_shop', held.id)).assignedAgentId).toBe('agent_lena');
    // Undo gives it back to Jonas.
    await toast(`Sie haben ${held.contactName} übernommen.`).getByRole('button', { name: 'Rückgängig' }).click();
    await expect.poll(async () => (await serverConversation(host, 'bot_shop', held.id)).assignedAgentId).toBe('agent_jonas');
  });

  it('archives and hands back with an undo too', async () => {
    const target = await pickWaiting(host, 'bot_shop');
    await tab(/^Wartend/).click();
    await openByName(page, target.contactName);
    await pane(target.contactName).getByRole('button', { name: 'Archivieren' }).click();
    await toast(`${target.contactName} archiviert.`).getByRole('button', { name: 'Rückgängig' }).click();
    await expect.poll(async () => (await serverConversation(host, 'bot_shop', target.id)).archived).toBe(false);
    await toast('Rückgängig gemacht.').last().waitFor();

    // From waiting, handing back has no way back (nothing makes it wait for a person again): no Undo.
    await pane(target.contactName).getByRole('button', { name: 'An Bot übergeben' }).click();
    await page.getByRole('dialog', { name: 'Unterhaltung an den Bot übergeben?' }).getByRole('button', { name: 'Übergeben' }).click();
    const handed = toast(`${target.contactName} ist wieder beim Bot.`);
    await handed.waitFor();
    expect(await handed.getByRole('button', { name: 'Rückgängig' }).count()).toBe(0);
    expect(app.problems).toEqual([]);
  });
});
