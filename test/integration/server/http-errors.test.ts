// What every endpoint does with malformed requests: the right 4xx and a message, never a 500.
import { request as httpRequest } from 'node:http';
import { describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../../src/server/app';
import { ErrorBody } from '../../../src/server/wire';
import { rawRequest } from '../../support/raw-http';
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

describe('errors outside the routes', () => {
  const server = useServer();
  const shaped = (status: number, type: string) => ({ status, body: { error: expect.any(String), type } });

  it('answers a URL the router cannot decode in the error shape', async () => {
    const response = await call(server.get(), 'GET', '/v1/chatbots/%E0%A4%A/conversations');
    expect({ status: response.status, body: response.body }).toEqual(shaped(400, 'InvalidPayload'));
  });

  it('answers a path segment longer than any id in the error shape', async () => {
    const response = await call(server.get(), 'GET', `/v1/chatbots/${'x'.repeat(101)}/conversations`);
    expect({ status: response.status, body: response.body }).toEqual(shaped(400, 'InvalidPayload'));
    expect(response.body.error).toMatch(/100 characters/);
  });

  it.each([
    ['a malformed header line', 'GET /v1/auth/me HTTP/1.1\r\nHost: x\r\nthis is no header\r\n\r\n', 400, 'InvalidPayload'],
    ['an unknown method', 'FROBNICATE /v1/auth/me HTTP/1.1\r\nHost: x\r\n\r\n', 400, 'InvalidPayload'],
    ['headers over the size limit', `GET /v1/auth/me HTTP/1.1\r\nHost: x\r\nx-pad: ${'a'.repeat(20_000)}\r\n\r\n`, 413, 'PayloadTooLarge'],
    ['two Content-Length values', 'POST /v1/auth/me HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab', 400, 'InvalidPayload'],
  ])("answers %s (Node's own client error) in the error shape", async (_what, request, status, type) => {
    const answer = await rawRequest(server.get().url, request);
    expect(answer.status).toBe(status);
    expect(answer.headers['content-type']).toMatch(/^application\/json/);
    expect(ErrorBody.parse(JSON.parse(answer.body))).toEqual({ error: expect.any(String), type });
  });
});

describe('a HEAD request that Node refuses', () => {
  const server = useServer();

  it('gets its status without a body, as a HEAD answer must be', async () => {
    const answer = await rawRequest(server.get().url, `HEAD /v1/auth/me HTTP/1.1\r\nHost: x\r\nx-pad: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(answer).toMatchObject({ status: 413, body: '' });
    expect(answer.headers['content-length']).toBe('0');
  });
});

describe('date parameters', () => {
  const server = useServer();
  const dates = [
    ['9999-12-31T23:59:59-23:59', 'past the year 9999 in UTC'],
    ['0000-01-01T00:00:00+01:00', 'before the year 0000 in UTC'],
    ['2024-02-30T10:00:00Z', 'no such day'],
    ['2024-09-29T07:08:00', 'no time zone'],
    [`2024-09-29T07:08:00.${'1'.repeat(100)}Z`, 'too long'],
  ];
  const parameters = [
    ['/v1/chatbots/bot_shop/conversations', 'updatedSince'],
    ['/v1/chatbots/bot_shop/organizations', 'pageToken'],
  ];
  const cases = parameters.flatMap(([path, name]) => dates.map(([value, why]) => ({ path, name, value, why })));

  it.each(cases)('refuses $name=$value ($why)', async ({ path, name, value }) => {
    const response = await call(server.get(), 'GET', `${path}?${name}=${encodeURIComponent(value!)}`);
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ type: 'InvalidQuery', error: expect.stringContaining(`query.${name}`) });
  });

  it.each(parameters)('takes the last instant of year 9999 and the first of year 0000 for %s?%s', async (path, name) => {
    for (const value of ['9999-12-31T23:59:59.999Z', '0000-01-01T00:00:00Z', '9999-12-31T23:59:59+01:00']) {
      expect((await call(server.get(), 'GET', `${path}?${name}=${encodeURIComponent(value)}`)).status, value).toBe(200);
    }
  });
});

describe('authentication comes first', () => {
  const server = useServer();

  it('answers a bad key before looking at the body', async () => {
    const cases = [
      { rawBody: '{"name": "Acme",' },
      { rawBody: 'name=Acme', contentType: 'text/plain' },
      { rawBody: JSON.stringify({ name: 'x'.repeat(MAX_BODY_BYTES) }) },
    ];
    for (const options of cases) {
      for (const key of [null, 'cc_not_a_real_key']) {
        const response = await call(server.get(), 'POST', orgs, { key, ...options });
        expect(response.status, `${key} ${options.rawBody.slice(0, 20)}`).toBe(401);
        expect(response.body.type).toBe('Unauthorized');
      }
    }
  });

  it('does not wait for a body that a request without a valid key announces', async () => {
    const { url } = server.get();
    const answer = await new Promise<{ status: number | undefined; body: string } | 'no answer'>((resolve, reject) => {
      const request = httpRequest(`${url}${orgs}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': '1000', 'x-chatcaptain-key': 'cc_not_a_real_key' },
      });
      // The body never comes: an answer can only be one given before it.
      const timer = setTimeout(() => {
        request.destroy();
        resolve('no answer');
      }, 3000);
      request.on('response', (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => {
          clearTimeout(timer);
          request.destroy();
          resolve({ status: response.statusCode, body });
        });
      });
      request.on('error', reject);
      request.flushHeaders();
    });
    expect(answer).toEqual({ status: 401, body: expect.stringContaining('"type":"Unauthorized"') });
  });
});

describe('rate limit for requests without a valid key', () => {
  const server = useServer({ rateLimit: { max: 5, windowMs: 60_000, unauthenticatedMax: 3 } });

  it('counts them per client address, whatever key they make up, and leaves valid keys alone', async () => {
    const s = server.get();
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await call(s, 'GET', orgs, { key: `cc_made_up_${i}` })).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    const missing = await call(s, 'GET', orgs, { key: null });
    expect(missing.status).toBe(429);
    expect(missing.body).toEqual({ type: 'RateLimited', error: expect.stringMatching(/retry/i) });
    expect((await call(s, 'GET', orgs)).status).toBe(200);
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
