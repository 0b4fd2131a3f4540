// Botpress's hitl shapes → Deckhand's domain. A desk conversation (channel `hitl`) is the
// conversation Deckhand shows; its customer comes from the linked customer conversation
// (directory.ts). In it the bot relays the customer's messages as outgoing ones on their behalf
// (payload.userId), writes its own as outgoing ones without, and agents write incoming ones as
// their own users.
import { MessageContent, type Conversation, type ConversationStatus, type Message } from '../../../../shared/domain';
import type { Customer } from './directory';
import type { WireConversation, WireMessage } from './wire';

/** The Deckhand agent (Botpress account) behind a user id, for users who are agents. */
export type AgentOf = (userId: string) => string | undefined;

/** The content as Deckhand shows it; a kind Deckhand does not draw shows its text, or its name. */
function contentOf(wire: WireMessage): MessageContent {
  const parsed = MessageContent.safeParse({ type: wire.type, payload: wire.payload });
  if (parsed.success) return parsed.data;
  const text = [wire.payload.text, wire.payload.markdown].find((t): t is string => typeof t === 'string' && t !== '');
  return { type: 'text', payload: { text: text ?? `(${wire.type})` } };
}

export function toMessage(wire: WireMessage, agentOf: AgentOf): Message {
  const relayedFor = typeof wire.payload.userId === 'string' ? wire.payload.userId : undefined;
  const who: Pick<Message, 'sender' | 'agentId'> =
    wire.direction === 'incoming' ? { sender: 'agent', agentId: agentOf(wire.userId) ?? wire.userId } : { sender: relayedFor ? 'contact' : 'bot' };
  const clientMessageId = wire.tags.clientMessageId;
  return {
    id: wire.id,
    conversationId: wire.conversationId,
    ...who,
    ...(clientMessageId !== undefined && { clientMessageId }),
    createdAt: wire.createdAt,
    ...contentOf(wire),
  };
}

const statusOf = (hitlStatus: string | undefined): ConversationStatus => (hitlStatus === 'assigned' ? 'assigned' : hitlStatus === 'stopped' ? 'bot' : 'waiting');

/**
 * Botpress keeps no read state. What a desk owes is an answer, so a handover counts the
 * customer's messages since a person last wrote in it (within the newest page); one handed
 * back to the bot owes nothing.
 */
export function unansweredCount(newestFirst: readonly Message[], status: ConversationStatus): number {
  if (status === 'bot') return 0;
  let count = 0;
  for (const message of newestFirst) {
    if (message.sender === 'agent') break;
    if (message.sender === 'contact') count++;
  }
  return count;
}

/** `recent`: the desk conversation's newest messages, newest first. */
export function toConversation(botId: string, desk: WireConversation, customer: Customer, recent: readonly WireMessage[], agentOf: AgentOf): Conversation {
  const status = statusOf(desk.tags.hitlStatus);
  const messages = recent.map((m) => toMessage(m, agentOf));
  const humanAgent = desk.tags.humanAgentId;
  const lastMessage = messages[0];
  return {
    id: desk.id,
    chatbotId: botId,
    contactId: customer.userId || desk.id,
    contactName: customer.name,
    ...(customer.handle !== undefined && { contactHandle: customer.handle }),
    channelId: customer.channelId,
    channelName: customer.channelName,
    archived: false,
    status,
    assignedAgentId: status === 'assigned' && humanAgent ? (agentOf(humanAgent) ?? humanAgent) : null,
    unreadCount: unansweredCount(messages, status),
    ...(lastMessage && { lastMessage }),
    createdAt: desk.createdAt,
    updatedAt: desk.updatedAt,
  };
}
