// /v1/chat/states/{type}/{id}/{name}: get (GET), set (POST; a null payload deletes the
// state, as @botpress/client does it), patch (PATCH) and get-or-set (POST .../get-or-set).
import { z } from 'zod';
import type { Routes } from '../routing';
import { boundedJson, id, identifier, parse } from '../schemas';

const Params = z.strictObject({ type: z.enum(['conversation', 'user', 'bot', 'integration', 'workflow']), id, name: identifier });
const payload = boundedJson(128 * 1024);
// Up to a year of idleness, in ms; null takes the expiry off.
const expiry = z.number().int().min(1).max(366 * 86_400_000).nullable().optional();
const Set = z.strictObject({ payload: payload.nullable(), expiry });
const Patch = z.strictObject({ payload, expiry });

export const stateRoutes: Routes = (r, chat) => {
  const path = '/states/:type/:id/:name';

  r.get(path, 'chat.read', ({ botId }, request) => {
    const key = chat.stateKey(botId, parse(Params, request.params, 'params'));
    return { state: chat.states.require(botId, key), meta: { cached: false } };
  });

  r.post(path, 'chat.write', ({ botId }, request) => {
    const key = chat.stateKey(botId, parse(Params, request.params, 'params'));
    const body = parse(Set, request.body, 'body');
    if (body.payload === null) return { state: chat.states.delete(botId, key) };
    return { state: chat.states.set(botId, key, body.payload, body.expiry) };
  });

  r.patch(path, 'chat.write', ({ botId }, request) => {
    const key = chat.stateKey(botId, parse(Params, request.params, 'params'));
    const body = parse(Patch, request.body, 'body');
    return { state: chat.states.patch(botId, key, body.payload, body.expiry) };
  });

  r.post(`${path}/get-or-set`, 'chat.write', ({ botId }, request) => {
    const key = chat.stateKey(botId, parse(Params, request.params, 'params'));
    const body = parse(Patch, request.body, 'body');
    const { state } = chat.states.getOrSet(botId, key, body.payload, body.expiry);
    return { state, meta: { cached: false } };
  });
};
