// Who is who in a conversation: the agent's own id for the conversation's account, and agents'
// names from the team list (an id without a known name stays null; the caller says "Agent").
import type { SessionState, TeamPresence } from '../../../shared/view-models';

export function myAgentId(session: SessionState | null, accountId: string): string | null {
  return session?.accounts.find((a) => a.id === accountId)?.agent.id ?? null;
}

export function agentName(
  session: SessionState | null,
  team: readonly TeamPresence[],
  accountId: string,
  agentId: string | null | undefined,
): string | null {
  if (!agentId) return null;
  const account = session?.accounts.find((a) => a.id === accountId);
  if (account?.agent.id === agentId) return account.agent.name;
  return team.find((a) => a.accountId === accountId && a.agentId === agentId)?.name ?? null;
}
