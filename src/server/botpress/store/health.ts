// A bot's health as the admin API reports it: issues (one per problem code, each with the
// occurrences it grouped) and logs. The bot's runtime writes both while it works; the demo
// seed writes their history.
import type { Db, SqlValue } from '../../db/database';
import { newId, nowIso } from '../../clock';
import { notFound } from '../errors';
import { listPage, mapPage, newestFirst, type Listed, type PageRequest } from '../paging';

export type IssueCategory = 'user_code' | 'limits' | 'configuration' | 'other';
export type GroupedData = Record<string, { raw: string; pretty?: string }>;

export interface Issue {
  id: string;
  code: string;
  createdAt: string;
  lastSeenAt: string;
  title: string;
  description: string;
  groupedData: GroupedData;
  eventsCount: number;
  category: IssueCategory;
  resolutionLink: string | null;
}

export interface IssueEvent {
  id: string;
  createdAt: string;
  data: GroupedData;
}

export interface NewIssue {
  code: string;
  title: string;
  description: string;
  category: IssueCategory;
  resolutionLink?: string | null;
  data: GroupedData;
}

interface IssueRow {
  id: string;
  code: string;
  title: string;
  description: string;
  category: IssueCategory;
  resolution_link: string | null;
  grouped_data: string;
  created_at: string;
  last_seen_at: string;
  events_count: number;
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface LogEntry {
  timestamp: string;
  level: LogLevel;
  message: string;
  conversationId?: string;
  userId?: string;
}

interface LogRow {
  id: string;
  created_at: string;
  level: LogLevel;
  message: string;
  conversation_id: string | null;
  user_id: string | null;
}

export interface LogFilter {
  timeStart: string;
  timeEnd?: string | undefined;
  level?: string | undefined;
  userId?: string | undefined;
  conversationId?: string | undefined;
  messageContains?: string | undefined;
}

// Logs are a window, not an archive: a demo left simulating for a week keeps the newest ones.
const KEEP_LOGS = 20_000;
const PRUNE_EVERY = 500;

const issueSelect = `SELECT t.*, (SELECT count(*) FROM bp_issue_events e WHERE e.issue_id = t.id) AS events_count FROM bp_issues t`;

const toIssue = (row: IssueRow): Issue => ({
  id: row.id,
  code: row.code,
  createdAt: row.created_at,
  lastSeenAt: row.last_seen_at,
  title: row.title,
  description: row.description,
  groupedData: JSON.parse(row.grouped_data) as GroupedData,
  eventsCount: row.events_count,
  category: row.category,
  resolutionLink: row.resolution_link,
});

const toLog = (row: LogRow): LogEntry => ({
  timestamp: row.created_at,
  level: row.level,
  message: row.message,
  ...(row.conversation_id !== null && { conversationId: row.conversation_id }),
  ...(row.user_id !== null && { userId: row.user_id }),
});

export class HealthStore {
  private writes = 0;

  constructor(private readonly db: Db) {}

  /** Records one occurrence of a problem: a new issue for a new code, else one more event of it. */
  raise(botId: string, input: NewIssue, at: string = nowIso()): Issue {
    return this.db.tx(() => {
      const existing = this.db.get<{ id: string }>('SELECT id FROM bp_issues WHERE bot_id = ? AND code = ?', botId, input.code);
      const id = existing?.id ?? newId('iss');
      if (existing) {
        this.db.run('UPDATE bp_issues SET last_seen_at = max(last_seen_at, ?), grouped_data = ? WHERE id = ?', at, JSON.stringify(input.data), id);
      } else {
        this.db.run(
          `INSERT INTO bp_issues (id, bot_id, code, title, description, category, resolution_link, grouped_data, created_at, last_seen_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          id,
          botId,
          input.code,
          input.title,
          input.description,
          input.category,
          input.resolutionLink ?? null,
          JSON.stringify(input.data),
          at,
          at,
        );
      }
      this.db.run('INSERT INTO bp_issue_events (id, issue_id, data, created_at) VALUES (?, ?, ?, ?)', newId('issevt'), id, JSON.stringify(input.data), at);
      return this.issue(botId, id);
    });
  }

  issue(botId: string, id: string): Issue {
    const row = this.db.get<IssueRow>(`${issueSelect} WHERE t.id = ? AND t.bot_id = ?`, id, botId);
    if (!row) throw notFound('Issue', id);
    return toIssue(row);
  }

  issues(botId: string, page: PageRequest): Listed<Issue> {
    const query = { from: `(${issueSelect} WHERE t.bot_id = ?) t`, where: [], params: [botId] };
    return mapPage(listPage<IssueRow>(this.db, query, newestFirst, page), toIssue);
  }

  issueEvents(botId: string, issueId: string): IssueEvent[] {
    this.issue(botId, issueId);
    return this.db
      .all<{ id: string; data: string; created_at: string }>('SELECT * FROM bp_issue_events WHERE issue_id = ? ORDER BY created_at DESC, id DESC', issueId)
      .map((row) => ({ id: row.id, createdAt: row.created_at, data: JSON.parse(row.data) as GroupedData }));
  }

  deleteIssue(botId: string, id: string): void {
    this.issue(botId, id);
    this.db.run('DELETE FROM bp_issues WHERE id = ?', id);
  }

  log(botId: string, level: LogLevel, message: string, about: { conversationId?: string; userId?: string } = {}, at?: string): void {
    this.db.run(
      'INSERT INTO bp_logs (id, bot_id, created_at, level, message, conversation_id, user_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
      newId('log'),
      botId,
      at ?? nowIso(),
      level,
      message,
      about.conversationId ?? null,
      about.userId ?? null,
    );
    if (++this.writes % PRUNE_EVERY === 0) {
      this.db.run(
        'DELETE FROM bp_logs WHERE bot_id = ? AND created_at < (SELECT created_at FROM bp_logs WHERE bot_id = ? ORDER BY created_at DESC LIMIT 1 OFFSET ?)',
        botId,
        botId,
        KEEP_LOGS,
      );
    }
  }

  logs(botId: string, filter: LogFilter, page: PageRequest): Listed<LogEntry> {
    const where = ['t.bot_id = ?', 't.created_at >= ?'];
    const params: SqlValue[] = [botId, new Date(filter.timeStart).toISOString()];
    if (filter.timeEnd) {
      where.push('t.created_at < ?');
      params.push(new Date(filter.timeEnd).toISOString());
    }
    for (const [value, column] of [
      [filter.level, 'level'],
      [filter.userId, 'user_id'],
      [filter.conversationId, 'conversation_id'],
    ] as const) {
      if (value === undefined) continue;
      where.push(`t.${column} = ?`);
      params.push(value);
    }
    if (filter.messageContains) {
      where.push("instr(lower(t.message), lower(?)) > 0");
      params.push(filter.messageContains);
    }
    return mapPage(listPage<LogRow>(this.db, { from: 'bp_logs t', where, params }, newestFirst, page), toLog);
  }
}
