// The workspace every local server has: chatbots, agents and one key per role. Chatbots and agents
// are made once, on an empty database. The keys are derived from the server's secret at every
// start and only their hashes are stored: the same secret on the same file gives the same keys
// (the CLI prints them, the embedded demo is handed one), another secret replaces them.
import { createHmac, randomBytes } from 'node:crypto';
import { roles, rolePermissions, type Role } from '../../shared/permissions';
import type { Db } from '../db/database';
import { nowIso } from '../clock';
import { KeyStore } from './keys';

export interface Workspace {
  chatbots: { id: string; name: string }[];
  agents: { id: string; name: string }[];
  keys: Record<Role, string>;
  /** Which agent each role's key speaks for; the channel key is one the admin made for an integration. */
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
const roleAgents: Record<Role, string> = { admin: 'agent_lena', agent: 'agent_jonas', viewer: 'agent_mia', channel: 'agent_lena' };

export const MIN_SECRET_LENGTH = 16;

/** A fresh secret, for a server that was given none. */
export const randomSecret = (): string => randomBytes(32).toString('base64url');

export function checkSecret(secret: string): void {
  if (secret.length < MIN_SECRET_LENGTH) {
    throw new Error(`The workspace secret must have at least ${MIN_SECRET_LENGTH} characters`);
  }
}

/** A role's workspace key: the same for the same secret, and no way back from key to secret. */
export function workspaceKey(secret: string, role: Role): string {
  return `cc_${createHmac('sha256', secret).update(`deckhand workspace key: ${role}`).digest('base64url')}`;
}

export function ensureWorkspace(db: Db, secret: string): Workspace {
  checkSecret(secret);
  return db.tx(() => {
    if (!db.get('SELECT 1 FROM chatbots LIMIT 1')) {
      for (const bot of chatbots) db.run('INSERT INTO chatbots (id, name, created_at) VALUES (?, ?, ?)', bot.id, bot.name, nowIso());
      for (const a of agents) db.run('INSERT INTO agents (id, name, email) VALUES (?, ?, ?)', a.id, a.name, a.email);
    }
    const workspace: Workspace = {
      chatbots: db.all<{ id: string; name: string }>('SELECT id, name FROM chatbots ORDER BY created_at, id'),
      agents: db.all<{ id: string; name: string }>('SELECT id, name FROM agents ORDER BY id'),
      keys: Object.fromEntries(roles.map((role) => [role, workspaceKey(secret, role)])) as Record<Role, string>,
      agentOf: roleAgents,
    };
    // Written at every start, so a changed secret replaces the keys and a changed role its permissions.
    const keys = new KeyStore(db);
    for (const role of roles) {
      keys.put(`key_workspace_${role}`, workspace.keys[role], {
        label: `workspace ${role}`,
        agentId: roleAgents[role],
        permissions: rolePermissions[role],
        chatbotIds: workspace.chatbots.map((c) => c.id),
      });
    }
    return workspace;
  });
}
