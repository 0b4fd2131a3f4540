// What the main process hands the renderer, beyond the raw domain shapes: conversations tagged
// with the account they came from, the reply outbox, presence with its pending/lost states,
// settings and connection health. Schemas so that the IPC boundary validates them too.
import { z } from 'zod';
import { Capability, Grants } from './capabilities';
import { AgentPresence, Contact, Conversation, Message, Organization } from './domain';
import { ErrorCode } from './errors';

const isoDateTime = z.iso.datetime({ offset: true });

export const ConversationRef = z.object({
  accountId: z.string().min(1),
  chatbotId: z.string().min(1),
  conversationId: z.string().min(1),
});
export type ConversationRef = z.infer<typeof ConversationRef>;

export const InboxConversation = Conversation.extend({
  accountId: z.string(),
  key: z.string(),
  chatbotName: z.string(),
  /**
   * Since when the customer waits for a person (shared/waiting-time.ts), as main worked it out
   * from the messages it holds; null: nobody is waited for; absent: not worked out yet.
   */
  waitingSince: isoDateTime.nullable().optional(),
});
export type InboxConversation = z.infer<typeof InboxConversation>;

export const InboxView = z.enum(['waiting', 'mine', 'all', 'archived']);
export type InboxView = z.infer<typeof InboxView>;
/** A view's order: newest activity first, or who has waited longest first (Waiting's own). */
export const InboxSort = z.enum(['newest', 'longestWaiting']);
export type InboxSort = z.infer<typeof InboxSort>;
export const InboxFilter = z.object({
  view: InboxView.default('all'),
  channelId: z.string().optional(),
  /** A chatbotKey (shared/keys.ts). */
  chatbot: z.string().optional(),
  /** Only the accounts on this platform ('chatcaptain', 'botpress', ...). */
  platform: z.string().optional(),
  search: z.string().max(200).optional(),
});
export type InboxFilter = z.infer<typeof InboxFilter>;

/** A conversation whose cached messages contain a search term: its newest such message. */
export const MessageHit = z.object({
  key: z.string(),
  messageId: z.string(),
  createdAt: isoDateTime,
  /** The message's words on one line (shared/message-summary.ts), for a snippet around the match. */
  text: z.string(),
});
export type MessageHit = z.infer<typeof MessageHit>;

/** A chatbot (a bot, on Botpress) of an account, with what the key may do there. */
export const AccountChatbot = z.object({ id: z.string(), name: z.string() }).extend(Grants.shape);
export type AccountChatbot = z.infer<typeof AccountChatbot>;
export const ConnectionState = z.object({
  state: z.enum(['connecting', 'live', 'polling', 'offline', 'signedOut']),
  /** Failed attempts since the last success; the UI shows it while reconnecting. */
  attempt: z.number().int().min(0),
  nextRetryAt: z.number().nullable(),
  lastError: z.string().nullable(),
});
export type ConnectionState = z.infer<typeof ConnectionState>;
export const Account = z.object({
  id: z.string(),
  /** Which platform it is on ('chatcaptain', 'botpress', ...): for labels and badges, never for decisions. */
  platform: z.string(),
  /** The demo workspace (the embedded local server). */
  demo: z.boolean(),
  label: z.string(),
  baseUrl: z.string(),
  agent: z.object({ id: z.string(), name: z.string() }),
  /** What the platform offers beyond the core; each chatbot says what the key may do within it. */
  capabilities: z.array(Capability),
  /** A custom event with data gives the conversation back to the bot (the event dialog says so). */
  eventDataHandsBack: z.boolean().optional(),
  chatbots: z.array(AccountChatbot),
  connection: ConnectionState,
});
export type Account = z.infer<typeof Account>;

/** What a key reaches, listed before anything is stored (Botpress: the person, workspaces, bots). */
export const Discovery = z.object({
  agent: z.object({ id: z.string(), name: z.string() }),
  workspaces: z.array(z.object({ id: z.string(), name: z.string(), chatbots: z.array(z.object({ id: z.string(), name: z.string() })) })),
});
export type Discovery = z.infer<typeof Discovery>;

export const VaultState = z.object({
  /** 'os': encrypted by the OS keychain; 'basic_text': Linux without a keyring (not real encryption). */
  encryption: z.enum(['os', 'basic_text', 'unavailable']),
});
/**
 * Why an account kept from the last session was not opened at start. A code, not prose: the
 * renderer says it in the agent's language, with `detail` where the code names one.
 */
export const ReopenFailure = z.enum([
  /** The address is plain http to another computer (stored by an older Deckhand); detail: its host. */
  'plainHttp',
  /** The stored address is no http(s) URL; detail: the address. */
  'invalidAddress',
  /** The key is not in the system's keychain. */
  'keyMissing',
  /** The key is there but this system cannot decrypt it (the OS keyring or user changed). */
  'keyUnreadable',
  /** This Deckhand does not know the account's platform; detail: the platform's id. */
  'unknownPlatform',
  /** The demo workspace's server did not start; detail: the technical reason. */
  'demoUnavailable',
  /** Anything else; detail: the technical reason, secrets removed. */
  'failed',
]);
export type ReopenFailure = z.infer<typeof ReopenFailure>;
/** An account kept from the last session that is not open: what it was, and why. Never its key. */
export const UnopenedAccount = Account.pick({ id: true, platform: true, demo: true, label: true, baseUrl: true }).extend({
  /** The workspace of its chatbots, on a platform that has workspaces (Botpress). */
  workspaceId: z.string().optional(),
  chatbotIds: z.array(z.string()),
  reason: ReopenFailure,
  detail: z.string().nullable(),
});
export type UnopenedAccount = z.infer<typeof UnopenedAccount>;
export const SessionState = z.object({
  accounts: z.array(Account),
  /** Accounts kept from the last session that could not be opened; "Sign in again" or "Remove". */
  unopened: z.array(UnopenedAccount),
  vault: VaultState,
});
export type SessionState = z.infer<typeof SessionState>;

export const OutboxItem = z.object({
  clientMessageId: z.string(),
  key: z.string(),
  text: z.string(),
  state: z.enum(['pending', 'failed', 'sent']),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  /** What kind of failure lastError was, so the UI can say it in the agent's language. */
  errorCode: ErrorCode.nullable(),
  createdAt: z.number(),
  /** The server's message once sent. */
  messageId: z.string().nullable(),
});
export type OutboxItem = z.infer<typeof OutboxItem>;

export const PresenceState = z.object({
  /** What the agent asked for last; the toggle shows this at once. */
  intent: z.boolean(),
  /** What customers see: the intent where every chatbot holds it, else the other state; null before any answer. */
  confirmed: z.boolean().nullable(),
  pending: z.boolean(),
  /** Another device wrote a newer state: the server kept that one. */
  lostRace: z.boolean(),
  /** Why the app set the agent away by itself, if it did. */
  auto: z.enum(['idle', 'locked', 'suspended']).nullable(),
  error: z.string().nullable(),
});
export type PresenceState = z.infer<typeof PresenceState>;

export const TeamPresence = AgentPresence.extend({ accountId: z.string(), chatbotId: z.string() });
export type TeamPresence = z.infer<typeof TeamPresence>;

export const Language = z.enum(['de', 'en']);
export type Language = z.infer<typeof Language>;
/** The agent's choice; 'system' follows the operating system's language. */
export const LanguageChoice = z.enum(['system', ...Language.options]);
export type LanguageChoice = z.infer<typeof LanguageChoice>;

/** The sounds a notification can make (played by the window, made up of tones, no files). */
export const NotificationSound = z.enum(['chime', 'bell', 'pop', 'knock']);
export type NotificationSound = z.infer<typeof NotificationSound>;

export const Settings = z.object({
  desktopNotifications: z.boolean(),
  sound: z.boolean(),
  // Defaulted (as the language below) so that a settings file from before them still reads.
  notificationSound: NotificationSound.default('chime'),
  /** A wait in the queue turns amber after this many minutes, and red after waitUrgentMinutes. */
  waitWarnMinutes: z.number().int().min(1).max(240).default(2),
  waitUrgentMinutes: z.number().int().min(1).max(240).default(5),
  doNotDisturb: z.boolean(),
  idleAwayMinutes: z.number().int().min(1).max(240),
  // Defaulted so that a settings file from before the choice existed still reads.
  language: LanguageChoice.default('system'),
});
export type Settings = z.infer<typeof Settings>;
/** A change to some settings. Without the defaults: a patch that leaves a field out keeps it. */
export const SettingsPatch = Settings.extend({
  language: LanguageChoice,
  notificationSound: NotificationSound,
  waitWarnMinutes: Settings.shape.waitWarnMinutes.unwrap(),
  waitUrgentMinutes: Settings.shape.waitUrgentMinutes.unwrap(),
}).partial();

/** The language the agent sees: their choice, or the system's. */
export const effectiveLanguage = (choice: LanguageChoice, system: Language): Language => (choice === 'system' ? system : choice);

/** What main knows about where it runs. */
export const AppInfo = z.object({
  /** The operating system's language, as main resolved it; what 'system' means in Settings. */
  systemLanguage: Language,
});
export type AppInfo = z.infer<typeof AppInfo>;

export const PushState = z.object({
  mode: z.enum(['fcm', 'local', 'off']),
  /** How many chatbots of the signed-in accounts take this device's pushes: none where no platform delivers this kind (Botpress). */
  chatbots: z.number().int().nonnegative(),
  registered: z.boolean(),
  /** When the current token was registered (ms since epoch). */
  registeredAt: z.number().nullable(),
  error: z.string().nullable(),
});
export type PushState = z.infer<typeof PushState>;

export const ConversationDetail = z.object({
  conversation: InboxConversation,
  messages: z.array(Message),
  hasOlder: z.boolean(),
  outbox: z.array(OutboxItem),
});
export type ConversationDetail = z.infer<typeof ConversationDetail>;


/** Who a conversation's customer is. null: the account does not offer that part; `unavailable`: it failed. */
export const CustomerProfile = z.object({
  contact: Contact.nullable(),
  organizations: z.array(Organization).nullable(),
  /** Every conversation of the contact with this chatbot (the open one too), newest first. */
  conversations: z.array(InboxConversation).nullable(),
  unavailable: z.array(z.enum(['contact', 'organizations', 'conversations'])),
});
export type CustomerProfile = z.infer<typeof CustomerProfile>;
