// ChatCaptain's wire shapes → Deckhand's domain. The wire already is close to the domain; what
// differs is named here: the provider's id is how the channel knows the contact, and a message's
// direction says nothing its sender does not.
import type { Conversation, Message } from '../../../../shared/domain';
import type { WireConversation, WireMessage } from './wire';

export function toMessage(wire: WireMessage): Message {
  const { direction: _direction, ...message } = wire;
  return message;
}

export function toConversation(wire: WireConversation): Conversation {
  const { providerId, lastMessage, ...rest } = wire;
  return {
    ...rest,
    ...(providerId !== '' && { contactHandle: providerId }),
    ...(lastMessage && { lastMessage: toMessage(lastMessage) }),
  };
}
