// Keeps one chatbot of one account in step with its platform: the live feed when the platform
// has one (and the server offers it: found out by trying, not configured), polling with backoff
// and jitter when not. Every (re)connect and every gap the feed reports triggers a resync, so a
// missed event costs a request, never a message. Changes go into the local cache first, newer-
// wins by updatedAt, and are then announced as typed events to whoever subscribed.
import type { AgentPresence, Conversation, Message } from '../../../shared/domain';
import type { ConnectionState, InboxConversation } from '../../../shared/view-models';
import type { LocalCache } from '../cache/local-cache';
import type { MessageCache } from '../cache/message-cache';
import { PlatformError } from '../errors/platform-error';
import { DisposableStore, Emitter, type Disposable } from '../events';
import type { ChatPlatform, LiveEvent } from '../platforms/platform';
import type { Clock } from '../ports';
import { LiveBatch } from './live-batch';
import { catchUpMessages } from './message-history';
import { WaitingTimes } from './waiting-times';
import { defaultPollTiming, pollDelay, steadyPolling, type PollTiming } from './poll-timing';

export interface ConversationsChange {
  changed: InboxConversation[];
  /** The stored state before this change, by key, for those that had one. */
  previous: ReadonlyMap<string, InboxConversation>;
  /** The first load into an empty cache: the whole inbox at once, which is not news. */
  initial: boolean;
}

export interface ChatbotSyncOptions {
  accountId: string;
  chatbot: { id: string; name: string };
  platform: ChatPlatform;
  cache: LocalCache;
  messages: MessageCache;
  clock: Clock;
  random?: () => number;
  /** Poll at this fixed interval, whatever the feed and the focus (tests); else `timing`. */
  pollMs?: number;
  timing?: PollTiming;
  /** Whether the agent's window has focus: a platform without a live feed polls more often then. */
  focused?: () => boolean;
  /** How long polling waits before it tries the live feed again. */
  socketRetryMs?: number;
}

/** A feed that drops and comes back within this time does not start polling. */
const SOCKET_GRACE_MS = 2000;

export class ChatbotSync implements Disposable {
  private readonly emitters = new DisposableStore();
  private readonly conversationsChanged = this.emitters.add(new Emitter<ConversationsChange>());
  private readonly conversationsRemoved = this.emitters.add(new Emitter<string[]>());
  private readonly messagesAdded = this.emitters.add(new Emitter<{ conversation: InboxConversation; messages: Message[] }>());
  private readonly agentChanged = this.emitters.add(new Emitter<AgentPresence>());
  private readonly pushReceived = this.emitters.add(new Emitter<Extract<LiveEvent, { type: 'push' }>['push']>());
  private readonly connectionChanged = this.emitters.add(new Emitter<ConnectionState>());
  private readonly resynced = this.emitters.add(new Emitter<{ reconnected: boolean }>());
  private readonly unauthorized = this.emitters.add(new Emitter<PlatformError>());

  readonly onDidChangeConversations = this.conversationsChanged.event;
  /** Conversation keys. */
  readonly onDidRemoveConversations = this.conversationsRemoved.event;
  readonly onDidAddMessages = this.messagesAdded.event;
  readonly onDidChangeAgent = this.agentChanged.event;
  readonly onDidReceivePush = this.pushReceived.event;
  readonly onDidChangeConnection = this.connectionChanged.event;
  /** A resync succeeded; `reconnected` after a (re)connect or a recovery from failures: read again what was missed (presence). */
  readonly onDidResync = this.resynced.event;
  /** The key was refused: the sync stopped. */
  readonly onDidLoseAuthorization = this.unauthorized.event;

  private subscription: Disposable | null = null;
  private mode: 'live' | 'polling' = 'live';
  private failures = 0;
  /** A resync succeeded in this run: later ones are never the initial load, even of an empty inbox. */
  private loaded = false;
  /** The next successful resync follows a (re)connect or failures. */
  private reconnected = true;
  /** The next poll, or the retry of a failed resync. */
  private timer: unknown = null;
  private socketRetry: unknown = null;
  /** Messages that came before their conversation (a new one's first): announced once it arrives. */
  private readonly early = new Map<string, Message[]>();
  private resyncing: Promise<void> | null = null;
  private readonly live = new LiveBatch<LiveEvent>((events) => {
    if (!this.stopped) this.options.cache.batch(() => events.forEach((event) => this.applyEvent(event)));
  });
  private resyncAgain = false;
  private stopped = false;
  /** The feed dropped and is reconnecting: meanwhile we poll, so nothing waits on it. */
  private feedDown = false;
  private connection: ConnectionState = { state: 'connecting', attempt: 0, nextRetryAt: null, lastError: null };
  private readonly waits: WaitingTimes;

  constructor(private readonly options: ChatbotSyncOptions) {
    const { accountId, chatbot, platform, cache, messages } = options;
    this.waits = new WaitingTimes({ accountId, chatbotId: chatbot.id, platform, cache, messages, stopped: () => this.stopped });
  }

  start(): void {
    this.subscribe();
  }

  dispose(): void {
    this.stop();
    this.emitters.dispose();
  }

  state(): ConnectionState {
    return this.connection;
  }

  /** The key was refused (here, or where the account's identity is read): the sync stops, signed out. */
  loseAuthorization(error: PlatformError): void {
    if (this.stopped) return;
    this.stop();
    this.setConnection({ state: 'signedOut', lastError: error.message });
    this.unauthorized.fire(error);
  }

  /**
   * The agent is back (the window got focus, the system woke up, the network returned): a
   * chatbot that polls, or failed, resyncs now instead of waiting out its interval or backoff.
   * One on a healthy live feed has nothing to catch up.
   */
  wake(): void {
    if (this.mode === 'polling' || this.feedDown || this.failures > 0) void this.resync();
  }

  /** Resync now (the agent pressed "reconnect", a push arrived, the OS says the network is back). */
  async resync(): Promise<void> {
    if (this.stopped) return;
    if (this.resyncing) {
      this.resyncAgain = true;
      return this.resyncing;
    }
    this.resyncing = this.runResync().finally(() => {
      this.resyncing = null;
      if (this.resyncAgain && !this.stopped) {
        this.resyncAgain = false;
        void this.resync();
      }
    });
    return this.resyncing;
  }

  /** Brings the conversation's messages up to date; returns (and does not announce) the news. */
  catchUp(conversationId: string): Promise<Message[]> {
    const { platform, messages, accountId, chatbot } = this.options;
    return catchUpMessages(platform, messages, { accountId, chatbotId: chatbot.id, conversationId }, () => this.stopped);
  }

  /** Takes a conversation the platform returned for one of our own actions. */
  apply(conversation: Conversation): InboxConversation | null {
    this.applyConversations([conversation], false);
    return this.options.cache.conversation(this.ref(conversation.id));
  }

  private stop(): void {
    this.stopped = true;
    this.subscription?.dispose();
    this.subscription = null;
    this.clearTimers();
  }

  private ref(conversationId: string) {
    return { accountId: this.options.accountId, chatbotId: this.options.chatbot.id, conversationId };
  }

  private subscribe(): void {
    if (this.stopped) return;
    const { live } = this.options.platform;
    if (!live) return this.fallBackToPolling(false);
    this.mode = 'live';
    this.setConnection({ state: 'connecting' });
    this.subscription = live.subscribe(this.options.chatbot.id, {
      onEvent: (event) => this.live.push(event),
      onConnect: () => {
        this.feedDown = false;
        this.reconnected = true;
        void this.resync();
      },
      onMissed: () => void this.resync(),
      onDisconnect: (reason) => {
        this.feedDown = true;
        this.reconnected = true;
        this.setConnection({ state: 'connecting', lastError: reason });
        // The feed keeps its reconnect schedule to itself; polling shows whether the server is
        // there at all (offline with attempts) and keeps the inbox fresh until the feed is back.
        this.schedule(SOCKET_GRACE_MS);
      },
      onUnavailable: () => this.fallBackToPolling(true),
    });
  }

  /** Polls from now on; a platform with a live feed that failed tries it again later. */
  private fallBackToPolling(retryFeed: boolean): void {
    if (this.stopped || this.mode === 'polling') return;
    this.subscription?.dispose();
    this.subscription = null;
    this.mode = 'polling';
    this.reconnected = true;
    this.schedule(0);
    if (!retryFeed) return;
    this.socketRetry = this.options.clock.setTimeout(() => {
      this.socketRetry = null;
      if (this.stopped) return;
      this.clearTimers();
      this.subscribe();
    }, this.options.socketRetryMs ?? 5 * 60_000);
  }

  /** The next resync: a poll, or the retry of one that failed. Replaces any that was scheduled. */
  private schedule(delayMs: number | null): void {
    if (this.timer !== null) this.options.clock.clearTimeout(this.timer);
    this.timer = null;
    if (this.stopped || delayMs === null) return;
    this.timer = this.options.clock.setTimeout(() => {
      this.timer = null;
      void this.resync();
    }, delayMs);
  }

  /** Regular interval while healthy (poll-timing.ts); backoff with full jitter after failures. */
  private nextDelay(): number {
    const { pollMs, timing = defaultPollTiming, focused, random } = this.options;
    return pollDelay(pollMs === undefined ? timing : steadyPolling(pollMs), {
      hasFeed: this.options.platform.live !== undefined,
      focused: focused?.() ?? true,
      failures: this.failures,
      random,
    });
  }

  private async runResync(): Promise<void> {
    const { platform, cache, messages, accountId, chatbot } = this.options;
    try {
      const cursor = cache.cursor(accountId, chatbot.id);
      const changes = await platform.changes(chatbot.id, cursor);
      if (this.stopped) return;
      const initial = cursor === null && !this.loaded;
      const lastSeen = new Map(changes.conversations.map((c) => [c.id, cache.conversation(this.ref(c.id))?.lastMessage?.id]));
      this.applyConversations(changes.conversations, initial);
      this.applyRemoved(changes.removed);
      for (const c of changes.conversations) {
        if (!c.lastMessage) continue;
        // A conversation never opened: a newest message not seen before is the news the live
        // feed would have brought (there may be none, or it was down). Not on the first load.
        if (messages.list(this.ref(c.id), { limit: 1 }).length === 0) {
          const held = cache.conversation(this.ref(c.id))?.lastMessage?.id; // a stale answer was not applied
          if (!initial && held === c.lastMessage.id && lastSeen.get(c.id) !== held) this.applyMessage(c.lastMessage);
          continue;
        }
        // Conversations whose history we hold must not miss a message the live feed did not bring.
        const news = await this.catchUp(c.id);
        if (this.stopped) return;
        const stored = cache.conversation(this.ref(c.id));
        if (news.length > 0 && stored) {
          this.messagesAdded.fire({ conversation: stored, messages: news });
          this.applyConversations([stored], false); // its wait, now that every message is held
        }
      }
      // Only now: a catch-up that failed above must be part of the next resync's changes again.
      cache.setCursor(accountId, chatbot.id, changes.cursor);
      this.failures = 0;
      this.loaded = true;
      const live = this.mode === 'live' && !this.feedDown;
      this.setConnection({ state: live ? 'live' : 'polling', attempt: 0, nextRetryAt: null, lastError: null });
      this.schedule(live ? null : this.nextDelay());
      const reconnected = this.reconnected;
      this.reconnected = false;
      this.resynced.fire({ reconnected });
      void this.waits.fill((filled) => this.applyConversations(filled, false));
    } catch (error) {
      if (this.stopped) return;
      if (error instanceof PlatformError && error.code === 'Unauthorized') return this.loseAuthorization(error);
      this.failures++;
      this.reconnected = true;
      const message = error instanceof Error ? error.message : String(error);
      // Retried with a live feed too: a feed that is up does not bring back what the failed resync missed.
      const delay = this.nextDelay();
      this.setConnection({ state: 'offline', attempt: this.failures, nextRetryAt: this.options.clock.now() + delay, lastError: message });
      this.schedule(delay);
    }
  }

  private applyEvent(event: LiveEvent): void {
    switch (event.type) {
      case 'conversation':
        return this.applyConversations([event.conversation], false);
      case 'removed':
        return this.applyRemoved([event.conversationId]);
      case 'message':
        return this.applyMessage(event.message);
      case 'agent':
        return this.agentChanged.fire(event.agent);
      case 'push':
        return this.pushReceived.fire(event.push);
    }
  }

  private applyConversations(conversations: Conversation[], initial: boolean): void {
    const { cache, accountId, chatbot } = this.options;
    if (conversations.length === 0) return;
    // What the notification policy compares against: the state before this change.
    const previous = new Map<string, InboxConversation>();
    for (const c of conversations) {
      const stored = cache.conversation(this.ref(c.id));
      if (stored) previous.set(stored.key, stored);
    }
    // The cache keeps the newer of two copies, so a slow resync cannot undo a live event.
    const written = cache.upsertConversations(accountId, chatbot.id, chatbot.name, this.waits.annotate(conversations));
    if (written.length > 0) this.conversationsChanged.fire({ changed: written, previous, initial });
    for (const c of written) {
      const early = this.early.get(c.id);
      this.early.delete(c.id);
      if (early) this.messagesAdded.fire({ conversation: c, messages: early });
    }
  }

  private applyRemoved(ids: string[]): void {
    if (ids.length === 0) return;
    const { cache, accountId, chatbot } = this.options;
    for (const id of ids) this.early.delete(id);
    const removed = cache.removeConversations(accountId, chatbot.id, ids);
    if (removed.length > 0) this.conversationsRemoved.fire(removed);
  }

  private applyMessage(message: Message): void {
    const ref = this.ref(message.conversationId);
    const fresh = this.options.messages.upsert(ref, [message]);
    if (fresh.length === 0) return;
    const conversation = this.options.cache.conversation(ref);
    if (conversation) {
      this.messagesAdded.fire({ conversation, messages: fresh });
      this.applyConversations([conversation], false); // its wait, with this message
    } else this.early.set(message.conversationId, [...(this.early.get(message.conversationId) ?? []), ...fresh]);
  }

  private setConnection(patch: Partial<ConnectionState>): void {
    this.connection = { ...this.connection, ...patch };
    this.connectionChanged.fire(this.connection);
  }

  private clearTimers(): void {
    for (const handle of [this.timer, this.socketRetry]) if (handle !== null) this.options.clock.clearTimeout(handle);
    this.timer = null;
    this.socketRetry = null;
  }
}
