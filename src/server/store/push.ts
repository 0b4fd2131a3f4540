// The local stand-in for FCM: a `push` socket event to each agent who registered a push token.
// Who is told: the assigned agent about their conversation; every registered agent about a
// conversation that waits for a person.
import type { Conversation, Message } from '../../shared/domain';
import type { Db } from '../db/database';
import type { EventSink } from '../realtime/hub';

function preview(message: Message): string {
  switch (message.type) {
    case 'text':
      return message.payload.text.slice(0, 140);
    case 'choice':
    case 'dropdown':
      return message.payload.text.slice(0, 140);
    case 'card':
      return message.payload.title;
    case 'location':
      return message.payload.title ?? message.payload.address ?? `${message.payload.latitude}, ${message.payload.longitude}`;
    default:
      return `[${message.type}]`;
  }
}

export function pushForMessage(db: Db, events: EventSink, conversation: Conversation, message: Message): void {
  if (message.sender !== 'contact' || conversation.archived) return;
  if (conversation.status !== 'waiting' && conversation.status !== 'assigned') return;
  const registered = db.all<{ agent_id: string }>(
    'SELECT agent_id FROM notification_settings WHERE chatbot_id = ? AND push_token IS NOT NULL',
    conversation.chatbotId,
  );
  for (const { agent_id: agentId } of registered) {
    if (conversation.status === 'assigned' && conversation.assignedAgentId !== agentId) continue;
    events.push(conversation.chatbotId, agentId, {
      title: conversation.contactName,
      body: preview(message),
      conversationId: conversation.id,
    });
  }
}
