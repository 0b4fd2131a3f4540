// The workspace every local server has: chatbots, agents and one key per role. Made once, on
// an empty database; the keys are printed by the CLI and handed to the embedded demo.
import type { Role } from '../../shared/permissions';
import { rolePermissions } from '../../shared/permissions';
import type { Db } from '../db/database';
import { nowIso } from '../clock';
import { KeyStore } from './keys';

export interface Workspace {
  chatbots: { id: string; name: string }[];
  agents: { id: string; name: string }[];
  keys: Record<Role, string>;
  /** Which agent each role's key speaks for. */
  agentOf: Record<Role, string>;
}

const chatbots = [
  { id: 'bot_shop', name: 'Shop-Assistent' },
  { id: 'bot_service', name: 'Service Desk' },
];
const agents = [
  { id: 'agent_lena', name: 'Lena Hoffmann', email: 'lena@example.de' },
  { id: 'agent_jonas', name: 'Jonas Weber', email: 'jonas@example.de' },
  { id: 'agent_mia', name: 'Mia Schneider', email: 'mia@example.de' },
  { id: 'agent_sam', name: 'Sam Taylor', email: 'sam@example.com' },
];
const roleAgents: Record<Role, string> = { admin: 'agent_lena', agent: 'agent_jonas', viewer: 'agent_mia' };

export function ensureWorkspace(db: Db): Workspace {
  return db.tx(() => {
    if (!db.get('SELECT 1 FROM chatbots LIMIT 1')) {
      for (const bot of chatbots) db.run('INSERT INTO chatbots (id, name, created_at) VALUES (?, ?, ?)', bot.id, bot.name, nowIso());
      for (const a of agents) db.run('INSERT INTO agents (id, name, email) VALUES (?, ?, ?)', a.id, a.name, a.email);
      const keys = new KeyStore(db);
      for (const role of Object.keys(roleAgents) as Role[]) {
        const key = keys.create({
          label: `workspace ${role}`,
          agentId: roleAgents[role],
          permissions: rolePermissions[role],
          chatbotIds: chatbots.map((b) => b.id),
        });
        db.run('INSERT INTO workspace_credentials (role, key) VALUES (?, ?)', role, key);
      }
    }
    const credentials = db.all<{ role: Role; key: string }>('SELECT role, key FROM workspace_credentials');
    return {
      chatbots: db.all<{ id: string; name: string }>('SELECT id, name FROM chatbots ORDER BY created_at, id'),
      agents: db.all<{ id: string; name: string }>('SELECT id, name FROM agents ORDER BY id'),
      keys: Object.fromEntries(credentials.map((c) => [c.role, c.key])) as Record<Role, string>,
      agentOf: roleAgents,
    };
  });
}
