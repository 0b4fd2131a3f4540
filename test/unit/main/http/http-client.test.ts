// The HTTP client against a scripted node:http peer: the one place a fake server is right, since
// the real one cannot be made to time out, fail with 503, or send a wrong Date on demand. It
// speaks ChatCaptain's dialect here (the key header, `{ error }` bodies).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { toIpcError } from '../../../../src/main/services/errors/ipc-error';
import { PlatformError } from '../../../../src/main/services/errors/platform-error';
import { isTransient } from '../../../../src/main/services/errors/transient';
import { HttpClient, type HttpOptions } from '../../../../src/main/services/http/http-client';
import { chatcaptainDialect, permissionIn } from '../../../../src/main/services/platforms/chatcaptain/dialect';

type Respond = (res: ServerResponse) => void;
interface Seen {
  method: string;
  url: string;
  key: string | undefined;
  body: string;
}

let server: Server;
let baseUrl = '';
let script: Respond[] = [];
let seen: Seen[] = [];
const stalled: ServerResponse[] = [];

// Each request takes the next scripted answer; the last one repeats.
function handle(req: IncomingMessage, res: ServerResponse): void {
  let body = '';
  req.on('data', (chunk: Buffer) => (body += chunk.toString()));
  req.on('end', () => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', key: req.headers['x-chatcaptain-key'] as string | undefined, body });
    const respond = script.length > 1 ? script.shift()! : script[0]!;
    respond(res);
  });
}

const json =
  (status: number, body: unknown, headers: Record<string, string> = {}): Respond =>
  (res) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
const raw =
  (status: number, text: string, contentType = 'text/html'): Respond =>
  (res) => {
    res.writeHead(status, { 'content-type': contentType });
    res.end(text);
  };
const never: Respond = (res) => void stalled.push(res);
const headersOnly: Respond = (res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.write('{"ok":');
  stalled.push(res);
};

const Ok = z.object({ ok: z.literal(true) });
const ok = json(200, { ok: true });

function client(options: HttpOptions = {}) {
  const sleeps: number[] = [];
  const http = new HttpClient(baseUrl, chatcaptainDialect('cc_testkey_0123456789'), {
    backoffBaseMs: 100,
    backoffCapMs: 1_000,
    random: () => 1,
    sleep: async (ms) => void sleeps.push(ms),
    ...options,
  });
  return { http, sleeps };
}

async function failure(promise: Promise<unknown>): Promise<PlatformError> {
  const error = await promise.then(
    () => expect.fail('expected the request to fail'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PlatformError);
  return error as PlatformError;
}

beforeAll(async () => {
  server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(() => {
  stalled.splice(0).forEach((res) => res.destroy());
  script = [];
  seen = [];
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('HttpClient', () => {
  it('sends the key and query, and returns the validated body', async () => {
    script = [json(200, { ok: true, extra: 'ignored' })];
    const { http } = client();
    expect(await http.request('GET', '/v1/x', Ok, { query: { a: 'b c', skip: undefined, n: 2 } })).toEqual({ ok: true });
    expect(seen).toEqual([{ method: 'GET', url: '/v1/x?a=b+c&n=2', key: 'cc_testkey_0123456789', body: '' }]);
  });

  it('sends a JSON body', async () => {
    script = [ok];
    await client().http.request('POST', '/v1/x', Ok, { body: { text: 'hallo' } });
    expect(seen[0]).toMatchObject({ method: 'POST', body: '{"text":"hallo"}' });
  });

  it.each([500, 502, 503, 504])('retries a GET after %i and succeeds', async (status) => {
    script = [json(status, { error: 'busy', type: 'Internal' }), json(status, { error: 'busy', type: 'Internal' }), ok];
    const { http, sleeps } = client();
    expect(await http.request('GET', '/v1/x', Ok)).toEqual({ ok: true });
    expect(seen).toHaveLength(3);
    expect(sleeps).toEqual([100, 200]);
  });

  it('gives up after the configured retries with the last error', async () => {
    script = [json(503, { error: 'down for maintenance', type: 'Internal' })];
    const { http, sleeps } = client({ retries: 2 });
    const error = await failure(http.request('DELETE', '/v1/x', Ok));
    expect(error).toMatchObject({ code: 'Server', status: 503, message: 'down for maintenance' });
    expect(seen).toHaveLength(3);
    expect(sleeps).toHaveLength(2);
  });

  it('draws full-jitter sleeps in [0, min(cap, base·2^n)]', async () => {
    script = [json(503, { error: 'busy', type: 'Internal' })];
    const draws = [0, 0.5, 1, 0.25, 1];
    const { http, sleeps } = client({ retries: 5, random: () => draws.shift()! });
    await failure(http.request('GET', '/v1/x', Ok));
    // Ceilings 100, 200, 400, 800, then capped at 1000.
    expect(sleeps).toEqual([0, 100, 400, 200, 1000]);
  });

  it('never repeats a POST that is not marked idempotent', async () => {
    script = [json(503, { error: 'busy', type: 'Internal' }), ok];
    const { http, sleeps } = client();
    expect((await failure(http.request('POST', '/v1/x', Ok, { body: {} }))).code).toBe('Server');
    expect(seen).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('repeats a POST the caller marks idempotent', async () => {
    script = [json(503, { error: 'busy', type: 'Internal' }), ok];
    const { http } = client();
    expect(await http.request('POST', '/v1/x', Ok, { body: { clientMessageId: 'c1' }, idempotent: true })).toEqual({ ok: true });
    expect(seen.map((s) => s.body)).toEqual(['{"clientMessageId":"c1"}', '{"clientMessageId":"c1"}']);
  });

  it.each([
    [400, 'InvalidPayload', 'Invalid'],
    [401, 'Unauthorized', 'Unauthorized'],
    [403, 'Forbidden', 'Forbidden'],
    [404, 'ResourceNotFound', 'NotFound'],
    [409, 'AlreadyExists', 'Invalid'],
    [413, 'PayloadTooLarge', 'Invalid'],
    [415, 'UnsupportedMediaType', 'Invalid'],
    [501, 'Internal', 'Server'],
  ])('maps %i %s to %s without retrying', async (status, type, code) => {
    script = [json(status, { error: `it failed (${type})`, type }), ok];
    const { http, sleeps } = client();
    const error = await failure(http.request('GET', '/v1/x', Ok));
    expect(error).toMatchObject({ code, status, message: `it failed (${type})` });
    expect(seen).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('names the permission a 403 reports', async () => {
    script = [json(403, { error: 'This key lacks the permission chatbots.versions.deploy', type: 'Forbidden' })];
    const error = await failure(client().http.request('GET', '/v1/x', Ok));
    expect(error.permission).toBe('chatbots.versions.deploy');
  });

  it('honours Retry-After on 429 as the least wait', async () => {
    script = [json(429, { error: 'slow down', type: 'RateLimited' }, { 'retry-after': '2' }), ok];
    const { http, sleeps } = client();
    expect(await http.request('GET', '/v1/x', Ok)).toEqual({ ok: true });
    // The jitter (at most 100 ms here) is below what the server asked for.
    expect(sleeps).toEqual([2000]);
  });

  it('retries a 429 without Retry-After on the jitter alone', async () => {
    script = [json(429, { error: 'slow down', type: 'RateLimited' }), ok];
    const { http, sleeps } = client({ random: () => 0.5 });
    await http.request('GET', '/v1/x', Ok);
    expect(sleeps).toEqual([50]);
  });

  it('hands a 429 asking for too long a wait to the caller', async () => {
    script = [json(429, { error: 'slow down', type: 'RateLimited' }, { 'retry-after': '120' }), ok];
    const { http, sleeps } = client({ maxRetryAfterMs: 30_000 });
    const error = await failure(http.request('GET', '/v1/x', Ok));
    expect(error).toMatchObject({ code: 'RateLimited', status: 429, retryAfterMs: 120_000 });
    expect(sleeps).toEqual([]);
  });

  it('times out a request that gets no answer, and retries a GET', async () => {
    script = [never];
    const { http, sleeps } = client({ timeoutMs: 100, retries: 1 });
    const error = await failure(http.request('GET', '/v1/x', Ok));
    expect(error.code).toBe('Timeout');
    expect(seen).toHaveLength(2);
    expect(sleeps).toHaveLength(1);
  });

  it('times out a body that stops half-way', async () => {
    script = [headersOnly];
    const error = await failure(client({ timeoutMs: 100, retries: 0 }).http.request('GET', '/v1/x', Ok));
    expect(error.code).toBe('Timeout');
  });

  it('reports an unreachable server as Network, after retrying', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const { sleeps } = client();
    const http = new HttpClient(`http://127.0.0.1:${port}`, chatcaptainDialect('k'), { retries: 2, sleep: async (ms) => void sleeps.push(ms) });
    const error = await failure(http.request('GET', '/v1/x', Ok));
    expect(error.code).toBe('Network');
    expect(error.message).toContain(`127.0.0.1:${port}`);
    expect(sleeps).toHaveLength(2);
  });

  it('turns a body that is not JSON into Malformed, without retrying', async () => {
    script = [raw(200, '<html>hello</html>'), ok];
    const { http } = client();
    const error = await failure(http.request('GET', '/v1/x', Ok));
    expect(error).toMatchObject({ code: 'Malformed', status: 200 });
    expect(seen).toHaveLength(1);
  });

  it('turns a body of the wrong shape into Malformed, naming where', async () => {
    script = [json(200, { ok: 'yes' })];
    const error = await failure(client().http.request('GET', '/v1/x', Ok));
    expect(error.code).toBe('Malformed');
    expect(error.message).toMatch(/at ok/);
  });

  it('maps an error that is not JSON by its status', async () => {
    script = [raw(502, '<html>Bad Gateway</html>')];
    const error = await failure(client({ retries: 0 }).http.request('GET', '/v1/x', Ok));
    expect(error).toMatchObject({ code: 'Server', status: 502 });
    expect(error.message).toMatch(/HTTP 502/);
  });

  it('computes the server offset from Date: the middle of what one-second resolution and the round trip allow', async () => {
    const serverNow = Date.UTC(2030, 0, 1, 12, 0, 0);
    script = [json(200, { ok: true }, { date: new Date(serverNow).toUTCString() })];
    const times = [1_000, 3_000];
    const { http } = client({ now: () => times.shift()! });
    expect(http.serverOffset()).toBe(0);
    await http.request('GET', '/v1/x', Ok);
    // The server wrote a time in [Date, Date + 1 s) between send (1 000) and receive (3 000).
    expect(http.serverOffset()).toBe(serverNow - 1_500);
  });

  it('measures a real skew with real clocks, and keeps it when Date is missing or invalid', async () => {
    const hour = 3_600_000;
    script = [json(200, { ok: true }, { date: new Date(Date.now() + hour).toUTCString() })];
    const { http } = client();
    await http.request('GET', '/v1/x', Ok);
    // Date has one-second resolution.
    expect(Math.abs(http.serverOffset() - hour)).toBeLessThan(1_500);
    const measured = http.serverOffset();

    script = [json(200, { ok: true }, { date: 'not a date' })];
    await http.request('GET', '/v1/x', Ok);
    expect(http.serverOffset()).toBe(measured);
    script = [
      (res) => {
        res.sendDate = false;
        json(200, { ok: true })(res);
      },
    ];
    await http.request('GET', '/v1/x', Ok);
    expect(http.serverOffset()).toBe(measured);
  });

  it('probes a path by status and never throws', async () => {
    script = [json(404, { error: 'No route', type: 'ResourceNotFound' })];
    expect(await client().http.probe('/socket.io/?EIO=4&transport=polling')).toBe(404);
    expect(await new HttpClient('http://127.0.0.1:1', chatcaptainDialect('k')).probe('/x')).toBeNull();
  });
});

describe('redirects', () => {
  // Another origin (another port on the same host is another origin) that records what reaches it.
  let elsewhere: Server;
  let elsewhereUrl = '';
  const reached: Seen[] = [];
  beforeAll(async () => {
    elsewhere = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        reached.push({ method: req.method ?? '', url: req.url ?? '', key: req.headers['x-chatcaptain-key'] as string | undefined, body });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ ok: true }));
      });
    });
    await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
    elsewhereUrl = `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}`;
  });
  afterEach(() => void reached.splice(0));
  afterAll(async () => {
    elsewhere.closeAllConnections();
    await new Promise((resolve) => elsewhere.close(resolve));
  });

  const redirect = (status: number, location: string): Respond => (res) => {
    res.writeHead(status, { location });
    res.end();
  };

  it.each([301, 302, 303, 307, 308])('never carries the key to another origin on a %i, and says why', async (status) => {
    script = [redirect(status, `${elsewhereUrl}/v1/x`)];
    const error = await failure(client().http.request('POST', '/v1/x', Ok, { body: { secret: 'reply text' }, idempotent: true }));
    expect(reached).toEqual([]);
    expect(error.code).toBe('Redirected');
    expect(error.message).toContain(elsewhereUrl);
    expect(error.message).toMatch(/redirect/i);
    expect(seen).toHaveLength(1); // refused at once, not retried
  });

  it('follows a redirect within the same origin, with the key', async () => {
    script = [redirect(307, '/v2/x'), json(200, { ok: true })];
    expect(await client().http.request('GET', '/v1/x', Ok)).toEqual({ ok: true });
    expect(seen.map((s) => [s.url, s.key])).toEqual([
      ['/v1/x', 'cc_testkey_0123456789'],
      ['/v2/x', 'cc_testkey_0123456789'],
    ]);
  });

  it('gives up on a redirect loop', async () => {
    script = [redirect(302, '/v1/x')];
    expect((await failure(client().http.request('GET', '/v1/x', Ok))).message).toMatch(/redirect/i);
    expect(seen.length).toBeLessThanOrEqual(6);
  });

  it('probes without following a redirect elsewhere', async () => {
    script = [redirect(302, `${elsewhereUrl}/socket.io/`)];
    expect(await client().http.probe('/socket.io/?EIO=4&transport=polling')).toBe(302);
    expect(reached).toEqual([]);
  });
});

describe('errors', () => {
  it('holds one rule for what may pass by itself', () => {
    for (const code of ['Network', 'Timeout', 'RateLimited'] as const) expect(isTransient(new PlatformError(code, 'x'))).toBe(true);
    expect(isTransient(new PlatformError('Server', 'x', { status: 500 }))).toBe(true);
    expect(isTransient(new PlatformError('Server', 'x', { status: 503 }))).toBe(true);
    expect(isTransient(new PlatformError('Server', 'x'))).toBe(true);
    expect(isTransient(new PlatformError('Server', 'x', { status: 501 }))).toBe(false);
    for (const code of ['Unauthorized', 'Forbidden', 'NotFound', 'Invalid', 'Malformed', 'Internal'] as const) {
      expect(isTransient(new PlatformError(code, 'x'))).toBe(false);
    }
    expect(isTransient(new Error('a bug'))).toBe(false);
  });

  it('finds the permission in a 403 message', () => {
    expect(permissionIn('This key lacks the permission chatbots.step-payload.handle')).toBe('chatbots.step-payload.handle');
    expect(permissionIn('This key has no access to chatbot bot_shop')).toBeUndefined();
  });

  it('turns anything into the contract error shape, leaking no stack or key', () => {
    const forbidden = new PlatformError('Forbidden', 'no', { status: 403, permission: 'chatbots.versions.deploy' });
    expect(toIpcError(forbidden)).toEqual({ code: 'Forbidden', message: 'no', permission: 'chatbots.versions.deploy' });
    expect(toIpcError(new PlatformError('Network', 'failed with key cc_abcdefghijklmnop'))).toEqual({
      code: 'Network',
      message: 'failed with key cc_…',
    });
    expect(toIpcError(Object.assign(new Error('weak'), { code: 'WeakEncryption' }))).toEqual({ code: 'WeakEncryption', message: 'weak' });
    // Every secret shape a platform uses: Botpress tokens, bearer tokens of any shape, JWTs.
    expect(toIpcError(new PlatformError('Unauthorized', 'token bp_pat_AbCdEf0123456789xyz refused')).message).toBe('token bp_… refused');
    expect(toIpcError(new PlatformError('Unauthorized', 'sent Authorization: Bearer abc.DEF-123_456~789')).message).toBe('sent Authorization: Bearer …');
    expect(toIpcError(new PlatformError('Invalid', 'bad eyJhbGciOiJI.eyJzdWIiOiIx.SflKxwRJSMeK')).message).toBe('bad eyJ…');
    const internal = toIpcError(new TypeError('secret detail at /home/x'));
    expect(internal).toEqual({ code: 'Internal', message: 'An internal error occurred' });
    expect(toIpcError('a string')).toEqual({ code: 'Internal', message: 'An internal error occurred' });
    expect(toIpcError(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' })).code).toBe('Internal');
  });
});
