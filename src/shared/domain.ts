// Deckhand's own model of what agents work with: conversations that want a person, their
// messages, contacts and organizations, agents' presence, chatbot versions. Every platform's
// adapter maps its wire shapes to these (src/main/services/platforms/<name>/); the cache stores
// them and the renderer shows them. Schemas, so the IPC boundary validates them too.
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

/**
 * Who handles a conversation: the bot; nobody yet, though it wants a person (waiting); a person
 * (assigned, with assignedAgentId); or nobody any more (closed).
 */
export const ConversationStatus = z.enum(['bot', 'waiting', 'assigned', 'closed']);
export type ConversationStatus = z.infer<typeof ConversationStatus>;

// Message content follows the Botpress message kinds, which both platforms use. The schema is built twice from one
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
    /** Who wrote it: the customer, the bot, or a person (agentId says who, when known). */
    sender: z.enum(['contact', 'bot', 'agent']),
    agentId: z.string().optional(),
    /** An agent reply's idempotency key, so a live message can be matched to its outbox entry. */
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
  /** How the channel knows the customer (a phone number, an address, a user name), when it says. */
  contactHandle: z.string().optional(),
  channelId: z.string(),
  channelName: z.string(),
  archived: z.boolean(),
  status: ConversationStatus,
  assignedAgentId: z.string().nullable(),
  /** Customer messages the agents have not read yet. */
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
  /**
   * The stamp of the write that set this state (decimal ms, "0" before the first): a platform
   * keeps the write with the greatest stamp, so the newest intent wins whatever arrives first.
   */
  clientTimestamp: z.string(),
});
export type AgentPresence = z.infer<typeof AgentPresence>;

export const Environment = z.enum(['dev', 'test', 'prod']);
export const DeployEnvironment = z.enum(['test', 'prod']);
export const Version = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().optional(),
  environment: Environment,
  // The environments this version is live in right now.
  deployedTo: z.array(DeployEnvironment),
  /** Where it was last deployed (or rolled back): where a rollback makes it live again; absent when never, or not said. */
  lastDeployedTo: DeployEnvironment.optional(),
  createdAt: isoDate,
});
export type Version = z.infer<typeof Version>;
