// Colleagues in the demo: two of them online, so the header's "who else is online" has someone
// to show from the first minute. Timestamp 1 is the oldest a client can write, so the agent's
// own toggles (and a simulated colleague's) always win over this seed.
import type { ServerContext } from '../context';
import { PresenceStore } from '../store/presence';
import type { Workspace } from '../store/workspace';

export function seedPresence(ctx: ServerContext, workspace: Workspace, chatbotId: string): void {
  const presence = new PresenceStore(ctx.db);
  const colleagues = workspace.agents.filter((a) => a.id !== workspace.agentOf.admin).slice(0, 2);
  for (const colleague of colleagues) presence.setOnline(chatbotId, colleague.id, true, '1');
}
