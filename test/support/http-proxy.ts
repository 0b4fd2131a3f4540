// An HTTP proxy in front of the real local server, for what a network does to requests: it can
// act before a request goes on (change data mid-walk, hold it back), and cut the connection once
// the server has answered, so the client never sees an answer the server did give.
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';

export interface ProxiedRequest {
  method: string;
  url: string;
  body: string;
}

export interface ProxyHooks {
  /** Before the request goes to the server (may wait: a slow network, a change made meanwhile). */
  before?(request: ProxiedRequest): void | Promise<void>;
  /** After the server answered, before the client gets it; true cuts the connection instead. */
  drop?(request: ProxiedRequest, answer: { status: number; body: string }): boolean;
  /** Before the answer goes back (may wait). */
  after?(request: ProxiedRequest): void | Promise<void>;
}

export interface Proxy {
  url: string;
  close(): Promise<void>;
}

export async function startProxy(upstreamPort: number, hooks: ProxyHooks = {}): Promise<Proxy> {
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const proxied: ProxiedRequest = { method: req.method ?? 'GET', url: req.url ?? '/', body: body.toString() };
      void (async () => {
        await hooks.before?.(proxied);
        const upstream = httpRequest(
          { host: '127.0.0.1', port: upstreamPort, method: req.method, path: req.url, headers: req.headers },
          (answer: IncomingMessage) => {
            const parts: Buffer[] = [];
            answer.on('data', (chunk: Buffer) => parts.push(chunk));
            answer.on('end', () => {
              const text = Buffer.concat(parts).toString();
              if (hooks.drop?.(proxied, { status: answer.statusCode ?? 0, body: text })) {
                req.socket.destroy();
                return;
              }
              void Promise.resolve(hooks.after?.(proxied)).then(() => {
                res.writeHead(answer.statusCode ?? 502, answer.headers);
                res.end(text);
              });
            });
          },
        );
        upstream.on('error', () => req.socket.destroy());
        upstream.end(body);
      })().catch(() => req.socket.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
