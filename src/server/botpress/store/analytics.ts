// Daily analytics of a bot, one row per UTC day. The demo seed writes a month of history;
// every user, conversation, message and event written afterwards counts on its own day.
import type { Db } from '../../db/database';

export interface Stats {
  mean: number;
  sd: number;
  min: number;
  max: number;
}

export interface Llm {
  calls: number;
  errors: number;
  inputTokens: number;
  outputTokens: number;
  latency: Stats;
  tokensPerSecond: Stats;
  cost: Stats & { sum: number };
}

export interface Counts {
  returningUsers: number;
  newUsers: number;
  sessions: number;
  userMessages: number;
  botMessages: number;
  events: number;
}

export interface AnalyticsRecord extends Counts {
  startDateTimeUtc: string;
  endDateTimeUtc: string;
  /** Deprecated in the doc in favour of userMessages; the same number. */
  messages: number;
  eventTypes: Record<string, number>;
  customEvents: Record<string, number>;
  llm: Llm;
}

interface Row {
  day: string;
  returning_users: number;
  new_users: number;
  sessions: number;
  user_messages: number;
  bot_messages: number;
  events: number;
  event_types: string;
  custom_events: string;
  llm: string | null;
}

const DAY = 86_400_000;
const zero: Stats = { mean: 0, sd: 0, min: 0, max: 0 };
export const noLlm: Llm = { calls: 0, errors: 0, inputTokens: 0, outputTokens: 0, latency: zero, tokensPerSecond: zero, cost: { ...zero, sum: 0 } };

const columns: Record<keyof Counts, string> = {
  returningUsers: 'returning_users',
  newUsers: 'new_users',
  sessions: 'sessions',
  userMessages: 'user_messages',
  botMessages: 'bot_messages',
  events: 'events',
};

export const dayOf = (at: string | number): string => new Date(at).toISOString().slice(0, 10);

export class AnalyticsStore {
  constructor(private readonly db: Db) {}

  /** Adds to the counts of the day `at` falls on, and to the event type's count when given. */
  add(botId: string, at: string, counts: Partial<Counts>, eventType?: string): void {
    this.db.tx(() => {
      const day = dayOf(at);
      this.db.run('INSERT OR IGNORE INTO bp_analytics (bot_id, day) VALUES (?, ?)', botId, day);
      for (const [key, n] of Object.entries(counts) as [keyof Counts, number][]) {
        this.db.run(`UPDATE bp_analytics SET ${columns[key]} = ${columns[key]} + ? WHERE bot_id = ? AND day = ?`, n, botId, day);
      }
      if (eventType) {
        const row = this.db.get<{ event_types: string }>('SELECT event_types FROM bp_analytics WHERE bot_id = ? AND day = ?', botId, day);
        const types = JSON.parse(row?.event_types ?? '{}') as Record<string, number>;
        types[eventType] = (types[eventType] ?? 0) + 1;
        this.db.run('UPDATE bp_analytics SET event_types = ? WHERE bot_id = ? AND day = ?', JSON.stringify(types), botId, day);
      }
    });
  }

  /** Writes a whole day's record (the seed's history). */
  setDay(botId: string, day: string, counts: Counts, extra: { eventTypes: Record<string, number>; customEvents: Record<string, number>; llm: Llm }): void {
    this.db.run(
      `INSERT OR REPLACE INTO bp_analytics
         (bot_id, day, returning_users, new_users, sessions, user_messages, bot_messages, events, event_types, custom_events, llm)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      botId,
      day,
      counts.returningUsers,
      counts.newUsers,
      counts.sessions,
      counts.userMessages,
      counts.botMessages,
      counts.events,
      JSON.stringify(extra.eventTypes),
      JSON.stringify(extra.customEvents),
      JSON.stringify(extra.llm),
    );
  }

  /** One record per UTC day from `start`'s day through `end`'s day, zeros where nothing happened. */
  range(botId: string, start: Date, end: Date): AnalyticsRecord[] {
    const first = Date.parse(dayOf(start.getTime()));
    const last = Date.parse(dayOf(end.getTime()));
    const rows = new Map(
      this.db
        .all<Row>('SELECT * FROM bp_analytics WHERE bot_id = ? AND day >= ? AND day <= ?', botId, dayOf(first), dayOf(last))
        .map((row) => [row.day, row]),
    );
    const records: AnalyticsRecord[] = [];
    for (let t = first; t <= last; t += DAY) {
      const row = rows.get(dayOf(t));
      const userMessages = row?.user_messages ?? 0;
      records.push({
        startDateTimeUtc: new Date(t).toISOString(),
        endDateTimeUtc: new Date(t + DAY).toISOString(),
        returningUsers: row?.returning_users ?? 0,
        newUsers: row?.new_users ?? 0,
        sessions: row?.sessions ?? 0,
        messages: userMessages,
        userMessages,
        botMessages: row?.bot_messages ?? 0,
        events: row?.events ?? 0,
        eventTypes: JSON.parse(row?.event_types ?? '{}') as Record<string, number>,
        customEvents: JSON.parse(row?.custom_events ?? '{}') as Record<string, number>,
        llm: row?.llm ? (JSON.parse(row.llm) as Llm) : noLlm,
      });
    }
    return records;
  }
}
