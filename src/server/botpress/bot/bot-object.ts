// The Bot object of the admin API (getBot), filled from the bot's row and its definition.
import type { BotRow } from '../workspace';
import { actions, HITL_CHANNEL, hitlEvents, integrations, states } from './definition';

/** The short form listBots answers with. */
export function botSummary(row: BotRow) {
  return {
    id: row.id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    name: row.name,
    ...(row.deployed_at && { deployedAt: row.deployed_at }),
    tags: {},
    type: 'studio' as const,
  };
}

const objectSchema = { type: 'object', additionalProperties: true };

export function botObject(row: BotRow) {
  return {
    ...botSummary(row),
    // The API shows the signing secret only when a bot is created or the secret rotated.
    signingSecret: '',
    integrations: Object.fromEntries(
      integrations.map((i) => [
        i.id,
        {
          enabled: true,
          name: i.name,
          version: i.version,
          // The local server receives no webhooks: integrations write through the chat API.
          webhookUrl: '',
          webhookId: '',
          configurationType: null,
          configuration: {},
          status: 'registered' as const,
          statusReason: null,
          disabledChannels: [],
          id: i.id,
          createdAt: row.created_at,
          updatedAt: row.updated_at,
          title: i.title,
          description: i.description,
          iconUrl: '',
          public: true,
          visibility: 'public' as const,
          verificationStatus: 'approved' as const,
          lifecycleStatus: 'published' as const,
        },
      ]),
    ),
    plugins: {
      hitl: {
        enabled: true,
        name: 'hitl',
        version: '1.0.0',
        configuration: { onHitlHandoffMessage: 'Ich verbinde dich mit unserem Service-Team.', flowOnHitlStopped: false },
        interfaces: { hitl: { integrationId: 'intver_deckhand', integrationAlias: 'deckhand', interfaceId: 'intf_hitl' } },
        id: 'plugin_hitl',
        createdAt: row.created_at,
        updatedAt: row.updated_at,
        title: 'Human in the loop',
        description: `Hands conversations to people; the desk side is channel ${HITL_CHANNEL}.`,
        iconUrl: '',
        readmeUrl: '',
        public: true,
        visibility: 'public' as const,
        lifecycleStatus: 'published' as const,
      },
    },
    user: { tags: { language: { title: 'Language', description: 'de or en: what the bot answers in' }, downstream: {}, upstream: {} } },
    conversation: {
      tags: {
        downstream: { title: 'Desk conversation', description: 'The hitl conversation of an active or past handover' },
        upstream: { title: 'Customer conversation', description: 'On a desk conversation: the customer conversation it serves' },
        hitlStatus: { title: 'Handover status', description: 'waiting, assigned or stopped' },
        humanAgentId: {},
        humanAgentName: {},
        title: {},
      },
    },
    message: { tags: { relayOf: { title: 'Relayed message', description: 'The message this one passes on' }, clientMessageId: {} } },
    states,
    configuration: { data: {}, schema: objectSchema },
    events: Object.fromEntries(Object.keys(hitlEvents).map((type) => [type, { title: type, schema: objectSchema }])),
    recurringEvents: {},
    subscriptions: { events: null },
    actions: Object.fromEntries(
      Object.entries(actions).map(([type, a]) => [type, { title: a.title, description: a.description, input: { schema: objectSchema }, output: { schema: objectSchema } }]),
    ),
    description: 'Funkhaus Elektronik: orders, repairs, stores and advice, in German and English.',
    dev: false,
    secrets: [],
    createdBy: row.created_by ?? undefined,
    alwaysAlive: false,
    status: 'active' as const,
    medias: [],
  };
}
