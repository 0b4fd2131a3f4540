// What the agent does with a conversation: open it (and page back), mark it read, reply, retry a
// failed reply, archive, assign, hand back to the bot, trigger a custom event. Each calls the
// contract and hands main's answer to the slices; a failure becomes a toast (and, for a reply,
// leaves the draft untouched).
import i18next from 'i18next';
import { parseConversationKey } from '../../../shared/keys';
import type { ConversationRef, InboxConversation } from '../../../shared/view-models';
import { UiError, call } from '../../api';
import { describeError } from '../describe-error';
import { getState } from '../store';
import { attempt, toast } from './feedback';

/** The ids in a key the store holds; every such key came from main, so it parses. */
function refForKey(key: string): ConversationRef {
  const ref = parseConversationKey(key);
  if (!ref) throw new Error(`not a conversation key: ${key}`);
  return ref;
}

/** Wait before opening, so holding ↓ through the list opens only where the agent stops. */
const OPEN_SETTLE_MS = 90;

export async function selectConversation(key: string | null): Promise<void> {
  getState().select(key);
  if (key) await new Promise((resolve) => setTimeout(resolve, OPEN_SETTLE_MS));
  if (getState().selectedKey !== key) return;
  void call('conversation.focus', { ref: key ? refForKey(key) : null }).catch(() => undefined);
  if (!key) return;
  getState().openingThread(key);
  try {
    const detail = await call('conversation.open', { ref: refForKey(key) });
    getState().receiveThread(key, detail);
    getState().receiveInboxChange([detail.conversation]);
    if (detail.conversation.unreadCount > 0) markRead(key);
  } catch (error) {
    getState().threadFailed(key, error instanceof UiError ? error : new UiError({ code: 'Internal', message: String(error) }));
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
  getState().loadingOlder(key);
  try {
    getState().receiveOlder(key, await call('conversation.loadOlder', { ref: refForKey(key), beforeId: oldest.id }));
  } catch (error) {
    getState().olderFailed(key);
    toast(describeError(error));
  }
}

/** Sends the draft; it is cleared only once the reply is safely in the outbox. */
export async function sendReply(key: string): Promise<void> {
  const text = getState().drafts[key]?.trim();
  if (!text) return;
  const item = await attempt(() => call('conversation.reply', { ref: refForKey(key), text }));
  getState().receiveOutbox([item]);
  getState().setDraft(key, '');
}

export async function retryReply(clientMessageId: string): Promise<void> {
  getState().receiveOutbox([await attempt(() => call('outbox.retry', { clientMessageId }))]);
}

const applyConversation = (c: InboxConversation) => getState().receiveInboxChange([c]);

export const setArchived = async (key: string, archived: boolean) =>
  applyConversation(await attempt(() => call('conversation.setArchived', { ref: refForKey(key), archived })));
export const assignToMe = async (key: string) => applyConversation(await attempt(() => call('conversation.assignToMe', { ref: refForKey(key) })));
export const assignTo = async (key: string, agentId: string) =>
  applyConversation(await attempt(() => call('conversation.assign', { ref: refForKey(key), agentId })));
export const unassign = async (key: string) => applyConversation(await attempt(() => call('conversation.unassign', { ref: refForKey(key) })));
export const handBack = async (key: string) => applyConversation(await attempt(() => call('conversation.handBack', { ref: refForKey(key) })));

/** `payload`: data for the chatbot's flow, already checked as JSON (shared/custom-events.ts). */
export async function triggerEvent(key: string, event: string, payload?: Record<string, unknown>): Promise<void> {
  const before = getState().conversations.get(key)?.status;
  const after = await attempt(() => call('conversation.customEvent', { ref: refForKey(key), event, ...(payload && { payload }) }));
  applyConversation(after);
  // Where the event gave the conversation back to the bot (ChatCaptain's step payload), say so too.
  const handedBack = before !== undefined && before !== 'bot' && after.status === 'bot';
  toast(handedBack ? i18next.t('common.eventTriggeredHandedBack', { event, customer: after.contactName }) : i18next.t('common.eventTriggered', { event }), 'info');
}
