// Bearer tokens of the Botpress part: personal access tokens of people (admin, agent), the
// bot's own token, and integration tokens. Only SHA-256 hashes are stored; a token exists in
// plain text only when it is made, or when the demo's are derived again from their secret.
import { createHmac, randomBytes } from 'node:crypto';
import type { Db } from '../db/database';
import { newId, nowIso } from '../clock';
import { hashKey } from '../store/keys';

export type TokenRole = 'admin' | 'agent' | 'bot' | 'integration';

/** What a request may do; every route names the one it needs. */
export type Scope = 'chat.read' | 'chat.write' | 'chat.delete' | 'admin.read' | 'admin.write';

// People's tokens reach the admin API; the bot and its integrations only the chat API. Agents
// read everything and write what a desk writes (their own user, messages, events, states), but
// delete nothing.
export const roleScopes: Record<TokenRole, ReadonlySet<Scope>> = {
  admin: new Set(['chat.read', 'chat.write', 'chat.delete', 'admin.read', 'admin.write']),
  agent: new Set(['chat.read', 'chat.write', 'admin.read']),
  bot: new Set(['chat.read', 'chat.write', 'chat.delete']),
  integration: new Set(['chat.read', 'chat.write']),
};

export interface TokenRecord {
  id: string;
  role: TokenRole;
  label: string;
  workspaceId: string;
  /** The person a personal access token belongs to. */
  accountId: string | null;
  botIds: ReadonlySet<string>;
  /** The integration an integration token acts as. */
  integrationId: string | null;
}

export interface NewToken {
  role: TokenRole;
  label: string;
  workspaceId: string;
  accountId?: string | null;
  botIds: string[];
  integrationId?: string | null;
}

interface TokenRow {
  id: string;
  role: TokenRole;
  label: string;
  workspace_id: string;
  account_id: string | null;
  bot_ids: string;
  integration_id: string | null;
}

const prefixes: Record<TokenRole, string> = { admin: 'bp_pat_', agent: 'bp_pat_', bot: 'bp_bot_', integration: 'bp_int_' };

/**
 * The one way the demo's tokens come to be: derived from the workspace's secret, so the same
 * secret gives the same tokens at every start and nothing but their hashes is stored.
 */
export function demoToken(secret: string, role: TokenRole, name: string): string {
  return prefixes[role] + createHmac('sha256', secret).update(`botpress:${role}:${name}`).digest('base64url');
}

export class TokenStore {
  // Every request looks its token up; tokens change only when one is (re)issued.
  private readonly cache = new Map<string, TokenRecord | null>();

  constructor(private readonly db: Db) {}

  /** Makes a new random token and returns it in plain text; this is the only time it exists. */
  issue(input: NewToken): string {
    const token = prefixes[input.role] + randomBytes(32).toString('base64url');
    this.save(newId('tok'), token, input);
    return token;
  }

  /** Stores a known token (a derived demo token) under a fixed id, replacing the previous one. */
  save(id: string, token: string, input: NewToken): void {
    this.db.run(
      `INSERT INTO bp_tokens (id, token_hash, label, role, workspace_id, account_id, bot_ids, integration_id, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET token_hash = excluded.token_hash, bot_ids = excluded.bot_ids`,
      id,
      hashKey(token),
      input.label,
      input.role,
      input.workspaceId,
      input.accountId ?? null,
      JSON.stringify(input.botIds),
      input.integrationId ?? null,
      nowIso(),
    );
    this.cache.clear();
  }

  byToken(token: string): TokenRecord | undefined {
    const hash = hashKey(token);
    if (this.cache.has(hash)) return this.cache.get(hash) ?? undefined;
    const row = this.db.get<TokenRow>('SELECT * FROM bp_tokens WHERE token_hash = ?', hash);
    const record = row
      ? {
          id: row.id,
          role: row.role,
          label: row.label,
          workspaceId: row.workspace_id,
          accountId: row.account_id,
          botIds: new Set(JSON.parse(row.bot_ids) as string[]),
          integrationId: row.integration_id,
        }
      : null;
    // Unknown tokens are not cached: a flood of made-up tokens must not grow the map.
    if (record) this.cache.set(hash, record);
    return record ?? undefined;
  }
}
