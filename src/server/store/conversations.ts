// Conversations of a chatbot and the messages in them. Every change is announced through the
// EventSink after it is written, so socket clients see what a poll would return. The status
// rules (who a conversation is assigned to, and when) live here, so the API, the demo seed and
// the traffic simulator cannot drift apart.
import type { Conversation, ConversationStatus, Message, MessageContent } from '../wire';
import type { Db } from '../db/database';
import type { EventSink } from '../realtime/hub';
import { ApiError, notFound } from '../http/errors';
import { newId, nowIso } from '../clock';
import { ContactStore } from './contacts';
import { MessageRows, prefixedColumns, prefixedRow, toMessage } from './messages';
import { pushForMessage } from './push';

interface ConversationRow {
  id: string;
  chatbot_id: string;
  contact_id: string;
  contact_name: string;
  channel_id: string;
  channel_name: string;
  provider_id: string;
  archived: number;
  status: ConversationStatus;
  assigned_agent_id: string | null;
  unread_count: number;
  created_at: string;
  updated_at: string;
  // ...and the last message's columns as m_id, m_type, ...
}

const select = `
  SELECT c.*, ct.name AS contact_name, ${prefixedColumns('m', 'm_')}
  FROM conversations c
  JOIN contacts ct ON ct.id = c.contact_id
  LEFT JOIN messages m ON m.id = c.last_message_id`;

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

export class ConversationStore {
  private readonly contacts: ContactStore;
  private readonly messages: MessageRows;

  constructor(
    private readonly db: Db,
    private readonly events: EventSink,
    private readonly baseUrl: () => string,
  ) {
    this.contacts = new ContactStore(db);
    this.messages = new MessageRows(db);
  }

  get(chatbotId: string, id: string): Conversation | undefined {
    const row = this.db.get<ConversationRow>(`${select} WHERE c.chatbot_id = ? AND c.id = ?`, chatbotId, id);
    return row && this.toConversation(row);
  }

  find(chatbotId: string, channelId: string, providerId: string): Conversation | undefined {
    const sql = `${select} WHERE c.chatbot_id = ? AND c.channel_id = ? AND c.provider_id = ?`;
    const row = this.db.get<ConversationRow>(sql, chatbotId, channelId, providerId);
    return row && this.toConversation(row);
  }

  /**
   * Newest change first. With `updatedSince` only conversations changed strictly after it, plus
   * the ids deleted since then, so a polling client can drop them.
   */
  list(
    chatbotId: string,
    filter: { contactId?: string; channelId?: string; updatedSince?: string } = {},
  ): { conversations: Conversation[]; deleted?: string[] } {
    const where = ['c.chatbot_id = ?'];
    const params: string[] = [chatbotId];
    const conditions: [string, string | undefined][] = [
      ['c.contact_id = ?', filter.contactId],
      ['c.channel_id = ?', filter.channelId],
      ['c.updated_at > ?', filter.updatedSince],
    ];
    for (const [condition, value] of conditions) {
      if (value === undefined) continue;
      where.push(condition);
      params.push(value);
    }
    const sql = `${select} WHERE ${where.join(' AND ')} ORDER BY c.updated_at DESC, c.id DESC`;
    const conversations = this.db.all<ConversationRow>(sql, ...params).map((row) => this.toConversation(row));
    if (filter.updatedSince === undefined) return { conversations };
    const tombstones = 'SELECT id FROM deleted_conversations WHERE chatbot_id = ? AND deleted_at > ? ORDER BY deleted_at, id';
    const deleted = this.db.all<{ id: string }>(tombstones, chatbotId, filter.updatedSince).map((row) => row.id);
    return { conversations, deleted };
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

  /**
   * Stores a message (see MessageRows.store for what it does to the conversation). A back-dated
   * `createdAt` (the demo seed's history) back-dates updatedAt too: use it before clients poll.
   */
  addMessage(
    chatbotId: string,
    conversationId: string,
    input: { sender: 'contact' | 'bot' | 'agent'; agentId?: string; content: MessageContent; createdAt?: string },
  ): Message {
    const { conversation, message } = this.db.tx(() => {
      if (!this.get(chatbotId, conversationId)) throw notFound('Conversation', conversationId);
      const row = this.messages.store(chatbotId, conversationId, input).row;
      return { conversation: this.get(chatbotId, conversationId)!, message: toMessage(row, this.baseUrl()) };
    });
    this.announceMessage(conversation, message);
    return message;
  }

  /** What POST .../conversations/handle does: find or create, reopen if closed, store, announce. */
  handleIncoming(chatbotId: string, input: Channel & { content: MessageContent }): { conversation: Conversation; message: Message } {
    const result = this.db.tx(() => {
      const conversationId = this.findOrInsert(chatbotId, input);
      const reopen = `UPDATE conversations SET status = 'bot', assigned_agent_id = NULL WHERE id = ? AND status = 'closed'`;
      this.db.run(reopen, conversationId);
      const row = this.messages.store(chatbotId, conversationId, { sender: 'contact', content: input.content }).row;
      return { conversation: this.get(chatbotId, conversationId)!, message: toMessage(row, this.baseUrl()) };
    });
    this.announceMessage(result.conversation, result.message);
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

  /**
   * An agent's reply, stored once per clientMessageId: a retry returns the stored message with
   * `created: false` and changes nothing. A new reply marks the conversation read and takes it
   * over from the bot or the queue for the replying agent.
   */
  reply(
    chatbotId: string,
    input: { conversationId: string; agentId: string; text: string; clientMessageId?: string },
  ): { message: Message; created: boolean } {
    const result = this.db.tx(() => {
      const conversation = this.get(chatbotId, input.conversationId);
      if (!conversation) throw notFound('Conversation', input.conversationId);
      const { row, created } = this.messages.store(chatbotId, conversation.id, {
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
      return { row, created, conversation: this.get(chatbotId, conversation.id)! };
    });
    const message = toMessage(result.row, this.baseUrl());
    if (result.created) this.announceMessage(result.conversation, message);
    return { message, created: result.created };
  }

  /** The newest `limit` messages older than message `before`, oldest first; InvalidQuery for an unknown `before`. */
  listMessages(chatbotId: string, conversationId: string, options: { limit: number; before?: string }): Message[] {
    const rows = this.messages.page(chatbotId, conversationId, options.limit, options.before);
    return rows.map((row) => toMessage(row, this.baseUrl()));
  }

  private toConversation(row: ConversationRow): Conversation {
    const last = prefixedRow(row, 'm_');
    return {
      id: row.id,
      chatbotId: row.chatbot_id,
      contactId: row.contact_id,
      contactName: row.contact_name,
      channelId: row.channel_id,
      channelName: row.channel_name,
      providerId: row.provider_id,
      archived: row.archived === 1,
      status: row.status,
      assignedAgentId: row.assigned_agent_id,
      unreadCount: Number(row.unread_count),
      ...(last && { lastMessage: toMessage(last, this.baseUrl()) }),
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
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

  private announceMessage(conversation: Conversation, message: Message): void {
    this.events.emit(conversation.chatbotId, 'message.created', { message });
    this.events.emit(conversation.chatbotId, 'conversation.upserted', { conversation });
    pushForMessage(this.db, this.events, conversation, message);
  }
}
