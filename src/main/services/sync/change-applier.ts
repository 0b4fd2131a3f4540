// What a change from a chatbot's platform does, whoever brought it (a resync, the live feed, the
// platform's answer to our own action): it goes into the local cache first, then it is announced
// as a typed event. Kept apart from ChatbotSync, which decides when to read and how to stay
// connected; this holds no connection state, only the cache's rules and the announcements.
import type { AgentPresence, Conversation, Message } from '../../../shared/domain';
import type { InboxConversation } from '../../../shared/view-models';
import type { LocalCache } from '../cache/local-cache';
import type { MessageCache } from '../cache/message-cache';
import { DisposableStore, Emitter, type Disposable } from '../events';
import type { LiveEvent } from '../platforms/platform';
import type { WaitingTimes } from './waiting-times';

export interface ConversationsChange {
  changed: InboxConversation[];
  /** The stored state before this change, by key, for those that had one. */
  previous: ReadonlyMap<string, InboxConversation>;
  /** The first load into an empty cache: the whole inbox at once, which is not news. */
  initial: boolean;
}

export interface MessagesAdded {
  conversation: InboxConversation;
  messages: Message[];
}

export interface ChangeApplierOptions {
  accountId: string;
  chatbot: { id: string; name: string };
  cache: LocalCache;
  messages: MessageCache;
  /** Works out each conversation's wait from the messages held, as it is stored. */
  waits: Pick<WaitingTimes, 'annotate'>;
}

export class ChangeApplier implements Disposable {
  private readonly emitters = new DisposableStore();
  private readonly conversationsChanged = this.emitters.add(new Emitter<ConversationsChange>());
  private readonly conversationsRemoved = this.emitters.add(new Emitter<string[]>());
  private readonly messagesAdded = this.emitters.add(new Emitter<MessagesAdded>());
  private readonly agentChanged = this.emitters.add(new Emitter<AgentPresence>());
  private readonly pushReceived = this.emitters.add(new Emitter<Extract<LiveEvent, { type: 'push' }>['push']>());

  readonly onDidChangeConversations = this.conversationsChanged.event;
  /** Conversation keys. */
  readonly onDidRemoveConversations = this.conversationsRemoved.event;
  readonly onDidAddMessages = this.messagesAdded.event;
  readonly onDidChangeAgent = this.agentChanged.event;
  readonly onDidReceivePush = this.pushReceived.event;

  /** Messages that came before their conversation (a new one's first): announced once it arrives. */
  private readonly early = new Map<string, Message[]>();
  /**
   * While a batch of live events is applied: conversations whose wait must be worked out again
   * for their new messages, once, at the batch's end (unless their own change in the batch did).
   */
  private rewait: Set<string> | null = null;

  constructor(private readonly options: ChangeApplierOptions) {}

  dispose(): void {
    this.emitters.dispose();
  }

  /** The conversation as the cache holds it now. */
  stored(conversationId: string): InboxConversation | null {
    return this.options.cache.conversation(this.ref(conversationId));
  }

  /**
   * Live events that came together, in order. A message and its conversation's change usually
   * come as a pair, and a burst brings many: the conversations are stored (and their waits worked
   * out) together at the batch's end, once each, not once per event. A message still finds its
   * conversation as the events before it left it.
   */
  applyEvents(events: readonly LiveEvent[]): void {
    const changed = new Map<string, Conversation>();
    const rewait = (this.rewait = new Set());
    try {
      for (const event of events) {
        if (event.type === 'conversation') {
          changed.set(event.conversation.id, event.conversation);
          continue;
        }
        const id = event.type === 'message' ? event.message.conversationId : event.type === 'removed' ? event.conversationId : null;
        const before = id === null ? undefined : changed.get(id);
        if (before) {
          changed.delete(id!);
          if (event.type === 'message') this.applyConversations([before], false);
        }
        this.applyEvent(event);
      }
    } finally {
      this.rewait = null;
    }
    const again = [...rewait].filter((id) => !changed.has(id)).flatMap((id) => this.stored(id) ?? []);
    this.applyConversations([...changed.values(), ...again], false);
  }

  applyEvent(event: LiveEvent): void {
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

  applyConversations(conversations: Conversation[], initial: boolean): void {
    const { cache, accountId, chatbot } = this.options;
    if (conversations.length === 0) return;
    for (const c of conversations) this.rewait?.delete(c.id);
    // What the notification policy compares against: the state before this change.
    const previous = new Map<string, InboxConversation>();
    for (const c of conversations) {
      const stored = this.stored(c.id);
      if (stored) previous.set(stored.key, stored);
    }
    // The cache keeps the newer of two copies, so a slow resync cannot undo a live event.
    const written = cache.upsertConversations(accountId, chatbot.id, chatbot.name, this.options.waits.annotate(conversations));
    if (written.length > 0) this.conversationsChanged.fire({ changed: written, previous, initial });
    for (const c of written) {
      const early = this.early.get(c.id);
      this.early.delete(c.id);
      if (early) this.messagesAdded.fire({ conversation: c, messages: early });
    }
  }

  applyRemoved(ids: string[]): void {
    if (ids.length === 0) return;
    const { cache, accountId, chatbot } = this.options;
    for (const id of ids) this.early.delete(id);
    const removed = cache.removeConversations(accountId, chatbot.id, ids);
    if (removed.length > 0) this.conversationsRemoved.fire(removed);
  }

  applyMessage(message: Message): void {
    const fresh = this.options.messages.upsert(this.ref(message.conversationId), [message]);
    if (fresh.length === 0) return;
    const conversation = this.stored(message.conversationId);
    if (conversation) this.announceMessages(conversation, fresh);
    else this.early.set(message.conversationId, [...(this.early.get(message.conversationId) ?? []), ...fresh]);
  }

  /** Messages already in the cache that are news: announced, and the conversation's wait worked out again with them. */
  announceMessages(conversation: InboxConversation, messages: Message[]): void {
    this.messagesAdded.fire({ conversation, messages });
    if (this.rewait) this.rewait.add(conversation.id);
    else this.applyConversations([conversation], false);
  }

  private ref(conversationId: string) {
    return { accountId: this.options.accountId, chatbotId: this.options.chatbot.id, conversationId };
  }
}
