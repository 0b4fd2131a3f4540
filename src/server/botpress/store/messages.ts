// Messages of a bot. Writing one also moves its conversation (message count, updatedAt) and
// makes its author a participant, in the same transaction. Media paths of the demo are kept
// relative and made absolute when answered, as the ChatCaptain part does.
import type { Db, SqlValue } from '../../db/database';
import { newId, nowIso } from '../../clock';
import { absolutize } from '../../store/messages';
import { notFound } from '../errors';
import { dateRange, firstWithTags, listPage, mapPage, newestFirst, tagFilter, type Listed, type PageRequest } from '../paging';
import type { MessageType } from '../payloads';
import type { ConversationStore } from './conversations';
import { lookupTags, mergeTags, parseTags, type Tags } from './tags';

export type Direction = 'incoming' | 'outgoing';

export interface Message {
  id: string;
  createdAt: string;
  updatedAt: string;
  type: MessageType;
  payload: Record<string, unknown>;
  direction: Direction;
  userId: string;
  conversationId: string;
  tags: Tags;
}

interface Row {
  id: string;
  conversation_id: string;
  user_id: string;
  direction: Direction;
  type: MessageType;
  payload: string;
  tags: string;
  created_at: string;
  updated_at: string;
}

export interface NewMessage {
  conversationId: string;
  userId: string;
  direction: Direction;
  type: MessageType;
  payload: Record<string, unknown>;
  tags: Tags;
}

export interface MessageFilter {
  conversationId?: string | undefined;
  tags?: Tags | undefined;
  afterDate?: string | undefined;
  beforeDate?: string | undefined;
}

export class MessageStore {
  constructor(
    private readonly db: Db,
    private readonly conversations: ConversationStore,
    private readonly baseUrl: () => string,
  ) {}

  private toMessage = (row: Row): Message => ({
    id: row.id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    type: row.type,
    payload: absolutize(JSON.parse(row.payload), this.baseUrl()) as Record<string, unknown>,
    direction: row.direction,
    userId: row.user_id,
    conversationId: row.conversation_id,
    tags: parseTags(row.tags),
  });

  /** The conversation must exist (the caller checked it); `at` writes history. */
  create(botId: string, input: NewMessage, at?: string): Message {
    return this.db.tx(() => {
      const id = newId('msg');
      const time = at ?? nowIso();
      this.db.run(
        `INSERT INTO bp_messages (id, bot_id, conversation_id, user_id, direction, type, payload, tags, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        id,
        botId,
        input.conversationId,
        input.userId,
        input.direction,
        input.type,
        JSON.stringify(input.payload),
        JSON.stringify(input.tags),
        time,
        time,
      );
      this.conversations.touch(botId, input.conversationId, 1, at);
      if (input.userId !== botId) this.conversations.addParticipant(input.conversationId, input.userId);
      return this.require(botId, id);
    });
  }

  /** The message of this conversation whose tags match (see lookupTags), if any. */
  find(botId: string, conversationId: string, tags: Tags, discriminateByTags: string[] | undefined): Message | undefined {
    const lookup = lookupTags(tags, discriminateByTags);
    const query = { from: 'bp_messages t', where: ['t.bot_id = ?', 't.conversation_id = ?'], params: [botId, conversationId] };
    const row = lookup && firstWithTags<Row>(this.db, query, lookup);
    return row ? this.toMessage(row) : undefined;
  }

  /** The payload as stored (media paths still relative), for the bot to pass a message on. */
  storedPayload(botId: string, id: string): Record<string, unknown> {
    const row = this.db.get<{ payload: string }>('SELECT payload FROM bp_messages WHERE id = ? AND bot_id = ?', id, botId);
    if (!row) throw notFound('Message', id);
    return JSON.parse(row.payload) as Record<string, unknown>;
  }

  get(botId: string, id: string): Message | undefined {
    const row = this.db.get<Row>('SELECT * FROM bp_messages WHERE id = ? AND bot_id = ?', id, botId);
    return row && this.toMessage(row);
  }

  require(botId: string, id: string): Message {
    const message = this.get(botId, id);
    if (!message) throw notFound('Message', id);
    return message;
  }

  list(botId: string, filter: MessageFilter, page: PageRequest): Listed<Message> {
    const where = ['t.bot_id = ?'];
    const params: SqlValue[] = [botId];
    if (filter.conversationId) {
      where.push('t.conversation_id = ?');
      params.push(filter.conversationId);
    }
    for (const part of [tagFilter(filter.tags), dateRange('createdAt', filter)]) {
      where.push(...part.where);
      params.push(...part.params);
    }
    return mapPage(listPage<Row>(this.db, { from: 'bp_messages t', where, params }, newestFirst, page), this.toMessage);
  }

  /** The caller validated a new payload against the message's type. */
  update(botId: string, id: string, patch: { tags?: Record<string, string | null> | undefined; payload?: Record<string, unknown> | undefined }): Message {
    return this.db.tx(() => {
      const current = this.db.get<Row>('SELECT * FROM bp_messages WHERE id = ? AND bot_id = ?', id, botId);
      if (!current) throw notFound('Message', id);
      this.db.run(
        'UPDATE bp_messages SET tags = ?, payload = ?, updated_at = ? WHERE id = ?',
        JSON.stringify(mergeTags(parseTags(current.tags), patch.tags)),
        patch.payload ? JSON.stringify(patch.payload) : current.payload,
        nowIso(),
        id,
      );
      this.conversations.touch(botId, current.conversation_id, 0);
      return this.require(botId, id);
    });
  }

  delete(botId: string, id: string): Message {
    return this.db.tx(() => {
      const message = this.require(botId, id);
      this.db.run('DELETE FROM bp_messages WHERE id = ?', id);
      this.conversations.touch(botId, message.conversationId, -1);
      return message;
    });
  }
}
