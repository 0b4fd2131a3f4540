// The calls of the agent's tools beyond the conversation's basics: assigning to a colleague and
// undoing it, custom events with data, the customer panel, message search and saved replies.
import type { ConversationService } from '../conversations/conversation-service';
import type { CustomerService } from '../customers/customer-service';
import type { SavedReplies } from '../replies/saved-replies';
import type { MessageSearch } from '../search/message-search';
import type { IpcHandlers } from './handler-types';

type AgentCalls = Extract<
  keyof IpcHandlers,
  | 'conversation.assign'
  | 'conversation.unassign'
  | 'conversation.customEvent'
  | 'conversation.knownEvents'
  | 'customer.profile'
  | 'contact.conversations'
  | 'search.messages'
  | `replies.${string}`
>;

export interface AgentServices {
  conversations: ConversationService;
  customers: CustomerService;
  search: MessageSearch;
  replies: SavedReplies;
}

export function agentHandlers({ conversations, customers, search, replies }: AgentServices): Pick<IpcHandlers, AgentCalls> {
  return {
    'conversation.assign': async ({ ref, agentId }) => conversations.assign(ref, agentId),
    'conversation.unassign': async ({ ref }) => conversations.unassign(ref),
    'conversation.customEvent': async ({ ref, event, payload }) => conversations.customEvent(ref, event, payload),
    'conversation.knownEvents': async (chatbot) => conversations.knownEvents(chatbot),
    'customer.profile': async ({ ref }) => customers.profile(ref),
    'contact.conversations': async ({ accountId, chatbotId, contactId }) => customers.conversations({ accountId, chatbotId }, contactId),
    'search.messages': async ({ query, limit }) => search.search(query, limit),
    'replies.list': async () => replies.list(),
    'replies.save': async ({ id, fields }) => replies.save(fields, id),
    'replies.delete': async ({ id }) => {
      replies.delete(id);
      return true;
    },
    'replies.export': async () => replies.exportJson(),
    'replies.import': async ({ json }) => replies.importJson(json),
  };
}
