// Live traffic for the demo bot: customers keep writing while the server runs, at about
// `perMinute` messages a minute (Poisson arrivals): new conversations, follow-ups in recent
// ones, and now and then someone asking for a person, which the bot hands to the desk. The
// bot reacts a second or two later, as a deployed bot would; everything goes through the
// chat API's own write path, so desks see it exactly like real traffic.
import type { MessageContent } from '../../../shared/domain';
import { channelIds, channels, type Lang } from '../../demo/content';
import { newPerson } from '../../demo/people';
import { Arrivals } from '../../demo/arrivals';
import { Random } from '../../demo/random';
import type { BotpressChat } from '../chat';
import { HITL_INTEGRATION } from '../bot/definition';
import type { DemoBot } from '../bot/runtime';
import type { Conversation } from '../store/conversations';
import type { BotpressWorkspace } from '../workspace';
import { livePool } from './live';
import { integrationOf } from './script';

// Follow-ups go to the most recently active customer conversations; beyond this many open
// handovers, nobody new asks for a person, so a demo left running for a day stays usable.
const RECENT = 40;
const MAX_WAITING = 25;

export class BotpressSimulator {
  private readonly rng = new Random('deckhand-botpress-simulator');
  private readonly taken = new Set<string>();
  private readonly arrivals: Arrivals;

  constructor(
    private readonly chat: BotpressChat,
    private readonly bot: DemoBot,
    private readonly workspace: BotpressWorkspace,
    perMinute: number,
  ) {
    this.arrivals = new Arrivals(
      this.rng,
      60_000 / perMinute,
      () => this.tick(),
      (error) => this.chat.health.log(workspace.botId, 'warn', `Simulated customer message dropped: ${(error as Error).message}`),
    );
  }

  start(): void {
    this.arrivals.start();
  }

  stop(): void {
    this.arrivals.stop();
  }

  private tick(): void {
    const botId = this.workspace.botId;
    const recent = this.chat.conversations
      .list(botId, { channel: 'channel' }, { field: 'updatedAt', direction: 'desc' }, { pageSize: RECENT })
      .items.filter((c) => c.integration !== HITL_INTEGRATION);
    const waiting = this.chat.conversations.list(botId, { tags: { hitlStatus: 'waiting' } }, { field: 'updatedAt', direction: 'desc' }, { pageSize: MAX_WAITING }).items;
    const r = this.rng.next();
    if (recent.length === 0 || r < 0.15) this.newConversation();
    else if (r < 0.25 && waiting.length < MAX_WAITING) this.customerWrites(this.pick(recent), 'human');
    else this.customerWrites(this.pick(recent), 'followUp');
  }

  /** Recent conversations are likelier to get the next message, as in a real inbox. */
  private pick(conversations: Conversation[]): Conversation {
    return conversations[Math.min(Math.floor(conversations.length * this.rng.next() ** 2), conversations.length - 1)]!;
  }

  private newConversation(): void {
    const botId = this.workspace.botId;
    const lang: Lang = this.rng.chance(0.6) ? 'de' : 'en';
    const channel = this.rng.weighted(channelIds, (id) => channels[id].weight);
    const integration = integrationOf[channel];
    const person = newPerson(this.rng, lang, channel, this.taken);
    const idTag = `${integration}:id`;
    const { user } = this.chat.getOrCreateUser(botId, { tags: { [idTag]: person.providerId, language: lang }, name: person.name, discriminateByTags: [idTag] });
    const { conversation } = this.chat.getOrCreateConversation(botId, { channel: 'channel', integration, tags: { [idTag]: person.providerId } });
    this.say(conversation, user.id, this.rng.pick(livePool[lang].openers));
  }

  private customerWrites(conversation: Conversation, kind: 'followUp' | 'human'): void {
    const botId = this.workspace.botId;
    const customer = this.bot.handover.customerOf(botId, conversation.id);
    if (!customer) return;
    const lang: Lang = customer.tags.language === 'en' ? 'en' : 'de';
    const pool = livePool[lang];
    this.say(conversation, customer.id, kind === 'human' ? this.rng.pick(pool.human) : this.rng.pick(pool.followUps));
  }

  /** The customer's message now, the bot's reaction a moment later. */
  private say(conversation: Conversation, userId: string, content: MessageContent): void {
    const botId = this.workspace.botId;
    const message = this.chat.createMessage(
      botId,
      { conversationId: conversation.id, userId, direction: 'incoming', type: content.type, payload: content.payload as Record<string, unknown>, tags: {} },
      { react: false },
    );
    this.arrivals.later(this.rng.int(1200, 3500), () => this.bot.onIncomingMessage(botId, message));
  }
}
