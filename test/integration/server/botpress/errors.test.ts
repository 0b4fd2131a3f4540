// Every error the client can meet, decoded by @botpress/client into its own error classes, in
// the body shape of the doc's table; and no bad input of any kind answered with a 500.
import {
  ForbiddenError,
  InvalidPayloadError,
  InvalidQueryError,
  RateLimitedError,
  ReferenceNotFoundError,
  ResourceNotFoundError,
  UnauthorizedError,
} from '@botpress/client';
import { describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../../../src/server/app';
import { useServer } from '../../../support/server';
import { bpFetch, botpressClient } from '../../../support/botpress';

const shape = (type: string, status: number, description: string) => ({
  id: expect.stringMatching(/^err_\d{14}x[0-9A-F]{8}$/),
  code: status,
  status,
  type,
  description,
  message: expect.any(String),
});

describe('Botpress errors', () => {
  const server = useServer({ rateLimit: { max: 2000, windowMs: 60_000 } });

  it('decodes authentication and permission failures into the client error classes', async () => {
    const s = server.get();
    await expect(botpressClient(s, 'bp_pat_made-up').listConversations({})).rejects.toBeInstanceOf(UnauthorizedError);
    const noToken = await bpFetch(s, 'GET', '/v1/chat/conversations', { token: null });
    expect(noToken).toMatchObject({ status: 401, body: shape('Unauthorized', 401, 'The request requires to be authenticated.') });

    const agent = botpressClient(s);
    const { conversation } = await agent.createConversation({ channel: 'channel', integrationName: 'webchat', tags: {} });
    await expect(agent.deleteConversation({ id: conversation.id })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(botpressClient(s, s.botpress.tokens.bot).listBots({})).rejects.toMatchObject({ type: 'Forbidden', code: 403 });
    const otherBot = await bpFetch(s, 'GET', '/v1/chat/users', { headers: { 'x-bot-id': 'someone-elses-bot' } });
    expect(otherBot).toMatchObject({ status: 403, body: shape('Forbidden', 403, "The requested action can't be peform by this resource.") });
    expect((await bpFetch(s, 'GET', '/v1/admin/bots', { headers: { 'x-workspace-id': 'wkspace_other' } })).status).toBe(403);
    // An integration's token only works as that integration, and nobody else may claim to be one.
    const integrationToken = s.botpress.issueToken({ role: 'integration', label: 'w', workspaceId: s.botpress.workspaceId, botIds: [s.botpress.botId], integrationId: 'intver_whatsapp' });
    expect((await bpFetch(s, 'GET', '/v1/chat/users', { token: integrationToken })).status).toBe(403);
    expect((await bpFetch(s, 'GET', '/v1/chat/users', { headers: { 'x-integration-id': 'intver_whatsapp' } })).status).toBe(403);
  });

  it('answers missing headers, bad bodies, queries and references with the documented 400s', async () => {
    const s = server.get();
    const bp = botpressClient(s);
    expect(await bpFetch(s, 'GET', '/v1/chat/users', { headers: { 'x-bot-id': null } })).toMatchObject({ status: 400, body: { type: 'InvalidPayload', message: expect.stringContaining('x-bot-id') } });
    expect(await bpFetch(s, 'GET', '/v1/admin/bots', { headers: { 'x-workspace-id': null } })).toMatchObject({ status: 400, body: { message: expect.stringContaining('x-workspace-id') } });
    await expect(bp.createUser({ tags: { 'bad key!': 'x' } })).rejects.toBeInstanceOf(InvalidPayloadError);
    await expect(bp.createConversation({ channel: 'sms', integrationName: 'webchat', tags: {} })).rejects.toMatchObject({ type: 'InvalidPayload', message: expect.stringContaining('no channel sms') });
    await expect(bp.createConversation({ channel: 'channel', tags: {} })).rejects.toMatchObject({ message: expect.stringContaining('integrationName') });
    await expect(bp.listConversations({ afterDate: 'yesterday' })).rejects.toBeInstanceOf(InvalidQueryError);
    await expect(bp.createMessage({ conversationId: 'conv_missing', userId: 'user_missing', type: 'text', payload: { text: 'x' }, tags: {} })).rejects.toBeInstanceOf(ReferenceNotFoundError);
    await expect(bp.getUser({ id: 'user_missing' })).rejects.toBeInstanceOf(ResourceNotFoundError);
    await expect(bp.createEvent({ type: 'hitlAssigned', payload: { conversationId: 'conv_x' } })).rejects.toMatchObject({ type: 'InvalidPayload', message: expect.stringContaining('userId') });
    await expect(bp.createEvent({ type: 'x', payload: {}, schedule: { delay: 1000 } })).rejects.toMatchObject({ type: 'InvalidPayload', message: expect.stringContaining('schedule') });
    const unknownField = await bpFetch(s, 'POST', '/v1/chat/users', { body: { tags: {}, nickname: 'x' } });
    expect(unknownField).toMatchObject({ status: 400, body: { message: expect.stringContaining('nickname') } });
  });

  it('answers unknown paths 404 (the admin areas out of scope included) and known paths with another method 405', async () => {
    const s = server.get();
    for (const path of ['/v1/chat/nothing', '/v1/admin/account/pats', '/v1/admin/workspaces/wkspace_1/billing/details', '/v1/admin/workspace-members', '/v1/admin/hub/integrations', '/v1/admin/integrations']) {
      expect(await bpFetch(s, 'GET', path), path).toMatchObject({ status: 404, body: shape('ResourceNotFound', 404, 'The requested resource does not exist.') });
    }
    // The router's own failures, too: a malformed escape, a path parameter over its length.
    for (const path of ['/v1/chat/users/%E0%A4%A', `/v1/chat/users/${'u'.repeat(300)}`]) {
      expect(await bpFetch(s, 'GET', path), path).toMatchObject({ status: 400, body: { type: 'InvalidPayload', code: 400, id: expect.any(String) } });
    }
    const wrongMethod = await bpFetch(s, 'PATCH', '/v1/chat/users/user_1', { body: {} });
    expect(wrongMethod).toMatchObject({ status: 405, body: { ...shape('MethodNotFound', 405, 'The requested method does not exist.'), message: expect.stringContaining('GET, PUT, DELETE') } });
  });

  it('answers a body over 1 MB with 413 and one that is not JSON with 415', async () => {
    const s = server.get();
    const big = await bpFetch(s, 'POST', '/v1/chat/users', { rawBody: JSON.stringify({ tags: {}, name: 'x'.repeat(MAX_BODY_BYTES) }) });
    expect(big).toMatchObject({ status: 413, body: shape('PayloadTooLarge', 413, 'The request payload is too large.') });
    const text = await bpFetch(s, 'POST', '/v1/chat/users', { rawBody: 'name=x', contentType: 'text/plain' });
    expect(text).toMatchObject({ status: 415, body: { type: 'UnsupportedMediaType' } });
  });

  it('never answers bad input with a 500', async () => {
    const s = server.get();
    const { conversation } = await botpressClient(s).createConversation({ channel: 'channel', integrationName: 'webchat', tags: {} });
    // Nested too deep for any schema, and too deep to parse at all.
    const deep = (levels: number) => '{"payload":' + '{"a":'.repeat(levels) + '1' + '}'.repeat(levels + 1);
    const garbage = ['{', '[]', 'null', '42', '"x"', '{"tags": []}', '{"payload": {"__proto__": {"x": 1}}}', '{"type": 1e999999}', deep(200), deep(100_000), '\u0000'];
    const paths: [string, string][] = [
      ['POST', '/v1/chat/users'],
      ['POST', '/v1/chat/users/get-or-create'],
      ['PUT', '/v1/chat/users/user_x'],
      ['POST', '/v1/chat/conversations'],
      ['PUT', `/v1/chat/conversations/${conversation.id}`],
      ['POST', '/v1/chat/messages'],
      ['POST', '/v1/chat/messages/get-or-create'],
      ['POST', '/v1/chat/events'],
      ['POST', `/v1/chat/states/conversation/${conversation.id}/hitl`],
      ['PATCH', `/v1/chat/states/conversation/${conversation.id}/hitl`],
      ['POST', `/v1/chat/states/bot/${s.botpress.botId}/x/get-or-set`],
      ['POST', '/v1/chat/actions'],
    ];
    for (const [method, path] of paths) {
      for (const rawBody of garbage) {
        const answer = await bpFetch(s, method, path, { rawBody });
        expect(answer.status, `${method} ${path} ${rawBody.slice(0, 20)}`).toBeGreaterThanOrEqual(400);
        expect(answer.status, `${method} ${path} ${rawBody.slice(0, 20)}`).toBeLessThan(500);
        expect(answer.body.type).toEqual(expect.any(String));
      }
    }
    const queries = ['?pageSize=abc', '?nextToken=%00', '?tags.a=1&tags.a=2', '?participantIds=' + 'p&participantIds='.repeat(30), '?sortField=name', '?afterDate[x]=1'];
    for (const query of queries) {
      for (const list of ['/v1/chat/conversations', '/v1/chat/users', '/v1/chat/messages', '/v1/chat/events']) {
        const answer = await bpFetch(s, 'GET', list + query);
        expect(answer.status, list + query).toBeLessThan(500);
      }
    }
    for (const path of ['/v1/admin/bots/x/analytics?startDate=2024-13-01&endDate=2024-01-01', `/v1/admin/bots/${s.botpress.botId}/analytics?startDate=2024-01-01`, `/v1/admin/bots/${s.botpress.botId}/logs`, `/v1/chat/states/planet/x/y`]) {
      expect((await bpFetch(s, 'GET', path)).status, path).toBe(path.includes('/x/analytics') ? 404 : 400);
    }
  });
});

describe('Botpress rate limits', () => {
  const server = useServer({ rateLimit: { max: 5, windowMs: 60_000 } });

  it('gives each token its own budget and says when to retry', async () => {
    const s = server.get();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await bpFetch(s, 'GET', '/v1/chat/users', { token: s.botpress.tokens.agent })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const limited = await bpFetch(s, 'GET', '/v1/chat/users', { token: s.botpress.tokens.agent });
    expect(limited.body).toMatchObject({ type: 'RateLimited', code: 429 });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    await expect(botpressClient(s, s.botpress.tokens.agent).listUsers({})).rejects.toBeInstanceOf(RateLimitedError);
    expect((await bpFetch(s, 'GET', '/v1/chat/users', { token: s.botpress.tokens.admin })).status).toBe(200);
  });

  it('turns an address away after too many bad tokens, whatever it sends next', async () => {
    const s = server.get();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await bpFetch(s, 'GET', '/v1/chat/users', { token: `bp_pat_guess${i}` })).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    expect((await bpFetch(s, 'GET', '/v1/chat/users', { token: s.botpress.tokens.bot })).status).toBe(429);
  });
});
