// What every endpoint does with malformed requests: the right 4xx and a message, never a 500.
import { describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../../src/server/app';
import { call, useServer } from '../../support/server';

const orgs = '/v1/chatbots/bot_shop/organizations';

describe('bad requests', () => {
  const server = useServer({ rateLimit: { max: 1000, windowMs: 60_000 } });

  it('answers malformed JSON with 400', async () => {
    const response = await call(server.get(), 'POST', orgs, { rawBody: '{"name": "Acme",' });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ type: 'InvalidPayload', error: expect.stringMatching(/Malformed JSON/) });
  });

  it('answers an unsupported content type with 415', async () => {
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const response = await call(server.get(), 'POST', orgs, { rawBody: 'name=Acme', contentType });
      expect(response.status, contentType).toBe(415);
      expect(response.body.type).toBe('UnsupportedMediaType');
    }
  });

  it('answers a body over 1 MB with 413 and keeps serving', async () => {
    const big = JSON.stringify({ name: 'x'.repeat(MAX_BODY_BYTES) });
    const response = await call(server.get(), 'POST', orgs, { rawBody: big });
    expect(response.status).toBe(413);
    expect(response.body).toEqual({ type: 'PayloadTooLarge', error: expect.stringMatching(/1 MB/) });
    expect((await call(server.get(), 'GET', orgs)).status).toBe(200);
  });

  it('answers a JSON body that is not an object with 400', async () => {
    for (const rawBody of ['[]', '"name"', '42', 'null']) {
      const response = await call(server.get(), 'POST', orgs, { rawBody });
      expect(response.status, rawBody).toBe(400);
      expect(response.body.type).toBe('InvalidPayload');
    }
  });

  it('answers an unknown route with 404 in the error shape', async () => {
    const response = await call(server.get(), 'GET', '/v1/chatbots/bot_shop/nothing-here');
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ type: 'ResourceNotFound', error: expect.stringContaining('/nothing-here') });
  });

  it('survives a burst of garbage without a 500', async () => {
    const garbage = ['{', '}', '{"a":', '\u0000', '{"name": 1e999999}', '{"__proto__": {"x": 1}}', '🙂'];
    const responses = await Promise.all(garbage.map((rawBody) => call(server.get(), 'POST', orgs, { rawBody })));
    for (const response of responses) expect(response.status).toBeLessThan(500);
  });
});

describe('rate limit', () => {
  const server = useServer({ rateLimit: { max: 5, windowMs: 60_000 } });

  it('answers 429 with Retry-After once a key exceeds its budget, per key', async () => {
    const s = server.get();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await call(s, 'GET', orgs)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const limited = await call(s, 'GET', orgs);
    expect(limited.body).toEqual({ type: 'RateLimited', error: expect.stringMatching(/retry/i) });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another key has its own budget.
    expect((await call(s, 'GET', orgs, { key: s.workspace.keys.viewer })).status).toBe(200);
  });
});
