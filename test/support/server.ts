// Starts the real local API server on 127.0.0.1 for a test file, and a tiny fetch client for it.
import { afterAll, beforeAll } from 'vitest';
import { startServer, type RunningServer, type ServerOptions } from '../../src/server/app';

/**
 * For servers that restart on the same file and must keep their keys (startServer's `secret`);
 * a server given none gets new keys at every start.
 */
export const testSecret = 'deckhand-test-secret-0123456789';

export interface Call {
  status: number;
  headers: Headers;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests assert on shapes
}

export async function call(
  server: RunningServer,
  method: string,
  path: string,
  options: { key?: string | null; body?: unknown; rawBody?: string; contentType?: string } = {},
): Promise<Call> {
  const headers: Record<string, string> = {};
  if (options.key !== null) headers['x-chatcaptain-key'] = options.key ?? server.workspace.keys.admin;
  let body: string | undefined;
  if (options.rawBody !== undefined) body = options.rawBody;
  else if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined) headers['content-type'] = options.contentType ?? 'application/json';
  const response = await fetch(server.url + path, { method, headers, body });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

/** One server for the whole test file; `get()` returns it once `beforeAll` has run. */
export function useServer(options: ServerOptions = {}): { get(): RunningServer } {
  let server: RunningServer | undefined;
  beforeAll(async () => {
    server = await startServer({ db: ':memory:', ...options });
  });
  afterAll(async () => {
    await server?.close();
  });
  return {
    get() {
      if (!server) throw new Error('server not started');
      return server;
    },
  };
}
