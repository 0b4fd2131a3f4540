// A Botpress bot as a chat platform, with Deckhand as its desk in the sense of the `hitl`
// interface: the conversations that want a person are the desk conversations (channel `hitl`),
// read as a change feed sorted by updatedAt (there is no socket: sync polls); the agent replies
// as their own Botpress user, exactly once per clientMessageId; taking a conversation and handing
// it back are the hitl events; presence and bot health are capabilities too. No push token:
// Botpress delivers nothing to desks.
import { z } from 'zod';
import { grantAll } from '../../../../shared/capabilities';
import type { Conversation, Message } from '../../../../shared/domain';
import { PlatformError } from '../../errors/platform-error';
import {
  capabilitiesOf,
  type AssignmentPort,
  type BotHealthPort,
  type ChatPlatform,
  type ConversationChanges,
  type CustomEventPort,
  type HandBackPort,
  type Identity,
  type MessagePage,
  type PresencePort,
  type ReplyInput,
} from '../platform';
import { BotpressClient, attempt, type BotpressClientOptions } from './client';
import { BotDirectory } from './directory';
import { botpressHealth } from './health';
import { toConversation, toMessage, type AgentOf } from './map';
import { botpressPresence } from './presence';
import { WireAccount, WireBot, WireConversation, WireEvent, WireMessage, WireWorkspace, checked } from './wire';

export const HITL_CHANNEL = 'hitl';
/** Messages read with each changed conversation: its preview and what it still owes. */
const RECENT = 20;
/** Conversations mapped at once (each costs a request or three). */
const PARALLEL = 8;

export interface BotpressOptions {
  apiUrl: string;
  token: string;
  workspaceId?: string | undefined;
  /** This installation (presence keeps one entry per device). */
  deviceId: string;
  client?: Omit<BotpressClientOptions, 'apiUrl' | 'token' | 'workspaceId'>;
  /** Desk conversations per page of the change feed (at most 100). */
  pageSize?: number;
}

/** `fn` over `items`, at most `limit` at a time, results in order. */
async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export class BotpressPlatform implements ChatPlatform {
  /** Botpress Cloud's file storage (its Files API's public URLs), where bots keep the media they send. */
  readonly mediaOrigins = ['https://files.bpcontent.cloud'];
  readonly presence: PresencePort;
  readonly assignment: AssignmentPort;
  readonly handBack: HandBackPort;
  readonly customEvent: CustomEventPort;
  readonly botHealth: BotHealthPort;
  private readonly client: BotpressClient;
  private account: Promise<{ id: string; name: string }> | null = null;
  private readonly directories = new Map<string, Promise<BotDirectory>>();

  constructor(private readonly options: BotpressOptions) {
    this.client = new BotpressClient({ ...options.client, apiUrl: options.apiUrl, token: options.token, workspaceId: options.workspaceId });
    this.presence = botpressPresence({
      client: this.client,
      directory: (botId) => this.directory(botId),
      agent: () => this.me(),
      deviceId: options.deviceId,
      ...(options.client?.now && { now: options.client.now }),
    });
    this.assignment = {
      assign: async (botId, conversationId, agentId) => {
        const userId = await (await this.directory(botId)).userOf(agentId);
        if (userId === undefined) throw new PlatformError('NotFound', `Agent ${agentId} has no user on bot ${botId} yet`);
        return this.hitlEvent(botId, conversationId, 'hitlAssigned', { conversationId, userId });
      },
    };
    this.handBack = { handBack: (botId, conversationId) => this.hitlEvent(botId, conversationId, 'hitlStopped', { conversationId }) };
    this.customEvent = {
      // The bot's flows run in the customer's conversation, so that is where the event goes.
      trigger: async (botId, conversationId, type, data) => {
        const desk = await this.desk(botId, conversationId);
        const target = desk.tags.upstream ?? desk.id;
        // A bot without a handler for it ignores it, which is no failure of the agent's. The
        // agent's data goes with it; which desk conversation sent it is always said.
        await this.event(botId, { type, payload: { ...data, deskConversationId: desk.id }, conversationId: target }, false);
        return this.toDomain(botId, desk);
      },
    };
    this.botHealth = botpressHealth(this.client, options.workspaceId);
  }

  async identity(chatbotIds: string[]): Promise<Identity> {
    const agent = await this.me();
    const workspaceId = this.options.workspaceId;
    if (workspaceId === undefined) throw new PlatformError('Invalid', 'Choose the workspace of the bots');
    const admin = this.client.for(undefined, workspaceId);
    const [bots, workspaces] = await Promise.all([
      attempt('listBots', () => admin.list.bots({}).collect()).then((b) => checked(z.array(WireBot), b, 'listBots')),
      attempt('listWorkspaces', () => admin.list.workspaces({}).collect()).then((w) => checked(z.array(WireWorkspace), w, 'listWorkspaces')),
    ]);
    const grants = grantAll(capabilitiesOf(this));
    const chatbots = [];
    for (const id of chatbotIds) {
      const bot = bots.find((b) => b.id === id);
      if (!bot) throw new PlatformError('Forbidden', `This token has no access to bot ${id}`, { status: 403 });
      // The agent's user, made now so replies and presence have it from the start.
      await (await this.directory(id)).myUser();
      chatbots.push({ id, name: bot.name, ...grants });
    }
    const label = workspaces.find((w) => w.id === workspaceId)?.name;
    return { agent, chatbots, ...(label !== undefined && { label }) };
  }

  // The change feed for desks: desk conversations in updatedAt order from the greatest updatedAt
  // seen (the cursor). Every change stamps updatedAt later than all before it, so one ascending
  // walk sees every change made while it pages; one changed mid-walk comes again, later.
  async changes(botId: string, cursor: string | null): Promise<ConversationChanges> {
    const bp = this.client.for(botId);
    const walked = await attempt('listConversations', () =>
      bp.list.conversations({ channel: HITL_CHANNEL, sortField: 'updatedAt', sortDirection: 'asc', pageSize: this.options.pageSize ?? 100, ...(cursor !== null && { afterDate: cursor }) }).collect(),
    );
    const latest = new Map(checked(z.array(WireConversation), walked, 'listConversations').map((c) => [c.id, c]));
    const desks = [...latest.values()];
    const newest = desks.reduce<string | null>((max, c) => (max === null || c.updatedAt > max ? c.updatedAt : max), cursor);
    const conversations = await mapLimited(desks, PARALLEL, (desk) => this.toDomain(botId, desk));
    return { conversations, removed: [], cursor: newest };
  }

  async conversation(botId: string, conversationId: string): Promise<Conversation> {
    return this.toDomain(botId, await this.desk(botId, conversationId));
  }

  // The client's nextToken is the cursor: each page goes on exactly where the last one ended.
  async messages(botId: string, conversationId: string, page: { cursor?: string; limit: number }): Promise<MessagePage> {
    const answer = await this.recent(botId, conversationId, Math.min(page.limit, 100), page.cursor);
    const agentOf = await this.agentsOf(botId, answer.messages.map((m) => m.userId));
    return { messages: answer.messages.map((m) => toMessage(m, agentOf)).reverse(), older: answer.nextToken ?? null };
  }

  // As the agent's own user; the clientMessageId tag makes a retry find the first attempt's message.
  // Answering a handover nobody took takes it (as on ChatCaptain): the desk tells the bot first,
  // so the customer hears who is with them before the answer.
  async reply(botId: string, input: ReplyInput): Promise<Message> {
    const userId = await (await this.directory(botId)).myUser();
    const desk = await this.desk(botId, input.conversationId);
    if (desk.tags.hitlStatus === 'waiting') await this.event(botId, { type: 'hitlAssigned', payload: { conversationId: desk.id, userId } }, false);
    const { message } = await attempt('getOrCreateMessage', () =>
      this.client.for(botId).getOrCreateMessage({
        conversationId: input.conversationId,
        userId,
        type: 'text',
        payload: { text: input.text },
        tags: { clientMessageId: input.clientMessageId },
        discriminateByTags: ['clientMessageId'],
      }),
    );
    const agent = await this.me();
    return toMessage(checked(WireMessage, message, 'getOrCreateMessage'), (id) => (id === userId ? agent.id : undefined));
  }

  /** Who the token speaks for: its Botpress account. */
  private me(): Promise<{ id: string; name: string }> {
    this.account ??= attempt('getAccount', () => this.client.for(undefined).getAccount({}))
      .then(({ account }) => {
        const parsed = checked(WireAccount, account, 'getAccount');
        return { id: parsed.id, name: parsed.displayName ?? parsed.email };
      })
      .catch((error: unknown) => {
        this.account = null;
        if (error instanceof PlatformError && error.code === 'Forbidden') {
          throw new PlatformError('Forbidden', 'This token is not a personal access token: a desk replies as a person, so sign in with your own token.', { status: 403 });
        }
        throw error;
      });
    return this.account;
  }

  private directory(botId: string): Promise<BotDirectory> {
    let found = this.directories.get(botId);
    if (!found) {
      found = this.me().then((agent) => new BotDirectory(this.client.for(botId), agent));
      found.catch(() => this.directories.delete(botId));
      this.directories.set(botId, found);
    }
    return found;
  }

  private async desk(botId: string, conversationId: string) {
    const { conversation } = await attempt('getConversation', () => this.client.for(botId).getConversation({ id: conversationId }));
    const desk = checked(WireConversation, conversation, 'getConversation');
    if (desk.channel !== HITL_CHANNEL) throw new PlatformError('NotFound', `${conversationId} is not a handover (channel ${HITL_CHANNEL})`, { status: 404 });
    return desk;
  }

  private async recent(botId: string, conversationId: string, pageSize: number, nextToken?: string) {
    const answer = await attempt('listMessages', () => this.client.for(botId).listMessages({ conversationId, pageSize, ...(nextToken !== undefined && { nextToken }) }));
    return { messages: checked(z.array(WireMessage), answer.messages, 'listMessages'), nextToken: answer.meta.nextToken };
  }

  /** Which of these users are agents, and whose (their Botpress account). */
  private async agentsOf(botId: string, userIds: readonly string[]): Promise<AgentOf> {
    const directory = await this.directory(botId);
    const found = new Map<string, string>();
    for (const id of new Set(userIds)) {
      const account = await directory.accountOf(id);
      if (account !== undefined) found.set(id, account);
    }
    return (id) => found.get(id);
  }

  private async toDomain(botId: string, desk: z.infer<typeof WireConversation>): Promise<Conversation> {
    const directory = await this.directory(botId);
    const [customer, { messages }] = await Promise.all([directory.customer(desk), this.recent(botId, desk.id, RECENT)]);
    const people = messages.filter((m) => m.direction === 'incoming').map((m) => m.userId);
    const agentOf = await this.agentsOf(botId, desk.tags.humanAgentId ? [...people, desk.tags.humanAgentId] : people);
    return toConversation(botId, desk, customer, messages, agentOf);
  }

  private async event(botId: string, input: { type: string; payload: Record<string, unknown>; conversationId?: string }, mustAct = true): Promise<void> {
    const { event } = await attempt('createEvent', () => this.client.for(botId).createEvent(input));
    const settled = checked(WireEvent, event, 'createEvent');
    // The local server settles at once; Botpress Cloud answers pending, and the next poll tells.
    if (settled.status === 'failed') throw new PlatformError('Invalid', `The bot could not handle ${input.type}: ${settled.failureReason ?? 'no reason given'}`);
    if (settled.status === 'ignored' && mustAct) throw new PlatformError('Invalid', `The bot ignored ${input.type}: this handover is no longer active`);
  }

  /** A hitl event about a desk conversation, then that conversation as it is now. */
  private async hitlEvent(botId: string, conversationId: string, type: 'hitlAssigned' | 'hitlStopped', payload: Record<string, unknown>): Promise<Conversation> {
    await this.event(botId, { type, payload });
    return this.conversation(botId, conversationId);
  }
}
