// Conversations and messages for the inbox tests, with only the fields a test cares about set.
import type { Message } from '../../../../src/shared/domain';
import type { InboxConversation } from '../../../../src/shared/view-models';

export function conversation(id: string, patch: Partial<InboxConversation> = {}): InboxConversation {
  return {
    id,
    key: `a1/bot_shop/${id}`,
    accountId: 'a1',
    chatbotId: 'bot_shop',
    chatbotName: 'Shop',
    contactId: `contact_${id}`,
    contactName: id,
    channelId: 'whatsapp',
    channelName: 'WhatsApp Business',
    contactHandle: '4915100000000',
    archived: false,
    status: 'bot',
    assignedAgentId: null,
    unreadCount: 0,
    createdAt: '2026-11-01T10:00:00.000Z',
    updatedAt: '2026-11-01T10:00:00.000Z',
    ...patch,
  };
}

const head = {
  id: 'm1',
  conversationId: 'c1',
  sender: 'contact',
  createdAt: '2026-11-01T10:00:00.000Z',
} as const;

export const message = (content: Pick<Message, 'type' | 'payload'> & Partial<Message>): Message => ({ ...head, ...content }) as Message;
