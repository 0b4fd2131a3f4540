// /v1/chat/conversations: create, get, list, get-or-create, update, delete. Lists default to
// the most recently changed first; see paging.ts for what the cursor guarantees.
import { z } from 'zod';
import type { Routes } from '../routing';
import type { Caller } from '../auth';
import { BpError } from '../errors';
import { discriminateByTags, id, normalizeQuery, pageQuery, parse, rangeQuery, repeated, sortQuery, tags, tagsPatch } from '../schemas';
import { initialTags } from '../store/tags';
import { listed } from './shared';

const Params = z.strictObject({ id });
const name = z.string().min(1).max(100);
const Create = z.strictObject({ channel: name, tags, integrationName: name.optional() });
const GetOrCreate = Create.extend({ tags: tagsPatch, discriminateByTags: discriminateByTags.optional() });
const Update = z.strictObject({ tags: tagsPatch.optional() });
const count = z.coerce.number().int().min(0).max(1_000_000);
const List = z.strictObject({
  ...pageQuery,
  ...rangeQuery,
  ...sortQuery,
  tags: tags.optional(),
  participantIds: repeated(id, 20).optional(),
  integrationName: name.optional(),
  channel: name.optional(),
  minMessageCount: count.optional(),
  maxMessageCount: count.optional(),
});

/** An integration creates conversations for itself; the bot and people name the integration. */
function integrationFor(caller: Caller, requested: string | undefined): string {
  if (caller.integration) {
    if (requested && requested !== caller.integration.name) {
      throw new BpError('Forbidden', `Integration ${caller.integration.name} cannot create conversations for ${requested}`);
    }
    return caller.integration.name;
  }
  if (!requested) throw new BpError('InvalidPayload', 'body.integrationName: required unless an integration calls');
  return requested;
}

export const conversationRoutes: Routes = (r, chat) => {
  r.post('/conversations', 'chat.write', (caller, request) => {
    const body = parse(Create, request.body, 'body');
    const integration = integrationFor(caller, body.integrationName);
    return { conversation: chat.createConversation(caller.botId, { channel: body.channel, integration, tags: initialTags(body.tags) }) };
  });

  r.get('/conversations/:id', 'chat.read', ({ botId }, request) => ({
    conversation: chat.conversations.require(botId, parse(Params, request.params, 'params').id),
  }));

  r.get('/conversations', 'chat.read', ({ botId }, request) => {
    const query = parse(List, normalizeQuery(request.query), 'query');
    const sort = { field: query.sortField ?? 'updatedAt', direction: query.sortDirection ?? 'desc' } as const;
    const page = chat.conversations.list(botId, query, sort, query);
    return listed('conversations', page);
  });

  r.post('/conversations/get-or-create', 'chat.write', (caller, request) => {
    const body = parse(GetOrCreate, request.body, 'body');
    const integration = integrationFor(caller, body.integrationName);
    const { conversation, created } = chat.getOrCreateConversation(caller.botId, {
      channel: body.channel,
      integration,
      tags: initialTags(body.tags),
      discriminateByTags: body.discriminateByTags,
    });
    return { conversation, meta: { created } };
  });

  r.put('/conversations/:id', 'chat.write', ({ botId }, request) => {
    const { id: conversationId } = parse(Params, request.params, 'params');
    return { conversation: chat.conversations.update(botId, conversationId, parse(Update, request.body === undefined ? {} : request.body, 'body')) };
  });

  r.delete('/conversations/:id', 'chat.delete', ({ botId }, request) => ({
    conversation: chat.conversations.delete(botId, parse(Params, request.params, 'params').id),
  }));
};
