// What engine.io (under socket.io) refuses is answered like every other error of the server:
// `{error, type}` with the status of its type, over plain HTTP, within a polling session and for
// a WebSocket upgrade; while real socket.io clients keep connecting over each transport.
import { request } from 'node:http';
import { io } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { statusOf } from '../../../src/server/http/errors';
import { ErrorBody, type ErrorType } from '../../../src/server/wire';
import { rawRequest } from '../../support/raw-http';
import { useServer } from '../../support/server';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(url: string, method: string, path: string, headers: Record<string, string> = {}, body?: string | Buffer): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const sent = request(url + path, { method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    sent.on('error', reject);
    sent.end(body);
  });
}

function expectRefusal(answer: Answer, type: ErrorType, message?: RegExp): void {
  expect({ status: answer.status, contentType: answer.headers['content-type'] }).toEqual({
    status: statusOf[type],
    contentType: 'application/json; charset=utf-8',
  });
  const body = ErrorBody.strict().parse(JSON.parse(answer.body));
  expect(body.type).toBe(type);
  if (message) expect(body.error).toMatch(message);
}

const handshake = 'EIO=4&transport=polling';

describe('socket.io endpoint refusals', () => {
  const server = useServer();
  const url = () => server.get().url;
  /** A new polling session's id, as a client's first request gets it. */
  const session = async () => {
    const opened = await send(url(), 'GET', `/socket.io/?${handshake}`);
    expect(opened.status).toBe(200);
    return (JSON.parse(opened.body.slice(1)) as { sid: string }).sid;
  };

  it.each([
    ['GET', '?EIO=4&transport=carrier-pigeon', 'InvalidQuery', /transport/],
    ['GET', '?EIO=4&transport=webtransport', 'InvalidQuery', /transport/],
    ['GET', '?EIO=4', 'InvalidQuery', /transport/],
    ['GET', '?transport=polling', 'InvalidQuery', /EIO=4/],
    ['GET', '?EIO=3&transport=polling', 'InvalidQuery', /EIO=4/],
    ['GET', `?${handshake}&sid=no-such-session`, 'InvalidQuery', /session/i],
    ['POST', `?${handshake}`, 'MethodNotFound', /GET/],
    ['OPTIONS', `?${handshake}`, 'MethodNotFound', /GET/],
    ['GET', '?EIO=4&transport=websocket', 'InvalidQuery', /upgrade/i],
  ] as const)('%s /socket.io/%s → %s', async (method, query, type, message) => {
    const answer = await send(url(), method, `/socket.io/${query}`);
    expectRefusal(answer, type, message);
    if (type === 'MethodNotFound') expect(answer.headers.allow).toBe('GET');
  });

  it('answers what a polling session refuses in the shape', async () => {
    const sid = await session();
    const path = `/socket.io/?${handshake}&sid=${sid}`;
    const put = await send(url(), 'PUT', path, { 'content-type': 'text/plain' }, '2');
    expectRefusal(put, 'MethodNotFound', /GET or POST/);
    expect(put.headers.allow).toBe('GET, POST');
    expectRefusal(await send(url(), 'GET', `/socket.io/?EIO=4&transport=websocket&sid=${sid}`), 'InvalidQuery', /polling/);
    expectRefusal(await send(url(), 'POST', path, { 'content-type': 'application/octet-stream' }, Buffer.from([4, 1, 2])), 'InvalidPayload', /base64/);
    expectRefusal(await send(url(), 'POST', path, { 'content-type': 'text/plain' }, `4${'x'.repeat(1_000_001)}`), 'PayloadTooLarge', /1000000 bytes/);
  });

  it('answers a second poll that overlaps the first in the shape', async () => {
    const path = `/socket.io/?${handshake}&sid=${await session()}`;
    // Whichever reaches the server second is refused; the session then ends, which answers the other.
    const answers = await Promise.all([send(url(), 'GET', path), send(url(), 'GET', path)]);
    const refused = answers.filter((a) => a.status >= 400);
    expect(refused).toHaveLength(1);
    expectRefusal(refused[0]!, 'InvalidPayload', /poll/);
  });

  describe('WebSocket upgrades', () => {
    const upgrade = (query: string, headers: Record<string, string> = {}, method = 'GET') => {
      const all = { Host: 'x', Upgrade: 'websocket', Connection: 'Upgrade', 'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==', 'Sec-WebSocket-Version': '13', ...headers };
      const lines = Object.entries(all).map(([name, value]) => `${name}: ${value}\r\n`).join('');
      return rawRequest(url(), `${method} /socket.io/${query} HTTP/1.1\r\n${lines}\r\n`);
    };

    it.each([
      ['?EIO=4&transport=carrier-pigeon', {}, 'InvalidQuery', /transport/],
      ['?EIO=4&transport=websocket&sid=no-such-session', {}, 'InvalidQuery', /session/i],
      ['?EIO=3&transport=websocket', {}, 'InvalidQuery', /EIO=4/],
      ['?EIO=4&transport=websocket', { 'Sec-WebSocket-Key': 'short' }, 'InvalidPayload', /Sec-WebSocket-Key/],
      ['?EIO=4&transport=websocket', { 'Sec-WebSocket-Version': '99' }, 'InvalidPayload', /Sec-WebSocket-Version/],
      ['?EIO=4&transport=websocket', { 'Sec-WebSocket-Protocol': 'a,,b' }, 'InvalidPayload', /Sec-WebSocket-Protocol/],
    ] as const)('%s %j → %s', async (query, headers, type, message) => {
      expectRefusal(await upgrade(query, headers), type, message);
    });

    it('answers an upgrade of a session by another method than GET', async () => {
      expectRefusal(await upgrade(`?EIO=4&transport=websocket&sid=${await session()}`, {}, 'POST'), 'MethodNotFound', /GET/);
    });

    it('still upgrades a valid request', async () => {
      expect((await upgrade('?EIO=4&transport=websocket')).status).toBe(101);
    });
  });
});

describe('socket.io clients', () => {
  const server = useServer();

  it.each([
    ['polling only', ['polling'], 'polling'],
    ['WebSocket only', ['websocket'], 'websocket'],
    ['polling, upgraded to WebSocket', ['polling', 'websocket'], 'websocket'],
  ] as const)('connect and receive events over %s', async (_name, transports, finalTransport) => {
    const s = server.get();
    const socket = io(s.url, { auth: { key: s.workspace.keys.viewer, chatbotId: 'bot_shop' }, transports: [...transports], reconnection: false, forceNew: true });
    try {
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', resolve);
        socket.once('connect_error', reject);
      });
      if (socket.io.engine.transport.name !== finalTransport) await new Promise((resolve) => socket.io.engine.once('upgrade', resolve));
      const event = new Promise((resolve) => socket.once('conversation.upserted', resolve));
      const body = { chatbotId: 'bot_shop', channelId: 'web', channelName: 'Web chat', providerId: `client-${finalTransport}-${transports.length}`, text: 'Hallo' };
      const handled = await fetch(`${s.url}/v1/chatbots/bot_shop/conversations/handle`, {
        method: 'POST',
        headers: { 'x-chatcaptain-key': s.workspace.keys.admin, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(handled.status).toBe(200);
      expect(await event).toMatchObject({ chatbotId: 'bot_shop', conversation: { providerId: body.providerId } });
      expect(socket.io.engine.transport.name).toBe(finalTransport);
    } finally {
      socket.close();
    }
  });
});
