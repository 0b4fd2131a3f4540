// Events of a bot, kept with what the bot made of them: `processed` when it acted, `ignored`
// when it has no handler for the type, `failed` with the reason when acting failed.
import type { Db, SqlValue } from '../../db/database';
import { newId, nowIso } from '../../clock';
import { notFound } from '../errors';
import { listPage, mapPage, newestFirst, type Listed, type PageRequest } from '../paging';

export type EventStatus = 'pending' | 'processed' | 'ignored' | 'failed' | 'scheduled' | 'canceled';

export interface BotEvent {
  id: string;
  createdAt: string;
  type: string;
  payload: Record<string, unknown>;
  conversationId?: string;
  userId?: string;
  messageId?: string;
  status: EventStatus;
  failureReason: string | null;
}

interface Row {
  id: string;
  type: string;
  payload: string;
  conversation_id: string | null;
  user_id: string | null;
  message_id: string | null;
  status: EventStatus;
  failure_reason: string | null;
  created_at: string;
}

export interface NewEvent {
  type: string;
  payload: Record<string, unknown>;
  conversationId?: string | undefined;
  userId?: string | undefined;
  messageId?: string | undefined;
}

export interface EventFilter {
  type?: string | undefined;
  conversationId?: string | undefined;
  userId?: string | undefined;
  messageId?: string | undefined;
  status?: EventStatus | undefined;
}

const toEvent = (row: Row): BotEvent => ({
  id: row.id,
  createdAt: row.created_at,
  type: row.type,
  payload: JSON.parse(row.payload) as Record<string, unknown>,
  ...(row.conversation_id !== null && { conversationId: row.conversation_id }),
  ...(row.user_id !== null && { userId: row.user_id }),
  ...(row.message_id !== null && { messageId: row.message_id }),
  status: row.status,
  failureReason: row.failure_reason,
});

const filterColumns = { type: 'type', conversationId: 'conversation_id', userId: 'user_id', messageId: 'message_id', status: 'status' } as const;

export class EventStore {
  constructor(private readonly db: Db) {}

  create(botId: string, input: NewEvent, at?: string): BotEvent {
    const id = newId('evt');
    this.db.run(
      `INSERT INTO bp_events (id, bot_id, type, payload, conversation_id, user_id, message_id, status, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?)`,
      id,
      botId,
      input.type,
      JSON.stringify(input.payload),
      input.conversationId ?? null,
      input.userId ?? null,
      input.messageId ?? null,
      at ?? nowIso(),
    );
    return this.require(botId, id);
  }

  settle(botId: string, id: string, status: EventStatus, failureReason: string | null = null): BotEvent {
    this.db.run('UPDATE bp_events SET status = ?, failure_reason = ? WHERE id = ? AND bot_id = ?', status, failureReason, id, botId);
    return this.require(botId, id);
  }

  require(botId: string, id: string): BotEvent {
    const row = this.db.get<Row>('SELECT * FROM bp_events WHERE id = ? AND bot_id = ?', id, botId);
    if (!row) throw notFound('Event', id);
    return toEvent(row);
  }

  list(botId: string, filter: EventFilter, page: PageRequest): Listed<BotEvent> {
    const where = ['t.bot_id = ?'];
    const params: SqlValue[] = [botId];
    for (const [key, column] of Object.entries(filterColumns) as [keyof EventFilter, string][]) {
      const value = filter[key];
      if (value === undefined) continue;
      where.push(`t.${column} = ?`);
      params.push(value);
    }
    return mapPage(listPage<Row>(this.db, { from: 'bp_events t', where, params }, newestFirst, page), toEvent);
  }
}
