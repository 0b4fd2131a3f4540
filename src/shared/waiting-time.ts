// How long a customer has waited for a person: THE rule, for the Waiting queue's order, the
// wait timers on its rows and in the conversation header. Main applies it to the messages it
// holds and stores the answer with the conversation (InboxConversation.waitingSince); where it
// has not, the conversation's last message is all there is to go by.
import { isWaiting } from './conversation-rules';
import type { Conversation, Message } from './domain';
import type { InboxConversation } from './view-models';

type Said = Pick<Message, 'sender' | 'createdAt'>;
type Waits = Pick<Conversation, 'status' | 'assignedAgentId' | 'archived' | 'createdAt'>;

/**
 * Since when the customer waits for a person: their first message after a person last wrote to
 * them (bot replies do not count: they were waiting for a person). A conversation in the queue
 * waits even when the customer has said nothing since (it was handed over): then since the
 * first message after a person's, or the last one. Null when nobody is waited for: the bot or
 * nobody handles it, it is archived, or a person answered the customer's last word.
 * `messages` oldest first; any tail of the conversation will do.
 */
export function waitingSince(conversation: Waits, messages: readonly Said[]): string | null {
  const { status, archived } = conversation;
  if (archived || status === 'bot' || status === 'closed') return null;
  let lastPerson = -1;
  for (let i = messages.length - 1; i >= 0; i--) {
    if (messages[i]!.sender === 'agent') {
      lastPerson = i;
      break;
    }
  }
  const since = messages.slice(lastPerson + 1);
  const firstWord = since.find((m) => m.sender === 'contact');
  if (firstWord) return firstWord.createdAt;
  if (!isWaiting(conversation)) return null;
  return since[0]?.createdAt ?? messages.at(-1)?.createdAt ?? conversation.createdAt;
}

/** The wait as main worked it out, or else from the last message alone. */
export function waitStart(conversation: InboxConversation): string | null {
  if (conversation.waitingSince !== undefined) return conversation.waitingSince;
  return waitingSince(conversation, conversation.lastMessage ? [conversation.lastMessage] : []);
}

/** Epoch ms of when the wait began, or null when nobody is waited for: the queue's order. */
export function waitStartMs(conversation: InboxConversation): number | null {
  const since = waitStart(conversation);
  const ms = since === null ? NaN : Date.parse(since);
  return Number.isNaN(ms) ? null : ms;
}

/** Milliseconds waited at `now`, or null when nobody is waited for. */
export function waitedMs(conversation: InboxConversation, now: number): number | null {
  const since = waitStartMs(conversation);
  return since === null ? null : Math.max(0, now - since);
}
