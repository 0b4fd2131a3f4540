// Since when each conversation's customer waits for a person (the rule: shared/waiting-time.ts),
// worked out from the messages the cache holds, whenever a conversation is stored. Conversations
// someone waits for that nobody opened yet have only their last message to go by, which may be a
// later "hello?": their history is read in the background, the queue's head first, so its order
// is right from the start.
import type { Conversation, Message } from '../../../shared/domain';
import { waitingSince } from '../../../shared/waiting-time';
import type { InboxConversation } from '../../../shared/view-models';
import type { LocalCache } from '../cache/local-cache';
import type { MessageCache } from '../cache/message-cache';
import type { ChatPlatform } from '../platforms/platform';
import { catchUpMessages } from './message-history';

/** Enough of a conversation's end to find where the customer's waiting began. */
const TAIL = 100;
/** Histories read per round, so a queue of thousands does not hold the connection for long. */
const FILL_PER_ROUND = 25;
/** Past this many conversations at once, one query says which have messages held at all. */
const BATCH = 20;

export type WithWait = Conversation & Pick<InboxConversation, 'waitingSince'>;

export interface WaitingTimesOptions {
  accountId: string;
  chatbotId: string;
  platform: Pick<ChatPlatform, 'messages'>;
  cache: LocalCache;
  messages: MessageCache;
  stopped: () => boolean;
}

export class WaitingTimes {
  private filling = false;
  /** Conversations whose history could not be read. */
  private readonly unreadable = new Set<string>();

  constructor(private readonly options: WaitingTimesOptions) {}

  /** The conversations with their wait, from what is held. */
  annotate(conversations: readonly Conversation[]): WithWait[] {
    const held = conversations.length > BATCH ? this.options.messages.heldConversations(this.options) : null;
    return conversations.map((c) => ({ ...c, waitingSince: waitingSince(c, this.known(c, held)) }));
  }

  /**
   * Reads the history of conversations someone waits for of which no message is held, the
   * queue's head first (a round at a time), and hands them to `reapply`, so their wait is worked
   * out again. One round at a time. One whose history cannot be read (gone from the platform) is
   * not tried again this session, so it never holds up those behind it.
   */
  async fill(reapply: (conversations: InboxConversation[]) => void): Promise<void> {
    if (this.filling) return;
    this.filling = true;
    try {
      const { cache, platform, messages, stopped } = this.options;
      const round = cache.waitedForWithoutMessages(this.options, FILL_PER_ROUND, this.unreadable);
      const done: InboxConversation[] = [];
      for (const c of round) {
        if (stopped()) return;
        // A failure is not the inbox's concern: the wait stays as the last message says.
        const read = await catchUpMessages(platform, messages, this.ref(c.id), stopped).then(() => true, () => false);
        if (!read) this.unreadable.add(c.id);
        const stored = cache.conversation(this.ref(c.id));
        if (read && stored) done.push(stored);
      }
      if (!stopped() && done.length > 0) reapply(done);
    } finally {
      this.filling = false;
    }
  }

  private known(c: Conversation, held: ReadonlySet<string> | null): Message[] {
    const last = c.lastMessage;
    const cached = held && !held.has(c.id) ? [] : this.options.messages.list(this.ref(c.id), { limit: TAIL });
    if (!last || cached.some((m) => m.id === last.id)) return cached;
    const newest = cached.at(-1);
    return !newest || Date.parse(last.createdAt) >= Date.parse(newest.createdAt) ? [...cached, last] : cached;
  }

  private ref(conversationId: string) {
    return { accountId: this.options.accountId, chatbotId: this.options.chatbotId, conversationId };
  }
}
