// The demo bot's past beyond its conversations: 30 days of analytics (quieter at weekends,
// an LLM behind the answers), and the problems a real bot of this kind runs into, as open
// issues with their occurrences and the matching error lines in its logs.
import { Random } from '../../demo/random';
import type { BotpressChat } from '../chat';
import { dayOf, type Stats } from '../store/analytics';
import type { NewIssue } from '../store/health';

const DAY = 86_400_000;
export const ANALYTICS_DAYS = 30;

const round = (n: number, digits = 0) => Number(n.toFixed(digits));

function stats(rng: Random, mean: number, spread: number, digits = 0): Stats {
  return {
    mean: round(mean, digits),
    sd: round(mean * spread, digits),
    min: round(mean * (1 - 2 * spread * rng.next()), digits),
    max: round(mean * (1 + 3 * spread + rng.next()), digits),
  };
}

/** One record per day for the last 30 days, today included; live traffic adds to them. */
export function seedAnalytics(chat: BotpressChat, botId: string, now: number): void {
  const rng = new Random('deckhand-botpress-analytics');
  for (let d = ANALYTICS_DAYS - 1; d >= 0; d--) {
    const day = dayOf(now - d * DAY);
    const weekday = new Date(day).getUTCDay();
    const load = (weekday === 0 ? 0.45 : weekday === 6 ? 0.7 : 1) * (0.85 + 0.3 * rng.next());
    const newUsers = Math.round(38 * load);
    const returningUsers = Math.round(21 * load);
    const sessions = newUsers + returningUsers + rng.int(3, 12);
    const userMessages = Math.round(sessions * (3.6 + rng.next()));
    const botMessages = Math.round(userMessages * (1.25 + 0.2 * rng.next()));
    const handovers = Math.round(sessions * (0.18 + 0.06 * rng.next()));
    const eventTypes = { hitlAssigned: handovers - rng.int(0, 2), hitlStopped: handovers - rng.int(1, 4) };
    const calls = Math.round(botMessages * 0.55);
    const inputTokens = calls * rng.int(900, 1300);
    const outputTokens = calls * rng.int(90, 160);
    const cost = (inputTokens * 0.15 + outputTokens * 0.6) / 1_000_000;
    chat.analytics.setDay(
      botId,
      day,
      { newUsers, returningUsers, sessions, userMessages, botMessages, events: eventTypes.hitlAssigned + eventTypes.hitlStopped },
      {
        eventTypes,
        customEvents: { orderTracked: Math.round(sessions * 0.3), repairBooked: Math.round(sessions * 0.05) },
        llm: {
          calls,
          errors: rng.int(0, 3),
          inputTokens,
          outputTokens,
          latency: stats(rng, 1150 + 300 * rng.next(), 0.35),
          tokensPerSecond: stats(rng, 85 + 20 * rng.next(), 0.2, 1),
          cost: { ...stats(rng, cost / calls, 0.4, 6), sum: round(cost, 4) },
        },
      },
    );
  }
}

interface Problem {
  issue: NewIssue;
  log: string;
  /** Days ago of each occurrence. */
  seen: number[];
}

const problems: Problem[] = [
  {
    issue: {
      code: 'integration_whatsapp_send_failed',
      title: 'WhatsApp message could not be delivered',
      description: 'Meta rejected a message because the 24-hour customer service window had closed (error 131047). Answer with an approved template instead.',
      category: 'other',
      resolutionLink: 'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes',
      data: { integration: { raw: 'whatsapp' }, error: { raw: '(#131047) Re-engagement message', pretty: 'More than 24 hours have passed since the customer last replied.' } },
    },
    log: 'whatsapp: send failed: (#131047) Re-engagement message',
    seen: [6.2, 3.9, 1.4, 0.3],
  },
  {
    issue: {
      code: 'action_execution_timeout',
      title: 'Action took longer than the execution time limit',
      description: 'The action lookupOrder did not finish within 60 seconds; the order system answered too slowly.',
      category: 'limits',
      resolutionLink: 'https://botpress.com/docs/cloud/limits',
      data: { action: { raw: 'lookupOrder' }, durationMs: { raw: '60000', pretty: '60 s' } },
    },
    log: 'Action lookupOrder timed out after 60000 ms',
    seen: [2.5, 2.48, 0.9],
  },
  {
    issue: {
      code: 'integration_gmail_token_expired',
      title: 'Gmail integration needs to be reconnected',
      description: 'The refresh token of the Gmail integration was revoked; new mail is not received until it is authorized again.',
      category: 'configuration',
      resolutionLink: null,
      data: { integration: { raw: 'gmail' }, error: { raw: 'invalid_grant: Token has been expired or revoked.' } },
    },
    log: 'gmail: token refresh failed: invalid_grant',
    seen: [0.8, 0.5, 0.1],
  },
];

export function seedHealth(chat: BotpressChat, botId: string, now: number): void {
  for (const problem of problems) {
    for (const days of problem.seen) {
      const at = new Date(now - days * DAY).toISOString();
      chat.health.raise(botId, problem.issue, at);
      chat.health.log(botId, 'error', problem.log, {}, at);
    }
  }
}
