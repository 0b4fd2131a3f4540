// Which live changes deserve a desktop notification, and what it says. Pure: the notifier and
// its tests hand in the change and everything it depends on.
//
// The agent is told about work that is theirs to pick up: a conversation that starts waiting for
// a person, a customer writing in a conversation that is theirs (or waiting for anyone), and a
// conversation someone else assigned to them. Never about their own actions, bots, archived
// conversations, the conversation they are looking at, or anything while they asked for quiet.
import { isMine, isWaiting } from '../../../shared/conversation-rules';
import type { Conversation, Message, MessageType } from '../../../shared/domain';
import { conversationKey, type ConversationRef } from '../../../shared/keys';
import { oneLine, summarize } from '../../../shared/message-summary';
import type { Language, Settings } from '../../../shared/view-models';

/** A live change, as sync sees it (never the initial load: that would notify the whole inbox). */
export type IncomingChange =
  | { type: 'conversation'; accountId: string; from: Conversation | null; to: Conversation }
  /** `conversation` is its state after the message. */
  | { type: 'message'; accountId: string; conversation: Conversation; message: Message };

export interface NotifyContext {
  /** accountId → the agent that account's key speaks for. */
  myAgentIds: Readonly<Record<string, string>>;
  /** refKey of the conversation open in the window, or null. */
  openKey: string | null;
  windowFocused: boolean;
  settings: Pick<Settings, 'desktopNotifications' | 'doNotDisturb' | 'sound'>;
  language: Language;
  /** Keys the agent assigned to themselves from this app recently: that assignment is theirs. */
  selfAssigned?: ReadonlySet<string>;
}

export type NotifyReason = 'waiting' | 'message' | 'assigned';

export interface PlannedNotification {
  key: string;
  ref: ConversationRef;
  reason: NotifyReason;
  /** What this is about, so that a conversation turning waiting and the message that did it count once. */
  eventId: string;
  title: string;
  body: string;
  silent: boolean;
}

const kindLabels: Record<Language, Record<Exclude<MessageType, 'text' | 'choice' | 'dropdown'>, string>> = {
  de: { image: 'Bild', card: 'Karte', carousel: 'Karussell', file: 'Datei', audio: 'Sprachnachricht', video: 'Video', location: 'Standort' },
  en: { image: 'image', card: 'card', carousel: 'carousel', file: 'file', audio: 'voice message', video: 'video', location: 'location' },
};

const text = {
  de: { waiting: 'Wartet auf eine Antwort', assigned: 'Dir zugewiesen' },
  en: { waiting: 'Waiting for a reply', assigned: 'Assigned to you' },
} as const;

const MAX_PREVIEW = 140;

/** A one-line preview of a message: its words, or its kind in brackets plus what names it. */
export function preview(message: Message, language: Language): string {
  const { kind, text: words, detail } = summarize(message);
  if (kind === 'text' || kind === 'choice' || kind === 'dropdown') return oneLine(words ?? '', MAX_PREVIEW);
  const label = `[${kindLabels[language][kind]}]`;
  return oneLine(detail ? `${label} ${detail}` : label, MAX_PREVIEW);
}

const refOf = (accountId: string, conversation: Conversation): ConversationRef => ({
  accountId,
  chatbotId: conversation.chatbotId,
  conversationId: conversation.id,
});

/** Whether notifications may show at all right now for this conversation. */
export function mayNotify(key: string, context: NotifyContext): boolean {
  const { settings } = context;
  if (!settings.desktopNotifications || settings.doNotDisturb) return false;
  // The agent is reading it: the message appears in front of them.
  return !(context.windowFocused && context.openKey === key);
}

export function decide(change: IncomingChange, context: NotifyContext): PlannedNotification | null {
  const conversation = change.type === 'conversation' ? change.to : change.conversation;
  if (conversation.archived) return null;
  const ref = refOf(change.accountId, conversation);
  const key = conversationKey(ref);
  if (!mayNotify(key, context)) return null;
  const me = context.myAgentIds[change.accountId];
  const t = text[context.language];
  const plan = (reason: NotifyReason, eventId: string, body: string): PlannedNotification => ({
    key,
    ref,
    reason,
    eventId,
    title: conversation.contactName,
    body,
    silent: !context.settings.sound,
  });

  if (change.type === 'message') {
    const { message } = change;
    // Only customers: the agent's own replies, colleagues' replies and the bot are not news.
    if (message.sender !== 'contact') return null;
    if (!isMine(conversation, me) && !isWaiting(conversation)) return null;
    return plan('message', `message:${message.id}`, preview(message, context.language));
  }

  const { from, to } = change;
  const last = to.lastMessage;
  if (isMine(to, me) && !(from && isMine(from, me)) && !context.selfAssigned?.has(key)) {
    return plan('assigned', `assigned:${key}:${to.updatedAt}`, last ? `${t.assigned}: ${preview(last, context.language)}` : t.assigned);
  }
  if (isWaiting(to) && !(from && isWaiting(from))) {
    // Usually a customer's message made it wait: show it, and count it as that message, once.
    // A bot's hand-over line says less than "waiting".
    if (last?.sender === 'contact') return plan('waiting', `message:${last.id}`, preview(last, context.language));
    return plan('waiting', `waiting:${key}:${to.updatedAt}`, t.waiting);
  }
  return null;
}
