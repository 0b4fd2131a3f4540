// The demo bot's content, made once on an empty database: a month of analytics, the desk's
// agents as Botpress users (with their presence state), 64 customer conversations in German
// and English over five integrations, handed over to the desk where the script says so
// (waiting, assigned, or handed back), and the bot's issues and logs. Conversations are
// written through the same code as live traffic (BotpressChat, Handover), only in the past.
import { channelIds, channels, type Turn, type Vars } from '../../demo/content';
import { gap, lastMessageAge } from '../../demo/conversations';
import { newPerson } from '../../demo/people';
import { Random } from '../../demo/random';
import type { BotpressChat } from '../chat';
import { PRESENCE_STATE } from '../bot/definition';
import { from } from '../bot/hitl';
import type { DemoBot } from '../bot/runtime';
import type { Conversation } from '../store/conversations';
import type { User } from '../store/users';
import type { BotpressWorkspace } from '../workspace';
import { seedAnalytics, seedHealth } from './history';
import { HANDOVER, integrationOf, type BotScript, type BotTurn } from './script';
import { scriptsDe } from './scripts-de';
import { scriptsEn } from './scripts-en';

export const CUSTOMER_CONVERSATIONS = 64;
/** The tag that finds an agent's Botpress user again: the id of their Botpress account. */
export const AGENT_TAG = 'deckhandAgent';
/** Set on every agent's user, so a desk lists its team with one tag filter. */
export const ROLE_TAG = 'deckhandRole';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

type Ending = 'bot' | 'waiting' | 'assigned' | 'stopped';

// How long ago a conversation's last write was, as in the ChatCaptain demo: open handovers are
// recent, a handed-back one ages like a closed conversation.
const ageOf: Record<Ending, keyof typeof lastMessageAge> = { waiting: 'waiting', assigned: 'assigned', stopped: 'closed', bot: 'bot' };

function endingOf(rng: Random, script: BotScript): Ending {
  if (script.outcome === 'handoff') return rng.chance(0.25) ? 'assigned' : 'waiting';
  if (script.outcome === 'agent') return rng.chance(0.55) ? 'assigned' : 'stopped';
  return 'bot';
}

export function seedBotpressDemo(chat: BotpressChat, bot: DemoBot, workspace: BotpressWorkspace): void {
  const { botId } = workspace;
  if (chat.db.get('SELECT 1 FROM bp_conversations WHERE bot_id = ? LIMIT 1', botId)) return;
  const now = Date.now();
  chat.db.tx(() => {
    seedAnalytics(chat, botId, now);
    const agents = seedAgents(chat, workspace, now);
    const rng = new Random('deckhand-botpress-demo');
    const scripts = [...scriptsDe, ...scriptsEn];
    const order = rng.shuffle(Array.from({ length: CUSTOMER_CONVERSATIONS }, (_, i) => scripts[i % scripts.length]!));
    const taken = new Set<string>();
    order.forEach((script, index) => seedConversation(chat, bot, botId, { rng, script, index, agents, taken, now, mainAgent: workspace.agentAccountId }));
    seedHealth(chat, botId, now);
  });
}

/** Every account's Botpress user, as Deckhand makes them, and whether they are online. */
function seedAgents(chat: BotpressChat, workspace: BotpressWorkspace, now: number): User[] {
  // As in the ChatCaptain demo: the owner (whose desk the app's demo opens) offline, their first two
  // colleagues online, so the switch and the server agree and "who else is online" has someone.
  const colleagues = workspace.accounts.filter((a) => a.id !== workspace.adminAccountId);
  const online = new Set(colleagues.slice(0, 2).map((a) => a.id));
  return workspace.accounts.map((account, i) => {
    const at = new Date(now - 40 * DAY + i * MINUTE).toISOString();
    const user = chat.createUser(workspace.botId, { tags: { [AGENT_TAG]: account.id, [ROLE_TAG]: 'agent', email: account.email }, name: account.displayName }, { at });
    const isOnline = online.has(account.id);
    const seen = now - (isOnline ? 2 * MINUTE : 3 * HOUR);
    chat.states.set(workspace.botId, { type: 'user', id: user.id, name: PRESENCE_STATE }, { online: isOnline, clientTimestamp: String(seen), lastSeen: new Date(seen).toISOString() });
    return user;
  });
}

interface Seeding {
  rng: Random;
  script: BotScript;
  index: number;
  agents: User[];
  taken: Set<string>;
  now: number;
  /** The account of the printed agent token: it gets the biggest share, so its desk is busy. */
  mainAgent: string;
}

/** When each turn happens, laid out backwards from the last so the newest is `end`. */
function timesOf(rng: Random, turns: BotTurn[], channel: (typeof channelIds)[number], end: number): number[] {
  const sender = (t: BotTurn) => (t === HANDOVER ? 'bot' : t.from);
  const times = [end];
  for (let i = turns.length - 1; i > 0; i--) {
    const firstAgentTurn = turns[i] !== HANDOVER && sender(turns[i]!) === 'agent' && !turns.slice(0, i).some((t) => t !== HANDOVER && t.from === 'agent');
    times.unshift(times[0]! - Math.round(gap(rng, sender(turns[i - 1]!), sender(turns[i]!), channel, firstAgentTurn)));
  }
  return times;
}

function seedConversation(chat: BotpressChat, bot: DemoBot, botId: string, s: Seeding): void {
  const { rng, script } = s;
  const channel = rng.weighted(script.channels ?? channelIds, (id) => channels[id].weight);
  const integration = integrationOf[channel];
  const person = newPerson(rng, script.lang, channel, s.taken);
  const ending = endingOf(rng, script);
  const agent = rng.weighted(s.agents, (a) => (a.tags[AGENT_TAG] === s.mainAgent ? 4 : 2));
  const vars: Vars = {
    first: person.name.split(' ')[0]!,
    last: person.name.split(' ').slice(1).join(' '),
    agent: agent.name!.split(' ')[0]!,
    order: String(rng.int(7000, 9999)),
    contract: `FH-${rng.int(10000, 99999)}`,
    ticket: String(rng.int(3000, 3999)),
  };
  const turns = script.turns(vars);
  const [minAge, maxAge] = lastMessageAge[ageOf[ending]];
  // Room after the last turn for the desk to take or hand back the conversation.
  const after = ending === 'bot' || ending === 'waiting' ? 0 : rng.int(2, 20) * MINUTE;
  const end = s.now - (minAge + (maxAge - minAge) * rng.next() ** 2) - after - s.index * 7;
  const times = timesOf(rng, turns, channel, end);
  const iso = (t: number) => new Date(t).toISOString();

  const idTag = `${integration}:id`;
  const customer = chat.createUser(botId, { tags: { [idTag]: person.providerId, language: person.lang }, name: person.name }, { at: iso(times[0]! - 2) });
  const conversation = chat.createConversation(botId, { channel: 'channel', integration, tags: { [idTag]: person.providerId } }, { at: iso(times[0]! - 1) });
  let desk: Conversation | undefined;
  let assigned = false;
  const assign = (t: number) => {
    chat.createEvent(botId, { type: 'hitlAssigned', payload: { conversationId: desk!.id, userId: agent.id } }, { at: iso(t) });
    bot.handover.assign(botId, desk!.id, agent.id, from(t + 1));
    assigned = true;
  };

  turns.forEach((turn, i) => {
    const t = times[i]!;
    if (turn === HANDOVER) {
      desk = bot.handover.start(botId, conversation.id, { userId: customer.id }, from(t));
      return;
    }
    if (turn.from === 'agent' && desk && !assigned) assign(t - 20_000);
    const target = turn.from === 'agent' ? desk! : conversation;
    const author = turn.from === 'contact' ? customer.id : turn.from === 'agent' ? agent.id : botId;
    const message = write(chat, botId, target.id, author, turn, iso(t));
    if (turn.from === 'contact' && desk) bot.handover.relayToDesk(botId, chat.conversations.require(botId, conversation.id), message, from(t + 1));
    if (turn.from === 'agent') bot.handover.relayToCustomer(botId, chat.conversations.require(botId, desk!.id), message, from(t + 1));
    if (turn.from === 'bot') chat.health.log(botId, 'info', `Answered with ${turn.content.type}`, { conversationId: conversation.id, userId: customer.id }, iso(t + 1));
  });

  const last = times[times.length - 1]!;
  if (ending === 'assigned' && !assigned) assign(last + after);
  if (ending === 'stopped' && desk) {
    chat.createEvent(botId, { type: 'hitlStopped', payload: { conversationId: desk.id } }, { at: iso(last + after) });
    bot.handover.stop(botId, desk.id, 'desk', from(last + after + 1));
  }
}

function write(chat: BotpressChat, botId: string, conversationId: string, userId: string, turn: Turn, at: string) {
  const payload = turn.content.payload as Record<string, unknown>;
  const direction = turn.from === 'bot' ? ('outgoing' as const) : ('incoming' as const);
  return chat.createMessage(botId, { conversationId, userId, direction, type: turn.content.type, payload, tags: {} }, { at });
}
