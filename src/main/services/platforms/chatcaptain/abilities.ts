// Which ChatCaptain permission (as its docs print them) each of Deckhand's abilities needs, so a
// key's permissions become the abilities the app offers, and a missing one can be named. Only
// abilities of capabilities ChatCaptain has are listed.
import type { Ability, Capability, Grants } from '../../../../shared/capabilities';
import { capabilityOf } from '../../../../shared/capabilities';

const permissionFor: Readonly<Partial<Record<Ability, string>>> = {
  assign: 'chatbots.conversations.edit',
  unassign: 'chatbots.conversations.edit',
  archive: 'chatbots.conversations.edit',
  markRead: 'chatbots.conversations.edit',
  // A step payload is how ChatCaptain gives a conversation back to the bot.
  handBack: 'chatbots.step-payload.handle',
  customEvent: 'chatbots.events.handle',
  // An event with data goes as a step payload (the custom-event endpoint takes a name only).
  'customEvent.payload': 'chatbots.step-payload.handle',
  presence: 'chatbots.inbox.agents.online.edit',
  pushToken: 'chatbots.inbox.agents.notifications.edit',
  'organizations.list': 'chatbots.organizations.list',
  'organizations.get': 'chatbots.organizations.get',
  'organizations.create': 'chatbots.organizations.create',
  'organizations.edit': 'chatbots.organizations.edit',
  'organizations.delete': 'chatbots.organizations.delete',
  'organizations.contacts': 'chatbots.organizations.contacts.list',
  'versions.list': 'chatbots.versions.list',
  'versions.create': 'chatbots.versions.create',
  'versions.deploy': 'chatbots.versions.deploy',
  'versions.delete': 'chatbots.versions.delete',
  // A conversation's customer is read with the conversation; their conversations are a list.
  'contacts.get': 'chatbots.conversations.get',
  'contacts.conversations': 'chatbots.conversations.list',
};

/** The abilities a key's permissions give, within what the platform offers; the rest named. */
export function grantsFrom(permissions: readonly string[], capabilities: readonly Capability[]): Grants {
  const granted = new Set(permissions);
  const grants: Grants = { abilities: [], lacking: [] };
  for (const [ability, permission] of Object.entries(permissionFor) as [Ability, string][]) {
    if (!capabilities.includes(capabilityOf[ability])) continue;
    if (granted.has(permission)) grants.abilities.push(ability);
    else grants.lacking.push({ ability, permission });
  }
  return grants;
}
