// Permission strings exactly as the ChatCaptain docs print them. The last three are not in the
// excerpt we have; they name the messages list and agent reply endpoints DESIGN.md adds.
export const permissions = [
  'chatbots.organizations.list',
  'chatbots.organizations.create',
  'chatbots.organizations.get',
  'chatbots.organizations.edit',
  'chatbots.organizations.delete',
  'chatbots.organizations.contacts.list',
  'chatbots.conversations.list',
  'chatbots.conversations.create',
  'chatbots.conversations.get',
  'chatbots.conversations.edit',
  'chatbots.messages.handle',
  'chatbots.events.handle',
  'chatbots.step-payload.handle',
  'chatbots.inbox.agents.list',
  'chatbots.inbox.agents.online.edit',
  'chatbots.inbox.agents.notifications.get',
  'chatbots.inbox.agents.notifications.edit',
  'chatbots.versions.list',
  'chatbots.versions.create',
  'chatbots.versions.delete',
  'chatbots.versions.deploy',
  'chatbots.messages.list',
  'chatbots.inbox.messages.create',
] as const;
export type Permission = (typeof permissions)[number];

export const roles = ['admin', 'agent', 'viewer', 'channel'] as const;
export type Role = (typeof roles)[number];

const readOnly = permissions.filter((p) => p.endsWith('.list') || p.endsWith('.get'));

export const rolePermissions: Record<Role, readonly Permission[]> = {
  admin: permissions,
  agent: [
    ...permissions.filter((p) => p.startsWith('chatbots.conversations.') && !p.endsWith('.create')),
    'chatbots.messages.list',
    'chatbots.inbox.messages.create',
    ...permissions.filter((p) => p.startsWith('chatbots.inbox.agents.')),
    'chatbots.organizations.list',
    'chatbots.organizations.get',
    'chatbots.organizations.contacts.list',
    'chatbots.events.handle',
    'chatbots.step-payload.handle',
  ],
  viewer: readOnly,
  // What a channel integration (WhatsApp, web chat, ...) posts on a customer's behalf; people's
  // keys never do, so an agent cannot put words in a customer's mouth.
  channel: ['chatbots.messages.handle', 'chatbots.events.handle'],
};
