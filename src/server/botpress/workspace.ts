// The Botpress workspace every local server has: one bot, the people's accounts (the same four
// people as the ChatCaptain workspace's agents) and the demo tokens. Made once on an empty
// database; the tokens are derived again at every start from the workspace secret the server is
// started with, which is not stored (as the ChatCaptain keys are, store/workspace.ts).
import type { Db } from '../db/database';
import { nowIso } from '../clock';
import { demoToken, TokenStore, type NewToken, type TokenRole } from './tokens';

export interface Account {
  id: string;
  email: string;
  displayName: string;
  createdAt: string;
}

export interface BotRow {
  id: string;
  workspace_id: string;
  name: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  deployed_at: string | null;
}

export interface BotpressWorkspace {
  workspaceId: string;
  botId: string;
  /** The people who work the desk, by account; `agent` and `admin` name whose tokens are printed. */
  accounts: Account[];
  agentAccountId: string;
  adminAccountId: string;
  /** Plain tokens: `agent` is what Deckhand signs in with, `admin` may also delete, `bot` is the bot's own. */
  tokens: Record<'admin' | 'agent' | 'bot', string>;
  tokenStore: TokenStore;
}

export const WORKSPACE_ID = 'wkspace_01JD3KX8M4Q2ZC7DECKHAND01';
export const BOT_ID = '6c0f4e1a-93d2-4b8e-a5f7-2d9b1c4e8a70';
const BOT_NAME = 'Funkhaus Assistent';

const accounts = [
  { id: 'user_01JD3KXLENAHOFFMANN0000001', email: 'lena@example.de', displayName: 'Lena Hoffmann' },
  { id: 'user_01JD3KXJONASWEBER000000002', email: 'jonas@example.de', displayName: 'Jonas Weber' },
  { id: 'user_01JD3KXMIASCHNEIDER0000003', email: 'mia@example.de', displayName: 'Mia Schneider' },
  { id: 'user_01JD3KXSAMTAYLOR0000000004', email: 'sam@example.com', displayName: 'Sam Taylor' },
];
const ADMIN = accounts[0]!.id;
const AGENT = accounts[1]!.id;

export function ensureBotpressWorkspace(db: Db, secret: string): BotpressWorkspace {
  return db.tx(() => {
    if (!db.get('SELECT 1 FROM bp_workspaces WHERE id = ?', WORKSPACE_ID)) {
      const now = nowIso();
      db.run('INSERT INTO bp_workspaces (id, name, created_at) VALUES (?, ?, ?)', WORKSPACE_ID, 'Funkhaus Elektronik', now);
      for (const a of accounts) db.run('INSERT INTO bp_accounts (id, email, display_name, created_at) VALUES (?, ?, ?, ?)', a.id, a.email, a.displayName, now);
      db.run(
        'INSERT INTO bp_bots (id, workspace_id, name, created_by, created_at, updated_at, deployed_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        BOT_ID,
        WORKSPACE_ID,
        BOT_NAME,
        ADMIN,
        now,
        now,
        now,
      );
    }
    const tokenStore = new TokenStore(db);
    const demo: Record<'admin' | 'agent' | 'bot', { role: TokenRole; accountId: string | null; label: string }> = {
      admin: { role: 'admin', accountId: ADMIN, label: 'Lena Hoffmann (workspace owner)' },
      agent: { role: 'agent', accountId: AGENT, label: 'Jonas Weber (agent)' },
      bot: { role: 'bot', accountId: null, label: BOT_NAME },
    };
    const tokens = {} as Record<'admin' | 'agent' | 'bot', string>;
    for (const [name, spec] of Object.entries(demo) as [keyof typeof demo, (typeof demo)[keyof typeof demo]][]) {
      tokens[name] = demoToken(secret, spec.role, name);
      const input: NewToken = { role: spec.role, label: spec.label, workspaceId: WORKSPACE_ID, accountId: spec.accountId, botIds: [BOT_ID] };
      tokenStore.save(`tok_demo_${name}`, tokens[name], input);
    }
    return {
      workspaceId: WORKSPACE_ID,
      botId: BOT_ID,
      accounts: db.all<Account>('SELECT id, email, display_name AS displayName, created_at AS createdAt FROM bp_accounts ORDER BY id'),
      agentAccountId: AGENT,
      adminAccountId: ADMIN,
      tokens,
      tokenStore,
    };
  });
}

export function botRow(db: Db, botId: string): BotRow | undefined {
  return db.get<BotRow>('SELECT * FROM bp_bots WHERE id = ?', botId);
}

/** The workspace, with its owner: who created its first bot. */
export function workspaceRow(db: Db, id: string): { id: string; name: string; created_at: string; owner_id: string | null } | undefined {
  return db.get(
    'SELECT w.id, w.name, w.created_at, (SELECT b.created_by FROM bp_bots b WHERE b.workspace_id = w.id ORDER BY b.created_at LIMIT 1) AS owner_id FROM bp_workspaces w WHERE w.id = ?',
    id,
  );
}

export function accountById(db: Db, id: string): Account | undefined {
  return db.get<Account>('SELECT id, email, display_name AS displayName, created_at AS createdAt FROM bp_accounts WHERE id = ?', id);
}
