// Socket handshakes that guess keys share the budget of HTTP requests without a valid key: per
// client address, counted only when the key fails, refused with RateLimited once it is used up.
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { ErrorBody } from '../../../src/server/wire';
import { useServer } from '../../support/server';
import { connect } from '../../support/socket';

/** The connect_error of a handshake that must fail, with the `data` the server attached. */
async function refusal(url: string, key: string, localAddress: string): Promise<{ message: string; data: unknown }> {
  try {
    (await connect(url, { key, chatbotId: 'bot_shop' }, { localAddress })).close();
  } catch (error) {
    return { message: (error as Error).message, data: (error as { data?: unknown }).data };
  }
  return expect.fail(`the handshake with ${key} from ${localAddress} was accepted`);
}

/** A plain HTTP request from another loopback address, which fetch cannot send. */
function httpStatus(url: string, key: string, localAddress: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const sent = request(`${url}/v1/chatbots/bot_shop/organizations`, { headers: { 'x-chatcaptain-key': key }, localAddress }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    sent.on('error', reject);
    sent.end();
  });
}

describe('rate limit for socket handshakes without a valid key', () => {
  const server = useServer({ rateLimit: { max: 1000, windowMs: 60_000, unauthenticatedMax: 3 } });
  const valid = (address: string) => connect(server.get().url, { key: server.get().workspace.keys.viewer, chatbotId: 'bot_shop' }, { localAddress: address });

  it('refuses an address that keeps guessing keys, with the documented error shape', async () => {
    const url = server.get().url;
    // Handshakes that succeed do not count.
    for (let i = 0; i < 4; i++) (await valid('127.0.0.2')).close();
    const refused = [];
    for (let i = 0; i < 5; i++) refused.push(await refusal(url, `cc_guess_${i}`, '127.0.0.2'));
    expect(refused.map((r) => ErrorBody.parse(r.data).type)).toEqual(['Unauthorized', 'Unauthorized', 'Unauthorized', 'RateLimited', 'RateLimited']);
    expect(refused[3]).toEqual({
      message: expect.stringMatching(/retry in \d+ s/),
      data: { type: 'RateLimited', error: refused[3]!.message },
    });
    // As over HTTP: a valid key is no guess, whatever its address did before.
    (await valid('127.0.0.2')).close();
  });

  it('counts per client address', async () => {
    const url = server.get().url;
    for (let i = 0; i < 4; i++) await refusal(url, `cc_guess_${i}`, '127.0.0.3');
    expect(ErrorBody.parse((await refusal(url, 'cc_guess_last', '127.0.0.3')).data).type).toBe('RateLimited');
    // Another address has its own budget: its bad key is told it is unknown, its valid key connects.
    expect((await refusal(url, 'cc_guess_elsewhere', '127.0.0.4')).data).toEqual({ type: 'Unauthorized', error: 'Unknown API key' });
    (await valid('127.0.0.4')).close();
  });

  it('shares the budget with HTTP requests without a valid key', async () => {
    const url = server.get().url;
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push(await httpStatus(url, `cc_http_guess_${i}`, '127.0.0.5'));
    expect(statuses).toEqual([401, 401, 401]);
    expect(ErrorBody.parse((await refusal(url, 'cc_socket_guess', '127.0.0.5')).data).type).toBe('RateLimited');
    // And the other way round.
    for (let i = 0; i < 3; i++) await refusal(url, `cc_socket_guess_${i}`, '127.0.0.6');
    expect(await httpStatus(url, 'cc_http_guess', '127.0.0.6')).toBe(429);
  });
});
