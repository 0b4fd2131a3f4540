// The Botpress part of a test server, as its users reach it: the official @botpress/client
// configured with nothing but apiUrl, token, botId and workspaceId, and a raw fetch for the
// requests the client would never send.
import { Client } from '@botpress/client';
import { BotpressPlatform } from '../../src/main/services/platforms/botpress/botpress';
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

/** A WhatsApp customer (Tim Becker unless named) and their conversation, and a way to write in it. */
export interface Customer {
  user: { id: string };
  conversation: { id: string };
  write(text: string): Promise<unknown>;
}

export async function customerConversation(whatsapp: Client, phone: string, language: 'de' | 'en', name = 'Tim Becker'): Promise<Customer> {
  const { user } = await whatsapp.getOrCreateUser({ tags: { 'whatsapp:id': phone, language }, name, discriminateByTags: ['whatsapp:id'] });
  const { conversation } = await whatsapp.getOrCreateConversation({ channel: 'channel', tags: { 'whatsapp:id': phone }, discriminateByTags: ['whatsapp:id'] });
  const write = (text: string) => whatsapp.createMessage({ conversationId: conversation.id, userId: user.id, type: 'text', payload: { text }, tags: {} });
  return { user, conversation, write };
}

let phone = 4_915_100_000_000 + Math.floor(Math.random() * 1_000_000) * 100;
/** A new WhatsApp customer who asks for a person: the bot opens a desk conversation (`desk`) for them. */
export async function handover(server: RunningServer, name: string, text = 'Ich möchte mit einem Mitarbeiter sprechen'): Promise<Customer & { desk: string }> {
  const customer = await customerConversation(integrationClient(server, 'intver_whatsapp'), `+${phone++}`, 'de', name);
  await customer.write('Hallo, wo ist meine Bestellung #4711?');
  await customer.write(text);
  const desk = (await botpressClient(server).getConversation({ id: customer.conversation.id })).conversation.tags.downstream;
  if (!desk) throw new Error('the bot did not hand over');
  return { ...customer, desk };
}

/** Backoff short enough for tests. */
export const fast = { backoffBaseMs: 10, backoffCapMs: 50 };

/** Deckhand's Botpress platform, as a desk signed in with the agent's token (or another) on the server. */
export function deskFor(
  server: RunningServer,
  options: { token?: string; deviceId?: string; apiUrl?: string; pageSize?: number; now?: () => number } = {},
): BotpressPlatform {
  const { token = server.botpress.tokens.agent, deviceId = 'device-test', apiUrl = server.url, pageSize, now } = options;
  const client = { ...fast, ...(now && { now }) };
  return new BotpressPlatform({ apiUrl, token, workspaceId: server.botpress.workspaceId, deviceId, client, ...(pageSize !== undefined && { pageSize }) });
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
