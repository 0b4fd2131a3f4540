// The ChatCaptain API's shapes as this client accepts them (../shared/api-docs, and DESIGN.md's
// additions). Only this folder knows them: map.ts turns them into Deckhand's domain.
import { z } from 'zod';
import { MessageContent } from '../../../../shared/domain';

const isoDate = z.iso.datetime({ offset: true });

export const WireMessage = z.intersection(
  z.object({
    id: z.string(),
    conversationId: z.string(),
    direction: z.enum(['incoming', 'outgoing']),
    sender: z.enum(['contact', 'bot', 'agent']),
    agentId: z.string().optional(),
    clientMessageId: z.string().optional(),
    createdAt: isoDate,
  }),
  MessageContent,
);
export type WireMessage = z.infer<typeof WireMessage>;

export const WireConversation = z.object({
  id: z.string(),
  chatbotId: z.string(),
  contactId: z.string(),
  contactName: z.string(),
  channelId: z.string(),
  channelName: z.string(),
  providerId: z.string(),
  archived: z.boolean(),
  status: z.enum(['bot', 'waiting', 'assigned', 'closed']),
  assignedAgentId: z.string().nullable(),
  unreadCount: z.number().int().min(0),
  lastMessage: WireMessage.optional(),
  createdAt: isoDate,
  updatedAt: isoDate,
});
export type WireConversation = z.infer<typeof WireConversation>;

export const WireAgent = z.object({
  agentId: z.string(),
  name: z.string(),
  online: z.boolean(),
  lastSeen: isoDate.nullable(),
  clientTimestamp: z.string().regex(/^\d+$/),
});
export type WireAgent = z.infer<typeof WireAgent>;

export const WireNotificationSettings = z.object({ pushToken: z.string().nullable(), updatedAt: isoDate.nullable() });

export const WireOrganization = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().optional(),
  website: z.string().optional(),
  size: z.number().optional(),
  industry: z.string().optional(),
  phoneNumber: z.string().optional(),
  createdAt: isoDate,
  updatedAt: isoDate,
});

export const WireContact = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().optional(),
  phoneNumber: z.string().optional(),
  language: z.string().optional(),
  organizationIds: z.array(z.string()),
  createdAt: isoDate,
});

export const WireVersion = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().optional(),
  environment: z.enum(['dev', 'test', 'prod']),
  deployedTo: z.array(z.enum(['test', 'prod'])),
  lastDeployedTo: z.enum(['test', 'prod']).optional(),
  createdAt: isoDate,
});
export type WireVersion = z.infer<typeof WireVersion>;

/** `GET /v1/auth/me`: who a key is (beyond the docs; DESIGN.md). */
export const WireMe = z.object({
  agent: z.object({ id: z.string(), name: z.string() }),
  permissions: z.array(z.string()),
  chatbots: z.array(z.object({ id: z.string(), name: z.string() })),
});

export const WireChanges = z.object({ conversations: z.array(WireConversation), deleted: z.array(z.string()).optional() });
export const Deleted = z.object({ deleted: z.literal(true) });

/** Socket.io events; each carries its chatbot and a per-chatbot `seq` that grows by one. */
export const WireEvents = {
  'conversation.upserted': z.object({ conversation: WireConversation }),
  'conversation.deleted': z.object({ id: z.string() }),
  'message.created': z.object({ message: WireMessage }),
  'agent.online': z.object({ agent: WireAgent }),
  push: z.object({ title: z.string(), body: z.string(), conversationId: z.string() }),
} as const;
export type WireEventName = keyof typeof WireEvents;
export const eventEnvelope = { chatbotId: z.string(), seq: z.number().int().min(0) };
