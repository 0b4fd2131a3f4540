// Inbox agents: everyone's online state, the calling agent's own online toggle, and the calling
// agent's push token. "me" is the agent the API key speaks for.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ServerContext } from '../context';
import { authOf } from '../http/auth';
import { parse } from '../http/validate';
import { ChatbotParams } from '../http/schemas';
import { PresenceStore } from '../store/presence';
import { NotificationSettingsStore } from '../store/notification-settings';

export const OnlineBody = z.strictObject({
  online: z.boolean(),
  // Digits only: the value is compared as an integer, and anything looser ("1e3", " 12", "-1")
  // would compare in surprising ways.
  clientTimestamp: z.string().max(20).regex(/^[0-9]{1,20}$/, 'must be a decimal millisecond string of 1 to 20 digits'),
});

export const NotificationsBody = z.strictObject({
  pushToken: z
    .string()
    .min(1)
    .max(4096)
    .regex(/^\S+$/, 'must not contain whitespace')
    .nullable()
    .optional(),
});

export function inboxAgentRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const presence = new PresenceStore(ctx.db);
  const settings = new NotificationSettingsStore(ctx.db);
  const base = '/v1/inbox/:chatbotId/agents';

  app.get(base + '/online', { config: { permission: 'chatbots.inbox.agents.list' } }, async (request) => {
    const { chatbotId } = parse(ChatbotParams, request.params, 'params');
    return { agents: presence.list(chatbotId) };
  });

  app.post(base + '/me/online', { config: { permission: 'chatbots.inbox.agents.online.edit' } }, async (request) => {
    const { chatbotId } = parse(ChatbotParams, request.params, 'params');
    const body = parse(OnlineBody, request.body, 'body');
    const { agent, applied } = presence.setOnline(chatbotId, authOf(request).agentId, body.online, body.clientTimestamp);
    // An ignored (stale) write changes nothing, so there is nothing for other clients to see.
    if (applied) ctx.events.emit(chatbotId, 'agent.online', { agent });
    return { agent };
  });

  app.get(base + '/me/notifications', { config: { permission: 'chatbots.inbox.agents.notifications.get' } }, async (request) => {
    const { chatbotId } = parse(ChatbotParams, request.params, 'params');
    return settings.get(chatbotId, authOf(request).agentId);
  });

  app.post(base + '/me/notifications', { config: { permission: 'chatbots.inbox.agents.notifications.edit' } }, async (request) => {
    const { chatbotId } = parse(ChatbotParams, request.params, 'params');
    // No body at all is the same as `{}`: the token is cleared (what a client does on sign-out).
    const body = parse(NotificationsBody, request.body ?? {}, 'body');
    return settings.set(chatbotId, authOf(request).agentId, body.pushToken ?? null);
  });
}
