// The ports every main-process service is built on. Services take these through their
// constructor; src/main/index.ts wires real adapters, tests wire the real local server (and,
// for what cannot run here, small fakes).
import type {
  AgentPresence,
  Contact,
  Conversation,
  ConversationStatus,
  Message,
  NotificationSettings,
  Organization,
  OrganizationFields,
  OrganizationPatch,
  Version,
} from '../../shared/domain';
import type { Permission } from '../../shared/permissions';
import type { RealtimeEventName, RealtimePayload } from '../../shared/realtime';

/** Who a key speaks for and what it may do, per chatbot. */
export interface Identity {
  agent: { id: string; name: string };
  chatbots: { id: string; name: string; permissions: Permission[] }[];
}

export type { OrganizationFields, OrganizationPatch };

/**
 * One account's API (ChatCaptain now, Botpress next). Every method validates what comes back;
 * failures are BackendError (see backend/errors.ts), never a raw exception.
 */
export interface Backend {
  readonly baseUrl: string;
  /** Server time minus local time in ms, from the last response's Date header. */
  serverOffset(): number;
  identity(chatbotIds: string[]): Promise<Identity>;

  listConversations(chatbotId: string, updatedSince?: string): Promise<{ conversations: Conversation[]; deleted: string[] }>;
  getConversation(chatbotId: string, id: string): Promise<Conversation>;
  patchConversation(
    chatbotId: string,
    id: string,
    patch: { status?: ConversationStatus; assignedAgentId?: string | null; archived?: boolean; unreadCount?: number },
  ): Promise<Conversation>;
  handBack(chatbotId: string, conversationId: string): Promise<Conversation>;
  customEvent(chatbotId: string, conversationId: string, event: string): Promise<Conversation>;
  listMessages(chatbotId: string, conversationId: string, options?: { before?: string; limit?: number }): Promise<Message[]>;
  /** Idempotent on clientMessageId: a retry returns the message stored the first time. */
  reply(chatbotId: string, input: { conversationId: string; text: string; clientMessageId: string }): Promise<Message>;

  listAgents(chatbotId: string): Promise<AgentPresence[]>;
  setOnline(chatbotId: string, online: boolean, clientTimestamp: string): Promise<AgentPresence>;
  getNotificationSettings(chatbotId: string): Promise<NotificationSettings>;
  setPushToken(chatbotId: string, pushToken: string | null): Promise<NotificationSettings>;

  listOrganizations(chatbotId: string, options?: { pageToken?: string; limit?: number }): Promise<{ organizations: Organization[]; nextPageToken?: string }>;
  searchOrganizations(chatbotId: string, query: { query: string; page: number; pageSize: number }): Promise<{ organizations: Organization[]; page: number; pageSize: number; total: number }>;
  getOrganization(chatbotId: string, id: string): Promise<Organization>;
  createOrganization(chatbotId: string, fields: OrganizationFields): Promise<Organization>;
  updateOrganization(chatbotId: string, id: string, fields: OrganizationPatch): Promise<Organization>;
  deleteOrganization(chatbotId: string, id: string): Promise<void>;
  organizationContacts(chatbotId: string, id: string): Promise<Contact[]>;
  organizationContactCount(chatbotId: string, id: string): Promise<number>;

  listVersions(chatbotId: string): Promise<Version[]>;
  createVersion(chatbotId: string, input: { name: string; description?: string; environment: 'dev' | 'test' | 'prod' }): Promise<Version>;
  deployVersion(chatbotId: string, id: string, environment: 'test' | 'prod'): Promise<Version>;
  rollbackVersion(chatbotId: string, id: string): Promise<Version>;
  deleteVersion(chatbotId: string, id: string): Promise<void>;

  /** Live events, or null when the server offers no socket (then the caller polls). */
  subscribe(chatbotId: string, handlers: RealtimeHandlers): RealtimeSubscription | null;
}

export type RealtimeEvent = {
  [E in RealtimeEventName]: { event: E; payload: RealtimePayload<E> & { chatbotId: string; seq: number } };
}[RealtimeEventName];

export interface RealtimeHandlers {
  onEvent(event: RealtimeEvent): void;
  /** Connected (first time or again): the caller resyncs over HTTP. */
  onConnect(): void;
  onDisconnect(reason: string): void;
  /** The server refused or offers no socket: fall back to polling. */
  onUnavailable(reason: string): void;
}

export interface RealtimeSubscription {
  close(): void;
}

/** Credentials at rest. The Electron adapter encrypts with safeStorage. */
export interface Vault {
  encryption(): 'os' | 'basic_text' | 'unavailable';
  read(name: string): string | null;
  write(name: string, secret: string): void;
  remove(name: string): void;
}

export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
