// Synthetic inbox data at the scale the targets talk about (50,000 conversations).
import type { Conversation } from '../../src/shared/domain';
import type { InboxConversation } from '../../src/shared/view-models';

const names = ['Jürgen Müller', 'Anna Schmidt', 'Sophie Becker', 'Liam O’Brien', 'Emma Wagner', 'Noah Fischer', 'Mia Weber', 'Lukas Hofmann'];
const channels = [
  ['whatsapp', 'WhatsApp Business'],
  ['web', 'Web chat'],
  ['instagram', 'Instagram'],
  ['telegram', 'Telegram'],
  ['email', 'E-Mail'],
] as const;
const statuses = ['bot', 'waiting', 'assigned', 'closed'] as const;

export function conversations(count: number, chatbotId = 'bot_shop'): Conversation[] {
  const start = Date.parse('2026-11-01T00:00:00.000Z');
  return Array.from({ length: count }, (_, i) => {
    const [channelId, channelName] = channels[i % channels.length]!;
    const status = statuses[i % statuses.length]!;
    const at = new Date(start + i * 7_000).toISOString();
    return {
      id: `conv_${i.toString(36).padStart(8, '0')}`,
      chatbotId,
      contactId: `contact_${i}`,
      contactName: `${names[i % names.length]} ${i}`,
      channelId,
      channelName,
      providerId: `49151${String(i).padStart(8, '0')}`,
      archived: i % 11 === 0,
      status,
      assignedAgentId: status === 'assigned' ? (i % 3 === 0 ? 'agent_me' : 'agent_other') : null,
      unreadCount: i % 5,
      lastMessage: {
        id: `msg_${i}`,
        conversationId: `conv_${i}`,
        direction: 'incoming',
        sender: 'contact',
        type: 'text',
        payload: { text: `Hallo, wo bleibt meine Bestellung ${i}? Die Rücksendung ist auch noch offen.` },
        createdAt: at,
      },
      createdAt: at,
      updatedAt: at,
    };
  });
}

export function inbox(count: number): InboxConversation[] {
  return conversations(count).map((c) => ({ ...c, accountId: 'acc_1', key: `acc_1/${c.chatbotId}/${c.id}`, chatbotName: 'Shop' }));
}

/**
 * `count` conversations waiting for a person in the demo account's shop, all older than the
 * demo's own (so the demo's stay on top, where the live traffic happens), newest first.
 */
export function waitingBacklog(count: number, newestMs: number): Conversation[] {
  return Array.from({ length: count }, (_, i) => {
    const id = `backlog-${String(i).padStart(6, '0')}`;
    const at = new Date(newestMs - i * 60_000).toISOString();
    return {
      id,
      chatbotId: 'bot_shop',
      contactId: `backlog-contact-${i}`,
      contactName: `${names[i % names.length]} ${i}`,
      channelId: channels[i % channels.length]![0],
      channelName: channels[i % channels.length]![1],
      archived: false,
      status: 'waiting',
      assignedAgentId: null,
      unreadCount: i % 3,
      lastMessage: { id: `backlog-m-${i}`, conversationId: id, direction: 'incoming', sender: 'contact', type: 'text', payload: { text: `Frage Nummer ${i} zu meiner Bestellung` }, createdAt: at },
      createdAt: at,
      updatedAt: at,
    };
  });
}
