// The web as the media service meets it, on this machine: one node:http server that answers for
// any host name (it records the Host header and every other header of each request), and a
// MediaNetwork whose DNS knows the test's names. A public address a name resolves to is dialled
// on 127.0.0.1 instead, since no test may leave the machine; private addresses are dialled as
// they are, so a test can prove that none ever was (`dialled`).
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isPublicAddress } from '../../src/main/services/media/address';
import { systemNetwork, type MediaNetwork, type ResolvedAddress } from '../../src/main/services/media/network';

export interface MediaAnswer {
  status?: number;
  type?: string;
  body?: string | Buffer;
  headers?: Record<string, string>;
  /** Send without content-length, in pieces (a size that is only known by reading). */
  chunked?: boolean;
}

export interface SeenRequest {
  host: string;
  path: string;
  headers: IncomingHttpHeaders;
}

/** A 1×1 PNG. */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

export class MediaWeb {
  readonly requests: SeenRequest[] = [];

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  /** `routes` by path; anything else is a 404. */
  static async start(routes: Record<string, MediaAnswer>): Promise<MediaWeb> {
    let web: MediaWeb | null = null;
    const server = createServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      web?.requests.push({ host: req.headers.host ?? '', path, headers: req.headers });
      const answer = routes[path] ?? { status: 404, type: 'text/plain', body: 'not found' };
      const body = typeof answer.body === 'string' ? Buffer.from(answer.body) : (answer.body ?? Buffer.alloc(0));
      const headers: Record<string, string> = { ...(answer.type && { 'content-type': answer.type }), ...answer.headers };
      if (!answer.chunked) headers['content-length'] = String(body.length);
      res.writeHead(answer.status ?? 200, headers);
      if (!answer.chunked) return void res.end(body);
      for (let at = 0; at < body.length; at += 256) res.write(body.subarray(at, at + 256));
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    web = new MediaWeb(server, (server.address() as AddressInfo).port);
    return web;
  }

  /** `http://<host>:<port><path>`: this server, under any name. */
  url(host: string, path: string): string {
    return `http://${host}:${this.port}${path}`;
  }

  /** The requests that reached the server under `host` (port included). */
  to(host: string): SeenRequest[] {
    return this.requests.filter((r) => r.host === `${host}:${this.port}`);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

export type TestNetwork = MediaNetwork & { readonly lookups: string[]; readonly dialled: ResolvedAddress[] };

/**
 * DNS answers `names` (name → addresses, or a function for an answer that changes from one
 * query to the next); other names (localhost, IP literals) as the system does.
 */
export function testNetwork(names: Record<string, string[] | (() => string[])>): TestNetwork {
  const lookups: string[] = [];
  const dialled: ResolvedAddress[] = [];
  return {
    lookups,
    dialled,
    async lookup(hostname) {
      lookups.push(hostname);
      const answer = names[hostname];
      const known = typeof answer === 'function' ? answer() : answer;
      return known ? known.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })) : systemNetwork.lookup(hostname);
    },
    get(url, to, init) {
      dialled.push(to);
      return systemNetwork.get(url, isPublicAddress(to.address) ? { address: '127.0.0.1', family: 4 } : to, init);
    },
  };
}
