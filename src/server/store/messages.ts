// Message rows: storing, mapping and paging. History is ordered by (created_at, seq): created_at
// may be back-dated by the demo seed, and seq breaks ties in insertion order, so a page boundary
// never repeats or skips a message even when two share a millisecond.
import type { Message, MessageContent } from '../wire';
import type { Db } from '../db/database';
import { ApiError } from '../http/errors';
import { newId, nowIso } from '../clock';

export interface MessageRow {
  seq: number;
  id: string;
  conversation_id: string;
  chatbot_id: string;
  direction: 'incoming' | 'outgoing';
  sender: Message['sender'];
  agent_id: string | null;
  type: string;
  payload: string;
  client_message_id: string | null;
  created_at: string;
}

export interface NewMessage {
  sender: Message['sender'];
  agentId?: string;
  content: MessageContent;
  createdAt?: string;
  clientMessageId?: string;
}

const columns = [
  ...['seq', 'id', 'conversation_id', 'chatbot_id', 'direction', 'sender'],
  ...['agent_id', 'type', 'payload', 'client_message_id', 'created_at'],
];

/** A joined message's columns under a prefix (`m.id AS m_id, ...`), for a conversation's last message. */
export const prefixedColumns = (alias: string, prefix: string): string =>
  columns.map((column) => `${alias}.${column} AS ${prefix}${column}`).join(', ');

/** The message inside a joined row, or undefined when the join found none. */
export function prefixedRow(row: object, prefix: string): MessageRow | undefined {
  // Straight from the known columns: every listed conversation comes through here (hot in lists).
  const source = row as Record<string, unknown>;
  if (source[`${prefix}id`] === null || source[`${prefix}id`] === undefined) return undefined;
  const message: Record<string, unknown> = {};
  for (const column of columns) message[column] = source[prefix + column];
  return message as unknown as MessageRow;
}

// Demo media is stored as a path (`/media/...`) so it survives a restart on another port; it
// is made absolute only when answered. Only `...Url` fields are touched: a text that happens
// to start with /media/ stays as written.
export function absolutize(value: unknown, baseUrl: string, key = ''): unknown {
  if (typeof value === 'string') {
    return key.endsWith('Url') && value.startsWith('/media/') ? baseUrl + value : value;
  }
  if (Array.isArray(value)) return value.map((item) => absolutize(item, baseUrl));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, absolutize(v, baseUrl, k)]));
  }
  return value;
}

export function toMessage(row: MessageRow, baseUrl: string): Message {
  const content = { type: row.type, payload: absolutize(JSON.parse(row.payload), baseUrl) } as MessageContent;
  return {
    id: row.id,
    conversationId: row.conversation_id,
    direction: row.direction,
    sender: row.sender,
    ...(row.agent_id !== null && { agentId: row.agent_id }),
    ...(row.client_message_id !== null && { clientMessageId: row.client_message_id }),
    ...content,
    createdAt: row.created_at,
  };
}

export class MessageRows {
  constructor(private readonly db: Db) {}

  /**
   * Stores a message and moves the conversation's lastMessage/updatedAt to it when it is the
   * newest (a back-dated seed message back-dates them too); a contact's message adds one to
   * unreadCount, and an agent's message clears it (whoever answers has read the conversation). With a clientMessageId already used in this chatbot nothing is written and
   * `created` is false: ON CONFLICT targets only that unique index, so any other failure throws.
   */
  store(chatbotId: string, conversationId: string, input: NewMessage): { row: MessageRow; created: boolean } {
    const id = newId('msg');
    const { changes } = this.db.run(
      `INSERT INTO messages (id, conversation_id, chatbot_id, direction, sender, agent_id, type, payload, client_message_id, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (chatbot_id, client_message_id) DO NOTHING`,
      id,
      conversationId,
      chatbotId,
      input.sender === 'contact' ? 'incoming' : 'outgoing',
      input.sender,
      input.agentId ?? null,
      input.content.type,
      JSON.stringify(input.content.payload),
      input.clientMessageId ?? null,
      input.createdAt ?? nowIso(),
    );
    if (changes === 0) {
      const existing = input.clientMessageId !== undefined ? this.byClientId(chatbotId, input.clientMessageId) : undefined;
      if (!existing) throw new Error(`message ${id} was not stored`);
      return { row: existing, created: false };
    }
    const row = this.get(chatbotId, id)!;
    const newest = this.newestId(conversationId) === id ? 1 : 0;
    this.db.run(
      `UPDATE conversations SET
         last_message_id = CASE WHEN ? THEN ? ELSE last_message_id END,
         updated_at = CASE WHEN ? THEN ? ELSE updated_at END,
         created_at = min(created_at, ?),
         unread_count = CASE WHEN ? = 'agent' THEN 0 ELSE unread_count + ? END
       WHERE id = ?`,
      newest,
      id,
      newest,
      row.created_at,
      row.created_at,
      row.sender,
      row.sender === 'contact' ? 1 : 0,
      conversationId,
    );
    return { row, created: true };
  }

  get(chatbotId: string, id: string): MessageRow | undefined {
    return this.db.get<MessageRow>('SELECT * FROM messages WHERE chatbot_id = ? AND id = ?', chatbotId, id);
  }

  byClientId(chatbotId: string, clientMessageId: string): MessageRow | undefined {
    return this.db.get<MessageRow>(
      'SELECT * FROM messages WHERE chatbot_id = ? AND client_message_id = ?',
      chatbotId,
      clientMessageId,
    );
  }

  newestId(conversationId: string): string | undefined {
    return this.db.get<{ id: string }>(
      'SELECT id FROM messages WHERE conversation_id = ? ORDER BY created_at DESC, seq DESC LIMIT 1',
      conversationId,
    )?.id;
  }

  /** The newest `limit` messages older than message `before` (if given), oldest first. */
  page(chatbotId: string, conversationId: string, limit: number, beforeId?: string): MessageRow[] {
    if (beforeId === undefined) {
      const newest = 'SELECT * FROM messages WHERE conversation_id = ? ORDER BY created_at DESC, seq DESC LIMIT ?';
      return this.db.all<MessageRow>(newest, conversationId, limit).reverse();
    }
    const before = this.get(chatbotId, beforeId);
    if (!before || before.conversation_id !== conversationId) {
      throw new ApiError('InvalidQuery', `query.before: message ${beforeId} is not in conversation ${conversationId}`);
    }
    return this.db
      .all<MessageRow>(
        `SELECT * FROM messages WHERE conversation_id = ? AND (created_at < ? OR (created_at = ? AND seq < ?))
         ORDER BY created_at DESC, seq DESC LIMIT ?`,
        conversationId,
        before.created_at,
        before.created_at,
        before.seq,
        limit,
      )
      .reverse();
  }
}
