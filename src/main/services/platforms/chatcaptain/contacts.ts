// A conversation's customer on ChatCaptain: the contact (GET contacts/{id}, which the local
// server offers beyond the excerpt of the docs we have) and their conversations, through the
// documented `contactId` filter of the conversations list.
import { z } from 'zod';
import type { HttpClient } from '../../http/http-client';
import type { ContactsPort } from '../platform';
import { toConversation } from './map';
import { bot } from './paths';
import { WireContact, WireConversation } from './wire';

export function chatcaptainContacts(http: HttpClient): ContactsPort {
  return {
    contact: async (chatbotId, contactId) => (await http.request('GET', bot(chatbotId, '/contacts/', contactId), z.object({ contact: WireContact }))).contact,
    conversations: async (chatbotId, contactId) => {
      const answer = await http.request('GET', bot(chatbotId, '/conversations'), z.object({ conversations: z.array(WireConversation) }), { query: { contactId } });
      return answer.conversations.map(toConversation);
    },
  };
}
