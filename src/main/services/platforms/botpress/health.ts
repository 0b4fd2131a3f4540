// A bot's health from Botpress's admin API (which needs the workspace): its analytics per day,
// its open issues and its logs, in Deckhand's terms (shared/bot-health.ts).
import { z } from 'zod';
import { LogLevel, type BotAnalyticsDay, type BotIssue } from '../../../../shared/bot-health';
import { PlatformError } from '../../errors/platform-error';
import type { BotHealthPort } from '../platform';
import { attempt, type BotpressClient } from './client';
import { WireAnalytics, WireIssue, WireLog, checked } from './wire';

const DAY_MS = 86_400_000;

/** Every UTC day from `from` to `to`, both included (YYYY-MM-DD). */
export function daysBetween(from: string, to: string): string[] {
  const start = Date.parse(`${from}T00:00:00.000Z`);
  const end = Date.parse(`${to}T00:00:00.000Z`);
  const days: string[] = [];
  for (let t = start; t <= end; t += DAY_MS) days.push(new Date(t).toISOString().slice(0, 10));
  return days;
}

const zeroDay = (day: string): BotAnalyticsDay => ({ day, conversations: 0, userMessages: 0, botMessages: 0, newUsers: 0, returningUsers: 0 });

export function botpressHealth(client: BotpressClient, workspaceId: string | undefined): BotHealthPort {
  const admin = () => {
    // The admin API needs the workspace; an account stored without one cannot ask it.
    if (workspaceId === undefined) throw new PlatformError('Invalid', 'This Botpress account was added without its workspace; sign in again to see bot health.');
    return client.for(undefined, workspaceId);
  };
  return {
    async analytics(botId, { from, to }) {
      const answer = await attempt('getBotAnalytics', () => admin().getBotAnalytics({ id: botId, startDate: `${from}T00:00:00.000Z`, endDate: `${to}T23:59:59.999Z` }));
      const byDay = new Map(daysBetween(from, to).map((day) => [day, zeroDay(day)]));
      // Records may come finer than a day: each counts on the day it starts.
      for (const record of checked(z.array(WireAnalytics), answer.records, 'getBotAnalytics')) {
        const day = byDay.get(record.startDateTimeUtc.slice(0, 10));
        if (!day) continue;
        day.conversations += record.sessions;
        day.userMessages += record.userMessages;
        day.botMessages += record.botMessages;
        day.newUsers += record.newUsers;
        day.returningUsers += record.returningUsers;
      }
      return [...byDay.values()];
    },

    async issues(botId) {
      const issues = await attempt('listBotIssues', () => admin().list.botIssues({ id: botId }).collect());
      return checked(z.array(WireIssue), issues, 'listBotIssues')
        .map(
          (i): BotIssue => ({
            id: i.id,
            code: i.code,
            title: i.title,
            description: i.description,
            category: i.category,
            count: i.eventsCount,
            firstSeen: i.createdAt,
            lastSeen: i.lastSeenAt,
          }),
        )
        .sort((a, b) => b.lastSeen.localeCompare(a.lastSeen));
    },

    async logs(botId, filter, cursor) {
      const answer = await attempt('getBotLogs', () =>
        admin().getBotLogs({
          id: botId,
          timeStart: filter.since,
          ...(filter.level !== undefined && { level: filter.level }),
          ...(filter.search !== undefined && { messageContains: filter.search }),
          ...(cursor !== undefined && { nextToken: cursor }),
        }),
      );
      const logs = checked(z.array(WireLog), answer.logs, 'getBotLogs').map((log) => {
        // A level Deckhand does not know reads as info rather than failing the page.
        const level = LogLevel.safeParse(log.level);
        return { ...log, level: level.success ? level.data : ('info' as const) };
      });
      return { logs, next: answer.nextToken ?? null };
    },
  };
}
