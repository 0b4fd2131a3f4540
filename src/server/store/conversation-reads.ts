// Reading conversations: one by id or by channel and provider, and the listing a polling client
// reads, newest change first, with the ids deleted since its last poll. Each conversation comes
// with its contact's name and its last message from one query. The store's writes
// (conversations.ts) read back through this after every change, so what they announce is what a
// poll returns; kept apart so the row mapping and the listing's filters read on their own.
import type { Conversation, ConversationStatus } from '../wire';
import type { Db } from '../db/database';
import { prefixedColumns, prefixedRow, toMessage } from './messages';

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

export class ConversationReads {
  constructor(
    protected readonly db: Db,
    protected readonly baseUrl: () => string,
  ) {}

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
}
