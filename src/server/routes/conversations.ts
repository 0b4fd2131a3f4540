// Conversations of a chatbot, as the ChatCaptain docs describe them, plus the channel-facing
// endpoints that feed them (handle, event, step payload, custom event). The status rules live
// in ConversationStore; here requests are validated and answered.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ConversationStatus, IncomingMessageContent, contentCaps, type MessageContent } from '../wire';
import type { ServerContext } from '../context';
import { authOf, authorize } from '../http/auth';
import { ApiError, notFound } from '../http/errors';
import { parse } from '../http/validate';
import { ChatbotParams, id, isoDate, label } from '../http/schemas';
import { ConversationStore } from '../store/conversations';

export const ConversationParams = ChatbotParams.extend({ conversationId: id });

export const ListQuery = z.object({
  contactId: id.optional(),
  channelId: id.optional(),
  updatedSince: isoDate('updatedSince').optional(),
});
export const FindQuery = z.object({ channelId: id, providerId: id });

export const CreateBody = z.strictObject({
  channelId: id,
  channelName: label.min(1),
  providerId: id,
  contactId: id.optional(),
  contactName: label.min(1).optional(),
  status: ConversationStatus.optional(),
  assignedAgentId: id.nullable().optional(),
  archived: z.boolean().optional(),
});

export const PatchBody = z
  .strictObject({
    status: ConversationStatus.optional(),
    assignedAgentId: id.nullable().optional(),
    archived: z.boolean().optional(),
    unreadCount: z.number().int().min(0).optional(),
  })
  .refine((patch) => Object.keys(patch).length > 0, 'give at least one of status, assignedAgentId, archived, unreadCount');

// The documented channel-side bodies; fields the docs do not list are ignored, not refused,
// because channel integrations send more than we read.
export const ChannelBody = z.object({
  chatbotId: id,
  channelId: id,
  channelName: label.min(1),
  providerId: id,
  callee: label.optional(),
  async: z.boolean().optional(),
});
export const HandleBody = ChannelBody.extend({
  contactName: label.min(1).optional(),
  text: z.string().min(1).max(contentCaps.text).optional(),
  // Checked as IncomingMessageContent once it is clear the message is not text.
  type: z.unknown().optional(),
  payload: z.unknown().optional(),
});
export const EventBody = ChannelBody.extend({ event: id });
export const StepPayloadBody = z.object({
  chatbotId: id,
  conversationId: id,
  flowId: label.optional(),
  stepId: label.optional(),
  event: label.optional(),
  eventPayload: z
    .string()
    // Aborts, so an oversized value is not also given to JSON.parse.
    .max(10_000, { abort: true })
    .refine((value) => {
      try {
        JSON.parse(value);
        return true;
      } catch {
        return false;
      }
    }, 'must be a JSON string, e.g. "{\\"orderId\\": \\"12345\\"}"')
    .optional(),
  async: z.boolean().optional(),
  isDebug: z.boolean().optional(),
});
export const CustomEventBody = z.object({ chatbotId: id, conversationId: id, event: id });

function sameChatbot(body: { chatbotId: string }, chatbotId: string): void {
  if (body.chatbotId !== chatbotId) {
    throw new ApiError('InvalidPayload', `body.chatbotId: ${body.chatbotId} does not match the chatbot in the path (${chatbotId})`);
  }
}

// The incoming message is either `text` or `type` + `payload`, never a mix.
function incomingContent(body: z.infer<typeof HandleBody>): MessageContent {
  const typed = body.type !== undefined || body.payload !== undefined;
  if (body.text !== undefined && typed) {
    throw new ApiError('InvalidPayload', 'body: give the message either as text or as type and payload, not both');
  }
  if (body.text !== undefined) return { type: 'text', payload: { text: body.text } };
  if (!typed) throw new ApiError('InvalidPayload', 'body: the message is missing: give text, or type and payload');
  return parse(IncomingMessageContent, { type: body.type, payload: body.payload }, 'body');
}

export function conversationRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const store = new ConversationStore(ctx.db, ctx.events, ctx.baseUrl);
  const base = '/v1/chatbots/:chatbotId/conversations';

  const existing = (chatbotId: string, conversationId: string) => {
    const conversation = store.get(chatbotId, conversationId);
    if (!conversation) throw notFound('Conversation', conversationId);
    return conversation;
  };

  app.get(base, { config: { permission: 'chatbots.conversations.list' } }, async (request) => {
    const { chatbotId } = parse(ChatbotParams, request.params, 'params');
    const query = parse(ListQuery, request.query, 'query');
    return store.list(chatbotId, query);
  });

  app.post(base, { config: { permission: 'chatbots.conversations.create' } }, async (request, reply) => {
    const { chatbotId } = parse(ChatbotParams, request.params, 'params');
    const body = parse(CreateBody, request.body, 'body');
    const conversation = store.create(chatbotId, body);
    return reply.status(201).send({ conversation });
  });

  app.get(`${base}/find`, { config: { permission: 'chatbots.conversations.list' } }, async (request) => {
    const { chatbotId } = parse(ChatbotParams, request.params, 'params');
    const { channelId, providerId } = parse(FindQuery, request.query, 'query');
    const conversation = store.find(chatbotId, channelId, providerId);
    if (!conversation) throw notFound('Conversation for channelId/providerId', `${channelId}/${providerId}`);
    return { conversation };
  });

  app.get(`${base}/:conversationId`, { config: { permission: 'chatbots.conversations.get' } }, async (request) => {
    const { chatbotId, conversationId } = parse(ConversationParams, request.params, 'params');
    return { conversation: existing(chatbotId, conversationId) };
  });

  app.patch(`${base}/:conversationId`, { config: { permission: 'chatbots.conversations.edit' } }, async (request) => {
    const { chatbotId, conversationId } = parse(ConversationParams, request.params, 'params');
    const patch = parse(PatchBody, request.body, 'body');
    existing(chatbotId, conversationId);
    return { conversation: store.patch(chatbotId, conversationId, patch) };
  });

  app.delete(`${base}/:conversationId`, { config: { permission: 'chatbots.conversations.edit' } }, async (request) => {
    const { chatbotId, conversationId } = parse(ConversationParams, request.params, 'params');
    if (!store.delete(chatbotId, conversationId)) throw notFound('Conversation', conversationId);
    return { deleted: true };
  });

  app.post(`${base}/handle`, { config: { permission: 'chatbots.messages.handle' } }, async (request) => {
    const { chatbotId } = parse(ChatbotParams, request.params, 'params');
    const body = parse(HandleBody, request.body, 'body');
    sameChatbot(body, chatbotId);
    const content = incomingContent(body);
    // handleIncoming also sends the `push` notifications (pushForMessage) once it has stored.
    return store.handleIncoming(chatbotId, {
      channelId: body.channelId,
      channelName: body.channelName,
      providerId: body.providerId,
      ...(body.contactName !== undefined && { contactName: body.contactName }),
      content,
    });
  });

  app.post(`${base}/event`, { config: { permission: 'chatbots.events.handle' } }, async (request) => {
    const { chatbotId } = parse(ChatbotParams, request.params, 'params');
    const body = parse(EventBody, request.body, 'body');
    sameChatbot(body, chatbotId);
    // An event that starts a conversation posts as the customer, which only channel keys may do.
    if (!store.find(chatbotId, body.channelId, body.providerId)) authorize(authOf(request), 'chatbots.messages.handle', chatbotId);
    const event = { kind: 'event' as const, name: body.event, data: body };
    return { conversation: store.handleEvent(chatbotId, { ...body, event }) };
  });

  app.post(`${base}/payload`, { config: { permission: 'chatbots.step-payload.handle' } }, async (request) => {
    const { chatbotId } = parse(ChatbotParams, request.params, 'params');
    const body = parse(StepPayloadBody, request.body, 'body');
    sameChatbot(body, chatbotId);
    existing(chatbotId, body.conversationId);
    // A step payload is how an agent gives the conversation back: the bot continues from here.
    const event = { kind: 'payload' as const, ...(body.event !== undefined && { name: body.event }), data: body };
    return { conversation: store.recordEvent(chatbotId, body.conversationId, event, true) };
  });

  app.post(`${base}/custom-event`, { config: { permission: 'chatbots.events.handle' } }, async (request) => {
    const { chatbotId } = parse(ChatbotParams, request.params, 'params');
    const body = parse(CustomEventBody, request.body, 'body');
    sameChatbot(body, chatbotId);
    existing(chatbotId, body.conversationId);
    const event = { kind: 'custom_event' as const, name: body.event, data: body };
    return { conversation: store.recordEvent(chatbotId, body.conversationId, event) };
  });
}
