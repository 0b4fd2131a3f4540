// /v1/chat/users: create, get, list, get-or-create, update, delete.
import { z } from 'zod';
import type { Routes } from '../routing';
import { BpError } from '../errors';
import { integrationByName } from '../bot/definition';
import { discriminateByTags, id, normalizeQuery, pageQuery, parse, rangeQuery, shortText, sortQuery, tags, tagsPatch, url } from '../schemas';
import { initialTags } from '../store/tags';
import { listed } from './shared';

const Params = z.strictObject({ id });
const Create = z.strictObject({
  tags,
  integrationName: z.string().min(1).max(100).optional(),
  name: shortText.optional(),
  pictureUrl: url.optional(),
});
const GetOrCreate = Create.extend({ tags: tagsPatch, discriminateByTags: discriminateByTags.optional() });
const Update = z.strictObject({ tags: tagsPatch.optional(), name: shortText.nullable().optional(), pictureUrl: url.nullable().optional() });
const List = z.strictObject({ ...pageQuery, ...rangeQuery, ...sortQuery, conversationId: id.optional(), tags: tags.optional(), rangeField: z.enum(['createdAt', 'updatedAt']).optional() });

/** Users are not delegated to integrations here, but naming one that is not installed is an error. */
function checkIntegration(name: string | undefined): void {
  if (name && !integrationByName(name)) throw new BpError('InvalidPayload', `body.integrationName: integration ${name} is not installed on this bot`);
}

export const userRoutes: Routes = (r, chat) => {
  r.post('/users', 'chat.write', ({ botId }, request) => {
    const body = parse(Create, request.body, 'body');
    checkIntegration(body.integrationName);
    return { user: chat.createUser(botId, { tags: initialTags(body.tags), name: body.name, pictureUrl: body.pictureUrl }) };
  });

  r.get('/users/:id', 'chat.read', ({ botId }, request) => ({ user: chat.users.require(botId, parse(Params, request.params, 'params').id) }));

  r.get('/users', 'chat.read', ({ botId }, request) => {
    const query = parse(List, normalizeQuery(request.query), 'query');
    const sort = { field: query.sortField ?? 'createdAt', direction: query.sortDirection ?? 'desc' } as const;
    return listed('users', chat.users.list(botId, query, sort, query));
  });

  r.post('/users/get-or-create', 'chat.write', ({ botId }, request) => {
    const body = parse(GetOrCreate, request.body, 'body');
    checkIntegration(body.integrationName);
    const { user, created } = chat.getOrCreateUser(botId, { ...body, tags: initialTags(body.tags) });
    return { user, meta: { created } };
  });

  r.put('/users/:id', 'chat.write', ({ botId }, request) => {
    const { id: userId } = parse(Params, request.params, 'params');
    return { user: chat.users.update(botId, userId, parse(Update, request.body === undefined ? {} : request.body, 'body')) };
  });

  r.delete('/users/:id', 'chat.delete', ({ botId }, request) => ({ user: chat.users.delete(botId, parse(Params, request.params, 'params').id) }));
};
