// Live traffic for the demo workspace: customers keep writing while the server runs. Arrivals
// are a Poisson process (exponential gaps) at about `perMinute` messages a minute over both
// chatbots: mostly follow-ups in open conversations, sometimes a new conversation, the bot
// answering, or someone asking for a person. Everything goes through ConversationStore, so
// clients see it as events exactly like real traffic (arrivals.ts keeps the time).
import type { Conversation, MessageContent } from '../wire';
import type { ServerContext } from '../context';
import type { Workspace } from '../store/workspace';
import { ContactStore } from '../store/contacts';
import { ConversationStore } from '../store/conversations';
import { channelIds, channels, say, type Lang } from './content';
import { livePools, type LivePool } from './content-live';
import { newPerson } from './people';
import { Arrivals } from './arrivals';
import { Random } from './random';

// Beyond this many conversations with the bot, the oldest is closed, and beyond this many in
// the queue nobody new asks for a person, so a demo left running for a day stays usable.
const MAX_OPEN_BOT_CONVERSATIONS = 40;
const MAX_WAITING = 30;
// A tick adds one message and sometimes a bot answer after it; this keeps the total near perMinute.
const MESSAGES_PER_TICK = 1.25;

export class Simulator {
  private readonly store: ConversationStore;
  private readonly contacts: ContactStore;
  private readonly rng = new Random('deckhand-simulator');
  private readonly taken = new Set<string>();
  private readonly arrivals: Arrivals;

  constructor(
    ctx: ServerContext,
    private readonly workspace: Workspace,
    perMinute: number,
  ) {
    this.store = new ConversationStore(ctx.db, ctx.events, ctx.baseUrl);
    this.contacts = new ContactStore(ctx.db);
    this.arrivals = new Arrivals(this.rng, (60_000 * MESSAGES_PER_TICK) / perMinute, () => this.tick());
  }

  start(): void {
    this.arrivals.start();
  }

  stop(): void {
    this.arrivals.stop();
  }

  private tick(): void {
    const chatbotId = this.rng.pick(this.workspace.chatbots).id;
    const open = this.store.list(chatbotId).conversations.filter((c) => !c.archived && c.status !== 'closed');
    const withBot = open.filter((c) => c.status === 'bot');
    if (withBot.length > MAX_OPEN_BOT_CONVERSATIONS) {
      // The list is newest first: the last one has been quiet longest.
      const oldest = withBot.pop()!;
      open.splice(open.indexOf(oldest), 1);
      this.store.patch(chatbotId, oldest.id, { status: 'closed' });
    }
    const r = this.rng.next();
    const unanswered = withBot.filter((c) => c.lastMessage?.sender === 'contact');
    const waiting = open.filter((c) => c.status === 'waiting').length;
    if (open.length === 0 || r < 0.15) this.newConversation(chatbotId);
    else if (r < 0.3 && unanswered.length > 0) this.botAnswer(chatbotId, this.rng.pick(unanswered));
    else if (r < 0.4 && withBot.length > 0 && waiting < MAX_WAITING) this.askForHuman(chatbotId, this.rng.pick(withBot));
    else this.followUp(chatbotId, this.recent(open));
  }

  /** Recent conversations are likelier to get the next message, as in a real inbox. */
  private recent(open: Conversation[]): Conversation {
    const index = Math.floor(open.length * this.rng.next() ** 2);
    return open[Math.min(index, open.length - 1)]!;
  }

  private pool(chatbotId: string, conversation?: Conversation): { pool: LivePool; lang: Lang } {
    const language = conversation && this.contacts.get(chatbotId, conversation.contactId)?.language;
    const lang: Lang = language === 'de' || language === 'en' ? language : this.rng.chance(0.6) ? 'de' : 'en';
    const pools = livePools[chatbotId] ?? livePools.bot_shop!;
    return { pool: pools[lang], lang };
  }

  private newConversation(chatbotId: string): void {
    const { pool, lang } = this.pool(chatbotId);
    const channel = this.rng.weighted(channelIds, (id) => channels[id].weight);
    const person = newPerson(this.rng, lang, channel, this.taken);
    const existing = this.store.find(chatbotId, channel, person.providerId);
    if (existing) return this.followUp(chatbotId, existing);
    const contact = this.contacts.create(chatbotId, {
      name: person.name,
      language: lang,
      ...(person.email && { email: person.email }),
      ...(person.phoneNumber && { phoneNumber: person.phoneNumber }),
    });
    const conversation = this.store.create(chatbotId, {
      channelId: channel,
      channelName: channels[channel].name,
      providerId: person.providerId,
      contactId: contact.id,
    });
    this.store.addMessage(chatbotId, conversation.id, { sender: 'contact', content: this.rng.pick(pool.openers) });
    this.botSoon(chatbotId, conversation.id, this.rng.pick(pool.botReplies));
  }

  private followUp(chatbotId: string, conversation: Conversation): void {
    const { pool } = this.pool(chatbotId, conversation);
    this.incoming(conversation, this.rng.pick(pool.followUps));
  }

  private botAnswer(chatbotId: string, conversation: Conversation): void {
    const { pool } = this.pool(chatbotId, conversation);
    this.store.addMessage(chatbotId, conversation.id, { sender: 'bot', content: this.rng.pick(pool.botReplies) });
  }

  private askForHuman(chatbotId: string, conversation: Conversation): void {
    const { pool } = this.pool(chatbotId, conversation);
    this.incoming(conversation, say(this.rng.pick(pool.human)));
    this.store.patch(chatbotId, conversation.id, { status: 'waiting' });
    this.botSoon(chatbotId, conversation.id, say(pool.handoff));
  }

  /** A customer's message, as the channel would deliver it (handleIncoming also reopens). */
  private incoming(conversation: Conversation, content: MessageContent): void {
    const { channelId, channelName, providerId } = conversation;
    this.store.handleIncoming(conversation.chatbotId, { channelId, channelName, providerId, content });
  }

  private botSoon(chatbotId: string, conversationId: string, content: MessageContent): void {
    this.arrivals.later(this.rng.int(1200, 3500), () => {
      this.store.addMessage(chatbotId, conversationId, { sender: 'bot', content });
    });
  }
}
