// The ChatCaptain API as this server speaks it (../shared/api-docs, DESIGN.md's local API
// contract). These are the server's own shapes: the app's ChatCaptain adapter validates them
// with its own schemas and maps them to Deckhand's domain, so the two only meet on the wire.
// Message kinds are the one thing shared: both platforms and Deckhand use the Botpress kinds.
import { z } from 'zod';
import type { MessageContent } from '../shared/domain';

export { IncomingMessageContent, MessageContent, contentCaps } from '../shared/domain';

export const ConversationStatus = z.enum(['bot', 'waiting', 'assigned', 'closed']);
export type ConversationStatus = z.infer<typeof ConversationStatus>;

export type Message = {
  id: string;
  conversationId: string;
  direction: 'incoming' | 'outgoing';
  sender: 'contact' | 'bot' | 'agent';
  agentId?: string;
  /** An agent reply's idempotency key, so a client can match the live event to its outbox entry. */
  clientMessageId?: string;
  createdAt: string;
} & MessageContent;

export interface Conversation {
  id: string;
  chatbotId: string;
  contactId: string;
  contactName: string;
  channelId: string;
  channelName: string;
  providerId: string;
  archived: boolean;
  status: ConversationStatus;
  assignedAgentId: string | null;
  unreadCount: number;
  lastMessage?: Message;
  createdAt: string;
  updatedAt: string;
}

export interface Organization {
  id: string;
  name: string;
  email?: string;
  website?: string;
  size?: number;
  industry?: string;
  phoneNumber?: string;
  createdAt: string;
  updatedAt: string;
}
/** What a client sets on an organization; the server adds id and dates. */
export type OrganizationFields = Omit<Organization, 'id' | 'createdAt' | 'updatedAt'>;
/** An edit: only what changes; null clears an optional field. */
export type OrganizationPatch = { name?: string } & {
  [K in Exclude<keyof OrganizationFields, 'name'>]?: OrganizationFields[K] | null;
};

export interface Contact {
  id: string;
  name: string;
  email?: string;
  phoneNumber?: string;
  language?: string;
  organizationIds: string[];
  createdAt: string;
}

export interface AgentPresence {
  agentId: string;
  name: string;
  online: boolean;
  lastSeen: string | null;
  /** Decimal milliseconds as a string; "0" before the first write. */
  clientTimestamp: string;
}

export interface NotificationSettings {
  pushToken: string | null;
  updatedAt: string | null;
}

export const Environment = z.enum(['dev', 'test', 'prod']);
export const DeployEnvironment = z.enum(['test', 'prod']);
export interface Version {
  id: string;
  name: string;
  description?: string;
  environment: z.infer<typeof Environment>;
  /** The environments this version is live in right now. */
  deployedTo: z.infer<typeof DeployEnvironment>[];
  /** Beyond the docs: where it was last deployed or rolled back, so where a rollback makes it live again. */
  lastDeployedTo?: z.infer<typeof DeployEnvironment>;
  createdAt: string;
}

/** Error types named as in the Botpress doc, each with its status (http/errors.ts). */
export const ErrorType = z.enum([
  'InvalidPayload',
  'InvalidQuery',
  'ReferenceNotFound',
  'Unauthorized',
  'Forbidden',
  'ResourceNotFound',
  'MethodNotFound',
  'AlreadyExists',
  'PayloadTooLarge',
  'UnsupportedMediaType',
  'RateLimited',
  'Internal',
]);
export type ErrorType = z.infer<typeof ErrorType>;
/** Every error answer's body. */
export const ErrorBody = z.object({ error: z.string(), type: ErrorType });
export type ErrorBody = z.infer<typeof ErrorBody>;

/** Socket.io events, each with the chatbot and a per-chatbot `seq` that grows by one. */
export interface RealtimePayloads {
  'conversation.upserted': { conversation: Conversation };
  'conversation.deleted': { id: string };
  'message.created': { message: Message };
  'agent.online': { agent: AgentPresence };
  push: { title: string; body: string; conversationId: string };
}
export type RealtimeEventName = keyof RealtimePayloads;
export type RealtimePayload<E extends RealtimeEventName> = RealtimePayloads[E];

export const SocketAuth = z.object({ key: z.string().min(1).max(200), chatbotId: z.string().min(1).max(100) });
