// What the signed-in accounts offer, for the screens to show only what can work: whether any
// account's platform has a capability (the Organizations section, the online switch), and what
// the key may do on one conversation's chatbot (its actions). Never decided from platform names.
import { can, lackingPermission, type Ability, type Capability, type Grants } from '../../shared/capabilities';
import type { Account, InboxConversation, SessionState } from '../../shared/view-models';

export const offeredByAny = (accounts: readonly Pick<Account, 'capabilities'>[] | undefined, capability: Capability): boolean =>
  accounts?.some((account) => account.capabilities.includes(capability)) ?? false;

/** What the key may do on the conversation's chatbot, or null while the session does not know it. */
export function grantsFor(session: SessionState | null, conversation: Pick<InboxConversation, 'accountId' | 'chatbotId'>): Grants | null {
  const account = session?.accounts.find((a) => a.id === conversation.accountId);
  return account?.chatbots.find((c) => c.id === conversation.chatbotId) ?? null;
}

/** For each of a screen's actions: whether the key may, and what an admin would grant where not. */
export type ActionAbilities<A extends string> = Record<A, boolean> & { permissionFor(action: A): string };

export function actionAbilities<A extends string>(grants: Grants | null | undefined, abilityOf: Readonly<Record<A, Ability>>): ActionAbilities<A> {
  const flags = Object.fromEntries(Object.entries<Ability>(abilityOf).map(([action, ability]) => [action, can(grants, ability)])) as Record<A, boolean>;
  // The platform's own name for the permission when it gave one; the ability's otherwise.
  return { ...flags, permissionFor: (action: A) => lackingPermission(grants, abilityOf[action]) ?? abilityOf[action] };
}

export const canOn = (session: SessionState | null, conversation: Pick<InboxConversation, 'accountId' | 'chatbotId'>, ability: Ability): boolean =>
  can(grantsFor(session, conversation), ability);
