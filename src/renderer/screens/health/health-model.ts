// The Bot health screen's pure parts: the period asked for, the three charts and their series,
// totals and the words that stand for a chart (its summary and its table). No React, so it is
// unit-tested in node.
import type { BotAnalyticsDay } from '../../../shared/bot-health';

export type RangeDays = 7 | 30;
export const ranges: readonly RangeDays[] = [7, 30];

const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The last `days` UTC days, today included. */
export function periodOf(days: RangeDays, now = Date.now()): { from: string; to: string } {
  return { from: isoDay(now - (days - 1) * DAY_MS), to: isoDay(now) };
}

export type SeriesKey = Exclude<keyof BotAnalyticsDay, 'day'>;
export type ChartId = 'conversations' | 'messages' | 'users';

export interface ChartSpec {
  id: ChartId;
  kind: 'bar' | 'line' | 'stacked';
  series: readonly SeriesKey[];
}

/** The charts, in the order shown; each series' colour is --chart-<n> by its place (health.css). */
export const charts: readonly ChartSpec[] = [
  { id: 'conversations', kind: 'bar', series: ['conversations'] },
  { id: 'messages', kind: 'line', series: ['userMessages', 'botMessages'] },
  { id: 'users', kind: 'stacked', series: ['newUsers', 'returningUsers'] },
];

export function totals(days: readonly BotAnalyticsDay[], series: readonly SeriesKey[]): Record<SeriesKey, number> {
  const sum = {} as Record<SeriesKey, number>;
  for (const key of series) sum[key] = days.reduce((n, d) => n + d[key], 0);
  return sum;
}

/** A day for an axis or a table row, in the agent's language: "Mo., 3.11." / "Mon, Nov 3". */
export const dayLabel = (day: string, language: string): string =>
  new Intl.DateTimeFormat(language, { weekday: 'short', day: 'numeric', month: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));

/** Just the date, for ticks where a week's names would crowd. */
export const shortDay = (day: string, language: string): string =>
  new Intl.DateTimeFormat(language, { day: 'numeric', month: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
