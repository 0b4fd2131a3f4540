// Who of the team is online, per account and chatbot, for the agents list: read after each
// resync and kept current by `agent.online` events in between.
import type { AgentPresence } from '../../../shared/domain';
import type { TeamPresence } from '../../../shared/view-models';
import type { Backend } from '../ports';

export class TeamRoster {
  private readonly team = new Map<string, TeamPresence>();

  constructor(private readonly onChange: (agents: TeamPresence[]) => void) {}

  list(): TeamPresence[] {
    return [...this.team.values()];
  }

  set(accountId: string, chatbotId: string, agent: AgentPresence): void {
    this.put(accountId, chatbotId, agent);
    this.onChange(this.list());
  }

  async load(accountId: string, chatbotId: string, backend: Pick<Backend, 'listAgents'>): Promise<void> {
    try {
      const agents = await backend.listAgents(chatbotId);
      for (const agent of agents) this.put(accountId, chatbotId, agent);
      this.onChange(this.list());
    } catch {
      // The next resync tries again; the list is a courtesy, the inbox does not depend on it.
    }
  }

  private put(accountId: string, chatbotId: string, agent: AgentPresence): void {
    this.team.set(`${accountId}/${chatbotId}/${agent.agentId}`, { ...agent, accountId, chatbotId });
  }

  removeAccount(accountId: string): void {
    for (const key of [...this.team.keys()]) if (key.startsWith(`${accountId}/`)) this.team.delete(key);
    this.onChange(this.list());
  }
}
