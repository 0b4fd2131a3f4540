// The Botpress Cloud API's shapes as this client accepts them (../shared/api-docs/botpress-api.txt).
// @botpress/client types its answers but does not check them; every answer used is parsed here
// (at the boundary, as for ChatCaptain), and only this folder knows these shapes: map.ts turns
// them into Deckhand's domain.
import { z } from 'zod';
import { PlatformError } from '../../errors/platform-error';

const isoDate = z.iso.datetime({ offset: true });
const tags = z.record(z.string(), z.string());

export const WireConversation = z.object({
  id: z.string(),
  createdAt: isoDate,
  updatedAt: isoDate,
  channel: z.string(),
  integration: z.string(),
  tags,
});
export type WireConversation = z.infer<typeof WireConversation>;

export const WireMessage = z.object({
  id: z.string(),
  createdAt: isoDate,
  type: z.string(),
  payload: z.record(z.string(), z.unknown()),
  direction: z.enum(['incoming', 'outgoing']),
  userId: z.string(),
  conversationId: z.string(),
  tags,
});
export type WireMessage = z.infer<typeof WireMessage>;

export const WireUser = z.object({ id: z.string(), tags, name: z.string().optional() });
export type WireUser = z.infer<typeof WireUser>;

/** One device's presence write, as kept in an agent's user state (presence.ts). */
export const WirePresenceEntry = z.object({
  online: z.boolean(),
  clientTimestamp: z.string().regex(/^\d+$/),
  lastSeen: isoDate.nullable().optional(),
});
export type WirePresenceEntry = z.infer<typeof WirePresenceEntry>;

export const WireState = z.object({ updatedAt: isoDate, payload: z.record(z.string(), z.unknown()) });

export const WireEvent = z.object({
  id: z.string(),
  status: z.enum(['pending', 'ignored', 'processed', 'failed', 'scheduled', 'canceled']),
  failureReason: z.string().nullable().optional(),
});

export const WireAccount = z.object({ id: z.string(), displayName: z.string().optional(), email: z.string() });
export const WireWorkspace = z.object({ id: z.string(), name: z.string() });
export const WireBot = z.object({ id: z.string(), name: z.string() });

export const WireAnalytics = z.object({
  startDateTimeUtc: isoDate,
  returningUsers: z.number(),
  newUsers: z.number(),
  sessions: z.number(),
  userMessages: z.number(),
  botMessages: z.number(),
});

export const WireIssue = z.object({
  id: z.string(),
  code: z.string(),
  createdAt: isoDate,
  lastSeenAt: isoDate,
  title: z.string(),
  description: z.string(),
  category: z.string(),
  eventsCount: z.number(),
});

export const WireLog = z.object({
  timestamp: isoDate,
  level: z.string(),
  message: z.string(),
  conversationId: z.string().optional(),
  userId: z.string().optional(),
});

/** The answer, checked; a Botpress that answers something else is Malformed, not a crash later. */
export function checked<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
  throw new PlatformError('Malformed', `${what}: unexpected answer${where}: ${issue?.message ?? 'wrong shape'}`);
}
