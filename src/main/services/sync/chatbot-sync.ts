// Keeps one chatbot of one account in step with its platform. The connection (sync-connection.ts)
// says when to resync: the live feed's (re)connects and gaps, polls, retries after failures. A
// resync reads the changes since the stored cursor (read-changes.ts), one at a time however many
// ask for it. Every change goes into the local cache first, newer-wins by updatedAt, and is then
// announced as a typed event (change-applier.ts) to whoever subscribed. This file holds what ties
// them together: the public surface, the one resync running, and what its outcome means.
import type { AgentPresence, Conversation, Message } from '../../../shared/domain';
import type { ConnectionState, InboxConversation } from '../../../shared/view-models';
import type { LocalCache } from '../cache/local-cache';
import type { MessageCache } from '../cache/message-cache';
import { PlatformError } from '../errors/platform-error';
import { DisposableStore, Emitter, type Disposable, type Event } from '../events';
import type { ChatPlatform, LiveEvent } from '../platforms/platform';
import { ChangeApplier, type ConversationsChange, type MessagesAdded } from './change-applier';
import { LiveBatch } from './live-batch';
import { catchUpMessages } from './message-history';
import { readChanges } from './read-changes';
import { SyncConnection, type PollingOptions } from './sync-connection';
import { WaitingTimes } from './waiting-times';

export type { ConversationsChange } from './change-applier';

export interface ChatbotSyncOptions extends PollingOptions {
  accountId: string;
  chatbot: { id: string; name: string };
  platform: ChatPlatform;
  cache: LocalCache;
  messages: MessageCache;
}

export class ChatbotSync implements Disposable {
  private readonly emitters = new DisposableStore();
  private readonly resynced = this.emitters.add(new Emitter<{ reconnected: boolean }>());
  private readonly unauthorized = this.emitters.add(new Emitter<PlatformError>());

  readonly onDidChangeConversations: Event<ConversationsChange>;
  /** Conversation keys. */
  readonly onDidRemoveConversations: Event<string[]>;
  readonly onDidAddMessages: Event<MessagesAdded>;
  readonly onDidChangeAgent: Event<AgentPresence>;
  readonly onDidReceivePush: Event<Extract<LiveEvent, { type: 'push' }>['push']>;
  readonly onDidChangeConnection: Event<ConnectionState>;
  /**
   * A resync succeeded. `reconnected` after a (re)connect or a recovery from failures, when
   * whatever was missed meanwhile must be read again (presence).
   */
  readonly onDidResync = this.resynced.event;
  /** The key was refused: the sync stopped. */
  readonly onDidLoseAuthorization = this.unauthorized.event;

  private readonly changes: ChangeApplier;
  private readonly connection: SyncConnection;
  private readonly waits: WaitingTimes;
  /** A resync succeeded in this run: later ones are never the initial load, even of an empty inbox. */
  private loaded = false;
  private resyncing: Promise<void> | null = null;
  private resyncAgain = false;
  private stopped = false;
  private readonly live = new LiveBatch<LiveEvent>((events) => {
    if (!this.stopped) this.options.cache.batch(() => this.changes.applyEvents(events));
  });

  constructor(private readonly options: ChatbotSyncOptions) {
    const { accountId, chatbot, platform, cache, messages } = options;
    const stopped = () => this.stopped;
    this.waits = new WaitingTimes({ accountId, chatbotId: chatbot.id, platform, cache, messages, stopped });
    this.changes = this.emitters.add(new ChangeApplier({ accountId, chatbot, cache, messages, waits: this.waits }));
    this.connection = this.emitters.add(
      new SyncConnection({ ...options, stopped, onEvent: (event) => this.live.push(event), resync: () => void this.resync() }),
    );
    this.onDidChangeConversations = this.changes.onDidChangeConversations;
    this.onDidRemoveConversations = this.changes.onDidRemoveConversations;
    this.onDidAddMessages = this.changes.onDidAddMessages;
    this.onDidChangeAgent = this.changes.onDidChangeAgent;
    this.onDidReceivePush = this.changes.onDidReceivePush;
    this.onDidChangeConnection = this.connection.onDidChange;
  }

  start(): void {
    this.connection.start();
  }

  dispose(): void {
    this.stop();
    this.emitters.dispose();
  }

  state(): ConnectionState {
    return this.connection.state();
  }

  /** The key was refused (here, or where the account's identity is read): the sync stops, signed out. */
  loseAuthorization(error: PlatformError): void {
    if (this.stopped) return;
    this.stop();
    this.connection.signedOut(error.message);
    this.unauthorized.fire(error);
  }

  /**
   * The agent is back (the window got focus, the system woke up, the network returned), or a
   * push said something happened: a chatbot that polls, or failed, resyncs now instead of
   * waiting out its interval or backoff. One on a healthy live feed has nothing to catch up.
   */
  wake(): void {
    if (this.connection.mayBeBehind()) void this.resync();
  }

  /** Resync now (the agent pressed "reconnect", the live feed connected or missed events). */
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
    this.changes.applyConversations([conversation], false);
    return this.changes.stored(conversation.id);
  }

  private stop(): void {
    this.stopped = true;
    this.connection.close();
  }

  private async runResync(): Promise<void> {
    try {
      // `loaded` cannot change while this reads: resyncs never overlap (resync()).
      const read = await readChanges({ ...this.options, changes: this.changes, loaded: this.loaded, stopped: () => this.stopped });
      if (!read) return;
      this.loaded = true;
      const reconnected = this.connection.succeeded();
      this.resynced.fire({ reconnected });
      void this.waits.fill((filled) => this.changes.applyConversations(filled, false));
    } catch (error) {
      if (this.stopped) return;
      if (error instanceof PlatformError && error.code === 'Unauthorized') return this.loseAuthorization(error);
      this.connection.failed(error instanceof Error ? error.message : String(error));
    }
  }
}
