// The local stand-in for FCM: a `push` socket event to each agent who registered a push token.
// Who is told: the assigned agent about their conversation; every registered agent about a
// conversation that waits for a person.
import { oneLine, summarize } from '../../shared/message-summary';
import type { Conversation, Message } from '../wire';
import type { Db } from '../db/database';
import type { EventSink } from '../realtime/hub';

/** The push body: the message's words, or its kind in brackets plus what names it. */
function preview(message: Message): string {
  const { kind, text, detail } = summarize(message);
  return oneLine(text ?? (detail ? `[${kind}] ${detail}` : `[${kind}]`), 140);
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
