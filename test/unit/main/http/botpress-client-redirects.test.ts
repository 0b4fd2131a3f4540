// The Botpress client and redirects: like every platform's client, it never carries the token, a
// bot id or a reply's text to another origin, and says why the request failed.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { attempt, BotpressClient } from '../../../../src/main/services/platforms/botpress/client';
import type { PlatformError } from '../../../../src/main/services/errors/platform-error';

interface Seen {
  method: string;
  url: string;
  authorization: string | undefined;
  botId: string | undefined;
  body: string;
}

type Respond = (res: ServerResponse) => void;

async function listen(handle: (req: IncomingMessage, body: string, res: ServerResponse) => void): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => handle(req, body, res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

const record = (req: IncomingMessage, body: string): Seen => ({
  method: req.method ?? '',
  url: req.url ?? '',
  authorization: req.headers.authorization,
  botId: req.headers['x-bot-id'] as string | undefined,
  body,
});

const json = (body: unknown): Respond => (res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};
const redirect = (status: number, location: string): Respond => (res) => {
  res.writeHead(status, { location });
  res.end();
};

let api: { server: Server; url: string };
let elsewhere: { server: Server; url: string };
let script: Respond[] = [];
const seen: Seen[] = [];
const reached: Seen[] = [];

beforeAll(async () => {
  api = await listen((req, body, res) => {
    seen.push(record(req, body));
    (script.length > 1 ? script.shift()! : script[0]!)(res);
  });
  elsewhere = await listen((req, body, res) => {
    reached.push(record(req, body));
    json({ message: { id: 'm-1' } })(res);
  });
});
afterEach(() => {
  seen.splice(0);
  reached.splice(0);
});
afterAll(async () => {
  for (const { server } of [api, elsewhere]) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

const client = () => new BotpressClient({ apiUrl: api.url, token: 'bp_pat_secret', retries: 2, backoffBaseMs: 1, backoffCapMs: 2 }).for('bot-1');

async function failure(promise: Promise<unknown>): Promise<PlatformError> {
  try {
    await promise;
  } catch (error) {
    return error as PlatformError;
  }
  throw new Error('expected the call to fail');
}

describe('a Botpress server that redirects', () => {
  it.each([301, 302, 303, 307, 308])('never carries the token, the bot or the text to another origin on a %i, and says why', async (status) => {
    script = [redirect(status, `${elsewhere.url}/v1/chat/messages`)];
    const error = await failure(
      attempt('createMessage', () => client().createMessage({ conversationId: 'c-1', userId: 'u-1', type: 'text', payload: { text: 'Bin gleich da.' }, tags: {} })),
    );
    expect(reached).toEqual([]);
    expect(error.code).toBe('Redirected');
    expect(error.message).toContain(elsewhere.url);
    expect(seen).toHaveLength(1); // refused at once, not retried
  });

  it('refuses a read redirected elsewhere at once too', async () => {
    script = [redirect(302, `${elsewhere.url}/v1/chat/conversations/c-1`)];
    const error = await failure(attempt('getConversation', () => client().getConversation({ id: 'c-1' })));
    expect(error.code).toBe('Redirected');
    expect(reached).toEqual([]);
    expect(seen).toHaveLength(1);
  });

  it('follows a redirect within the same origin, with the token', async () => {
    script = [redirect(307, '/v2/chat/conversations/c-1'), json({ conversation: { id: 'c-1' } })];
    expect(await attempt('getConversation', () => client().getConversation({ id: 'c-1' }))).toEqual({ conversation: { id: 'c-1' } });
    expect(seen.map((s) => [s.url, s.authorization, s.botId])).toEqual([
      ['/v1/chat/conversations/c-1', 'Bearer bp_pat_secret', 'bot-1'],
      ['/v2/chat/conversations/c-1', 'Bearer bp_pat_secret', 'bot-1'],
    ]);
  });

  it('gives up on a redirect loop, without retrying it', async () => {
    script = [redirect(302, '/v1/chat/conversations/c-1')];
    const error = await failure(attempt('getConversation', () => client().getConversation({ id: 'c-1' })));
    expect(error.code).toBe('Redirected');
    expect(error.message).toMatch(/^getConversation: the server redirected more than 5 times/);
    expect(seen.length).toBeLessThanOrEqual(6);
  });
});
