// Messages as the server's conversation store takes them: one added as it is (the API, the demo
// seed), an agent's reply (stored once per clientMessageId, taking the conversation over), pages
// of a conversation's history, and what every new message is followed by: message.created, the
// conversation's new state, and a push to the devices that want one. The rows themselves are
// messages.ts; the conversation writes (conversations.ts) store a contact's incoming message here too.
import type { Conversation, Message, MessageContent } from '../wire';
import type { Db } from '../db/database';
import type { EventSink } from '../realtime/hub';
import { ApiError, notFound } from '../http/errors';
import type { ConversationReads } from './conversation-reads';
import { MessageRows, toMessage, type NewMessage } from './messages';
import { pushForMessage } from './push';

export interface MessageToAdd {
  sender: 'contact' | 'bot' | 'agent';
  agentId?: string;
  content: MessageContent;
  createdAt?: string;
}

export interface Reply {
  conversationId: string;
  agentId: string;
  text: string;
  clientMessageId?: string;
}

export class ConversationMessages {
  private readonly rows: MessageRows;

  constructor(
    private readonly db: Db,
    private readonly events: EventSink,
    private readonly baseUrl: () => string,
    private readonly conversations: Pick<ConversationReads, 'get'>,
  ) {
    this.rows = new MessageRows(db);
  }

  /**
   * Stores a message (see MessageRows.store for what it does to the conversation). A back-dated
   * `createdAt` (the demo seed's history) back-dates updatedAt too: use it before clients poll.
   */
  add(chatbotId: string, conversationId: string, input: MessageToAdd): Message {
    const { conversation, message } = this.db.tx(() => {
      if (!this.conversations.get(chatbotId, conversationId)) throw notFound('Conversation', conversationId);
      return this.store(chatbotId, conversationId, input);
    });
    this.announce(conversation, message);
    return message;
  }

  /**
   * Inside the caller's transaction: stores a message in a conversation that exists, and returns
   * it with the conversation as it is now. The caller announces them once the transaction is done.
   */
  store(chatbotId: string, conversationId: string, input: NewMessage): { conversation: Conversation; message: Message } {
    const row = this.rows.store(chatbotId, conversationId, input).row;
    return { conversation: this.conversations.get(chatbotId, conversationId)!, message: toMessage(row, this.baseUrl()) };
  }

  /**
   * An agent's reply, stored once per clientMessageId: a retry returns the stored message with
   * `created: false` and changes nothing. A new reply marks the conversation read and takes it
   * over from the bot or the queue for the replying agent.
   */
  reply(chatbotId: string, input: Reply): { message: Message; created: boolean } {
    const result = this.db.tx(() => {
      const conversation = this.conversations.get(chatbotId, input.conversationId);
      if (!conversation) throw notFound('Conversation', input.conversationId);
      const { row, created } = this.rows.store(chatbotId, conversation.id, {
        sender: 'agent',
        agentId: input.agentId,
        content: { type: 'text', payload: { text: input.text } },
        ...(input.clientMessageId !== undefined && { clientMessageId: input.clientMessageId }),
      });
      if (!created) {
        // The same id for a different reply is a client bug; answering the old one would lose this one.
        if (row.conversation_id !== conversation.id || JSON.parse(row.payload).text !== input.text) {
          throw new ApiError('AlreadyExists', `clientMessageId ${input.clientMessageId} was used for a different reply`);
        }
        return { row, created, conversation };
      }
      const takeOver = conversation.status === 'bot' || conversation.status === 'waiting';
      const [status, agentId] = takeOver ? ['assigned', input.agentId] : [conversation.status, conversation.assignedAgentId];
      const sql = 'UPDATE conversations SET unread_count = 0, status = ?, assigned_agent_id = ? WHERE id = ?';
      this.db.run(sql, status, agentId, conversation.id);
      return { row, created, conversation: this.conversations.get(chatbotId, conversation.id)! };
    });
    const message = toMessage(result.row, this.baseUrl());
    if (result.created) this.announce(result.conversation, message);
    return { message, created: result.created };
  }

  /** The newest `limit` messages older than message `before`, oldest first; InvalidQuery for an unknown `before`. */
  page(chatbotId: string, conversationId: string, options: { limit: number; before?: string }): Message[] {
    const rows = this.rows.page(chatbotId, conversationId, options.limit, options.before);
    return rows.map((row) => toMessage(row, this.baseUrl()));
  }

  announce(conversation: Conversation, message: Message): void {
    this.events.emit(conversation.chatbotId, 'message.created', { message });
    this.events.emit(conversation.chatbotId, 'conversation.upserted', { conversation });
    pushForMessage(this.db, this.events, conversation, message);
  }
}
