// Conversations arrive as JSON, and JSON.parse makes every string anew: 50,000 conversations of
// one account carry 50,000 copies of its id, its chatbot's name, their channel's name, their
// status. Keeping one copy of each such value roughly halves the inbox's heap, and with it the
// work of every full garbage collection, which otherwise stalls scrolling now and then.
import type { InboxConversation } from '../../shared/view-models';

/** Values repeated across conversations; a few hundred distinct ones at most. */
const pool = new Map<string, string>();
const POOL_LIMIT = 10_000;

function shared(value: string): string {
  const found = pool.get(value);
  if (found !== undefined) return found;
  if (pool.size < POOL_LIMIT) pool.set(value, value);
  return value;
}

/** Points the repeated fields of conversations fresh from main at one copy of each value (in place: nothing else holds them yet). */
export function shareStrings(conversations: readonly InboxConversation[]): void {
  for (const c of conversations) {
    c.accountId = shared(c.accountId);
    c.chatbotId = shared(c.chatbotId);
    c.chatbotName = shared(c.chatbotName);
    c.channelId = shared(c.channelId);
    c.channelName = shared(c.channelName);
    c.status = shared(c.status) as InboxConversation['status'];
    const last = c.lastMessage;
    if (last) {
      last.sender = shared(last.sender) as typeof last.sender;
      last.type = shared(last.type) as typeof last.type;
    }
  }
}
