// Who of the team is online, per account and chatbot, for the agents list: read after each
// resync and kept current by `agent.online` events in between.
import type { AgentPresence } from '../../../shared/domain';
import { chatbotKey } from '../../../shared/keys';
import type { TeamPresence } from '../../../shared/view-models';
import type { PresencePort } from '../platforms/platform';

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

  async load(accountId: string, chatbotId: string, port: Pick<PresencePort, 'team'>): Promise<void> {
    try {
      const agents = await port.team(chatbotId);
      for (const agent of agents) this.put(accountId, chatbotId, agent);
      this.onChange(this.list());
    } catch {
      // The next resync tries again; the list is a courtesy, the inbox does not depend on it.
    }
  }

  private put(accountId: string, chatbotId: string, agent: AgentPresence): void {
    this.team.set(`${chatbotKey({ accountId, chatbotId })}/${encodeURIComponent(agent.agentId)}`, { ...agent, accountId, chatbotId });
  }

  removeAccount(accountId: string): void {
    for (const [key, agent] of [...this.team]) if (agent.accountId === accountId) this.team.delete(key);
    this.onChange(this.list());
  }
}
