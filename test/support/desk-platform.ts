// A chat platform with nothing but the core every platform must have: who the key is, the
// conversations that want a person (behind its own cursor), their messages (behind its own
// paging) and an idempotent reply. No live feed (Deckhand polls it), no presence, no push, no
// assignment, no archive, no organizations, no versions. It keeps its conversations in memory,
// so a test can play the customers; Deckhand reaches it only through the platform ports, as it
// reaches ChatCaptain.
import type { Conversation, Message } from '../../src/shared/domain';
import { PlatformError } from '../../src/main/services/errors/platform-error';
import type { ChatPlatform, ConversationChanges, Identity, MessagePage, PlatformFactory, ReplyInput } from '../../src/main/services/platforms/platform';

export const DESK = 'desk';
export const DESK_KEY = 'desk-key-0123456789';
export const DESK_CHATBOT = { id: 'desk_main', name: 'Help Desk' };
export const DESK_AGENT = { id: 'desk_agent_7', name: 'Robin Meyer' };

interface Stored {
  conversation: Conversation;
  messages: Message[];
  /** Bumped on every change: the cursor is the last revision a caller saw. */
  revision: number;
}

export class DeskPlatform implements ChatPlatform {
  private readonly conversations = new Map<string, Stored>();
  private readonly replies = new Map<string, Message>();
  private revision = 0;
  private clock = Date.parse('2026-11-20T09:00:00.000Z');
  /** Every reply call, retries included: idempotence is checked against it. */
  readonly replyCalls: ReplyInput[] = [];
  /** While true the desk cannot be reached: every call fails as a network error would. */
  outage = false;

  async identity(chatbotIds: string[]): Promise<Identity> {
    return {
      agent: DESK_AGENT,
      chatbots: chatbotIds.map((id) => {
        if (id !== DESK_CHATBOT.id) throw new PlatformError('Forbidden', `No chatbot ${id} here`, { status: 403 });
        // Nothing beyond the core, so nothing to be allowed or refused.
        return { ...DESK_CHATBOT, abilities: [], lacking: [] };
      }),
    };
  }

  async changes(chatbotId: string, cursor: string | null): Promise<ConversationChanges> {
    this.reachable();
    this.check(chatbotId);
    const since = cursor === null ? -1 : Number(cursor.replace(/^rev:/, ''));
    const changed = [...this.conversations.values()].filter((s) => s.revision > since).map((s) => s.conversation);
    return { conversations: changed, removed: [], cursor: `rev:${this.revision}` };
  }

  async conversation(chatbotId: string, id: string): Promise<Conversation> {
    return this.stored(chatbotId, id).conversation;
  }

  // Pages by position: the cursor is how many messages are left before the page.
  async messages(chatbotId: string, conversationId: string, page: { cursor?: string; limit: number }): Promise<MessagePage> {
    const { messages } = this.stored(chatbotId, conversationId);
    const end = page.cursor === undefined ? messages.length : Number(page.cursor.replace(/^pos:/, ''));
    const start = Math.max(0, end - page.limit);
    return { messages: messages.slice(start, end), older: start > 0 ? `pos:${start}` : null };
  }

  async reply(chatbotId: string, input: ReplyInput): Promise<Message> {
    this.replyCalls.push(input);
    this.reachable();
    const seen = this.replies.get(input.clientMessageId);
    if (seen) return seen;
    const stored = this.stored(chatbotId, input.conversationId);
    const message = this.append(stored, {
      sender: 'agent',
      agentId: DESK_AGENT.id,
      clientMessageId: input.clientMessageId,
      type: 'text',
      payload: { text: input.text },
    });
    this.replies.set(input.clientMessageId, message);
    return message;
  }

  /** A customer writes: into their conversation, or a new one that waits for a person. */
  customerWrites(customer: { id: string; name: string }, text: string): { conversation: Conversation; message: Message } {
    const id = `desk_conv_${customer.id}`;
    let stored = this.conversations.get(id);
    if (!stored) {
      const at = this.tick();
      stored = {
        conversation: {
          id,
          chatbotId: DESK_CHATBOT.id,
          contactId: customer.id,
          contactName: customer.name,
          channelId: 'desk-portal',
          channelName: 'Help portal',
          archived: false,
          status: 'waiting',
          assignedAgentId: null,
          unreadCount: 0,
          createdAt: at,
          updatedAt: at,
        },
        messages: [],
        revision: 0,
      };
      this.conversations.set(id, stored);
    }
    // No read state on this platform: it counts nothing unread.
    const message = this.append(stored, { sender: 'contact', type: 'text', payload: { text } });
    return { conversation: stored.conversation, message };
  }

  /** What the platform holds of a conversation, oldest first. */
  history(conversationId: string): Message[] {
    return [...(this.conversations.get(conversationId)?.messages ?? [])];
  }

  private append(stored: Stored, content: Omit<Message, 'id' | 'conversationId' | 'createdAt'>): Message {
    const createdAt = this.tick();
    const message = { ...content, id: `desk_msg_${stored.messages.length + 1}_${stored.conversation.id}`, conversationId: stored.conversation.id, createdAt } as Message;
    stored.messages.push(message);
    stored.conversation = { ...stored.conversation, lastMessage: message, updatedAt: createdAt };
    stored.revision = ++this.revision;
    return message;
  }

  private tick(): string {
    this.clock += 1000;
    return new Date(this.clock).toISOString();
  }

  private reachable(): void {
    if (this.outage) throw new PlatformError('Network', 'could not reach desk.example');
  }

  private check(chatbotId: string): void {
    if (chatbotId !== DESK_CHATBOT.id) throw new PlatformError('NotFound', `No chatbot ${chatbotId}`, { status: 404 });
  }

  private stored(chatbotId: string, id: string): Stored {
    this.check(chatbotId);
    const stored = this.conversations.get(id);
    if (!stored) throw new PlatformError('NotFound', `No conversation ${id}`, { status: 404 });
    return stored;
  }
}

/** The platform as the registry knows it; every account opened on it reaches the same desk. */
export function deskFactory(desk: DeskPlatform): PlatformFactory {
  return {
    id: DESK,
    open: ({ secret }) => {
      if (secret !== DESK_KEY) throw new PlatformError('Unauthorized', 'Unknown desk key', { status: 401 });
      return desk;
    },
  };
}
