// Returning customers: some people in the demo wrote in before, weeks ago, on another channel,
// about something that was settled then. So the customer panel has earlier conversations to
// show. Runs after the conversations were seeded, with its own seed, so the rest of the demo
// stays as it was; it only adds closed conversations to existing contacts.
import type { ServerContext } from '../context';
import { ContactStore } from '../store/contacts';
import { ConversationStore } from '../store/conversations';
import type { Workspace } from '../store/workspace';
import { channels, say } from './content';
import { Random } from './random';

/** Every how many-th contact (in the order they were created) has an earlier conversation. */
const EVERY = 6;
const DAY = 24 * 60 * 60 * 1000;

type Dialogue = readonly [question: string, bot: string, agent: string, thanks: string];

const earlier: Record<'de' | 'en', readonly Dialogue[]> = {
  de: [
    ['Hallo, ich habe meine Rechnung nicht als PDF bekommen.', 'Ich leite das an unser Team weiter.', 'Ich habe sie Ihnen gerade per E-Mail geschickt.', 'Angekommen, danke!'],
    ['Kann ich meine Lieferadresse noch ändern?', 'Einen Moment, ich verbinde Sie mit einem Mitarbeiter.', 'Ja, ist erledigt: Die neue Adresse steht jetzt in der Bestellung.', 'Super, vielen Dank.'],
    ['Wie lange dauert eine Erstattung?', 'Erstattungen dauern meist 3 bis 5 Werktage.', 'Ihre Erstattung ist heute rausgegangen.', 'Perfekt, danke für die schnelle Hilfe.'],
  ],
  en: [
    ['Hi, I never got my invoice as a PDF.', 'Let me pass this to our team.', 'I have just e-mailed it to you.', 'Got it, thanks!'],
    ['Can I still change my delivery address?', 'One moment, I am connecting you to a colleague.', 'Yes, done: the new address is on the order now.', 'Great, thank you.'],
    ['How long does a refund take?', 'Refunds usually take 3 to 5 working days.', 'Your refund went out today.', 'Perfect, thanks for the quick help.'],
  ],
};

const closing = { de: 'Gern geschehen, einen schönen Tag noch!', en: 'You are welcome, have a nice day!' } as const;

export function seedReturning(ctx: ServerContext, workspace: Workspace, chatbotId: string): void {
  const rng = new Random(`deckhand-demo-returning:${chatbotId}`);
  const store = new ConversationStore(ctx.db, ctx.events, ctx.baseUrl);
  const contacts = new ContactStore(ctx.db).list(chatbotId);
  const now = Date.now();
  contacts.forEach((contact, index) => {
    if (index % EVERY !== 0) return;
    const current = store.list(chatbotId, { contactId: contact.id }).conversations[0];
    const lang = contact.language === 'en' ? 'en' : 'de';
    // By e-mail or WhatsApp when the contact has an address or number and wrote elsewhere this time, else the web chat.
    const channel =
      contact.email && current?.channelId !== 'email' ? 'email'
      : contact.phoneNumber && current?.channelId !== 'whatsapp' ? 'whatsapp'
      : current?.channelId === 'webchat' ? null
      : 'webchat';
    if (channel === null) return;
    const providerId = channel === 'email' ? contact.email! : channel === 'whatsapp' ? contact.phoneNumber! : `wc_back${index}`;
    if (store.find(chatbotId, channel, providerId)) return;
    const agent = rng.pick(workspace.agents);
    const conversation = store.create(chatbotId, {
      channelId: channel,
      channelName: channels[channel].name,
      providerId,
      contactId: contact.id,
      status: 'closed',
      archived: rng.chance(0.5),
    });
    const [question, botLine, agentLine, thanks] = rng.pick(earlier[lang]);
    // Within the demo's two weeks, and before the conversation this time.
    const start = now - rng.int(8, 13) * DAY - rng.int(0, 8 * 60) * 60_000;
    const turns = [
      { sender: 'contact', text: question, at: start },
      { sender: 'bot', text: botLine, at: start + 4_000 },
      { sender: 'agent', text: agentLine, at: start + rng.int(3, 20) * 60_000 },
      { sender: 'contact', text: thanks, at: start + rng.int(25, 60) * 60_000 },
      // A person has the last word, which also leaves nothing unread.
      { sender: 'agent', text: closing[lang], at: start + rng.int(61, 90) * 60_000 },
    ] as const;
    for (const turn of turns) {
      store.addMessage(chatbotId, conversation.id, {
        sender: turn.sender,
        ...(turn.sender === 'agent' && { agentId: agent.id }),
        content: say(turn.text),
        createdAt: new Date(turn.at).toISOString(),
      });
    }
  });
}
