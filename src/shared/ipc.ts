// The one contract between renderer and main. Main registers a handler for every call (and
// validates the arguments against `input`); preload derives `window.deckhand` from it, one
// function per call; the renderer imports only the types. Events flow main → renderer.
import { z } from 'zod';
import { BotAnalyticsDay, BotIssue, Day, LogFilter, LogPage } from './bot-health';
import { EventName, EventPayload } from './custom-events';
import { Contact, Message, Organization, Version } from './domain';
import type { IpcError } from './errors';
import { MediaRequest, MediaResult } from './media';
import { SavedReply, SavedReplyFields } from './saved-replies';
import { UpdateState } from './updates';
import {
  Account,
  AppInfo,
  ConnectionState,
  ConversationDetail,
  ConversationRef,
  CustomerProfile,
  Discovery,
  InboxConversation,
  InboxFilter,
  InboxSort,
  MessageHit,
  NotificationSound,
  OutboxItem,
  PresenceState,
  PushState,
  SessionState,
  Settings,
  SettingsPatch,
  TeamPresence,
} from './view-models';

const call = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });
const none = z.object({}).strict();
const ok = z.literal(true);
const chatbot = z.object({ accountId: z.string().min(1), chatbotId: z.string().min(1) });
const withRef = z.object({ ref: ConversationRef });
const organizationFields = z.object({
  name: z.string().trim().min(1).max(200),
  email: z.email().optional(),
  website: z.url({ protocol: /^https?$/ }).optional(),
  size: z.number().int().min(0).optional(),
  industry: z.string().max(200).optional(),
  phoneNumber: z.string().max(40).optional(),
});
// An edit sends only what changed; null clears an optional field.
const organizationPatch = z
  .object({
    name: organizationFields.shape.name,
    email: z.email().nullable(),
    website: z.url({ protocol: /^https?$/ }).nullable(),
    size: z.number().int().min(0).nullable(),
    industry: z.string().max(200).nullable(),
    phoneNumber: z.string().max(40).nullable(),
  })
  .partial();

export const calls = {
  'session.state': call(none, SessionState),
  /** Signs in; an account of the same workspace that could not be reopened is replaced by it. */
  'session.addAccount': call(
    z.object({
      /** Which platform ('chatcaptain', 'botpress', ...); ChatCaptain when not said. */
      platform: z.string().min(1).default('chatcaptain'),
      baseUrl: z.url({ protocol: /^https?$/ }),
      key: z.string().trim().min(1),
      chatbotIds: z.array(z.string().trim().min(1)).min(1),
      /** The workspace the chatbots belong to, on a platform that has workspaces (Botpress). */
      workspaceId: z.string().trim().min(1).max(200).optional(),
      /** The agent agreed to store the key where the OS offers no real encryption. */
      allowPlainTextStorage: z.boolean().default(false),
    }),
    Account,
  ),
  /** What a key reaches (workspaces and their bots), so the agent picks instead of typing ids. Stores nothing. */
  'session.discover': call(
    z.object({ platform: z.string().min(1), baseUrl: z.url({ protocol: /^https?$/ }), key: z.string().trim().min(1) }),
    Discovery,
  ),
  'session.openDemo': call(none, Account),
  /** Signs out of an account; of one that could not be reopened (SessionState.unopened), forgets it: its entry and key. */
  'session.signOut': call(z.object({ accountId: z.string() }), ok),
  /** "Reconnect now": resync every chatbot (of one account) at once instead of waiting for the backoff. */
  'session.reconnect': call(z.object({ accountId: z.string().optional() }), ok),

  /** Without a filter: every conversation of every account, archived ones too (what the renderer holds). */
  'inbox.list': call(z.object({ filter: InboxFilter.optional() }), z.array(InboxConversation)),
  /**
   * The inbox a page at a time, in `order` (newest activity first unless said): every
   * conversation (archived too), or with a filter only those it shows. `next` goes on after the
   * page, in the same order; null after the last.
   */
  'inbox.page': call(
    z.object({ filter: InboxFilter.optional(), order: InboxSort.default('newest'), after: z.string().max(60).optional(), limit: z.number().int().min(1).max(5000) }),
    z.object({ conversations: z.array(InboxConversation), next: z.string().nullable() }),
  ),
  /** Conversations whose cached messages contain the term (at least 3 characters), newest first. */
  'search.messages': call(z.object({ query: z.string().max(200), limit: z.number().int().min(1).max(1_000).default(200) }), z.array(MessageHit)),
  'conversation.open': call(withRef, ConversationDetail),
  /** The conversation the agent is looking at, or null; notifications skip it while focused. */
  'conversation.focus': call(z.object({ ref: ConversationRef.nullable() }), ok),
  'conversation.loadOlder': call(
    z.object({ ref: ConversationRef, beforeId: z.string() }),
    z.object({ messages: z.array(Message), hasOlder: z.boolean() }),
  ),
  'conversation.markRead': call(withRef, ok),
  'conversation.reply': call(z.object({ ref: ConversationRef, text: z.string().trim().min(1).max(10_000) }), OutboxItem),
  'conversation.setArchived': call(z.object({ ref: ConversationRef, archived: z.boolean() }), InboxConversation),
  'conversation.assignToMe': call(withRef, InboxConversation),
  /** To the agent or a colleague (an agent id of the account's team). */
  'conversation.assign': call(z.object({ ref: ConversationRef, agentId: z.string().min(1).max(200) }), InboxConversation),
  /** Back in the queue: waiting for anyone. */
  'conversation.unassign': call(withRef, InboxConversation),
  'conversation.handBack': call(withRef, InboxConversation),
  'conversation.customEvent': call(z.object({ ref: ConversationRef, event: EventName, payload: EventPayload.optional() }), InboxConversation),
  /** The custom events this chatbot was sent before, most recently used first. */
  'conversation.knownEvents': call(chatbot, z.array(z.string())),
  'customer.profile': call(withRef, CustomerProfile),
  'contact.conversations': call(chatbot.extend({ contactId: z.string().min(1).max(200) }), z.array(InboxConversation)),
  'outbox.retry': call(z.object({ clientMessageId: z.string() }), OutboxItem),
  /** A message's image, audio or video, fetched by main under the media policy (shared/media.ts). */
  'media.fetch': call(MediaRequest, MediaResult),

  'presence.get': call(none, PresenceState),
  'presence.set': call(z.object({ online: z.boolean() }), PresenceState),
  'agents.online': call(none, z.array(TeamPresence)),

  'app.info': call(none, AppInfo),
  'settings.get': call(none, Settings),
  'settings.set': call(SettingsPatch, Settings),
  'push.state': call(none, PushState),

  'organizations.list': call(
    chatbot.extend({ pageToken: z.string().optional(), limit: z.number().int().min(1).max(250).optional() }),
    z.object({ organizations: z.array(Organization), nextPageToken: z.string().optional() }),
  ),
  'organizations.search': call(
    chatbot.extend({ query: z.string().min(1), page: z.number().int().min(1), pageSize: z.number().int().min(1).max(250) }),
    z.object({ organizations: z.array(Organization), page: z.number(), pageSize: z.number(), total: z.number() }),
  ),
  'organizations.get': call(chatbot.extend({ organizationId: z.string() }), Organization),
  'organizations.create': call(chatbot.extend({ fields: organizationFields }), Organization),
  'organizations.update': call(
    chatbot.extend({ organizationId: z.string(), fields: organizationPatch }),
    Organization,
  ),
  'organizations.delete': call(chatbot.extend({ organizationId: z.string() }), ok),
  'organizations.contacts': call(chatbot.extend({ organizationId: z.string() }), z.array(Contact)),
  'organizations.contactCount': call(chatbot.extend({ organizationId: z.string() }), z.number()),

  'versions.list': call(chatbot, z.array(Version)),
  'versions.create': call(
    chatbot.extend({
      name: z.string().trim().min(1).max(200),
      description: z.string().max(2000).optional(),
      environment: z.enum(['dev', 'test', 'prod']),
    }),
    Version,
  ),
  'versions.deploy': call(chatbot.extend({ versionId: z.string(), environment: z.enum(['test', 'prod']) }), Version),
  'versions.rollback': call(chatbot.extend({ versionId: z.string() }), Version),
  'versions.delete': call(chatbot.extend({ versionId: z.string() }), ok),

  'replies.list': call(none, z.array(SavedReply)),
  /** Creates a saved reply, or with an id changes that one. */
  'replies.save': call(z.object({ id: z.string().min(1).max(100).optional(), fields: SavedReplyFields }), SavedReply),
  'replies.delete': call(z.object({ id: z.string().min(1).max(100) }), ok),
  /** The whole set as a JSON file's text, to share with the team. */
  'replies.export': call(none, z.string()),
  'replies.import': call(z.object({ json: z.string().max(5_000_000) }), z.object({ added: z.number(), updated: z.number() })),
  /** One entry per UTC day from `from` to `to`, both included (at most 366 days). */
  'botHealth.analytics': call(chatbot.extend({ from: Day, to: Day }), z.array(BotAnalyticsDay)),
  'botHealth.issues': call(chatbot, z.array(BotIssue)),
  'botHealth.logs': call(chatbot.extend({ filter: LogFilter, cursor: z.string().min(1).max(2000).optional() }), LogPage),

  'update.state': call(none, UpdateState),
  /** Installs the downloaded update and restarts, once the outbox has sent every reply. */
  'update.restart': call(none, UpdateState),
} as const;

export const events = {
  /** Batched: at most one per 50 ms. `removed` holds conversation keys. */
  'inbox.changed': z.object({ upserted: z.array(InboxConversation), removed: z.array(z.string()) }),
  /** New or changed messages, by conversation key; batched with inbox.changed (a burst is one event, not one per conversation). */
  'messages.changed': z.object({ changes: z.array(z.object({ key: z.string(), messages: z.array(Message) })) }),
  'outbox.changed': z.object({ items: z.array(OutboxItem) }),
  'presence.changed': PresenceState,
  'agents.changed': z.object({ agents: z.array(TeamPresence) }),
  'session.changed': SessionState,
  'connection.changed': z.object({ accountId: z.string(), connection: ConnectionState }),
  'settings.changed': Settings,
  'push.changed': PushState,
  /** The agent clicked a notification or the tray: show this conversation. */
  'navigate.conversation': z.object({ ref: ConversationRef }),
  /** An app menu command the renderer carries out. */
  'ui.command': z.object({ command: z.enum(['showShortcuts']) }),
  'update.changed': UpdateState,
  /** A notification went out: the window plays the agent's sound (the OS shows it silently). */
  'notify.sound': z.object({ sound: NotificationSound }),
} as const;

export type CallName = keyof typeof calls;
/** The channel names, shared by preload and main (and the e2e bridge). */
export const callChannel = (name: CallName): string => `deckhand:${name}`;
export const EVENT_CHANNEL = 'deckhand:event';
export type CallInput<N extends CallName> = z.input<(typeof calls)[N]['input']>;
export type CallOutput<N extends CallName> = z.infer<(typeof calls)[N]['output']>;
export type EventName = keyof typeof events;
export type EventPayload<N extends EventName> = z.infer<(typeof events)[N]>;

export { ErrorCode, IpcError } from './errors';
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/** `window.deckhand`: one function per call, plus a subscription per event. */
export type DeckhandApi = {
  [N in CallName]: (input: CallInput<N>) => Promise<IpcResult<CallOutput<N>>>;
} & {
  on<N extends EventName>(event: N, listener: (payload: EventPayload<N>) => void): () => void;
};
