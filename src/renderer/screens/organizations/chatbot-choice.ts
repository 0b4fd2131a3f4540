// Which chatbot the Organizations and Versions sections work on. Pure, so it is tested in node:
// the choices are the chatbots of the accounts whose platform has the section's capability; a
// remembered choice that no longer exists (the account was signed out, the chatbot removed)
// falls back to the first one.
import type { Capability, Grants } from '../../../shared/capabilities';
import { chatbotKey } from '../../../shared/keys';
import type { SessionState } from '../../../shared/view-models';

export interface ChatbotChoice {
  /** A chatbotKey, the same form as the inbox filter's chatbot. */
  key: string;
  accountId: string;
  accountLabel: string;
  chatbotId: string;
  name: string;
  /** What the key may do on this chatbot. */
  grants: Grants;
}

export function chatbotChoices(session: Pick<SessionState, 'accounts'> | null, capability: Capability): ChatbotChoice[] {
  return (session?.accounts ?? [])
    .filter((account) => account.capabilities.includes(capability))
    .flatMap((account) =>
      account.chatbots.map(({ id, name, abilities, lacking }) => ({
        key: chatbotKey({ accountId: account.id, chatbotId: id }),
        accountId: account.id,
        accountLabel: account.label,
        chatbotId: id,
        name,
        grants: { abilities, lacking },
      })),
    );
}

export function resolveChoice(choices: readonly ChatbotChoice[], remembered: string | null): ChatbotChoice | null {
  return choices.find((c) => c.key === remembered) ?? choices[0] ?? null;
}

/** The choices grouped by account, in session order, for the picker's option groups. */
export function groupByAccount(choices: readonly ChatbotChoice[]): { accountId: string; label: string; chatbots: ChatbotChoice[] }[] {
  const groups = new Map<string, { accountId: string; label: string; chatbots: ChatbotChoice[] }>();
  for (const choice of choices) {
    const group = groups.get(choice.accountId) ?? { accountId: choice.accountId, label: choice.accountLabel, chatbots: [] };
    group.chatbots.push(choice);
    groups.set(choice.accountId, group);
  }
  return [...groups.values()];
}
