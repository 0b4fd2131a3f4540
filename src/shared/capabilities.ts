// What an account can do beyond the core every platform has (the conversations that want a
// person, their messages, replies). A platform declares its capabilities; the key an account
// signed in with decides which abilities within them it has, per chatbot. Main and the renderer
// decide what to show and offer from these two alone, never from a platform's name.
import { z } from 'zod';

export const Capability = z.enum([
  /** The agent's own online state, and who of the team is online. */
  'presence',
  /** A device push token the platform sends notifications to. */
  'pushToken',
  /** Assigning a conversation to oneself or a colleague. */
  'assignment',
  /** Putting an assigned conversation back in the queue (what undoes taking it). */
  'unassignment',
  'archive',
  /** Unread counts the agent clears by reading. */
  'readState',
  'handBack',
  'customEvent',
  'organizations',
  'versions',
  /** Who a conversation's customer is (name, e-mail, phone, organizations) and their other conversations. */
  'contacts',
  /** The bot's analytics, open issues and logs. */
  'botHealth',
]);
export type Capability = z.infer<typeof Capability>;

/** Things the agent may do, each within one capability. */
export const Ability = z.enum([
  'assign',
  'unassign',
  'archive',
  'markRead',
  'handBack',
  'customEvent',
  /** A custom event with data for the chatbot's flow. */
  'customEvent.payload',
  'presence',
  'pushToken',
  'organizations.list',
  'organizations.get',
  'organizations.create',
  'organizations.edit',
  'organizations.delete',
  'organizations.contacts',
  'versions.list',
  'versions.create',
  'versions.deploy',
  'versions.delete',
  'contacts.get',
  'contacts.conversations',
  'botHealth',
]);
export type Ability = z.infer<typeof Ability>;

export const capabilityOf: Readonly<Record<Ability, Capability>> = {
  assign: 'assignment',
  unassign: 'unassignment',
  archive: 'archive',
  markRead: 'readState',
  handBack: 'handBack',
  customEvent: 'customEvent',
  'customEvent.payload': 'customEvent',
  presence: 'presence',
  pushToken: 'pushToken',
  'organizations.list': 'organizations',
  'organizations.get': 'organizations',
  'organizations.create': 'organizations',
  'organizations.edit': 'organizations',
  'organizations.delete': 'organizations',
  'organizations.contacts': 'organizations',
  'versions.list': 'versions',
  'versions.create': 'versions',
  'versions.deploy': 'versions',
  'versions.delete': 'versions',
  'contacts.get': 'contacts',
  'contacts.conversations': 'contacts',
  botHealth: 'botHealth',
};

/**
 * What one chatbot of an account allows: the abilities the key has within the platform's
 * capabilities, and for those it lacks, the platform's name for the permission an admin would
 * grant (shown to the agent, who cannot act on an ability's name).
 */
export const Grants = z.object({
  abilities: z.array(Ability),
  lacking: z.array(z.object({ ability: Ability, permission: z.string() })),
});
export type Grants = z.infer<typeof Grants>;

/** A platform without a permission model: everything its capabilities offer. */
export function grantAll(capabilities: readonly Capability[]): Grants {
  return { abilities: Ability.options.filter((a) => capabilities.includes(capabilityOf[a])), lacking: [] };
}

export const can = (grants: Pick<Grants, 'abilities'> | null | undefined, ability: Ability): boolean => grants?.abilities.includes(ability) ?? false;

/** The platform's permission an ability needs, when the key lacks it. */
export const lackingPermission = (grants: Pick<Grants, 'lacking'> | null | undefined, ability: Ability): string | null =>
  grants?.lacking.find((l) => l.ability === ability)?.permission ?? null;
