// Who a conversation can be assigned to: the account's team on its chatbot (as presence knows
// it), the agent first, each with whether they are online and how many open conversations they
// hold. Pure, so it is tested without a DOM.
import { foldForSearch } from '../../../shared/fold';
import type { InboxConversation, TeamPresence } from '../../../shared/view-models';

export interface Candidate {
  agentId: string;
  name: string;
  online: boolean;
  me: boolean;
  /** Open (not archived) conversations assigned to them in this account. */
  holds: number;
}

export function candidates(
  team: readonly TeamPresence[],
  conversations: Iterable<InboxConversation>,
  target: Pick<InboxConversation, 'accountId' | 'chatbotId'>,
  me: { id: string; name: string } | null,
): Candidate[] {
  const holds = new Map<string, number>();
  for (const c of conversations) {
    if (c.accountId !== target.accountId || c.archived || c.status !== 'assigned' || !c.assignedAgentId) continue;
    holds.set(c.assignedAgentId, (holds.get(c.assignedAgentId) ?? 0) + 1);
  }
  const byId = new Map<string, Candidate>();
  for (const agent of team) {
    if (agent.accountId !== target.accountId || agent.chatbotId !== target.chatbotId) continue;
    byId.set(agent.agentId, { agentId: agent.agentId, name: agent.name, online: agent.online, me: agent.agentId === me?.id, holds: holds.get(agent.agentId) ?? 0 });
  }
  if (me && me.id !== '' && !byId.has(me.id)) byId.set(me.id, { agentId: me.id, name: me.name, online: false, me: true, holds: holds.get(me.id) ?? 0 });
  // The agent first, then who is online, then by name.
  return [...byId.values()].sort((a, b) => Number(b.me) - Number(a.me) || Number(b.online) - Number(a.online) || a.name.localeCompare(b.name));
}

export const matching = (list: readonly Candidate[], query: string): Candidate[] => {
  const term = foldForSearch(query.trim());
  return term === '' ? [...list] : list.filter((c) => foldForSearch(c.name).includes(term));
};
