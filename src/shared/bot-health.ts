// How a bot is doing, in Deckhand's own terms: its daily analytics, its open issues and its
// logs. A platform with the botHealth capability maps its wire shapes to these; the Bot health
// screen shows them. Schemas, so the IPC boundary validates them too.
import { z } from 'zod';

const isoDate = z.iso.datetime({ offset: true });
/** A calendar day, UTC: 2026-03-01. */
export const Day = z.iso.date();

/** One UTC day of a bot's traffic. */
export const BotAnalyticsDay = z.object({
  day: Day,
  /** Conversations started that day. */
  conversations: z.number().int().min(0),
  userMessages: z.number().int().min(0),
  botMessages: z.number().int().min(0),
  newUsers: z.number().int().min(0),
  /** Users who had come on an earlier day and came back that day. */
  returningUsers: z.number().int().min(0),
});
export type BotAnalyticsDay = z.infer<typeof BotAnalyticsDay>;

/** A problem the bot keeps having, with how often and when it last happened. */
export const BotIssue = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  description: z.string(),
  category: z.string(),
  count: z.number().int().min(0),
  firstSeen: isoDate,
  lastSeen: isoDate,
});
export type BotIssue = z.infer<typeof BotIssue>;

export const LogLevel = z.enum(['debug', 'info', 'warn', 'error']);
export type LogLevel = z.infer<typeof LogLevel>;

export const BotLogEntry = z.object({
  timestamp: isoDate,
  level: LogLevel,
  message: z.string(),
  conversationId: z.string().optional(),
  userId: z.string().optional(),
});
export type BotLogEntry = z.infer<typeof BotLogEntry>;

/** Which log lines: from a time on, optionally of one level or containing a text. */
export const LogFilter = z.object({
  since: isoDate,
  level: LogLevel.optional(),
  search: z.string().trim().min(1).max(200).optional(),
});
export type LogFilter = z.infer<typeof LogFilter>;

export const LogPage = z.object({
  /** Newest first. */
  logs: z.array(BotLogEntry),
  /** Goes on with older lines; null when there are none. */
  next: z.string().nullable(),
});
export type LogPage = z.infer<typeof LogPage>;
