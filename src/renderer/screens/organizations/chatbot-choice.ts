// Which chatbot the Organizations and Versions sections work on. Pure, so it is tested in node:
// the choices come from the session's accounts; a remembered choice that no longer exists (the
// account was signed out, the chatbot removed) falls back to the first one.
import type { Permission } from '../../../shared/permissions';
import type { SessionState } from '../../../shared/view-models';

export interface ChatbotChoice {
  /** `${accountId}/${chatbotId}`, the same form as the inbox filter's chatbot. */
  key: string;
  accountId: string;
  accountLabel: string;
  chatbotId: string;
  name: string;
  permissions: readonly Permission[];
}

export function chatbotChoices(session: Pick<SessionState, 'accounts'> | null): ChatbotChoice[] {
  return (session?.accounts ?? []).flatMap((account) =>
    account.chatbots.map((chatbot) => ({
      key: `${account.id}/${chatbot.id}`,
      accountId: account.id,
      accountLabel: account.label,
      chatbotId: chatbot.id,
      name: chatbot.name,
      permissions: chatbot.permissions,
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
