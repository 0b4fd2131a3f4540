// Keeps one chatbot of one account in step with its server: a socket.io subscription when the
// server offers one, polling with backoff and jitter when it does not (found out by trying, not
// configured). Every (re)connect and every gap in `seq` triggers a resync over HTTP, so a missed
// event costs a request, never a message. Changes go into the local cache first, newer-wins by
// updatedAt, and are then announced.
import type { AgentPresence, Conversation, Message } from '../../../shared/domain';
import type { RealtimePayload } from '../../../shared/realtime';
import type { ConnectionState, InboxConversation } from '../../../shared/view-models';
import { fullJitter } from '../backoff';
import { BackendError } from '../backend/errors';
import type { LocalCache } from '../cache/local-cache';
import type { Backend, Clock, RealtimeEvent, RealtimeSubscription } from '../ports';

export interface SyncListener {
  /**
   * `initial` is the first load of a chatbot into an empty cache: the whole inbox arrives at
   * once and is not news (no notifications for it).
   */
  conversations(changed: InboxConversation[], previous: Map<string, InboxConversation>, initial: boolean): void;
  removed(keys: string[]): void;
  messages(conversation: InboxConversation, messages: Message[]): void;
  agent(chatbotId: string, agent: AgentPresence): void;
  push(chatbotId: string, push: RealtimePayload<'push'>): void;
  connection(state: ConnectionState): void;
  /**
   * A resync succeeded. `reconnected` after a (re)connect or a recovery from failures, when
   * whatever was missed meanwhile must be re-read (presence); the outbox flushes either way.
   */
  resynced(reconnected: boolean): void;
  unauthorized(error: BackendError): void;
}

/** Messages per page in a conversation view; catch-up fetches one more, so the view knows if there are older ones. */
export const MESSAGE_PAGE = 50;

export interface ChatbotSyncOptions {
  accountId: string;
  chatbot: { id: string; name: string };
  backend: Backend;
  cache: LocalCache;
  clock: Clock;
  listener: SyncListener;
  random?: () => number;
  pollMs?: number;
  /** How long polling waits before it tries the socket again. */
  socketRetryMs?: number;
}

/** A socket that drops and comes back within this time does not start polling. */
const SOCKET_GRACE_MS = 2000;

export class ChatbotSync {
  private subscription: RealtimeSubscription | null = null;
  private mode: 'socket' | 'polling' = 'socket';
  private lastSeq: number | null = null;
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
  private resyncAgain = false;
  private stopped = false;
  /** The socket dropped and socket.io is reconnecting: meanwhile we poll, so nothing waits on it. */
  private socketDown = false;
  private connection: ConnectionState = { state: 'connecting', attempt: 0, nextRetryAt: null, lastError: null };

  constructor(private readonly options: ChatbotSyncOptions) {}

  start(): void {
    this.subscribe();
  }

  stop(): void {
    this.stopped = true;
    this.subscription?.close();
    this.subscription = null;
    this.clearTimers();
  }

  state(): ConnectionState {
    return this.connection;
  }

  /** Resync now (the agent pressed "reconnect", or the OS says the network is back). */
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

  /**
   * Fetches the newest messages of a conversation and pages back until they join the cache.
   * Returns the news: messages missing among or after those held. Older ones only fill in
   * history (a conversation known from one live message gets its earlier page) and are stored
   * without being returned, so they are never announced as new.
   */
  async catchUpMessages(conversationId: string): Promise<Message[]> {
    const { backend, cache, accountId, chatbot } = this.options;
    const ref = { accountId, chatbotId: chatbot.id, conversationId };
    const held = cache.messages(ref, { limit: 200 });
    const known = new Set(held.map((m) => m.id));
    const oldestHeld = held[0] ? Date.parse(held[0].createdAt) : Infinity;
    const fresh: Message[] = [];
    const limit = MESSAGE_PAGE + 1;
    let before: string | undefined;
    // Bounded: a conversation that moved on by more than 20 pages is reloaded from the newest page.
    for (let page = 0; page < 20; page++) {
      const batch = await backend.listMessages(chatbot.id, conversationId, { limit, ...(before && { before }) });
      fresh.unshift(...batch.filter((m) => !known.has(m.id)));
      if (batch.length < limit || known.size === 0 || batch.some((m) => known.has(m.id))) break;
      before = batch[0]!.id;
    }
    if (fresh.length === 0 || this.stopped) return [];
    const added = cache.upsertMessages(accountId, chatbot.id, conversationId, fresh);
    return added.filter((m) => Date.parse(m.createdAt) > oldestHeld);
  }

  private subscribe(): void {
    if (this.stopped) return;
    this.mode = 'socket';
    this.setConnection({ state: 'connecting' });
    this.subscription = this.options.backend.subscribe(this.options.chatbot.id, {
      onEvent: (event) => this.onEvent(event),
      onConnect: () => {
        this.socketDown = false;
        this.lastSeq = null;
        this.reconnected = true;
        void this.resync();
      },
      onDisconnect: (reason) => {
        this.socketDown = true;
        this.reconnected = true;
        this.setConnection({ state: 'connecting', lastError: reason });
        // socket.io keeps its reconnect schedule to itself; polling shows whether the server is
        // there at all (offline with attempts) and keeps the inbox fresh until the socket is back.
        this.schedule(SOCKET_GRACE_MS);
      },
      onUnavailable: () => this.fallBackToPolling(),
    });
    if (!this.subscription) this.fallBackToPolling();
  }

  private fallBackToPolling(): void {
    if (this.stopped || this.mode === 'polling') return;
    this.subscription?.close();
    this.subscription = null;
    this.mode = 'polling';
    this.reconnected = true;
    this.schedule(0);
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

  /** Regular interval while healthy; backoff with full jitter after failures. */
  private nextDelay(): number {
    const pollMs = this.options.pollMs ?? 5000;
    if (this.failures === 0) return pollMs;
    return pollMs + fullJitter(this.failures, { baseMs: 1000, capMs: 60_000, random: this.options.random });
  }

  private async runResync(): Promise<void> {
    const { backend, cache, accountId, chatbot, listener } = this.options;
    try {
      const cursor = cache.cursor(accountId, chatbot.id);
      const { conversations, deleted } = await backend.listConversations(chatbot.id, cursor.updatedSince ?? undefined);
      if (this.stopped) return;
      this.applyConversations(conversations, cursor.updatedSince === null && !this.loaded);
      this.applyDeleted(deleted);
      // Conversations whose history we hold must not miss a message the events did not bring.
      for (const c of conversations) {
        const ref = { accountId, chatbotId: chatbot.id, conversationId: c.id };
        if (!c.lastMessage || cache.messages(ref, { limit: 1 }).length === 0) continue;
        const news = await this.catchUpMessages(c.id);
        if (this.stopped) return;
        const stored = cache.conversation(ref);
        if (news.length > 0 && stored) listener.messages(stored, news);
      }
      // Only now: a catch-up that failed above must be part of the next resync's delta again.
      const newest = conversations.reduce<string | null>((max, c) => (max === null || c.updatedAt > max ? c.updatedAt : max), cursor.updatedSince);
      cache.setCursor(accountId, chatbot.id, { updatedSince: newest, seq: this.lastSeq });
      this.failures = 0;
      this.loaded = true;
      const live = this.mode === 'socket' && !this.socketDown;
      this.setConnection({ state: live ? 'live' : 'polling', attempt: 0, nextRetryAt: null, lastError: null });
      this.schedule(live ? null : this.nextDelay());
      const reconnected = this.reconnected;
      this.reconnected = false;
      listener.resynced(reconnected);
    } catch (error) {
      if (this.stopped) return;
      if (error instanceof BackendError && error.code === 'Unauthorized') {
        this.stop();
        this.setConnection({ state: 'signedOut', lastError: error.message });
        listener.unauthorized(error);
        return;
      }
      this.failures++;
      this.reconnected = true;
      const message = error instanceof Error ? error.message : String(error);
      // Retried in socket mode too: a socket that is up does not bring back what the failed resync missed.
      const delay = this.nextDelay();
      this.setConnection({ state: 'offline', attempt: this.failures, nextRetryAt: this.options.clock.now() + delay, lastError: message });
      this.schedule(delay);
    }
  }

  private onEvent(event: RealtimeEvent): void {
    if (event.event === 'push') {
      this.options.listener.push(this.options.chatbot.id, event.payload);
      return;
    }
    const { seq } = event.payload;
    if (this.lastSeq !== null && seq <= this.lastSeq) return; // already seen
    const gap = this.lastSeq !== null && seq > this.lastSeq + 1;
    this.lastSeq = seq;
    switch (event.event) {
      case 'conversation.upserted':
        this.applyConversations([event.payload.conversation], false);
        break;
      case 'conversation.deleted':
        this.applyDeleted([event.payload.id]);
        break;
      case 'message.created':
        this.applyMessage(event.payload.message);
        break;
      case 'agent.online':
        this.options.listener.agent(this.options.chatbot.id, event.payload.agent);
        break;
    }
    if (gap) void this.resync();
  }

  /** Takes a conversation the server returned for one of our own actions. */
  apply(conversation: Conversation): InboxConversation | null {
    this.applyConversations([conversation], false);
    return this.options.cache.conversation({ accountId: this.options.accountId, chatbotId: this.options.chatbot.id, conversationId: conversation.id });
  }

  private applyConversations(conversations: Conversation[], initial: boolean): void {
    const { cache, accountId, chatbot, listener } = this.options;
    if (conversations.length === 0) return;
    // What the notification policy compares against: the state before this change.
    const previous = new Map<string, InboxConversation>();
    for (const c of conversations) {
      const stored = cache.conversation({ accountId, chatbotId: chatbot.id, conversationId: c.id });
      if (stored) previous.set(stored.key, stored);
    }
    // The cache keeps the newer of two copies, so a slow resync cannot undo a live event.
    const written = cache.upsertConversations(accountId, chatbot.id, chatbot.name, conversations);
    if (written.length > 0) listener.conversations(written, previous, initial);
    for (const c of written) {
      const early = this.early.get(c.id);
      this.early.delete(c.id);
      if (early) listener.messages(c, early);
    }
  }

  private applyDeleted(ids: string[]): void {
    if (ids.length === 0) return;
    const { cache, accountId, chatbot, listener } = this.options;
    for (const id of ids) this.early.delete(id);
    const removed = cache.removeConversations(accountId, chatbot.id, ids);
    if (removed.length > 0) listener.removed(removed);
  }

  private applyMessage(message: Message): void {
    const { cache, accountId, chatbot, listener } = this.options;
    const fresh = cache.upsertMessages(accountId, chatbot.id, message.conversationId, [message]);
    if (fresh.length === 0) return;
    const conversation = cache.conversation({ accountId, chatbotId: chatbot.id, conversationId: message.conversationId });
    if (conversation) listener.messages(conversation, fresh);
    else this.early.set(message.conversationId, [...(this.early.get(message.conversationId) ?? []), ...fresh]);
  }

  private setConnection(patch: Partial<ConnectionState>): void {
    this.connection = { ...this.connection, ...patch };
    this.options.listener.connection(this.connection);
  }

  private clearTimers(): void {
    for (const handle of [this.timer, this.socketRetry]) if (handle !== null) this.options.clock.clearTimeout(handle);
    this.timer = null;
    this.socketRetry = null;
  }
}
