// The bot's side of a handover, as Botpress's hitl plugin does it, with Deckhand as the desk:
// - start: the customer's conversation gets a desk conversation (channel `hitl`), linked both
//   ways by tags (`downstream` on the customer's, `upstream` on the desk's), and the customer a
//   stand-in user on the desk side; the `hitl` state of both says the handover is active.
// - while active, the customer's messages are relayed into the desk conversation as outgoing
//   messages (payload.userId = the stand-in), and an agent's messages there back to the
//   customer; `hitlAssigned` names the agent, `hitlStopped` (or the customer's /end) ends it.
// The desk conversation's `hitlStatus` tag (waiting, assigned, stopped) lets a desk poll for
// work by tag instead of reading every state.
import type { BotpressChat } from '../chat';
import { BpError } from '../errors';
import type { Conversation } from '../store/conversations';
import type { Message } from '../store/messages';
import type { User } from '../store/users';
import { HITL_CHANNEL, HITL_INTEGRATION, HITL_STATE } from './definition';
import { lines, languageOf, type Lines } from './lines';
import type { MessageContent } from '../../../shared/domain';

export type HitlStatus = 'waiting' | 'assigned' | 'stopped';

/** Successive times from `at` (history), or undefined (now) for live writes. */
export type Clock = () => string | undefined;
export const live: Clock = () => undefined;
export function from(at: number): Clock {
  let next = at;
  return () => new Date(next++).toISOString();
}

// How much of the conversation so far the desk gets to see when a handover starts.
const HISTORY = 12;

export class Handover {
  constructor(private readonly chat: BotpressChat) {}

  isDesk(conversation: Conversation): boolean {
    return conversation.integration === HITL_INTEGRATION;
  }

  active(botId: string, conversationId: string): boolean {
    return this.chat.states.get(botId, { type: 'conversation', id: conversationId, name: HITL_STATE })?.payload.hitlActive === true;
  }

  linesFor(botId: string, user: User | undefined, text?: string): Lines {
    return lines[languageOf(user?.tags.language, text)];
  }

  /** The customer of a conversation: the author of its latest incoming message. */
  customerOf(botId: string, conversationId: string): User | undefined {
    const incoming = this.chat.messages.list(botId, { conversationId }, { pageSize: 50 }).items.find((m) => m.direction === 'incoming');
    return incoming && this.chat.users.get(botId, incoming.userId);
  }

  /** Opens the desk conversation for a customer's conversation, or returns the open one. */
  start(botId: string, customerConversationId: string, input: { userId?: string; title?: string; description?: string }, clock: Clock = live): Conversation {
    const customerConversation = this.chat.conversations.require(botId, customerConversationId);
    if (this.isDesk(customerConversation)) throw new BpError('InvalidPayload', `${customerConversationId} is a desk conversation, not a customer's`);
    const open = customerConversation.tags.downstream && this.chat.conversations.get(botId, customerConversation.tags.downstream);
    if (open && this.active(botId, customerConversationId)) return open;
    const customer = input.userId ? this.chat.users.require(botId, input.userId) : this.customerOf(botId, customerConversationId);
    if (!customer) throw new BpError('InvalidPayload', `conversation ${customerConversationId} has no customer message yet`);
    const say = this.linesFor(botId, customer);
    const history = this.chat.messages.list(botId, { conversationId: customerConversationId }, { pageSize: HISTORY }).items.reverse();

    this.reply(botId, customerConversationId, { type: 'text', payload: { text: say.handoff } }, clock);
    const standIn = this.standIn(botId, customer, clock);
    const desk = this.chat.createConversation(
      botId,
      {
        channel: HITL_CHANNEL,
        integration: HITL_INTEGRATION,
        tags: { upstream: customerConversationId, hitlStatus: 'waiting', title: (input.title ?? say.title(customer.name ?? customer.id)).slice(0, 200) },
      },
      { ...at(clock) },
    );
    this.chat.conversations.update(botId, customerConversationId, { tags: { downstream: desk.id } }, clock());
    for (const message of history) {
      const payload = this.chat.messages.storedPayload(botId, message.id);
      const onBehalf = message.direction === 'incoming' ? { userId: standIn.id } : {};
      this.write(botId, desk.id, message.type, { ...payload, ...onBehalf }, { relayOf: message.id }, clock);
    }
    if (input.description) this.write(botId, desk.id, 'text', { text: input.description.slice(0, 2000) }, {}, clock);
    this.setActive(botId, [customerConversationId, desk.id], true);
    this.chat.health.log(botId, 'info', `HITL session started: ${desk.id}`, { conversationId: customerConversationId, userId: customer.id }, clock());
    return this.chat.conversations.require(botId, desk.id);
  }

  /**
   * A customer's message, passed on to the desk while the handover is active. When the desk
   * conversation is gone, the handover is over: the customer is told, as the hitl plugin does.
   */
  relayToDesk(botId: string, customerConversation: Conversation, message: Message, clock: Clock = live): void {
    const deskId = customerConversation.tags.downstream;
    const customer = this.chat.users.get(botId, message.userId);
    if (!customer) return;
    if (!deskId || !this.chat.conversations.get(botId, deskId)) {
      this.setActive(botId, [customerConversation.id], false);
      this.reply(botId, customerConversation.id, { type: 'text', payload: { text: this.linesFor(botId, customer).lost } }, clock);
      this.chat.health.log(botId, 'error', 'HITL session aborted: its desk conversation is gone', { conversationId: customerConversation.id }, clock());
      return;
    }
    const standIn = this.standIn(botId, customer, clock);
    const payload = { ...this.chat.messages.storedPayload(botId, message.id), userId: standIn.id };
    this.write(botId, deskId, message.type, payload, { relayOf: message.id }, clock);
  }

  /** An agent's message, passed on to the customer; not while the handover is over. */
  relayToCustomer(botId: string, desk: Conversation, message: Message, clock: Clock = live): boolean {
    const customerConversationId = desk.tags.upstream;
    if (!customerConversationId || !this.active(botId, desk.id) || !this.chat.conversations.get(botId, customerConversationId)) {
      this.chat.health.log(botId, 'warn', `Agent message ${message.id} not relayed: the handover is not active`, { conversationId: desk.id, userId: message.userId }, clock());
      return false;
    }
    const { userId: _onBehalf, ...payload } = this.chat.messages.storedPayload(botId, message.id);
    this.write(botId, customerConversationId, message.type, payload, { relayOf: message.id }, clock);
    return true;
  }

  /** hitlAssigned: the agent took it. False when the handover is not active (the event is ignored). */
  assign(botId: string, deskId: string, agentUserId: string, clock: Clock = live): boolean {
    const desk = this.chat.conversations.require(botId, deskId);
    const customerConversationId = desk.tags.upstream;
    if (!customerConversationId || !this.active(botId, deskId)) return false;
    const agent = this.chat.users.require(botId, agentUserId);
    const name = agent.name ?? 'A Human Agent';
    const customer = this.customerOf(botId, customerConversationId);
    this.reply(botId, customerConversationId, { type: 'text', payload: { text: this.linesFor(botId, customer).assigned(name) } }, clock);
    const agentTags = { humanAgentId: agent.id, humanAgentName: name.slice(0, 200) };
    this.chat.conversations.update(botId, deskId, { tags: { ...agentTags, hitlStatus: 'assigned' } }, clock());
    this.chat.conversations.update(botId, customerConversationId, { tags: agentTags }, clock());
    this.chat.health.log(botId, 'info', `HITL session assigned to ${name}`, { conversationId: deskId, userId: agent.id }, clock());
    return true;
  }

  /** The customer's /end: ends the handover, or just the flag when its desk conversation is gone. */
  endByCustomer(botId: string, customerConversation: Conversation): void {
    const deskId = customerConversation.tags.downstream;
    if (deskId && this.chat.conversations.get(botId, deskId) && this.stop(botId, deskId, 'customer')) return;
    this.setActive(botId, [customerConversation.id], false);
    this.reply(botId, customerConversation.id, { type: 'text', payload: { text: this.linesFor(botId, this.customerOf(botId, customerConversation.id)).closedByCustomer } });
  }

  /** Ends the handover: by the desk (hitlStopped, stopHitl) or by the customer's /end. */
  stop(botId: string, deskId: string, by: 'desk' | 'customer', clock: Clock = live): boolean {
    const desk = this.chat.conversations.require(botId, deskId);
    if (!this.isDesk(desk)) throw new BpError('InvalidPayload', `${deskId} is not a desk conversation (channel ${HITL_CHANNEL})`);
    const customerConversationId = desk.tags.upstream;
    if (!customerConversationId || !this.active(botId, deskId)) return false;
    const say = this.linesFor(botId, this.customerOf(botId, customerConversationId));
    if (by === 'customer') this.write(botId, deskId, 'text', { text: say.customerLeft }, {}, clock);
    this.reply(botId, customerConversationId, { type: 'text', payload: { text: by === 'customer' ? say.closedByCustomer : say.stopped } }, clock);
    this.setActive(botId, [customerConversationId, deskId], false);
    this.chat.conversations.update(botId, deskId, { tags: { hitlStatus: 'stopped' } }, clock());
    this.chat.health.log(botId, 'info', `HITL session stopped by the ${by}`, { conversationId: deskId }, clock());
    return true;
  }

  /** The bot's message in a conversation. */
  reply(botId: string, conversationId: string, content: MessageContent, clock: Clock = live): Message {
    return this.write(botId, conversationId, content.type, content.payload as Record<string, unknown>, {}, clock);
  }

  private write(botId: string, conversationId: string, type: Message['type'], payload: Record<string, unknown>, tags: Record<string, string>, clock: Clock): Message {
    return this.chat.createMessage(botId, { conversationId, userId: botId, direction: 'outgoing', type, payload, tags }, at(clock));
  }

  /** The customer's user on the desk side, made once and linked by tags both ways. */
  private standIn(botId: string, customer: User, clock: Clock): User {
    const linked = customer.tags.downstream && this.chat.users.get(botId, customer.tags.downstream);
    if (linked) return linked;
    const time = clock();
    const standIn = this.chat.createUser(
      botId,
      { tags: { upstream: customer.id }, ...(customer.name && { name: customer.name }), ...(customer.pictureUrl && { pictureUrl: customer.pictureUrl }) },
      time ? { at: time } : {},
    );
    this.chat.users.update(botId, customer.id, { tags: { downstream: standIn.id } }, time);
    return standIn;
  }

  private setActive(botId: string, conversationIds: string[], hitlActive: boolean): void {
    for (const id of conversationIds) this.chat.states.set(botId, { type: 'conversation', id, name: HITL_STATE }, { hitlActive });
  }
}

const at = (clock: Clock): { at?: string } => {
  const time = clock();
  return time ? { at: time } : {};
};
