// Domain shapes shared by the local server (what it answers) and the main process (what it
// accepts). One schema per thing, so a field renamed on one side breaks the other at compile time.
import { z } from 'zod';

const isoDate = z.iso.datetime({ offset: true });

export const Organization = z.object({
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
export type Organization = z.infer<typeof Organization>;
/** What a client sets on an organization; the server adds id and dates. */
export type OrganizationFields = Omit<Organization, 'id' | 'createdAt' | 'updatedAt'>;
/** An edit: only what changes; null clears an optional field. */
export type OrganizationPatch = { name?: string } & {
  [K in Exclude<keyof OrganizationFields, 'name'>]?: OrganizationFields[K] | null;
};

export const Contact = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().optional(),
  phoneNumber: z.string().optional(),
  language: z.string().optional(),
  organizationIds: z.array(z.string()),
  createdAt: isoDate,
});
export type Contact = z.infer<typeof Contact>;

export const ConversationStatus = z.enum(['bot', 'waiting', 'assigned', 'closed']);
export type ConversationStatus = z.infer<typeof ConversationStatus>;

// Message payloads follow the Botpress message kinds. The schema is built twice from one
// description: as a client reads content (no caps: it cannot refuse what a server already stored)
// and as the local server accepts it, with every string and list capped, so that refusing a
// hostile body costs little however it is made.
export const contentCaps = { text: 10_000, label: 500, url: 2048, options: 100, cards: 10, actions: 10 } as const;
type Caps = typeof contentCaps | null;

function messageContent(caps: Caps) {
  const text = (kind: 'text' | 'label' | 'url') => (caps ? z.string().max(caps[kind]) : z.string());
  const list = <T extends z.ZodType>(item: T, kind: 'options' | 'cards' | 'actions') => (caps ? z.array(item).max(caps[kind]) : z.array(item));
  const Option = z.object({ label: text('label').min(1), value: text('label').min(1) });
  const CardAction = z.object({
    action: z.enum(['postback', 'url', 'say']),
    label: text('label').min(1),
    value: text('url').min(1),
  });
  const CardPayload = z.object({
    title: text('label').min(1),
    subtitle: text('text').optional(),
    imageUrl: text('url').optional(),
    actions: list(CardAction, 'actions'),
  });
  return z.discriminatedUnion('type', [
    z.object({ type: z.literal('text'), payload: z.object({ text: text('text').min(1) }) }),
    z.object({ type: z.literal('image'), payload: z.object({ imageUrl: text('url').min(1) }) }),
    z.object({
      type: z.literal('choice'),
      payload: z.object({ text: text('text').min(1), options: list(Option, 'options').min(1) }),
    }),
    z.object({
      type: z.literal('dropdown'),
      payload: z.object({ text: text('text').min(1), options: list(Option, 'options').min(1) }),
    }),
    z.object({ type: z.literal('card'), payload: CardPayload }),
    z.object({ type: z.literal('carousel'), payload: z.object({ items: list(CardPayload, 'cards').min(1) }) }),
    z.object({
      type: z.literal('file'),
      payload: z.object({ fileUrl: text('url').min(1), title: text('label').optional() }),
    }),
    z.object({ type: z.literal('audio'), payload: z.object({ audioUrl: text('url').min(1) }) }),
    z.object({ type: z.literal('video'), payload: z.object({ videoUrl: text('url').min(1) }) }),
    z.object({
      type: z.literal('location'),
      payload: z.object({
        latitude: z.number().min(-90).max(90),
        longitude: z.number().min(-180).max(180),
        address: text('label').optional(),
        title: text('label').optional(),
      }),
    }),
  ]);
}

export const MessageContent = messageContent(null);
/** Content as the local server accepts it from a channel: every string and list capped. */
export const IncomingMessageContent = messageContent(contentCaps);
export type MessageContent = z.infer<typeof MessageContent>;
export type MessageType = MessageContent['type'];
export const messageTypes = MessageContent.options.map((o) => o.shape.type.value);

export const Message = z.intersection(
  z.object({
    id: z.string(),
    conversationId: z.string(),
    direction: z.enum(['incoming', 'outgoing']),
    sender: z.enum(['contact', 'bot', 'agent']),
    agentId: z.string().optional(),
    /** An agent reply's idempotency key, so a client can match the live event to its outbox entry. */
    clientMessageId: z.string().optional(),
    createdAt: isoDate,
  }),
  MessageContent,
);
export type Message = z.infer<typeof Message>;

export const Conversation = z.object({
  id: z.string(),
  chatbotId: z.string(),
  contactId: z.string(),
  contactName: z.string(),
  channelId: z.string(),
  channelName: z.string(),
  providerId: z.string(),
  archived: z.boolean(),
  status: ConversationStatus,
  assignedAgentId: z.string().nullable(),
  unreadCount: z.number().int().min(0),
  lastMessage: Message.optional(),
  createdAt: isoDate,
  updatedAt: isoDate,
});
export type Conversation = z.infer<typeof Conversation>;

export const AgentPresence = z.object({
  agentId: z.string(),
  name: z.string(),
  online: z.boolean(),
  lastSeen: isoDate.nullable(),
  // Decimal milliseconds as a string, as the API takes it; "0" before the first write.
  clientTimestamp: z.string(),
});
export type AgentPresence = z.infer<typeof AgentPresence>;

export const NotificationSettings = z.object({
  pushToken: z.string().nullable(),
  updatedAt: isoDate.nullable(),
});
export type NotificationSettings = z.infer<typeof NotificationSettings>;

export const Environment = z.enum(['dev', 'test', 'prod']);
export const DeployEnvironment = z.enum(['test', 'prod']);
export const Version = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().optional(),
  environment: Environment,
  // The environments this version is live in right now.
  deployedTo: z.array(DeployEnvironment),
  createdAt: isoDate,
});
export type Version = z.infer<typeof Version>;

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
export const ErrorBody = z.object({ error: z.string(), type: ErrorType });
export type ErrorBody = z.infer<typeof ErrorBody>;
