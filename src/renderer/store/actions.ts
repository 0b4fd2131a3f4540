// What the agent can do, as module-level actions: each calls the contract and puts the answer
// in the store; a failure becomes a toast (and, for a reply, leaves the draft untouched).
import i18next from 'i18next';
import type { CallInput } from '../../shared/ipc';
import type { ConversationRef, InboxConversation, Settings } from '../../shared/view-models';
import { UiError, call } from '../api';
import { describeError } from './describe-error';
import { mergeMessages, mergeOutbox } from './events';
import { getState, setState, type LanguageChoice, type Section, type ThemeChoice } from './store';

let toastId = 0;

export function toast(message: string, kind: 'error' | 'info' = 'error'): void {
  const id = ++toastId;
  setState((s) => ({ toasts: [...s.toasts.slice(-3), { id, kind, message }] }));
  setTimeout(() => dismissToast(id), kind === 'error' ? 8000 : 4000);
}

export function dismissToast(id: number): void {
  setState((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) }));
}

/** Runs an action; a failure is shown as a toast and rethrown for callers that care. */
export async function attempt<T>(action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    toast(describeError(error));
    throw error;
  }
}

export const refOf = (c: Pick<InboxConversation, 'accountId' | 'chatbotId' | 'id'>): ConversationRef => ({
  accountId: c.accountId,
  chatbotId: c.chatbotId,
  conversationId: c.id,
});

function refForKey(key: string): ConversationRef {
  const [accountId = '', chatbotId = '', conversationId = ''] = key.split('/');
  return { accountId, chatbotId, conversationId };
}

export async function bootstrap(): Promise<void> {
  try {
    await load();
  } finally {
    // Even when main could not answer, leave the splash: sign-in shows and can try again.
    setState({ booted: true });
  }
}

async function load(): Promise<void> {
  const [session, settings, presence, push, team, update] = await Promise.all([
    call('session.state', {}),
    call('settings.get', {}),
    call('presence.get', {}),
    call('push.state', {}),
    call('agents.online', {}),
    call('update.state', {}),
  ]);
  setState({
    session,
    settings,
    presence,
    push,
    team,
    update,
    connections: Object.fromEntries(session.accounts.map((a) => [a.id, a.connection])),
  });
  if (session.accounts.length > 0) await loadInbox();
}

export async function loadInbox(): Promise<void> {
  const list = await call('inbox.list', {});
  setState({ conversations: new Map(list.map((c) => [c.key, c])) });
}

export async function openDemo(): Promise<void> {
  await call('session.openDemo', {});
  await loadInbox();
}

export async function signIn(input: CallInput<'session.addAccount'>): Promise<void> {
  await call('session.addAccount', input);
  await loadInbox();
}

export async function signOut(accountId: string): Promise<void> {
  await attempt(() => call('session.signOut', { accountId }));
  setState((s) => ({ selectedKey: s.selectedKey?.startsWith(`${accountId}/`) ? null : s.selectedKey }));
}

/** "Reconnect now": the result shows in the connection state, failures included. */
export async function reconnect(accountId: string): Promise<void> {
  await attempt(() => call('session.reconnect', { accountId }));
}

/** Wait before opening, so holding ↓ through the list opens only where the agent stops. */
const OPEN_SETTLE_MS = 90;

export async function selectConversation(key: string | null): Promise<void> {
  setState({ selectedKey: key });
  if (key) await new Promise((resolve) => setTimeout(resolve, OPEN_SETTLE_MS));
  if (getState().selectedKey !== key) return;
  void call('conversation.focus', { ref: key ? refForKey(key) : null }).catch(() => undefined);
  if (!key) return;
  const ref = refForKey(key);
  const existing = getState().threads[key];
  setState((s) => ({
    threads: { ...s.threads, [key]: { messages: existing?.messages ?? [], hasOlder: existing?.hasOlder ?? false, loading: true, loadingOlder: false, error: null } },
  }));
  try {
    const detail = await call('conversation.open', { ref });
    setState((s) => ({
      threads: {
        ...s.threads,
        [key]: { messages: mergeMessages(s.threads[key]?.messages ?? [], detail.messages), hasOlder: detail.hasOlder, loading: false, loadingOlder: false, error: null },
      },
      outbox: mergeOutbox(s.outbox, detail.outbox),
      conversations: new Map(s.conversations).set(key, detail.conversation),
    }));
    if (detail.conversation.unreadCount > 0) markRead(key);
  } catch (error) {
    const uiError = error instanceof UiError ? error : new UiError({ code: 'Internal', message: String(error) });
    setState((s) => ({ threads: { ...s.threads, [key]: { ...s.threads[key]!, loading: false, error: uiError } } }));
  }
}

/** Best effort: a failed mark-read only leaves the badge up, which the next open clears. */
export function markRead(key: string): void {
  void call('conversation.markRead', { ref: refForKey(key) }).catch(() => undefined);
}

export async function loadOlder(key: string): Promise<void> {
  const thread = getState().threads[key];
  const oldest = thread?.messages[0];
  if (!thread || !oldest || thread.loadingOlder || !thread.hasOlder) return;
  setState((s) => ({ threads: { ...s.threads, [key]: { ...thread, loadingOlder: true } } }));
  try {
    const page = await call('conversation.loadOlder', { ref: refForKey(key), beforeId: oldest.id });
    setState((s) => ({
      threads: { ...s.threads, [key]: { ...s.threads[key]!, messages: mergeMessages(s.threads[key]!.messages, page.messages), hasOlder: page.hasOlder, loadingOlder: false } },
    }));
  } catch (error) {
    setState((s) => ({ threads: { ...s.threads, [key]: { ...s.threads[key]!, loadingOlder: false } } }));
    toast(describeError(error));
  }
}

export function setDraft(key: string, text: string): void {
  setState((s) => {
    const drafts = { ...s.drafts };
    if (text === '') delete drafts[key];
    else drafts[key] = text;
    localStorage.setItem('deckhand.drafts', JSON.stringify(drafts));
    return { drafts };
  });
}

/** Sends the draft; it is cleared only once the reply is safely in the outbox. */
export async function sendReply(key: string): Promise<void> {
  const text = getState().drafts[key]?.trim();
  if (!text) return;
  const item = await attempt(() => call('conversation.reply', { ref: refForKey(key), text }));
  setState((s) => ({ outbox: mergeOutbox(s.outbox, [item]) }));
  setDraft(key, '');
}

export async function retryReply(clientMessageId: string): Promise<void> {
  const item = await attempt(() => call('outbox.retry', { clientMessageId }));
  setState((s) => ({ outbox: mergeOutbox(s.outbox, [item]) }));
}

const applyConversation = (c: InboxConversation) => setState((s) => ({ conversations: new Map(s.conversations).set(c.key, c) }));

export const setArchived = async (key: string, archived: boolean) =>
  applyConversation(await attempt(() => call('conversation.setArchived', { ref: refForKey(key), archived })));
export const assignToMe = async (key: string) => applyConversation(await attempt(() => call('conversation.assignToMe', { ref: refForKey(key) })));
export const handBack = async (key: string) => applyConversation(await attempt(() => call('conversation.handBack', { ref: refForKey(key) })));
export async function triggerEvent(key: string, event: string): Promise<void> {
  await attempt(() => call('conversation.customEvent', { ref: refForKey(key), event }));
  toast(i18next.t('common.eventTriggered', { event }), 'info');
}

export async function setOnline(online: boolean): Promise<void> {
  // The toggle shows the intent at once; main's presence.changed brings the server's answer.
  setState((s) => ({ presence: s.presence && { ...s.presence, intent: online, pending: true, lostRace: false } }));
  setState({ presence: await attempt(() => call('presence.set', { online })) });
}

export async function updateSettings(patch: Partial<Settings>): Promise<void> {
  setState({ settings: await attempt(() => call('settings.set', patch)) });
}

export function setSection(section: Section): void {
  setState({ section });
}

export function setTheme(theme: ThemeChoice): void {
  localStorage.setItem('deckhand.theme', theme);
  setState({ theme });
}

export function setLanguageChoice(language: LanguageChoice): void {
  localStorage.setItem('deckhand.language', language);
  setState({ language });
}

/** "Restart to update": main restarts now, or once the outbox has sent every reply. */
export async function restartToUpdate(): Promise<void> {
  const update = await attempt(() => call('update.restart', {}));
  setState({ update });
}
