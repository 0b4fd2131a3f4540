// Start, sign-in and sign-out: what the store holds about the session comes from main here, and
// the contract events keep it current afterwards (events.ts).
import type { CallInput } from '../../../shared/ipc';
import { call } from '../../api';
import { getState } from '../store';
import { describeError } from '../describe-error';
import { attempt, toast } from './feedback';
import { migrateLanguageChoice } from './preferences';
import { sortOf } from '../slices/inbox-view';

export async function bootstrap(): Promise<void> {
  try {
    await load();
  } finally {
    // Even when main could not answer, leave the splash: sign-in shows and can try again.
    getState().finishBoot();
  }
}

async function load(): Promise<void> {
  const [session, settings, appInfo, presence, push, team, update] = await Promise.all([
    call('session.state', {}),
    call('settings.get', {}),
    call('app.info', {}),
    call('presence.get', {}),
    call('push.state', {}),
    call('agents.online', {}),
    call('update.state', {}),
  ]);
  const store = getState();
  store.receiveAppInfo(appInfo);
  // The language is settled before the splash ends, so the first screen speaks the right one.
  store.receiveSettings(await migrateLanguageChoice(settings));
  store.receiveSession(session);
  store.receivePresence(presence);
  store.receivePush(push);
  store.receiveTeam(team);
  store.receiveUpdate(update);
  if (session.accounts.length > 0) await loadInbox();
}

/** The newest of the view in sight: what the first screen shows. */
const FIRST_PAGE = 50;
/** The rest comes in pages this large, each its own task in the renderer (~10 ms at 50,000). */
const PAGE = 2000;
/** A newer load (another account signed in) makes an older one stop. */
let loads = 0;

/**
 * The first screen first, from one small page of the view in sight; then every conversation,
 * page by page in the background, so a big inbox never holds up the first screen nor blocks the
 * window for long. Resolves once the first page is in. Live changes arrive meanwhile as events;
 * pages only add and refresh by key, so neither undoes the other, and counts show once the last
 * page is in.
 */
export async function loadInbox(): Promise<void> {
  const load = ++loads;
  const store = getState();
  store.inboxLoading();
  // In the view's own order: the Waiting queue's head is who waited longest, not the newest.
  const first = await call('inbox.page', { filter: store.filter, order: sortOf(store), limit: FIRST_PAGE });
  if (load !== loads) return;
  getState().receiveInboxPage(first.conversations, false);
  void loadEverything(load).catch((error: unknown) => toast(describeError(error)));
}

async function loadEverything(load: number): Promise<void> {
  let after: string | undefined;
  do {
    const page = await call('inbox.page', { limit: PAGE, ...(after !== undefined && { after }) });
    if (load !== loads) return;
    getState().receiveInboxPage(page.conversations, page.next === null);
    after = page.next ?? undefined;
  } while (after !== undefined);
}

export async function openDemo(): Promise<void> {
  await call('session.openDemo', {});
  await loadInbox();
}

/** What a key reaches, for the agent to pick from (Botpress); nothing is stored. */
export function discover(input: CallInput<'session.discover'>) {
  return call('session.discover', input);
}

export async function signIn(input: CallInput<'session.addAccount'>): Promise<void> {
  await call('session.addAccount', input);
  await loadInbox();
}

export async function signOut(accountId: string): Promise<void> {
  await attempt(() => call('session.signOut', { accountId }));
  getState().deselectAccount(accountId);
}

/** "Reconnect now": the result shows in the connection state, failures included. */
export async function reconnect(accountId: string): Promise<void> {
  await attempt(() => call('session.reconnect', { accountId }));
}
