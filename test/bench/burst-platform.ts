// A chat platform for the burst benchmark: the core in memory, and a live feed the benchmark
// drives itself, so thousands of messages can arrive within two seconds (more than a real server
// here could post), exactly as a platform's feed hands them to Deckhand's sync.
import type { Conversation, Message } from '../../src/shared/domain';
import type { Disposable } from '../../src/main/services/events';
import type { ChatPlatform, ConversationChanges, Identity, LiveEvent, LiveHandlers, MessagePage, PlatformFactory, ReplyInput } from '../../src/main/services/platforms/platform';

export const BURST = { platform: 'burst', key: 'burst-key-0123456789', chatbot: { id: 'burst_bot', name: 'Burst' }, agent: { id: 'burst_agent', name: 'Kim Berger' } };

interface Stored {
  conversation: Conversation;
  messages: Message[];
  revision: number;
}

export class BurstPlatform implements ChatPlatform {
  private readonly conversations = new Map<string, Stored>();
  private handlers: LiveHandlers | null = null;
  private revision = 0;
  private sequence = 0;

  readonly live = {
    subscribe: (_chatbotId: string, handlers: LiveHandlers): Disposable => {
      this.handlers = handlers;
      queueMicrotask(() => handlers.onConnect());
      return { dispose: () => void (this.handlers = null) };
    },
  };

  constructor(count: number) {
    const start = Date.now() - 24 * 3600_000;
    for (let i = 0; i < count; i++) {
      const at = new Date(start + i * 1000).toISOString();
      const id = `burst_${i}`;
      this.conversations.set(id, {
        conversation: {
          id,
          chatbotId: BURST.chatbot.id,
          contactId: `contact_${i}`,
          contactName: `Kundin ${i}`,
          channelId: 'web',
          channelName: 'Web chat',
          archived: false,
          status: 'waiting',
          assignedAgentId: null,
          unreadCount: 0,
          createdAt: at,
          updatedAt: at,
        },
        messages: [],
        revision: 0,
      });
    }
  }

  get connected(): boolean {
    return this.handlers !== null;
  }

  ids(): string[] {
    return [...this.conversations.keys()];
  }

  async identity(chatbotIds: string[]): Promise<Identity> {
    return { agent: BURST.agent, chatbots: chatbotIds.map((id) => ({ id, name: BURST.chatbot.name, abilities: [], lacking: [] })) };
  }

  async changes(_chatbotId: string, cursor: string | null): Promise<ConversationChanges> {
    const since = cursor === null ? -1 : Number(cursor);
    const changed = [...this.conversations.values()].filter((s) => s.revision > since).map((s) => s.conversation);
    return { conversations: changed, removed: [], cursor: String(this.revision) };
  }

  async conversation(_chatbotId: string, id: string): Promise<Conversation> {
    return this.stored(id).conversation;
  }

  async messages(_chatbotId: string, conversationId: string, page: { cursor?: string; limit: number }): Promise<MessagePage> {
    const { messages } = this.stored(conversationId);
    const end = page.cursor === undefined ? messages.length : Number(page.cursor);
    const start = Math.max(0, end - page.limit);
    return { messages: messages.slice(start, end), older: start > 0 ? String(start) : null };
  }

  async reply(_chatbotId: string, input: ReplyInput): Promise<Message> {
    return this.append(this.stored(input.conversationId), { sender: 'agent', agentId: BURST.agent.id, text: input.text });
  }

  /** A customer writes in `conversationId`: stored, then announced on the feed as the message and the conversation it changed. */
  customerWrites(conversationId: string, text: string): { conversation: Conversation; message: Message } {
    const stored = this.stored(conversationId);
    const message = this.append(stored, { sender: 'contact', text });
    stored.conversation = { ...stored.conversation, unreadCount: stored.conversation.unreadCount + 1 };
    for (const event of [{ type: 'message', message }, { type: 'conversation', conversation: stored.conversation }] as LiveEvent[]) this.handlers?.onEvent(event);
    return { conversation: stored.conversation, message };
  }

  private append(stored: Stored, from: { sender: 'contact' | 'agent'; agentId?: string; text: string }): Message {
    const createdAt = new Date().toISOString();
    const message = {
      id: `burst_msg_${++this.sequence}`,
      conversationId: stored.conversation.id,
      direction: from.sender === 'contact' ? 'incoming' : 'outgoing',
      sender: from.sender,
      ...(from.agentId && { agentId: from.agentId }),
      type: 'text',
      payload: { text: from.text },
      createdAt,
    } as Message;
    stored.messages.push(message);
    stored.conversation = { ...stored.conversation, lastMessage: message, updatedAt: createdAt };
    stored.revision = ++this.revision;
    return message;
  }

  private stored(id: string): Stored {
    const stored = this.conversations.get(id);
    if (!stored) throw new Error(`no conversation ${id}`);
    return stored;
  }
}

export const burstFactory = (platform: BurstPlatform): PlatformFactory => ({ id: BURST.platform, open: () => platform });
