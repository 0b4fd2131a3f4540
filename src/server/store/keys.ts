// API keys with their permission sets and the chatbots they reach. Only hashes are stored.
import { createHash, randomBytes } from 'node:crypto';
import type { Permission } from '../../shared/permissions';
import type { Db } from '../db/database';
import { newId, nowIso } from '../clock';

/** Keys are looked up, never compared, in plain text. */
export const hashKey = (key: string): string => createHash('sha256').update(key).digest('hex');

export interface KeyRecord {
  id: string;
  label: string;
  agentId: string;
  permissions: ReadonlySet<Permission>;
  chatbotIds: ReadonlySet<string>;
}

interface KeyRow {
  id: string;
  label: string;
  agent_id: string;
  permissions: string;
  chatbot_ids: string;
}

export interface KeyGrant {
  label: string;
  agentId: string;
  permissions: readonly Permission[];
  chatbotIds: string[];
}

export class KeyStore {
  // Every request looks its key up; the cache keeps that off SQLite. Keys change only at start-up
  // (the workspace's, in put()), which empties it.
  private readonly cache = new Map<string, KeyRecord>();

  constructor(private readonly db: Db) {}

  /** Creates a key and returns it in plain text; this is the only time it exists unhashed. */
  create(grant: KeyGrant): string {
    const key = `cc_${randomBytes(24).toString('base64url')}`;
    this.put(newId('key'), key, grant);
    return key;
  }

  /** Stores `key` under `id`, replacing what that id had: the key, its permissions, its chatbots. */
  put(id: string, key: string, grant: KeyGrant): void {
    this.db.run(
      `INSERT INTO api_keys (id, key_hash, label, agent_id, permissions, chatbot_ids, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET key_hash = excluded.key_hash, label = excluded.label, agent_id = excluded.agent_id,
         permissions = excluded.permissions, chatbot_ids = excluded.chatbot_ids`,
      id,
      hashKey(key),
      grant.label,
      grant.agentId,
      JSON.stringify(grant.permissions),
      JSON.stringify(grant.chatbotIds),
      nowIso(),
    );
    this.cache.clear();
  }

  byHash(hash: string): KeyRecord | undefined {
    const cached = this.cache.get(hash);
    if (cached) return cached;
    const row = this.db.get<KeyRow>('SELECT * FROM api_keys WHERE key_hash = ?', hash);
    if (!row) return undefined;
    const record: KeyRecord = {
      id: row.id,
      label: row.label,
      agentId: row.agent_id,
      permissions: new Set(JSON.parse(row.permissions) as Permission[]),
      chatbotIds: new Set(JSON.parse(row.chatbot_ids) as string[]),
    };
    this.cache.set(hash, record);
    return record;
  }
}
