// A conversation's contact by id. Beyond the excerpt of the docs we have (which name a
// conversation's contactId and list an organization's contacts, but not one contact): what a
// desk shows about the customer it talks to. Read with the conversation, so it needs the
// permission to get conversations.
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context';
import { notFound } from '../http/errors';
import { ChatbotParams, id } from '../http/schemas';
import { parse } from '../http/validate';
import { ContactStore } from '../store/contacts';

export const ContactParams = ChatbotParams.extend({ contactId: id });

export function contactRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const contacts = new ContactStore(ctx.db);
  app.get('/v1/chatbots/:chatbotId/contacts/:contactId', { config: { permission: 'chatbots.conversations.get' } }, async (request) => {
    const { chatbotId, contactId } = parse(ContactParams, request.params, 'params');
    const contact = contacts.get(chatbotId, contactId);
    if (!contact) throw notFound('Contact', contactId);
    return { contact };
  });
}
