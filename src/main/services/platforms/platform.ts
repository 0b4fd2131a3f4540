// The ports a chat platform implements. The core is what every platform has: who the key speaks
// for, the conversations that want a person (a first load, then changes behind a cursor the
// platform owns), a conversation's messages (paged behind cursors the platform owns), and an
// idempotent reply. Everything else is a capability: an optional port a platform has or has not,
// never a method it must fake. Failures are PlatformError (errors/platform-error.ts).
import type { BotAnalyticsDay, BotIssue, LogFilter, LogPage } from '../../../shared/bot-health';
import type { Capability, Grants } from '../../../shared/capabilities';
import type {
  AgentPresence,
  Contact,
  Conversation,
  Message,
  Organization,
  OrganizationFields,
  OrganizationPatch,
  Version,
} from '../../../shared/domain';
import type { Disposable } from '../events';

/** Who a key speaks for, and what it may do on each chatbot it reaches. */
export interface Identity {
  agent: { id: string; name: string };
  /** How the platform names what the key reaches (a workspace), when it has such a name. */
  label?: string;
  chatbots: ({ id: string; name: string } & Grants)[];
}

export interface ConversationChanges {
  conversations: Conversation[];
  /** Conversations that are gone since the cursor. */
  removed: string[];
  /** Where the next call goes on from; opaque to everyone but the platform. */
  cursor: string | null;
}

export interface MessagePage {
  /** Oldest first. */
  messages: Message[];
  /** Goes on with older messages; null when this page reaches the first one. */
  older: string | null;
}

export interface ReplyInput {
  conversationId: string;
  text: string;
  clientMessageId: string;
}

export interface ChatPlatform extends Partial<CapabilityPorts> {
  identity(chatbotIds: string[]): Promise<Identity>;
  /** With cursor null: every conversation there is to show; after that, what changed since. */
  changes(chatbotId: string, cursor: string | null): Promise<ConversationChanges>;
  conversation(chatbotId: string, conversationId: string): Promise<Conversation>;
  /** The newest `limit` messages, or the `limit` before a page's `older` cursor. */
  messages(chatbotId: string, conversationId: string, page: { cursor?: string; limit: number }): Promise<MessagePage>;
  /** Idempotent on clientMessageId: a retry returns the message stored the first time. */
  reply(chatbotId: string, input: ReplyInput): Promise<Message>;
  /** Changes as they happen; without it, sync polls. */
  readonly live?: LiveFeed;
  /**
   * Origins besides the account's own (its baseUrl's) that this platform keeps message media on,
   * e.g. `['https://files.example.com']`: images, audio and video from them load without asking
   * the agent, as from the account's own origin (services/media). Every other origin needs the
   * agent's consent. Only public addresses count: a declared origin that resolves to a private
   * or loopback address is refused all the same. None when absent.
   */
  readonly mediaOrigins?: readonly string[];
}

/** One optional port per capability, under the capability's name. */
export interface CapabilityPorts {
  presence: PresencePort;
  pushToken: PushTokenPort;
  assignment: AssignmentPort;
  unassignment: UnassignmentPort;
  archive: ArchivePort;
  readState: ReadStatePort;
  handBack: HandBackPort;
  customEvent: CustomEventPort;
  organizations: OrganizationsPort;
  versions: VersionsPort;
  contacts: ContactsPort;
  botHealth: BotHealthPort;
}

const capabilityNames = Object.keys({
  presence: 0,
  pushToken: 0,
  assignment: 0,
  unassignment: 0,
  archive: 0,
  readState: 0,
  handBack: 0,
  customEvent: 0,
  organizations: 0,
  versions: 0,
  contacts: 0,
  botHealth: 0,
} satisfies Record<Capability, 0>) as Capability[];

/** The capabilities a platform declares: the ports it has. */
export const capabilitiesOf = (platform: ChatPlatform): Capability[] => capabilityNames.filter((name) => platform[name] !== undefined);

export type LiveEvent =
  | { type: 'conversation'; conversation: Conversation }
  | { type: 'removed'; conversationId: string }
  | { type: 'message'; message: Message }
  | { type: 'agent'; agent: AgentPresence }
  /** A push meant for this device, where the platform delivers pushes over the live feed (the demo). */
  | { type: 'push'; push: { title: string; body: string; conversationId?: string } };

export interface LiveHandlers {
  onEvent(event: LiveEvent): void;
  /** Connected, the first time or again: whatever happened meanwhile must be read. */
  onConnect(): void;
  /** The feed skipped something: read what changed. */
  onMissed(): void;
  onDisconnect(reason: string): void;
  /** The platform refused the feed or has none after all: poll instead. */
  onUnavailable(reason: string): void;
}

export interface LiveFeed {
  subscribe(chatbotId: string, handlers: LiveHandlers): Disposable;
}

export interface PresencePort {
  /** Server time minus local time in ms, so stamps follow the server's clock, not this device's. */
  serverOffset(): number;
  /** Applied only if `stamp` is greater than the stored one; answers the state after the write. */
  setOnline(chatbotId: string, online: boolean, stamp: string): Promise<AgentPresence>;
  team(chatbotId: string): Promise<AgentPresence[]>;
}

export type PushMode = 'fcm' | 'local';

export interface PushTokenPort {
  /** Which kind of token this platform delivers to. */
  readonly mode: PushMode;
  /** Answers the token the platform holds after the write. */
  setPushToken(chatbotId: string, token: string | null): Promise<{ pushToken: string | null }>;
}

export interface AssignmentPort {
  assign(chatbotId: string, conversationId: string, agentId: string): Promise<Conversation>;
}

export interface UnassignmentPort {
  /** Back in the queue: waiting for anyone. */
  unassign(chatbotId: string, conversationId: string): Promise<Conversation>;
}

export interface ArchivePort {
  setArchived(chatbotId: string, conversationId: string, archived: boolean): Promise<Conversation>;
}

export interface ReadStatePort {
  markRead(chatbotId: string, conversationId: string): Promise<Conversation>;
}

export interface HandBackPort {
  handBack(chatbotId: string, conversationId: string): Promise<Conversation>;
}

/** Data sent with a custom event, for the chatbot's flow. */
export type EventPayload = Record<string, unknown>;

export interface CustomEventPort {
  /**
   * An event with data also gives the conversation back to the bot (ChatCaptain sends it as a step
   * payload, which continues the bot's flow): the agent is told before sending.
   */
  readonly dataHandsBack?: boolean;
  /** `payload` only where the key has the ability 'customEvent.payload'. */
  trigger(chatbotId: string, conversationId: string, event: string, payload?: EventPayload): Promise<Conversation>;
}

export interface ContactsPort {
  contact(chatbotId: string, contactId: string): Promise<Contact>;
  /** Every conversation of the contact with this chatbot, newest first. */
  conversations(chatbotId: string, contactId: string): Promise<Conversation[]>;
}

export interface OrganizationsPort {
  list(chatbotId: string, page: { pageToken?: string; limit?: number }): Promise<{ organizations: Organization[]; nextPageToken?: string }>;
  search(
    chatbotId: string,
    query: { query: string; page: number; pageSize: number },
  ): Promise<{ organizations: Organization[]; page: number; pageSize: number; total: number }>;
  get(chatbotId: string, id: string): Promise<Organization>;
  create(chatbotId: string, fields: OrganizationFields): Promise<Organization>;
  update(chatbotId: string, id: string, fields: OrganizationPatch): Promise<Organization>;
  remove(chatbotId: string, id: string): Promise<void>;
  contacts(chatbotId: string, id: string): Promise<Contact[]>;
  contactCount(chatbotId: string, id: string): Promise<number>;
}

export interface VersionsPort {
  list(chatbotId: string): Promise<Version[]>;
  create(chatbotId: string, input: { name: string; description?: string; environment: Version['environment'] }): Promise<Version>;
  deploy(chatbotId: string, id: string, environment: Version['deployedTo'][number]): Promise<Version>;
  rollback(chatbotId: string, id: string): Promise<Version>;
  remove(chatbotId: string, id: string): Promise<void>;
}

export interface BotHealthPort {
  /** One entry per UTC day from `from` to `to` (both included), oldest first. */
  analytics(chatbotId: string, range: { from: string; to: string }): Promise<BotAnalyticsDay[]>;
  /** The open issues, the most recently seen first. */
  issues(chatbotId: string): Promise<BotIssue[]>;
  /** Log lines, newest first; `cursor` goes on where a page's `next` said. */
  logs(chatbotId: string, filter: LogFilter, cursor?: string): Promise<LogPage>;
}

/** Where and as whom an account connects. */
export interface PlatformConnection {
  baseUrl: string;
  /** The key or token; kept in the vault, never shown. */
  secret: string;
  /** The embedded demo server: pushes come over its live feed, not FCM. */
  demo: boolean;
  /** The workspace the account's chatbots belong to, on a platform that has workspaces. */
  workspaceId?: string;
}

/** What a key reaches, found before anything is stored, so the agent picks instead of typing ids. */
export interface Discovery {
  agent: { id: string; name: string };
  workspaces: { id: string; name: string; chatbots: { id: string; name: string }[] }[];
}

export interface PlatformFactory {
  /** Stored with the account ('chatcaptain', 'botpress', ...). */
  readonly id: string;
  open(connection: PlatformConnection): ChatPlatform;
  /** Lists what the key reaches; a platform whose accounts are typed in by id has none. */
  discover?(connection: Pick<PlatformConnection, 'baseUrl' | 'secret'>): Promise<Discovery>;
}
