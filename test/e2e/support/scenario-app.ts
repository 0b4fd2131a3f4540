// What the e2e scenarios share: the axe check as an assertion, finding a conversation in the
// inbox list by the customer's name, and reading the demo server's truth over HTTP (what the
// customer side and the server really have, as opposed to what the app shows).
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
// What the demo server answers, in its own (ChatCaptain's) shapes.
import type { AgentPresence, Conversation, Message, Version } from '../../../src/server/wire';
import type { Host } from '../host/host';
import { botpressClient } from '../../support/botpress';
import { axeViolations } from './browser';

/** axe-core finds no serious or critical violation on the page as it is now. */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  const findings = await axeViolations(page);
  expect(findings, `axe on ${where}:\n${JSON.stringify(findings, null, 2)}`).toEqual([]);
}

export const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The inbox's conversation list (a listbox named after the view). */
export const conversationList = (page: Page): Locator => page.getByRole('main').getByRole('listbox');

/** A row of the inbox list: its accessible name starts with the customer's name. */
export const rowOf = (page: Page, contactName: string): Locator =>
  conversationList(page).getByRole('option', { name: new RegExp(`^${escapeRegExp(contactName)}\\b`) });

/** The inbox's search field, in either language. */
export const searchField = (page: Page): Locator => page.getByRole('searchbox', { name: /^(Unterhaltungen durchsuchen|Search conversations)$/ });

/**
 * Opens a conversation by its customer's name, wherever its row is: the list renders only the
 * rows in sight, and the Waiting queue (longest wait first) may have it further down.
 */
export async function openByName(page: Page, contactName: string): Promise<void> {
  await searchField(page).fill(contactName);
  await rowOf(page, contactName).click();
  await searchField(page).fill('');
}

/** The open conversation's message log. */
export const threadOf = (page: Page, contactName: string): Locator => page.getByRole('log', { name: new RegExp(escapeRegExp(contactName)) });

// ---- the demo server's side, over HTTP ----------------------------------------------------------

async function ok<T>(host: Host, method: string, path: string, body?: unknown): Promise<T> {
  const response = await host.demo.request(method, path, body === undefined ? {} : { body });
  if (response.status >= 300) throw new Error(`${method} ${path} answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body as T;
}

export async function serverConversations(host: Host, chatbotId: string): Promise<Conversation[]> {
  return (await ok<{ conversations: Conversation[] }>(host, 'GET', `/v1/chatbots/${chatbotId}/conversations`)).conversations;
}

export async function serverConversation(host: Host, chatbotId: string, id: string): Promise<Conversation> {
  return (await ok<{ conversation: Conversation }>(host, 'GET', `/v1/chatbots/${chatbotId}/conversations/${id}`)).conversation;
}

export async function serverMessages(host: Host, chatbotId: string, conversationId: string): Promise<Message[]> {
  const path = `/v1/chatbots/${chatbotId}/conversations/${conversationId}/messages?limit=200`;
  return (await ok<{ messages: Message[] }>(host, 'GET', path)).messages;
}

export async function serverAgents(host: Host, chatbotId: string): Promise<AgentPresence[]> {
  return (await ok<{ agents: AgentPresence[] }>(host, 'GET', `/v1/inbox/${chatbotId}/agents/online`)).agents;
}

export async function serverVersions(host: Host, chatbotId: string): Promise<Version[]> {
  return (await ok<{ versions: Version[] }>(host, 'GET', `/v1/chatbots/${chatbotId}/versions`)).versions;
}

/** How many conversations wait for a person across the demo's chatbots and its Botpress bot (the "Waiting" view). */
export async function serverWaitingCount(host: Host): Promise<number> {
  let count = 0;
  for (const { id } of host.demo.server.workspace.chatbots) {
    count += (await serverConversations(host, id)).filter((c) => c.status === 'waiting' && !c.archived).length;
  }
  const handovers = await botpressClient(host.demo.server).list.conversations({ channel: 'hitl', tags: { hitlStatus: 'waiting' } }).collect();
  return count + handovers.length;
}

/**
 * A conversation of `chatbotId` that `wanted` accepts, whose customer's name no other
 * conversation in the demo has (so the row can be found by name).
 */
export async function pickUnique(host: Host, chatbotId: string, wanted: (c: Conversation) => boolean): Promise<Conversation> {
  const all = (await Promise.all(host.demo.server.workspace.chatbots.map((c) => serverConversations(host, c.id)))).flat();
  const names = new Map<string, number>();
  for (const c of all) names.set(c.contactName, (names.get(c.contactName) ?? 0) + 1);
  // A name that starts another's ("Anna" / "Anna Braun") would match that row too.
  const unique = (name: string) => names.get(name) === 1 && !all.some((c) => c.contactName !== name && c.contactName.startsWith(name));
  const found = all.find((c) => c.chatbotId === chatbotId && wanted(c) && unique(c.contactName));
  if (!found) throw new Error(`The demo has no such conversation with a unique name in ${chatbotId}`);
  return found;
}

/** A waiting conversation of `chatbotId` with a customer's name no other has, skipping `exclude`. */
export const pickWaiting = (host: Host, chatbotId: string, exclude: string[] = []): Promise<Conversation> =>
  pickUnique(host, chatbotId, (c) => c.status === 'waiting' && !c.archived && !exclude.includes(c.id));

/** The customer of `conversation` writes again, on the same channel (so into the same conversation). */
export async function customerWrites(host: Host, conversation: Conversation, text: string): Promise<Message> {
  const response = await host.demo.customerMessage({
    chatbotId: conversation.chatbotId,
    channelId: conversation.channelId,
    channelName: conversation.channelName,
    providerId: conversation.providerId,
    text,
  });
  const body = response.body as { conversation: Conversation; message: Message };
  // The whole point is the existing conversation: a new one would make the scenario prove nothing.
  expect(body.conversation.id).toBe(conversation.id);
  return body.message;
}

/** Text of a text message (the other kinds have none to compare). */
export const textOf = (message: Message): string | null => (message.type === 'text' ? message.payload.text : null);
