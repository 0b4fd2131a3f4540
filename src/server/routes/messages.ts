// A conversation's message history and the agent reply. Replies carry a clientMessageId from
// the app's outbox: a retry after a lost answer gets the stored message back (200), so a reply
// is never stored or announced twice.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ServerContext } from '../context';
import { authOf } from '../http/auth';
import { notFound } from '../http/errors';
import { parse } from '../http/validate';
import { ChatbotParams, id } from '../http/schemas';
import { ConversationStore } from '../store/conversations';

export const ConversationParams = ChatbotParams.extend({ conversationId: id });

export const MessagesQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: id.optional(),
});

export const ReplyBody = z.strictObject({
  conversationId: id,
  text: z
    .string()
    .min(1)
    .max(10_000)
    .refine((text) => text.trim() !== '', 'must not be blank'),
  clientMessageId: z.string().min(1).max(100).optional(),
});

export function messageRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const store = new ConversationStore(ctx.db, ctx.events, ctx.baseUrl);

  app.get(
    '/v1/chatbots/:chatbotId/conversations/:conversationId/messages',
    { config: { permission: 'chatbots.messages.list' } },
    async (request) => {
      const { chatbotId, conversationId } = parse(ConversationParams, request.params, 'params');
      const query = parse(MessagesQuery, request.query, 'query');
      if (!store.get(chatbotId, conversationId)) throw notFound('Conversation', conversationId);
      return { messages: store.listMessages(chatbotId, conversationId, query) };
    },
  );

  app.post('/v1/inbox/:chatbotId/messages', { config: { permission: 'chatbots.inbox.messages.create' } }, async (request, reply) => {
    const { chatbotId } = parse(ChatbotParams, request.params, 'params');
    const body = parse(ReplyBody, request.body, 'body');
    const { message, created } = store.reply(chatbotId, { ...body, agentId: authOf(request).agentId });
    return reply.status(created ? 201 : 200).send({ message });
  });
}
