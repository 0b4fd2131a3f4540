// The Botpress part of a test server, as its users reach it: the official @botpress/client
// configured with nothing but apiUrl, token, botId and workspaceId, and a raw fetch for the
// requests the client would never send.
import { Client } from '@botpress/client';
import type { RunningServer } from '../../src/server/app';

export function botpressClient(server: RunningServer, token: string = server.botpress.tokens.agent): Client {
  return new Client({ apiUrl: server.url, token, botId: server.botpress.botId, workspaceId: server.botpress.workspaceId });
}

/** A channel integration's client: its own token, and `integrationId` (x-integration-id) as the doc asks. */
export function integrationClient(server: RunningServer, integrationId: string): Client {
  const { botId, workspaceId } = server.botpress;
  const token = server.botpress.issueToken({ role: 'integration', label: integrationId, workspaceId, botIds: [botId], integrationId });
  return new Client({ apiUrl: server.url, token, botId, workspaceId, integrationId });
}

export interface RawAnswer {
  status: number;
  headers: Headers;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests assert on shapes
}

/** A request with the Botpress headers (each can be left out with null or replaced). */
export async function bpFetch(
  server: RunningServer,
  method: string,
  path: string,
  options: { token?: string | null; headers?: Record<string, string | null>; body?: unknown; rawBody?: string; contentType?: string } = {},
): Promise<RawAnswer> {
  const base: Record<string, string | null> = {
    authorization: options.token === null ? null : `Bearer ${options.token ?? server.botpress.tokens.admin}`,
    'x-bot-id': server.botpress.botId,
    'x-workspace-id': server.botpress.workspaceId,
    ...options.headers,
  };
  const headers = Object.fromEntries(Object.entries(base).filter((e): e is [string, string] => e[1] !== null));
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (body !== undefined) headers['content-type'] = options.contentType ?? 'application/json';
  const response = await fetch(server.url + path, { method, headers, body });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}
