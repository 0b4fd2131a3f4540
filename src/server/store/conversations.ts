// Conversations of a chatbot: creating, changing and deleting them, and what comes in from a
// channel (a contact's message or event). Every change is announced through the EventSink after
// it is written, so socket clients see what a poll would return. The status rules (who a
// conversation is assigned to, and when) live in this store, so the API, the demo seed and the
// traffic simulator cannot drift apart: here, and for a reply's takeover conversation-messages.ts,
// which holds the message writes. Reading is the base class (conversation-reads.ts): every write
// reads its result back through it.
import type { Conversation, ConversationStatus, Message, MessageContent } from '../wire';
import type { Db } from '../db/database';
import type { EventSink } from '../realtime/hub';
import { ApiError, notFound } from '../http/errors';
import { newId, nowIso } from '../clock';
import { ContactStore } from './contacts';
import { ConversationMessages, type MessageToAdd, type Reply } from './conversation-messages';
import { ConversationReads } from './conversation-reads';

export interface NewConversation {
  channelId: string;
  channelName: string;
  providerId: string;
  /** An existing contact; else one is created from contactName. */
  contactId?: string;
  /** Default: providerId. */
  contactName?: string;
  contactLanguage?: string;
  status?: ConversationStatus;
  assignedAgentId?: string | null;
  archived?: boolean;
}

export type ConversationPatch = Partial<Pick<Conversation, 'status' | 'assignedAgentId' | 'archived' | 'unreadCount'>>;

type Channel = { channelId: string; channelName: string; providerId: string; contactName?: string };

/** An event, step payload or custom event, kept in conversation_events. */
export interface ConversationEvent {
  kind: 'event' | 'payload' | 'custom_event';
  name?: string;
  data: Record<string, unknown>;
}

export class ConversationStore extends ConversationReads {
  private readonly contacts: ContactStore;
  private readonly messages: ConversationMessages;

  constructor(
    db: Db,
    private readonly events: EventSink,
    baseUrl: () => string,
  ) {
    super(db, baseUrl);
    this.contacts = new ContactStore(db);
    this.messages = new ConversationMessages(db, events, baseUrl, this);
  }

  /** Throws ReferenceNotFound for an unknown contact or agent, AlreadyExists for a taken channel+provider. */
  create(chatbotId: string, input: NewConversation): Conversation {
    const conversation = this.db.tx(() => this.get(chatbotId, this.insert(chatbotId, input))!);
    this.events.emit(chatbotId, 'conversation.upserted', { conversation });
    return conversation;
  }

  /** Applies the assignment rules of `assignment()`; throws ResourceNotFound for an unknown id. */
  patch(chatbotId: string, id: string, patch: ConversationPatch): Conversation {
    const conversation = this.db.tx(() => {
      const current = this.get(chatbotId, id);
      if (!current) throw notFound('Conversation', id);
      const { status, assignedAgentId } = this.assignment(patch, current);
      this.db.run(
        `UPDATE conversations SET status = ?, assigned_agent_id = ?, archived = ?, unread_count = ?, updated_at = ?
         WHERE id = ?`,
        status,
        assignedAgentId,
        (patch.archived ?? current.archived) ? 1 : 0,
        patch.unreadCount ?? current.unreadCount,
        nowIso(),
        id,
      );
      return this.get(chatbotId, id)!;
    });
    this.events.emit(chatbotId, 'conversation.upserted', { conversation });
    return conversation;
  }

  delete(chatbotId: string, id: string): boolean {
    const deleted = this.db.tx(() => {
      // Messages and events go with it (ON DELETE CASCADE); the contact stays.
      const { changes } = this.db.run('DELETE FROM conversations WHERE chatbot_id = ? AND id = ?', chatbotId, id);
      if (changes === 0) return false;
      const tombstone = 'INSERT OR REPLACE INTO deleted_conversations (id, chatbot_id, deleted_at) VALUES (?, ?, ?)';
      this.db.run(tombstone, id, chatbotId, nowIso());
      return true;
    });
    if (deleted) this.events.emit(chatbotId, 'conversation.deleted', { id });
    return deleted;
  }

  /** ConversationMessages.add: stores a message in the conversation and announces it. */
  addMessage(chatbotId: string, conversationId: string, input: MessageToAdd): Message {
    return this.messages.add(chatbotId, conversationId, input);
  }

  /** What POST .../conversations/handle does: find or create, reopen if closed, store, announce. */
  handleIncoming(chatbotId: string, input: Channel & { content: MessageContent }): { conversation: Conversation; message: Message } {
    const result = this.db.tx(() => {
      const conversationId = this.findOrInsert(chatbotId, input);
      const reopen = `UPDATE conversations SET status = 'bot', assigned_agent_id = NULL WHERE id = ? AND status = 'closed'`;
      this.db.run(reopen, conversationId);
      return this.messages.store(chatbotId, conversationId, { sender: 'contact', content: input.content });
    });
    this.messages.announce(result.conversation, result.message);
    return result;
  }

  /** An incoming channel event (e.g. user_seen): find or create the conversation, record it. */
  handleEvent(chatbotId: string, input: Channel & { event: ConversationEvent }): Conversation {
    const conversation = this.db.tx(() => {
      const conversationId = this.findOrInsert(chatbotId, input);
      this.record(chatbotId, conversationId, input.event);
      return this.get(chatbotId, conversationId)!;
    });
    this.events.emit(chatbotId, 'conversation.upserted', { conversation });
    return conversation;
  }

  /**
   * Records an event on an existing conversation. A step payload is how an agent hands the
   * conversation back to the bot, so `handBack` resets status and assignment.
   */
  recordEvent(chatbotId: string, conversationId: string, event: ConversationEvent, handBack = false): Conversation {
    const conversation = this.db.tx(() => {
      if (!this.get(chatbotId, conversationId)) throw notFound('Conversation', conversationId);
      this.record(chatbotId, conversationId, event);
      if (handBack) {
        const sql = `UPDATE conversations SET status = 'bot', assigned_agent_id = NULL, updated_at = ? WHERE id = ?`;
        this.db.run(sql, nowIso(), conversationId);
      }
      return this.get(chatbotId, conversationId)!;
    });
    this.events.emit(chatbotId, 'conversation.upserted', { conversation });
    return conversation;
  }

  /** ConversationMessages.reply: an agent's reply, once per clientMessageId. */
  reply(chatbotId: string, input: Reply): { message: Message; created: boolean } {
    return this.messages.reply(chatbotId, input);
  }

  /** ConversationMessages.page: a page of the conversation's history, oldest first. */
  listMessages(chatbotId: string, conversationId: string, options: { limit: number; before?: string }): Message[] {
    return this.messages.page(chatbotId, conversationId, options);
  }

  /**
   * The status/agent pair after a change: an agent without a status means 'assigned';
   * 'assigned' needs an agent; any other status has none; unassigning puts it back in the queue.
   */
  private assignment(
    change: { status?: ConversationStatus; assignedAgentId?: string | null },
    current: { status: ConversationStatus; assignedAgentId: string | null },
  ): { status: ConversationStatus; assignedAgentId: string | null } {
    const { status, assignedAgentId } = change;
    if (typeof assignedAgentId === 'string' && !this.db.get('SELECT 1 FROM agents WHERE id = ?', assignedAgentId)) {
      throw new ApiError('ReferenceNotFound', `assignedAgentId: agent ${assignedAgentId} does not exist`);
    }
    if (status === undefined) {
      if (typeof assignedAgentId === 'string') return { status: 'assigned', assignedAgentId };
      if (assignedAgentId === null && current.status === 'assigned') return { status: 'waiting', assignedAgentId: null };
      return current;
    }
    if (status === 'assigned') {
      const agent = assignedAgentId === undefined ? current.assignedAgentId : assignedAgentId;
      if (!agent) throw new ApiError('InvalidPayload', `status 'assigned' needs an assignedAgentId`);
      return { status, assignedAgentId: agent };
    }
    if (typeof assignedAgentId === 'string') {
      throw new ApiError('InvalidPayload', `assignedAgentId can only be set with status 'assigned', not '${status}'`);
    }
    return { status, assignedAgentId: null };
  }

  private insert(chatbotId: string, input: NewConversation): string {
    if (this.find(chatbotId, input.channelId, input.providerId)) {
      const which = `channelId ${input.channelId} and providerId ${input.providerId}`;
      throw new ApiError('AlreadyExists', `A conversation for ${which} already exists`);
    }
    const { status, assignedAgentId } = this.assignment(input, { status: 'bot', assignedAgentId: null });
    let contactId = input.contactId;
    if (contactId === undefined) {
      contactId = this.contacts.create(chatbotId, {
        name: input.contactName ?? input.providerId,
        ...(input.contactLanguage !== undefined && { language: input.contactLanguage }),
      }).id;
    } else if (!this.contacts.get(chatbotId, contactId)) {
      throw new ApiError('ReferenceNotFound', `contactId: contact ${contactId} does not exist`);
    }
    const id = newId('conv');
    const now = nowIso();
    this.db.run(
      `INSERT INTO conversations (id, chatbot_id, contact_id, channel_id, channel_name, provider_id, archived, status,
         assigned_agent_id, unread_count, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)`,
      ...[id, chatbotId, contactId, input.channelId, input.channelName, input.providerId],
      ...[input.archived ? 1 : 0, status, assignedAgentId, now, now],
    );
    return id;
  }

  private findOrInsert(chatbotId: string, input: Channel): string {
    return this.find(chatbotId, input.channelId, input.providerId)?.id ?? this.insert(chatbotId, input);
  }

  private record(chatbotId: string, conversationId: string, event: ConversationEvent): void {
    const sql = `INSERT INTO conversation_events (id, chatbot_id, conversation_id, kind, name, data, created_at)
                 VALUES (?, ?, ?, ?, ?, ?, ?)`;
    this.db.run(sql, newId('event'), chatbotId, conversationId, event.kind, event.name ?? null, JSON.stringify(event.data), nowIso());
  }
}
