// The app's services and contract handlers, composed as the app composes them (compose.ts), with
// recording ports for what needs Electron: a memory vault, the renderer's event sink and the
// notification glue. Helpers to check what the app says against what the server holds over HTTP.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { compose, type App, type AppPorts, type TrayPort } from '../../../src/main/compose';
import type { DemoServer } from '../../../src/main/services/accounts/accounts';
import { toIpcError } from '../../../src/main/services/errors/ipc-error';
import { chatcaptainPlatform } from '../../../src/main/services/platforms/chatcaptain/index';
import { toConversation } from '../../../src/main/services/platforms/chatcaptain/map';
import { registryOf } from '../../../src/main/services/platforms/registry';
import type { Clock } from '../../../src/main/services/ports';
import { LocalTokenSource } from '../../../src/main/services/push/local-source';
import type { Notification } from '../../../src/main/services/notify/notifier';
import type { Conversation, Message } from '../../../src/server/wire';
import { calls, events, type CallInput, type CallName, type CallOutput, type EventName, type EventPayload, type IpcError } from '../../../src/shared/ipc';
import { conversationKey } from '../../../src/shared/keys';
import type { ConversationRef, InboxConversation, Language } from '../../../src/shared/view-models';
import type { MemoryVault } from '../../support/memory-vault';
import { until } from '../../support/until';

export const fast = { http: { backoffBaseMs: 10, backoffCapMs: 50 }, realtime: { reconnectionDelayMs: 50, reconnectionDelayMaxMs: 200 } };
export const CHATBOTS = ['bot_shop', 'bot_service'];

/** The system clock, remembering which of its timers are still to run. */
export class TrackingClock implements Clock {
  readonly pending = new Set<ReturnType<typeof setTimeout>>();
  now = () => Date.now();
  setTimeout(fn: () => void, ms: number): unknown {
    const handle = setTimeout(() => {
      this.pending.delete(handle);
      fn();
    }, ms);
    this.pending.add(handle);
    return handle;
  }
  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as ReturnType<typeof setTimeout>);
    clearTimeout(handle as ReturnType<typeof setTimeout>);
  }
}

interface Recorded {
  name: EventName;
  payload: unknown;
  at: number;
}

/** The app as the Electron glue composes it, with recording ports. */
export class Harness {
  readonly events: Recorded[] = [];
  readonly shown: Notification[] = [];
  /** What the tray was told, and the languages the app menu was told, in order. */
  readonly tray: Parameters<TrayPort['update']>[0][] = [];
  readonly menuLanguages: Language[] = [];
  readonly clock = new TrackingClock();
  windowFocused = false;
  readonly app: App;
  /** The demo's local push, unless `extra` brings another source. */
  readonly pushSource: AppPorts['pushSource'];

  constructor(
    readonly dataDir: string,
    readonly vault: MemoryVault,
    demo: DemoServer,
    extra: Partial<AppPorts> = {},
  ) {
    this.pushSource = extra.pushSource ?? new LocalTokenSource({ vault });
    this.app = compose({
      dataDir,
      vault,
      demo,
      platforms: registryOf(chatcaptainPlatform(fast)),
      pushSource: this.pushSource,
      events: {
        send: (name, payload) => {
          // When it was sent, before the check below, whose time on a busy machine is not the app's.
          const at = Date.now();
          // Every event must fit the contract the renderer validates against.
          events[name].parse(payload);
          this.events.push({ name, payload, at });
        },
      },
      notifications: { show: (n) => this.shown.push(n) },
      tray: { update: (state) => this.tray.push(state), setUpdateReady: () => {} },
      onLanguage: (language) => this.menuLanguages.push(language),
      clock: this.clock,
      systemLanguage: () => 'en',
      windowFocused: () => this.windowFocused,
      notifyWindowMs: 100,
      ...extra,
    });
  }

  /** A contract call as the IPC glue makes it: input parsed by the contract, output checked against it. */
  async call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> {
    const handler = this.app.handlers[name] as (input: unknown) => Promise<unknown>;
    const value = await handler(calls[name].input.parse(input));
    return calls[name].output.parse(value) as CallOutput<N>;
  }

  /** The contract error a call fails with. */
  async failure<N extends CallName>(name: N, input: CallInput<N>): Promise<IpcError> {
    const error = await this.call(name, input).then(
      () => expect.fail(`${name} should have failed`),
      (e: unknown) => e,
    );
    return toIpcError(error);
  }

  eventsOf<N extends EventName>(name: N, from = 0): EventPayload<N>[] {
    return this.events.slice(from).filter((e) => e.name === name).map((e) => e.payload as EventPayload<N>);
  }

  /** Waits for inbox.changed (after event index `from`) to carry this conversation in a state that matches. */
  async announced(key: string, matches: (c: InboxConversation) => boolean, from: number, what: string): Promise<InboxConversation> {
    let found: InboxConversation | undefined;
    await until(() => {
      found = this.eventsOf('inbox.changed', from)
        .flatMap((e) => e.upserted)
        .find((c) => c.key === key && matches(c));
      return found !== undefined;
    }, what);
    return found!;
  }
}

export interface Endpoint {
  url: string;
  key: string;
}

export async function http<T>(to: Endpoint, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = { 'x-chatcaptain-key': to.key };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(to.url + path, { method, headers, ...(body !== undefined && { body: JSON.stringify(body) }) });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}

export async function serverConversations(to: Endpoint): Promise<Conversation[]> {
  const lists = await Promise.all(
    CHATBOTS.map((id) => http<{ conversations: Conversation[] }>(to, 'GET', `/v1/chatbots/${id}/conversations`)),
  );
  return lists.flatMap((l) => l.body.conversations);
}

export async function serverConversation(to: Endpoint, c: { chatbotId: string; id: string }): Promise<Conversation> {
  return (await http<{ conversation: Conversation }>(to, 'GET', `/v1/chatbots/${c.chatbotId}/conversations/${c.id}`)).body.conversation;
}

export async function serverMessageIds(to: Endpoint, c: { chatbotId: string; id: string }): Promise<string[]> {
  const answer = await http<{ messages: Message[] }>(to, 'GET', `/v1/chatbots/${c.chatbotId}/conversations/${c.id}/messages?limit=200`);
  return answer.body.messages.map((m) => m.id);
}

export async function customer(to: Endpoint, c: Pick<Conversation, 'chatbotId' | 'channelId' | 'channelName' | 'providerId'>, text: string) {
  const body = { chatbotId: c.chatbotId, channelId: c.channelId, channelName: c.channelName, providerId: c.providerId, text };
  const answer = await http<{ conversation: Conversation; message: Message }>(to, 'POST', `/v1/chatbots/${c.chatbotId}/conversations/handle`, body);
  expect(answer.status).toBe(200);
  return answer.body;
}

export const refOf = (accountId: string, c: { chatbotId: string; id: string }): ConversationRef => ({ accountId, chatbotId: c.chatbotId, conversationId: c.id });
export const keyOf = conversationKey;
/** The server's conversation as the app should hold it: through the ChatCaptain mapping, tagged. */
export const tag = (accountId: string, c: Conversation): InboxConversation => ({ ...toConversation(c), accountId, key: keyOf(refOf(accountId, c)), chatbotName: '' });
export const ids = (list: { id: string }[]) => list.map((c) => c.id).sort();
export const activeTimers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
export const storedAccounts = (dataDir: string): { id: string; platform: string; demo: boolean }[] => {
  try {
    return JSON.parse(readFileSync(join(dataDir, 'accounts.json'), 'utf8')) as { id: string; platform: string; demo: boolean }[];
  } catch {
    return [];
  }
};

