// Start, sign-in and sign-out: what the store holds about the session comes from main here, and
// the contract events keep it current afterwards (events.ts).
import type { CallInput } from '../../../shared/ipc';
import { call } from '../../api';
import { getState } from '../store';
import { attempt } from './feedback';
import { migrateLanguageChoice } from './preferences';

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

export async function loadInbox(): Promise<void> {
  getState().receiveInbox(await call('inbox.list', {}));
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
