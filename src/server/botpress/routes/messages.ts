// /v1/chat/messages: create, get-or-create, get, update, list, delete. The bot's messages are
// outgoing; everyone else's (integrations, and people such as a desk's agents) incoming, and
// an incoming message reaches the bot. getOrCreate with a `clientMessageId` in
// discriminateByTags is how a desk sends a reply exactly once, however often it retries.
import { z } from 'zod';
import type { Routes } from '../routing';
import type { Caller } from '../auth';
import type { BotpressChat } from '../chat';
import { BpError } from '../errors';
import { messageType, validPayload } from '../payloads';
import { discriminateByTags, id, normalizeQuery, pageQuery, parse, rangeQuery, tags, tagsPatch } from '../schemas';
import { initialTags } from '../store/tags';
import { listed } from './shared';

const Params = z.strictObject({ id });
// Payloads are checked against their kind (payloads.ts), on the object as the client sent it.
const anyPayload = z.unknown();
const Create = z.strictObject({
  payload: anyPayload,
  userId: id,
  conversationId: id,
  type: messageType,
  tags: tags.optional(),
  schedule: z.unknown().optional(),
});
const GetOrCreate = Create.extend({ payload: anyPayload.optional(), tags: tagsPatch, discriminateByTags: discriminateByTags.optional() });
const Update = z.strictObject({ tags: tagsPatch.optional(), payload: anyPayload.optional() });
const List = z.strictObject({ ...pageQuery, ...rangeQuery, conversationId: id.optional(), tags: tags.optional() });

/** Whose message it is and where it goes: an integration only writes in its own conversations. */
function origin(chat: BotpressChat, caller: Caller, conversationId: string) {
  const conversation = chat.conversations.get(caller.botId, conversationId);
  if (conversation && caller.integration && conversation.integration !== caller.integration.name) {
    throw new BpError('Forbidden', `Integration ${caller.integration.name} cannot write in a ${conversation.integration} conversation`);
  }
  return caller.token.role === 'bot' ? ('outgoing' as const) : ('incoming' as const);
}

function noSchedule(schedule: unknown): void {
  if (schedule !== undefined) throw new BpError('InvalidPayload', 'body.schedule: scheduled messages are not supported by the local server; send it when it is due');
}

export const messageRoutes: Routes = (r, chat) => {
  r.post('/messages', 'chat.write', (caller, request) => {
    const body = parse(Create, request.body, 'body');
    noSchedule(body.schedule);
    const message = chat.createMessage(caller.botId, {
      conversationId: body.conversationId,
      userId: body.userId,
      direction: origin(chat, caller, body.conversationId),
      type: body.type,
      payload: validPayload(body.type, body.payload),
      tags: initialTags(body.tags),
    });
    return { message };
  });

  r.post('/messages/get-or-create', 'chat.write', (caller, request) => {
    const body = parse(GetOrCreate, request.body, 'body');
    noSchedule(body.schedule);
    const { message, created } = chat.getOrCreateMessage(caller.botId, {
      conversationId: body.conversationId,
      userId: body.userId,
      direction: origin(chat, caller, body.conversationId),
      type: body.type,
      payload: body.payload === undefined ? undefined : validPayload(body.type, body.payload),
      tags: initialTags(body.tags),
      discriminateByTags: body.discriminateByTags,
    });
    return { message, meta: { created } };
  });

  r.get('/messages/:id', 'chat.read', ({ botId }, request) => ({ message: chat.messages.require(botId, parse(Params, request.params, 'params').id) }));

  r.put('/messages/:id', 'chat.write', ({ botId }, request) => {
    const { id: messageId } = parse(Params, request.params, 'params');
    const body = parse(Update, request.body === undefined ? {} : request.body, 'body');
    const current = chat.messages.require(botId, messageId);
    const payload = body.payload === undefined ? undefined : validPayload(current.type, body.payload);
    return { message: chat.messages.update(botId, messageId, { tags: body.tags, payload }) };
  });

  r.get('/messages', 'chat.read', ({ botId }, request) => {
    const query = parse(List, normalizeQuery(request.query), 'query');
    return listed('messages', chat.messages.list(botId, query, query));
  });

  r.delete('/messages/:id', 'chat.delete', ({ botId }, request) => ({ message: chat.messages.delete(botId, parse(Params, request.params, 'params').id) }));
};
