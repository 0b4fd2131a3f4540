// What the agent does with a conversation: open it (newest page first), page back, mark it read,
// archive, take, hand back, send a custom event. Each action that changes the conversation goes
// to the platform's port for it and comes back through the sync path, so every view agrees.
import type { Conversation } from '../../../shared/domain';
import { conversationKey, type ConversationRef } from '../../../shared/keys';
import type { ConversationDetail, InboxConversation } from '../../../shared/view-models';
import type { LocalCache } from '../cache/local-cache';
import type { MessageCache } from '../cache/message-cache';
import { AppError } from '../errors/app-error';
import type { SelfAssigned } from '../notify/self-assigned';
import type { Outbox } from '../outbox/outbox';
import type { EventPayload } from '../platforms/platform';
import type { Session } from '../session/session';
import { MESSAGE_PAGE, hasOlderThanNewest, olderMessages } from '../sync/message-history';
import type { KnownEvents } from './known-events';

export interface ConversationServiceOptions {
  session: Session;
  cache: LocalCache;
  messages: MessageCache;
  outbox: Pick<Outbox, 'items'>;
  selfAssigned: SelfAssigned;
  knownEvents: KnownEvents;
}

export class ConversationService {
  private focused: string | null = null;

  constructor(private readonly options: ConversationServiceOptions) {}

  /** The conversation with its newest page: from the platform when it can be reached, else the cache. */
  async open(ref: ConversationRef): Promise<ConversationDetail> {
    const { cache, messages, outbox } = this.options;
    const conversation = await this.current(ref);
    let failure: unknown = null;
    await this.sync(ref)
      .catchUp(ref.conversationId)
      .catch((error: unknown) => (failure = error));
    const reached = failure === null;
    const newest = messages.list(ref, { limit: MESSAGE_PAGE });
    // Nothing cached and the platform out of reach: say so, rather than show it as empty.
    if (!reached && newest.length === 0 && conversation.lastMessage) throw failure;
    return {
      conversation: cache.conversation(ref) ?? conversation,
      messages: newest,
      // Offline and never paged, a full page is the best guess that there is more.
      hasOlder: hasOlderThanNewest(messages, ref) || (!reached && newest.length === MESSAGE_PAGE),
      outbox: outbox.items(conversationKey(ref)),
    };
  }

  loadOlder(ref: ConversationRef, beforeId: string): ReturnType<typeof olderMessages> {
    return olderMessages(this.options.session.runtime(ref.accountId).platform, this.options.messages, ref, beforeId);
  }

  /** The conversation the agent is looking at, or null; notifications skip it while focused. */
  focus(ref: ConversationRef | null): void {
    this.focused = ref ? conversationKey(ref) : null;
  }

  focusedKey(): string | null {
    return this.focused;
  }

  async markRead(ref: ConversationRef): Promise<void> {
    const runtime = this.options.session.runtime(ref.accountId);
    // Without read state on the platform there is nothing to clear there.
    if (!runtime.platform.readState) return;
    const current = await this.current(ref);
    if (current.unreadCount > 0) this.applied(ref, await runtime.platform.readState.markRead(ref.chatbotId, ref.conversationId));
  }

  async setArchived(ref: ConversationRef, archived: boolean): Promise<InboxConversation> {
    return this.applied(ref, await this.port(ref, 'archive').setArchived(ref.chatbotId, ref.conversationId, archived));
  }

  async assignToMe(ref: ConversationRef): Promise<InboxConversation> {
    return this.assign(ref, this.options.session.runtime(ref.accountId).account.agent.id);
  }

  /** To the agent or a colleague; taking it from whoever holds it is the caller's to confirm. */
  async assign(ref: ConversationRef, agentId: string): Promise<InboxConversation> {
    const runtime = this.options.session.runtime(ref.accountId);
    const port = runtime.port('assignment');
    // The agent's own doing: no notification that it became theirs.
    if (agentId === runtime.account.agent.id) this.options.selfAssigned.mark(conversationKey(ref));
    return this.applied(ref, await port.assign(ref.chatbotId, ref.conversationId, agentId));
  }

  /** Back in the queue (what undoes taking it). */
  async unassign(ref: ConversationRef): Promise<InboxConversation> {
    return this.applied(ref, await this.port(ref, 'unassignment').unassign(ref.chatbotId, ref.conversationId));
  }

  async handBack(ref: ConversationRef): Promise<InboxConversation> {
    return this.applied(ref, await this.port(ref, 'handBack').handBack(ref.chatbotId, ref.conversationId));
  }

  /** Sends the event (with its data, if any) and remembers it for the chatbot, so it is offered next time. */
  async customEvent(ref: ConversationRef, event: string, payload?: EventPayload): Promise<InboxConversation> {
    const answer = await this.port(ref, 'customEvent').trigger(ref.chatbotId, ref.conversationId, event, payload);
    this.options.knownEvents.remember(ref, event);
    return this.applied(ref, answer);
  }

  knownEvents(ref: { accountId: string; chatbotId: string }): string[] {
    return this.options.knownEvents.list(ref);
  }

  private port<C extends 'archive' | 'unassignment' | 'handBack' | 'customEvent'>(ref: ConversationRef, capability: C) {
    return this.options.session.runtime(ref.accountId).port(capability);
  }

  private sync(ref: ConversationRef) {
    return this.options.session.runtime(ref.accountId).sync(ref.chatbotId);
  }

  /** The cached conversation, or the platform's when the cache has none (a link to an old one). */
  private async current(ref: ConversationRef): Promise<InboxConversation> {
    const cached = this.options.cache.conversation(ref);
    if (cached) return cached;
    const runtime = this.options.session.runtime(ref.accountId);
    return this.applied(ref, await runtime.platform.conversation(ref.chatbotId, ref.conversationId));
  }

  /** Applies the platform's answer to one of our own actions through the sync path. */
  private applied(ref: ConversationRef, conversation: Conversation): InboxConversation {
    const result = this.sync(ref).apply(conversation) ?? this.options.cache.conversation(ref);
    if (!result) throw new AppError('NotFound', 'The conversation is gone.');
    return result;
  }
}
