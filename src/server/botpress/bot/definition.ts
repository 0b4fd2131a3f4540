// What the demo bot declares, as a Botpress bot definition would: the integrations installed
// on it (the customer channels, and Deckhand as the desk behind the `hitl` interface), its
// states, the events it handles and the actions it offers. getBot answers from this, and the
// chat routes check channels, action types and event payloads against it.
import { z } from 'zod';

export interface IntegrationDef {
  id: string;
  name: string;
  version: string;
  title: string;
  description: string;
  channels: readonly string[];
}

/** The desk side of a handover: conversations on this channel of this integration. */
export const HITL_INTEGRATION = 'deckhand';
export const HITL_CHANNEL = 'hitl';

export const integrations: readonly IntegrationDef[] = [
  { id: 'intver_whatsapp', name: 'whatsapp', version: '4.2.1', title: 'WhatsApp', description: 'Send and receive WhatsApp messages through the Meta Cloud API.', channels: ['channel'] },
  { id: 'intver_webchat', name: 'webchat', version: '2.5.0', title: 'Webchat', description: 'The chat widget on the website.', channels: ['channel'] },
  { id: 'intver_instagram', name: 'instagram', version: '3.0.2', title: 'Instagram', description: 'Direct messages of the Instagram business account.', channels: ['channel'] },
  { id: 'intver_telegram', name: 'telegram', version: '1.2.0', title: 'Telegram', description: 'Messages to the Telegram bot.', channels: ['channel'] },
  { id: 'intver_gmail', name: 'gmail', version: '0.6.1', title: 'Gmail', description: 'Mail to the support address, answered in the thread.', channels: ['channel'] },
  {
    id: 'intver_deckhand',
    name: HITL_INTEGRATION,
    version: '1.0.0',
    title: 'Deckhand',
    description: 'Hands conversations to people in the Deckhand inbox (the hitl interface).',
    channels: [HITL_CHANNEL],
  },
];

export const integrationByName = (name: string) => integrations.find((i) => i.name === name);
export const integrationById = (id: string) => integrations.find((i) => i.id === id);

/** The state the hitl plugin keeps on both sides of a handover. */
export const HITL_STATE = 'hitl';
/** Where Deckhand keeps an agent's online state: a user state of the agent's Botpress user. */
export const PRESENCE_STATE = 'deckhandPresence';

export const states = {
  [HITL_STATE]: {
    type: 'conversation',
    schema: { type: 'object', properties: { hitlActive: { type: 'boolean' } }, required: ['hitlActive'] },
  },
  [PRESENCE_STATE]: {
    type: 'user',
    schema: {
      type: 'object',
      properties: { online: { type: 'boolean' }, clientTimestamp: { type: 'string' }, lastSeen: { type: ['string', 'null'] } },
      required: ['online', 'clientTimestamp'],
    },
  },
} as const;

// The hitl interface's events, as the desk sends them, with the payloads the bot accepts.
export const hitlEvents = {
  hitlAssigned: z.strictObject({ conversationId: z.string().min(1).max(200), userId: z.string().min(1).max(200) }),
  hitlStopped: z.strictObject({ conversationId: z.string().min(1).max(200) }),
} as const;
export type HitlEventType = keyof typeof hitlEvents;
export const isHitlEvent = (type: string): type is HitlEventType => Object.hasOwn(hitlEvents, type);

// The hitl plugin's actions, callable through POST /v1/chat/actions.
export const actions = {
  startHitl: {
    title: 'Start HITL',
    description: 'Hands the customer conversation to a person and opens its desk conversation.',
    input: z.strictObject({
      conversationId: z.string().min(1).max(200),
      userId: z.string().min(1).max(200).optional(),
      title: z.string().min(1).max(200).optional(),
      description: z.string().max(2000).optional(),
    }),
  },
  stopHitl: {
    title: 'Stop HITL',
    description: 'Ends the handover of a desk conversation; the bot takes the customer back.',
    input: z.strictObject({ conversationId: z.string().min(1).max(200), reason: z.enum(['timeout', 'cancel']).optional() }),
  },
} as const;
export type ActionType = keyof typeof actions;
export const isAction = (type: string): type is ActionType => Object.hasOwn(actions, type);
