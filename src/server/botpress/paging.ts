// Paging for every Botpress list: keyset pagination on (sort time, id). `meta.nextToken` is
// opaque to clients: the sort it was made for and the (time, id) of the last item served.
//
// What that guarantees:
// - A walk never skips nor repeats an item that does not change while it pages, however many
//   items are added, changed or deleted meanwhile: each page starts strictly after the last
//   key served, not at an offset.
// - Items added during a newest-first walk (the default) sort before the cursor, so the walk
//   does not see them; the next walk from the top does.
// - Ascending walks on `updatedAt` see every change made while they page: a write stamps
//   updatedAt later than every updatedAt already stored for the bot (conversations.ts), so
//   a changed or new item sorts after the cursor and is served later in the same walk (again,
//   if it was served before). That is the desk's change feed: walk ascending, remember the
//   greatest updatedAt seen, and start the next poll at `afterDate` = that time.
import { z } from 'zod';
import type { Db, SqlValue } from '../db/database';
import { BpError } from './errors';
import { DEFAULT_PAGE_SIZE } from './schemas';

export type SortField = 'createdAt' | 'updatedAt';
export type SortDirection = 'asc' | 'desc';

export interface Sort {
  field: SortField;
  direction: SortDirection;
}

export const newestFirst: Sort = { field: 'createdAt', direction: 'desc' };

export interface PageRequest {
  nextToken?: string | undefined;
  pageSize?: number | undefined;
}

export interface Page<R> {
  rows: R[];
  nextToken?: string;
}

export interface Query {
  /** The table, always aliased `t`, e.g. `bp_users t`. */
  from: string;
  where: string[];
  params: SqlValue[];
}

const Token = z.strictObject({
  f: z.enum(['createdAt', 'updatedAt']),
  d: z.enum(['asc', 'desc']),
  t: z.string().max(40),
  i: z.string().max(200),
});
type Token = z.infer<typeof Token>;

const columns: Record<SortField, string> = { createdAt: 'created_at', updatedAt: 'updated_at' };

function encode(token: Token): string {
  return Buffer.from(JSON.stringify(token)).toString('base64url');
}

function decode(text: string, sort: Sort): Token {
  let token: Token;
  try {
    token = Token.parse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
  } catch {
    throw new BpError('InvalidQuery', 'nextToken is not a token this list gave out');
  }
  if (token.f !== sort.field || token.d !== sort.direction) {
    throw new BpError('InvalidQuery', `nextToken belongs to a list sorted by ${token.f} ${token.d}, not ${sort.field} ${sort.direction}`);
  }
  return token;
}

/** One page of `query` in `sort` order, after the item `request.nextToken` names. */
export function listPage<R extends { id: string; created_at: string; updated_at?: string }>(
  db: Db,
  query: Query,
  sort: Sort,
  request: PageRequest,
): Page<R> {
  const column = `t.${columns[sort.field]}`;
  const where = [...query.where];
  const params = [...query.params];
  if (request.nextToken) {
    const token = decode(request.nextToken, sort);
    const after = sort.direction === 'asc' ? '>' : '<';
    where.push(`(${column} ${after} ? OR (${column} = ? AND t.id ${after} ?))`);
    params.push(token.t, token.t, token.i);
  }
  const size = request.pageSize ?? DEFAULT_PAGE_SIZE;
  const direction = sort.direction === 'asc' ? 'ASC' : 'DESC';
  const rows = db.all<R>(
    `SELECT t.* FROM ${query.from} WHERE ${where.join(' AND ') || '1'} ORDER BY ${column} ${direction}, t.id ${direction} LIMIT ?`,
    ...params,
    size + 1,
  );
  if (rows.length <= size) return { rows };
  rows.length = size;
  const last = rows[size - 1]!;
  const time = sort.field === 'createdAt' ? last.created_at : (last.updated_at ?? last.created_at);
  return { rows, nextToken: encode({ f: sort.field, d: sort.direction, t: time, i: last.id }) };
}

export interface Listed<T> {
  items: T[];
  nextToken?: string;
}

/** A page of rows as the API's objects. */
export function mapPage<R, T>(page: Page<R>, toItem: (row: R) => T): Listed<T> {
  return { items: page.rows.map(toItem), ...(page.nextToken && { nextToken: page.nextToken }) };
}

/** `afterDate` / `beforeDate` as SQL on the sort column: strictly after, strictly before. */
export function dateRange(field: SortField, range: { afterDate?: string | undefined; beforeDate?: string | undefined }): Query {
  const where: string[] = [];
  const params: SqlValue[] = [];
  if (range.afterDate) {
    where.push(`t.${columns[field]} > ?`);
    params.push(new Date(range.afterDate).toISOString());
  }
  if (range.beforeDate) {
    where.push(`t.${columns[field]} < ?`);
    params.push(new Date(range.beforeDate).toISOString());
  }
  return { from: '', where, params };
}

/** SQL that keeps rows whose JSON `tags` column has every one of `tags`. */
export function tagFilter(tags: Record<string, string> | undefined): Query {
  const where: string[] = [];
  const params: SqlValue[] = [];
  for (const [key, value] of Object.entries(tags ?? {})) {
    where.push('EXISTS (SELECT 1 FROM json_each(t.tags) WHERE json_each.key = ? AND json_each.value = ?)');
    params.push(key, value);
  }
  return { from: '', where, params };
}

/** The oldest row of `query` that has every one of `tags`: what getOrCreate finds again. */
export function firstWithTags<R>(db: Db, query: Query, tags: Record<string, string>): R | undefined {
  const filter = tagFilter(tags);
  return db.get<R>(
    `SELECT t.* FROM ${query.from} WHERE ${[...query.where, ...filter.where].join(' AND ')} ORDER BY t.created_at, t.id LIMIT 1`,
    ...query.params,
    ...filter.params,
  );
}
