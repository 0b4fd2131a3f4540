// The media service's way onto the network, as a port: name resolution, and a GET over a
// connection to an address that was already checked. Connecting to the checked address, rather
// than handing the name to fetch (which would resolve it again), is what stops DNS rebinding: a
// name that answers with a public address for the check and a LAN address for the connection.
// Plain node:http(s): no cookie jar, no referrer, no proxy or cache of Chromium's, and no pooled
// socket that could carry a request to an address other than the one checked.
import { lookup as dnsLookup } from 'node:dns/promises';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { Readable } from 'node:stream';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

export interface MediaNetwork {
  /** Every address `hostname` resolves to (an address resolves to itself). */
  lookup(hostname: string): Promise<ResolvedAddress[]>;
  /** GET `url` over a connection to `to`, without resolving its name again. */
  get(url: URL, to: ResolvedAddress, init: { headers: Headers; signal: AbortSignal | null }): Promise<Response>;
}

const pinnedTo =
  (to: ResolvedAddress): LookupFunction =>
  (_hostname, options, callback) => {
    // Node asks for every address when it may try several (autoSelectFamily): there is one.
    if (options.all) callback(null, [{ address: to.address, family: to.family }]);
    else callback(null, to.address, to.family);
  };

// Statuses whose Response must have no body.
const bodiless = new Set([204, 205, 304]);

function toResponse(message: IncomingMessage): Response {
  const headers = new Headers();
  for (let i = 0; i + 1 < message.rawHeaders.length; i += 2) headers.append(message.rawHeaders[i]!, message.rawHeaders[i + 1]!);
  const status = message.statusCode ?? 0;
  if (bodiless.has(status)) message.resume();
  const body = bodiless.has(status) ? null : (Readable.toWeb(message) as ReadableStream<Uint8Array>);
  // Response refuses statuses outside 200–599: such an answer is a failure like any other.
  return new Response(body, { status, statusText: message.statusMessage ?? '', headers });
}

function get(url: URL, to: ResolvedAddress, init: { headers: Headers; signal: AbortSignal | null }): Promise<Response> {
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      {
        method: 'GET',
        headers: Object.fromEntries(init.headers),
        lookup: pinnedTo(to),
        agent: false,
        ...(init.signal && { signal: init.signal }),
      },
      (message) => {
        try {
          resolve(toResponse(message));
        } catch (error) {
          message.destroy();
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      },
    );
    outgoing.once('error', reject);
    outgoing.end();
  });
}

export const systemNetwork: MediaNetwork = {
  lookup: async (hostname) => (await dnsLookup(hostname, { all: true, verbatim: true })).map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 })),
  get,
};
