// Conversations of a bot. Every change (its tags, and every message written, edited or deleted
// in it) stamps updatedAt later than any updatedAt the bot already has: the guarantee the
// change feed in paging.ts rests on.
import type { Db, SqlValue } from '../../db/database';
import { newId, nowMs } from '../../clock';
import { notFound } from '../errors';
import { dateRange, firstWithTags, listPage, mapPage, tagFilter, type Listed, type PageRequest, type Sort } from '../paging';
import { lookupTags, mergeTags, parseTags, type Tags } from './tags';

export interface Conversation {
  id: string;
  createdAt: string;
  updatedAt: string;
  channel: string;
  integration: string;
  tags: Tags;
  messageCount: number;
}

interface Row {
  id: string;
  channel: string;
  integration: string;
  tags: string;
  message_count: number;
  created_at: string;
  updated_at: string;
}

export interface ConversationFilter {
  tags?: Tags | undefined;
  participantIds?: string[] | undefined;
  channel?: string | undefined;
  integrationName?: string | undefined;
  afterDate?: string | undefined;
  beforeDate?: string | undefined;
  minMessageCount?: number | undefined;
  maxMessageCount?: number | undefined;
}

const toConversation = (row: Row): Conversation => ({
  id: row.id,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  channel: row.channel,
  integration: row.integration,
  tags: parseTags(row.tags),
  messageCount: row.message_count,
});

export class ConversationStore {
  constructor(private readonly db: Db) {}

  /**
   * The time of a change: now, and strictly later than every updatedAt of the bot. Writes are
   * serialized (one process, SQLite transactions), so a change committed after a reader's
   * query always sorts after everything that reader saw.
   */
  stamp(botId: string): string {
    const latest = this.db.get<{ at: string | null }>('SELECT max(updated_at) AS at FROM bp_conversations WHERE bot_id = ?', botId);
    const floor = latest?.at ? Date.parse(latest.at) + 1 : 0;
    return new Date(Math.max(nowMs(), floor)).toISOString();
  }

  /** `at` writes history (the demo seed); live writes leave it out. */
  create(botId: string, input: { channel: string; integration: string; tags: Tags }, at?: string): Conversation {
    const id = newId('conv');
    const time = at ?? this.stamp(botId);
    this.db.run(
      'INSERT INTO bp_conversations (id, bot_id, channel, integration, tags, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      id,
      botId,
      input.channel,
      input.integration,
      JSON.stringify(input.tags),
      time,
      time,
    );
    return this.require(botId, id);
  }

  get(botId: string, id: string): Conversation | undefined {
    const row = this.db.get<Row>('SELECT * FROM bp_conversations WHERE id = ? AND bot_id = ?', id, botId);
    return row && toConversation(row);
  }

  require(botId: string, id: string): Conversation {
    const conversation = this.get(botId, id);
    if (!conversation) throw notFound('Conversation', id);
    return conversation;
  }

  getOrCreate(
    botId: string,
    input: { channel: string; integration: string; tags: Tags; discriminateByTags?: string[] | undefined },
  ): { conversation: Conversation; created: boolean } {
    return this.db.tx(() => {
      const lookup = lookupTags(input.tags, input.discriminateByTags);
      const query = { from: 'bp_conversations t', where: ['t.bot_id = ?', 't.channel = ?', 't.integration = ?'], params: [botId, input.channel, input.integration] };
      const row = lookup && firstWithTags<Row>(this.db, query, lookup);
      if (row) return { conversation: toConversation(row), created: false };
      return { conversation: this.create(botId, input), created: true };
    });
  }

  list(botId: string, filter: ConversationFilter, sort: Sort, page: PageRequest): Listed<Conversation> {
    const where = ['t.bot_id = ?'];
    const params: SqlValue[] = [botId];
    if (filter.channel) {
      where.push('t.channel = ?');
      params.push(filter.channel);
    }
    if (filter.integrationName) {
      where.push('t.integration = ?');
      params.push(filter.integrationName);
    }
    if (filter.minMessageCount !== undefined) {
      where.push('t.message_count >= ?');
      params.push(filter.minMessageCount);
    }
    if (filter.maxMessageCount !== undefined) {
      where.push('t.message_count <= ?');
      params.push(filter.maxMessageCount);
    }
    for (const userId of filter.participantIds ?? []) {
      where.push('EXISTS (SELECT 1 FROM bp_participants p WHERE p.conversation_id = t.id AND p.user_id = ?)');
      params.push(userId);
    }
    for (const part of [tagFilter(filter.tags), dateRange(sort.field, filter)]) {
      where.push(...part.where);
      params.push(...part.params);
    }
    return mapPage(listPage<Row>(this.db, { from: 'bp_conversations t', where, params }, sort, page), toConversation);
  }

  update(botId: string, id: string, patch: { tags?: Record<string, string | null> | undefined }, at?: string): Conversation {
    return this.db.tx(() => {
      const current = this.require(botId, id);
      const tags = mergeTags(current.tags, patch.tags);
      this.db.run('UPDATE bp_conversations SET tags = ?, updated_at = ? WHERE id = ?', JSON.stringify(tags), at ?? this.stamp(botId), id);
      return this.require(botId, id);
    });
  }

  /** A message was added (+1), removed (-1) or edited (0) in the conversation. */
  touch(botId: string, id: string, messageDelta: number, at?: string): void {
    this.db.run(
      'UPDATE bp_conversations SET message_count = max(0, message_count + ?), updated_at = ? WHERE id = ? AND bot_id = ?',
      messageDelta,
      at ?? this.stamp(botId),
      id,
      botId,
    );
  }

  addParticipant(conversationId: string, userId: string): void {
    this.db.run('INSERT OR IGNORE INTO bp_participants (conversation_id, user_id) VALUES (?, ?)', conversationId, userId);
  }

  /** Deletes the conversation, its messages (cascade) and its states. */
  delete(botId: string, id: string): Conversation {
    return this.db.tx(() => {
      const conversation = this.require(botId, id);
      this.db.run("DELETE FROM bp_states WHERE bot_id = ? AND type = 'conversation' AND target_id = ?", botId, id);
      this.db.run('DELETE FROM bp_conversations WHERE id = ?', id);
      return conversation;
    });
  }
}
