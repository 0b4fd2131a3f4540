// /v1/chat/events: create, get, list. The hitl interface's events (hitlAssigned, hitlStopped)
// are checked before they are stored: their payload's shape, and that they name a desk
// conversation and, for hitlAssigned, an existing user.
import { z } from 'zod';
import type { Routes } from '../routing';
import type { BotpressChat } from '../chat';
import { BpError, referenceNotFound } from '../errors';
import { HITL_INTEGRATION, hitlEvents, isHitlEvent } from '../bot/definition';
import { describeIssues } from '../../http/validate';
import { boundedJson, id, identifier, pageQuery, parse } from '../schemas';
import { listed } from './shared';

const Params = z.strictObject({ id });
const Create = z.strictObject({
  type: identifier,
  payload: boundedJson(64 * 1024),
  schedule: z.unknown().optional(),
  conversationId: id.optional(),
  userId: id.optional(),
  messageId: id.optional(),
  workflowId: id.optional(),
});
const List = z.strictObject({
  ...pageQuery,
  type: identifier.optional(),
  conversationId: id.optional(),
  userId: id.optional(),
  messageId: id.optional(),
  workflowId: id.optional(),
  status: z.enum(['pending', 'ignored', 'processed', 'failed', 'scheduled']).optional(),
});

function checkHitlEvent(chat: BotpressChat, botId: string, type: string, payload: unknown): void {
  if (!isHitlEvent(type)) return;
  const result = hitlEvents[type].safeParse(payload);
  if (!result.success) throw new BpError('InvalidPayload', `${type}: ${describeIssues(result.error, 'body.payload')}`);
  const { conversationId, userId } = result.data as { conversationId: string; userId?: string };
  const desk = chat.conversations.get(botId, conversationId);
  if (!desk || desk.integration !== HITL_INTEGRATION) {
    throw new BpError('ReferenceNotFound', `body.payload.conversationId: ${conversationId} is not a desk (hitl) conversation of this bot`);
  }
  if (userId !== undefined && !chat.users.get(botId, userId)) throw referenceNotFound('body.payload.userId', 'User', userId);
}

export const eventRoutes: Routes = (r, chat) => {
  r.post('/events', 'chat.write', ({ botId }, request) => {
    const body = parse(Create, request.body, 'body');
    if (body.schedule !== undefined) throw new BpError('InvalidPayload', 'body.schedule: scheduled events are not supported by the local server');
    if (body.workflowId !== undefined) throw referenceNotFound('workflowId', 'Workflow', body.workflowId);
    checkHitlEvent(chat, botId, body.type, body.payload);
    const event = chat.createEvent(botId, {
      type: body.type,
      payload: body.payload,
      conversationId: body.conversationId,
      userId: body.userId,
      messageId: body.messageId,
    });
    return { event };
  });

  r.get('/events/:id', 'chat.read', ({ botId }, request) => ({ event: chat.events.require(botId, parse(Params, request.params, 'params').id) }));

  r.get('/events', 'chat.read', ({ botId }, request) => {
    const { workflowId, ...query } = parse(List, request.query, 'query');
    // This bot has no workflows, so no event belongs to one.
    if (workflowId !== undefined) return listed('events', { items: [] });
    return listed('events', chat.events.list(botId, query, query));
  });
};
