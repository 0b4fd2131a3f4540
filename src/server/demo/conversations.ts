// The demo's conversation history: for each chatbot, every dialogue script a few times over,
// each with its own contact, channel, agent and time, written into the past so the inbox looks
// like two weeks of real traffic with the newest in the last hours. Seeded, so every demo start
// looks the same (the times move with the clock, their order does not).
import type { ConversationStatus } from '../wire';
import type { ServerContext } from '../context';
import type { Workspace } from '../store/workspace';
import { ContactStore } from '../store/contacts';
import { ConversationStore } from '../store/conversations';
import { channelIds, channels, type ChannelId, type Script, type Sender, type Turn, type Vars } from './content';
import { newPerson } from './people';
import { Random } from './random';
import { scriptsOf } from './scripts';

export const CONVERSATIONS_PER_CHATBOT = 64;

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

// How long after the previous message each one arrives: bots answer in seconds, people take
// minutes, and by e-mail everyone takes longer.
export function gap(rng: Random, previous: Sender, next: Sender, channel: ChannelId, firstAgentTurn: boolean): number {
  const between = (min: number, max: number) => min + rng.next() * (max - min);
  let ms: number;
  if (next === 'bot') ms = previous === 'bot' ? between(0.6 * SECOND, 2 * SECOND) : between(1.5 * SECOND, 6 * SECOND);
  else if (next === 'agent') {
    if (firstAgentTurn) ms = between(2 * MINUTE, 25 * MINUTE);
    else ms = previous === 'agent' ? between(10 * SECOND, 70 * SECOND) : between(40 * SECOND, 6 * MINUTE);
  } else ms = previous === 'contact' ? between(8 * SECOND, 90 * SECOND) : between(20 * SECOND, 4 * MINUTE);
  return channel === 'email' && next !== 'bot' ? ms * 15 : ms;
}

// How long ago the last message was, by status: open work is recent, closed work spreads over two weeks.
export const lastMessageAge: Record<ConversationStatus, [number, number]> = {
  waiting: [3 * MINUTE, 5 * HOUR],
  assigned: [8 * MINUTE, 30 * HOUR],
  bot: [4 * MINUTE, 3 * DAY],
  closed: [4 * HOUR, 13 * DAY],
};

function statusFor(rng: Random, script: Script): ConversationStatus {
  switch (script.outcome) {
    case 'handoff':
      return rng.chance(0.2) ? 'assigned' : 'waiting';
    case 'agent':
      return rng.chance(0.6) ? 'assigned' : 'closed';
    case 'bot':
      return rng.chance(0.5) ? 'bot' : 'closed';
  }
}

/** What an agent has not seen: nothing once closed, else the customer's messages since an agent last wrote. */
function unreadOf(turns: Turn[], status: ConversationStatus): number {
  if (status === 'closed') return 0;
  const lastAgent = turns.map((t) => t.from).lastIndexOf('agent');
  const lastOutgoing = turns.findLastIndex((t) => t.from !== 'contact');
  const from = lastAgent >= 0 ? lastAgent : status === 'bot' ? lastOutgoing : -1;
  return turns.slice(from + 1).filter((t) => t.from === 'contact').length;
}

export function seedConversations(ctx: ServerContext, workspace: Workspace, chatbotId: string): void {
  const scripts = scriptsOf[chatbotId];
  if (!scripts || scripts.length === 0) return;
  const store = new ConversationStore(ctx.db, ctx.events, ctx.baseUrl);
  const contacts = new ContactStore(ctx.db);
  const rng = new Random(`deckhand-demo:${chatbotId}`);
  const now = Date.now();
  const taken = new Set<string>();
  // The agent role's agent gets the biggest share, so the agent key's inbox is full too.
  const agentWeight = (id: string) => (id === workspace.agentOf.agent ? 4 : id === workspace.agentOf.viewer ? 1 : 2);

  // Every script at least once, in a shuffled order, then topped up at random.
  const order = rng.shuffle(Array.from({ length: CONVERSATIONS_PER_CHATBOT }, (_, i) => scripts[i % scripts.length]!));

  order.forEach((script, index) => {
    const allowed = script.channels ?? channelIds;
    const channel = rng.weighted(allowed, (id) => channels[id].weight);
    const person = newPerson(rng, script.lang, channel, taken);
    const status = statusFor(rng, script);
    const agent = rng.weighted(workspace.agents, (a) => agentWeight(a.id));
    const vars: Vars = {
      first: person.name.split(' ')[0]!,
      last: person.name.split(' ').slice(1).join(' '),
      agent: agent.name.split(' ')[0]!,
      order: String(rng.int(40000, 59999)),
      contract: `SN-${rng.int(1000, 9999)}`,
      ticket: String(rng.int(10000, 99999)),
    };
    const turns = script.turns(vars);

    // Lay the messages out backwards from the last one; the index keeps ends distinct to the ms.
    const [minAge, maxAge] = lastMessageAge[status];
    const end = now - (minAge + (maxAge - minAge) * rng.next() ** 2) - index;
    const times = [end];
    for (let i = turns.length - 1; i > 0; i--) {
      const firstAgentTurn = turns[i]!.from === 'agent' && !turns.slice(0, i).some((t) => t.from === 'agent');
      times.unshift(times[0]! - Math.round(gap(rng, turns[i - 1]!.from, turns[i]!.from, channel, firstAgentTurn)));
    }

    const contact = contacts.create(chatbotId, {
      name: person.name,
      language: person.lang,
      ...(person.email && { email: person.email }),
      ...(person.phoneNumber && { phoneNumber: person.phoneNumber }),
    });
    const conversation = store.create(chatbotId, {
      channelId: channel,
      channelName: channels[channel].name,
      providerId: person.providerId,
      contactId: contact.id,
      status,
      assignedAgentId: status === 'assigned' ? agent.id : null,
      archived: status === 'closed' && rng.chance(0.35),
    });

    const unread = unreadOf(turns, status);
    const stored = turns.filter((t) => t.from === 'contact').length; // what the store will count
    turns.forEach((t, i) => {
      // The store counts every customer message as unread; an agent has seen the earlier ones.
      // Set the count before the last message: that message moves updatedAt back into the past.
      if (i === turns.length - 1 && unread !== stored) {
        store.patch(chatbotId, conversation.id, { unreadCount: unread - (t.from === 'contact' ? 1 : 0) });
      }
      store.addMessage(chatbotId, conversation.id, {
        sender: t.from,
        ...(t.from === 'agent' && { agentId: agent.id }),
        content: t.content,
        createdAt: new Date(times[i]!).toISOString(),
      });
    });
  });
}
