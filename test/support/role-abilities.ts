// What each demo role's key may do, as Deckhand's abilities (ChatCaptain's permissions mapped by
// the adapter): what the identity tests and the sign-in tests expect.
import { Ability, capabilityOf } from '../../src/shared/capabilities';
import type { Role } from '../../src/shared/permissions';

export const roleAbilities: Record<Role, Ability[]> = {
  // Everything ChatCaptain has: all but bot health, which is Botpress's.
  admin: Ability.options.filter((a) => capabilityOf[a] !== 'botHealth'),
  agent: [
    'assign',
    'unassign',
    'archive',
    'markRead',
    'handBack',
    'customEvent',
    'customEvent.payload',
    'presence',
    'pushToken',
    'organizations.list',
    'organizations.get',
    'organizations.contacts',
    'contacts.get',
    'contacts.conversations',
  ],
  viewer: ['organizations.list', 'organizations.get', 'organizations.contacts', 'versions.list', 'contacts.get', 'contacts.conversations'],
  // A channel integration's key: it posts for customers; of the agent's tools only custom events.
  channel: ['customEvent'],
};
