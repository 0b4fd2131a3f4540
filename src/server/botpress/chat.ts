// The one way anything writes Botpress chat data, whether a route, the demo bot, the seed or
// the simulator: the stores, plus what every write implies (analytics counts, checking the ids
// a request refers to) and handing incoming messages and events to the bot.
import type { Db } from '../db/database';
import { BpError, referenceNotFound } from './errors';
import { integrations } from './bot/definition';
import { AnalyticsStore, dayOf } from './store/analytics';
import { ConversationStore, type Conversation } from './store/conversations';
import { EventStore, type BotEvent, type EventStatus, type NewEvent } from './store/events';
import { HealthStore } from './store/health';
import { MessageStore, type Message, type NewMessage } from './store/messages';
import { StateStore, type StateKey } from './store/states';
import { type Tags } from './store/tags';
import { UserStore, type NewUser, type User } from './store/users';

/** What the bot does with what reaches it; the demo bot (bot/runtime.ts) implements it. */
export interface BotHandlers {
  onIncomingMessage(botId: string, message: Message): void;
  /** Acts on an event and says how that went. */
  onEvent(botId: string, event: BotEvent): { status: EventStatus; failureReason?: string };
}

export interface WriteOptions {
  /** A time in the past: the seed writes history. Nothing reacts to history. */
  at?: string;
  /** False: store an incoming message without handing it to the bot now (the simulator lets it answer later). */
  react?: boolean;
}

export class BotpressChat {
  readonly users: UserStore;
  readonly conversations: ConversationStore;
  readonly messages: MessageStore;
  readonly events: EventStore;
  readonly states: StateStore;
  readonly analytics: AnalyticsStore;
  readonly health: HealthStore;
  private bot: BotHandlers | null = null;

  constructor(
    readonly db: Db,
    baseUrl: () => string,
  ) {
    this.users = new UserStore(db);
    this.conversations = new ConversationStore(db);
    this.messages = new MessageStore(db, this.conversations, baseUrl);
    this.events = new EventStore(db);
    this.states = new StateStore(db);
    this.analytics = new AnalyticsStore(db);
    this.health = new HealthStore(db);
  }

  attachBot(bot: BotHandlers): void {
    this.bot = bot;
  }

  createUser(botId: string, input: NewUser, options: WriteOptions = {}): User {
    return this.db.tx(() => {
      const user = this.users.create(botId, input, options.at);
      this.analytics.add(botId, user.createdAt, { newUsers: 1 });
      return user;
    });
  }

  getOrCreateUser(botId: string, input: NewUser & { discriminateByTags?: string[] | undefined }): { user: User; created: boolean } {
    return this.db.tx(() => {
      const result = this.users.getOrCreate(botId, input);
      if (result.created) this.analytics.add(botId, result.user.createdAt, { newUsers: 1 });
      return result;
    });
  }

  /** The integration must be installed on the bot and have the channel. */
  createConversation(botId: string, input: { channel: string; integration: string; tags: Tags }, options: WriteOptions = {}): Conversation {
    checkChannel(input.integration, input.channel);
    return this.db.tx(() => {
      const conversation = this.conversations.create(botId, input, options.at);
      this.analytics.add(botId, conversation.createdAt, { sessions: 1 });
      return conversation;
    });
  }

  getOrCreateConversation(
    botId: string,
    input: { channel: string; integration: string; tags: Tags; discriminateByTags?: string[] | undefined },
  ): { conversation: Conversation; created: boolean } {
    checkChannel(input.integration, input.channel);
    return this.db.tx(() => {
      const result = this.conversations.getOrCreate(botId, input);
      if (result.created) this.analytics.add(botId, result.conversation.createdAt, { sessions: 1 });
      return result;
    });
  }

  /** Checks what the message refers to, stores it, and hands an incoming one to the bot. */
  createMessage(botId: string, input: NewMessage, options: WriteOptions = {}): Message {
    const message = this.db.tx(() => {
      this.checkMessageRefs(botId, input);
      const stored = this.messages.create(botId, input, options.at);
      const counts = input.direction === 'incoming' ? { userMessages: 1, returningUsers: this.returning(botId, stored) ? 1 : 0 } : { botMessages: 1 };
      this.analytics.add(botId, stored.createdAt, counts);
      return stored;
    });
    if (message.direction === 'incoming' && options.at === undefined && options.react !== false) this.bot?.onIncomingMessage(botId, message);
    return message;
  }

  /** The existing message with the same discriminating tags, or a new one (handed to the bot). */
  getOrCreateMessage(
    botId: string,
    input: Omit<NewMessage, 'payload'> & { payload?: Record<string, unknown> | undefined; discriminateByTags?: string[] | undefined },
  ): { message: Message; created: boolean } {
    const { payload, discriminateByTags, ...rest } = input;
    this.checkMessageRefs(botId, rest);
    const existing = this.messages.find(botId, input.conversationId, input.tags, discriminateByTags);
    if (existing) return { message: existing, created: false };
    if (!payload) throw new BpError('InvalidPayload', 'body.payload: required to create the message');
    return { message: this.createMessage(botId, { ...rest, payload }), created: true };
  }

  /** Stores the event, lets the bot act on it, and keeps what came of that. */
  createEvent(botId: string, input: NewEvent, options: WriteOptions = {}): BotEvent {
    const event = this.db.tx(() => {
      if (input.conversationId) this.requireRef(botId, 'conversationId', 'conversation', input.conversationId);
      if (input.userId) this.requireRef(botId, 'userId', 'user', input.userId);
      if (input.messageId && !this.messages.get(botId, input.messageId)) throw referenceNotFound('messageId', 'Message', input.messageId);
      const stored = this.events.create(botId, input, options.at);
      this.analytics.add(botId, stored.createdAt, { events: 1 }, stored.type);
      return stored;
    });
    if (options.at !== undefined || !this.bot) return this.events.settle(botId, event.id, 'processed');
    const outcome = this.bot.onEvent(botId, event);
    return this.events.settle(botId, event.id, outcome.status, outcome.failureReason ?? null);
  }

  /** A state's key once its owner is known to exist: states hang off real conversations and users. */
  stateKey(botId: string, key: StateKey): StateKey {
    const exists =
      key.type === 'conversation'
        ? this.conversations.get(botId, key.id) !== undefined
        : key.type === 'user'
          ? this.users.get(botId, key.id) !== undefined
          : key.type === 'bot'
            ? key.id === botId
            : key.type === 'integration' && integrations.some((i) => i.id === key.id || i.name === key.id);
    if (!exists) throw new BpError('ResourceNotFound', `${key.type} ${key.id} does not exist, so it has no state ${key.name}`);
    return key;
  }

  /** A user who came before today and writes for the first time today counts as returning. */
  private returning(botId: string, message: Message): boolean {
    const day = dayOf(message.createdAt);
    const user = this.users.get(botId, message.userId);
    if (!user || dayOf(user.createdAt) >= day) return false;
    return !this.db.get(
      `SELECT 1 FROM bp_messages WHERE bot_id = ? AND created_at >= ? AND created_at < ? AND user_id = ? AND direction = 'incoming' AND id != ? LIMIT 1`,
      botId,
      `${day}T00:00:00.000Z`,
      message.createdAt,
      message.userId,
      message.id,
    );
  }

  private requireRef(botId: string, field: string, kind: 'conversation' | 'user', id: string): void {
    const found = kind === 'conversation' ? this.conversations.get(botId, id) : this.users.get(botId, id);
    if (!found) throw referenceNotFound(field, kind === 'conversation' ? 'Conversation' : 'User', id);
  }

  private checkMessageRefs(botId: string, input: Pick<NewMessage, 'conversationId' | 'userId' | 'direction'>): void {
    this.requireRef(botId, 'conversationId', 'conversation', input.conversationId);
    // The bot writes as itself; everyone else as a user of the bot.
    if (input.direction === 'outgoing' && input.userId === botId) return;
    this.requireRef(botId, 'userId', 'user', input.userId);
  }
}

function checkChannel(integrationName: string, channel: string): void {
  const integration = integrations.find((i) => i.name === integrationName);
  if (!integration) {
    throw new BpError('InvalidPayload', `integration ${integrationName} is not installed on this bot (installed: ${integrations.map((i) => i.name).join(', ')})`);
  }
  if (!integration.channels.includes(channel)) {
    throw new BpError('InvalidPayload', `integration ${integrationName} has no channel ${channel} (it has: ${integration.channels.join(', ')})`);
  }
}
