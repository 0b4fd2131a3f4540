// One handler per contract call: thin translations onto the services. Arguments arrive already
// validated (and defaulted) by the IPC glue; errors are turned into the contract's shape there.
import type { Conversation } from '../../../shared/domain';
import { filterInbox } from '../../../shared/inbox-filter';
import { InboxFilter, refKey, type ConversationRef, type InboxConversation } from '../../../shared/view-models';
import { AppError } from '../app-error';
import type { IpcHandlers } from '../ipc-handlers';
import { MESSAGE_PAGE as PAGE } from '../sync/chatbot-sync';
import type { UpdateCallName } from '../updates/update-handlers';
import type { Deckhand } from './deckhand';

export function createHandlers(deckhand: Deckhand): Omit<IpcHandlers, UpdateCallName> {
  const { cache, outbox, presence, settings, push } = deckhand;

  /** Applies the server's answer to one of our own actions through the sync path, so every view agrees. */
  const applied = (ref: ConversationRef, conversation: Conversation): InboxConversation => {
    const result = syncOf(ref)?.apply(conversation) ?? cache.conversation(ref);
    if (!result) throw new AppError('NotFound', 'The conversation is gone.');
    return result;
  };
  const syncOf = (ref: ConversationRef) => deckhand.runtime(ref.accountId).sync(ref.chatbotId);

  /** The cached conversation, or the server's when the cache has none (a link to an old one). */
  const conversationOf = async (ref: ConversationRef): Promise<InboxConversation> => {
    const cached = cache.conversation(ref);
    if (cached) return cached;
    return applied(ref, await deckhand.backend(ref).getConversation(ref.chatbotId, ref.conversationId));
  };

  return {
    'session.state': async () => deckhand.session(),
    'session.addAccount': async (input) => deckhand.addAccount(input),
    'session.openDemo': async () => deckhand.openDemo(),
    'session.reconnect': async ({ accountId }) => {
      await deckhand.reconnect(accountId);
      return true;
    },
    'session.signOut': async ({ accountId }) => {
      await deckhand.signOut(accountId);
      return true;
    },

    'inbox.list': async ({ filter }) =>
      filterInbox(cache.inbox(), filter ?? InboxFilter.parse({}), { myAgentIds: deckhand.myAgentIds() }),

    'conversation.open': async ({ ref }) => {
      const conversation = await conversationOf(ref);
      // The newest page comes from the server when we can reach it; the cache covers offline.
      let failure: unknown = null;
      await syncOf(ref)
        ?.catchUpMessages(ref.conversationId)
        .catch((error: unknown) => (failure = error));
      const reached = failure === null;
      // Catch-up fetched one more than a page, so one more in the cache means an older page exists.
      // Offline, a full page is the best guess that there is more.
      const newest = cache.messages(ref, { limit: PAGE + 1 });
      const messages = newest.slice(-PAGE);
      // Nothing cached and the server out of reach: say so, rather than show it as empty.
      if (!reached && messages.length === 0 && conversation.lastMessage) throw failure;
      return {
        conversation,
        messages,
        hasOlder: newest.length > PAGE || (!reached && messages.length === PAGE),
        outbox: outbox.items(refKey(ref)),
      };
    },
    'conversation.focus': async ({ ref }) => {
      deckhand.focus(ref);
      return true;
    },
    'conversation.loadOlder': async ({ ref, beforeId }) => {
      // One more than a page tells whether yet another page exists.
      const cached = cache.messages(ref, { before: beforeId, limit: PAGE + 1 });
      if (cached.length > PAGE) return { messages: cached.slice(-PAGE), hasOlder: true };
      const fetched = await deckhand.backend(ref).listMessages(ref.chatbotId, ref.conversationId, { before: beforeId, limit: PAGE + 1 });
      cache.upsertMessages(ref.accountId, ref.chatbotId, ref.conversationId, fetched);
      return { messages: fetched.slice(-PAGE), hasOlder: fetched.length > PAGE };
    },
    'conversation.markRead': async ({ ref }) => {
      const current = await conversationOf(ref);
      if (current.unreadCount > 0) {
        applied(ref, await deckhand.backend(ref).patchConversation(ref.chatbotId, ref.conversationId, { unreadCount: 0 }));
      }
      return true;
    },
    'conversation.reply': async ({ ref, text }) => outbox.enqueue(ref, text),
    'conversation.setArchived': async ({ ref, archived }) =>
      applied(ref, await deckhand.backend(ref).patchConversation(ref.chatbotId, ref.conversationId, { archived })),
    'conversation.assignToMe': async ({ ref }) => {
      const me = deckhand.runtime(ref.accountId).account.agent.id;
      deckhand.markSelfAssigned(refKey(ref));
      return applied(ref, await deckhand.backend(ref).patchConversation(ref.chatbotId, ref.conversationId, { assignedAgentId: me }));
    },
    'conversation.handBack': async ({ ref }) => applied(ref, await deckhand.backend(ref).handBack(ref.chatbotId, ref.conversationId)),
    'conversation.customEvent': async ({ ref, event }) => {
      applied(ref, await deckhand.backend(ref).customEvent(ref.chatbotId, ref.conversationId, event));
      return true;
    },
    'outbox.retry': async ({ clientMessageId }) => outbox.retry(clientMessageId),

    'presence.get': async () => presence.get(),
    'presence.set': async ({ online }) => presence.set(online),
    'agents.online': async () => deckhand.teamPresence(),

    'settings.get': async () => settings.get(),
    'settings.set': async (patch) => settings.set(patch),
    'push.state': async () => push.state(),

    'organizations.list': async ({ accountId, chatbotId, pageToken, limit }) =>
      deckhand.backend({ accountId }).listOrganizations(chatbotId, { ...(pageToken && { pageToken }), ...(limit && { limit }) }),
    'organizations.search': async ({ accountId, chatbotId, query, page, pageSize }) =>
      deckhand.backend({ accountId }).searchOrganizations(chatbotId, { query, page, pageSize }),
    'organizations.get': async ({ accountId, chatbotId, organizationId }) =>
      deckhand.backend({ accountId }).getOrganization(chatbotId, organizationId),
    'organizations.create': async ({ accountId, chatbotId, fields }) =>
      deckhand.backend({ accountId }).createOrganization(chatbotId, fields),
    'organizations.update': async ({ accountId, chatbotId, organizationId, fields }) =>
      deckhand.backend({ accountId }).updateOrganization(chatbotId, organizationId, fields),
    'organizations.delete': async ({ accountId, chatbotId, organizationId }) => {
      await deckhand.backend({ accountId }).deleteOrganization(chatbotId, organizationId);
      return true;
    },
    'organizations.contacts': async ({ accountId, chatbotId, organizationId }) =>
      deckhand.backend({ accountId }).organizationContacts(chatbotId, organizationId),
    'organizations.contactCount': async ({ accountId, chatbotId, organizationId }) =>
      deckhand.backend({ accountId }).organizationContactCount(chatbotId, organizationId),

    'versions.list': async ({ accountId, chatbotId }) => deckhand.backend({ accountId }).listVersions(chatbotId),
    'versions.create': async ({ accountId, chatbotId, name, description, environment }) =>
      deckhand.backend({ accountId }).createVersion(chatbotId, { name, environment, ...(description !== undefined && { description }) }),
    'versions.deploy': async ({ accountId, chatbotId, versionId, environment }) =>
      deckhand.backend({ accountId }).deployVersion(chatbotId, versionId, environment),
    'versions.rollback': async ({ accountId, chatbotId, versionId }) =>
      deckhand.backend({ accountId }).rollbackVersion(chatbotId, versionId),
    'versions.delete': async ({ accountId, chatbotId, versionId }) => {
      await deckhand.backend({ accountId }).deleteVersion(chatbotId, versionId);
      return true;
    },
  };
}
