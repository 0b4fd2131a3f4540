// Users of a bot: the customers its integrations bring, the customers' stand-ins on the desk
// side of a handover, and the desk's agents (one per agent, found again by a tag).
import type { Db, SqlValue } from '../../db/database';
import { newId, nowIso } from '../../clock';
import { notFound } from '../errors';
import { dateRange, firstWithTags, listPage, mapPage, tagFilter, type Listed, type PageRequest, type Sort, type SortField } from '../paging';
import { lookupTags, mergeTags, parseTags, type Tags } from './tags';

export interface User {
  id: string;
  createdAt: string;
  updatedAt: string;
  tags: Tags;
  name?: string;
  pictureUrl?: string;
}

interface Row {
  id: string;
  name: string | null;
  picture_url: string | null;
  tags: string;
  created_at: string;
  updated_at: string;
}

export interface NewUser {
  tags: Tags;
  name?: string | undefined;
  pictureUrl?: string | undefined;
}

export interface UserFilter {
  tags?: Tags | undefined;
  conversationId?: string | undefined;
  afterDate?: string | undefined;
  beforeDate?: string | undefined;
  rangeField?: SortField | undefined;
}

const toUser = (row: Row): User => ({
  id: row.id,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  tags: parseTags(row.tags),
  ...(row.name !== null && { name: row.name }),
  ...(row.picture_url !== null && { pictureUrl: row.picture_url }),
});

export class UserStore {
  constructor(private readonly db: Db) {}

  create(botId: string, input: NewUser, at?: string): User {
    const id = newId('user');
    const time = at ?? nowIso();
    this.db.run(
      'INSERT INTO bp_users (id, bot_id, name, picture_url, tags, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      id,
      botId,
      input.name ?? null,
      input.pictureUrl ?? null,
      JSON.stringify(input.tags),
      time,
      time,
    );
    return this.require(botId, id);
  }

  get(botId: string, id: string): User | undefined {
    const row = this.db.get<Row>('SELECT * FROM bp_users WHERE id = ? AND bot_id = ?', id, botId);
    return row && toUser(row);
  }

  require(botId: string, id: string): User {
    const user = this.get(botId, id);
    if (!user) throw notFound('User', id);
    return user;
  }

  getOrCreate(botId: string, input: NewUser & { discriminateByTags?: string[] | undefined }): { user: User; created: boolean } {
    return this.db.tx(() => {
      const lookup = lookupTags(input.tags, input.discriminateByTags);
      const row = lookup && firstWithTags<Row>(this.db, { from: 'bp_users t', where: ['t.bot_id = ?'], params: [botId] }, lookup);
      if (row) return { user: toUser(row), created: false };
      return { user: this.create(botId, input), created: true };
    });
  }

  list(botId: string, filter: UserFilter, sort: Sort, page: PageRequest): Listed<User> {
    const where = ['t.bot_id = ?'];
    const params: SqlValue[] = [botId];
    if (filter.conversationId) {
      where.push('EXISTS (SELECT 1 FROM bp_participants p WHERE p.user_id = t.id AND p.conversation_id = ?)');
      params.push(filter.conversationId);
    }
    for (const part of [tagFilter(filter.tags), dateRange(filter.rangeField ?? sort.field, filter)]) {
      where.push(...part.where);
      params.push(...part.params);
    }
    return mapPage(listPage<Row>(this.db, { from: 'bp_users t', where, params }, sort, page), toUser);
  }

  /** Tags merge; a null name or picture clears it. */
  update(
    botId: string,
    id: string,
    patch: { tags?: Record<string, string | null> | undefined; name?: string | null | undefined; pictureUrl?: string | null | undefined },
    at?: string,
  ): User {
    return this.db.tx(() => {
      const current = this.require(botId, id);
      const name = patch.name === undefined ? (current.name ?? null) : patch.name;
      const picture = patch.pictureUrl === undefined ? (current.pictureUrl ?? null) : patch.pictureUrl;
      this.db.run(
        'UPDATE bp_users SET name = ?, picture_url = ?, tags = ?, updated_at = ? WHERE id = ?',
        name,
        picture,
        JSON.stringify(mergeTags(current.tags, patch.tags)),
        at ?? nowIso(),
        id,
      );
      return this.require(botId, id);
    });
  }

  /** Deletes the user and their states; their messages stay in the conversations. */
  delete(botId: string, id: string): User {
    return this.db.tx(() => {
      const user = this.require(botId, id);
      this.db.run("DELETE FROM bp_states WHERE bot_id = ? AND type = 'user' AND target_id = ?", botId, id);
      this.db.run('DELETE FROM bp_users WHERE id = ?', id);
      return user;
    });
  }
}
