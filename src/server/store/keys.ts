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

export class KeyStore {
  // Every request looks its key up; the cache keeps that off SQLite. Keys are only ever added.
  private readonly cache = new Map<string, KeyRecord>();

  constructor(private readonly db: Db) {}

  /** Creates a key and returns it in plain text; this is the only time it exists unhashed. */
  create(input: { label: string; agentId: string; permissions: readonly Permission[]; chatbotIds: string[] }): string {
    const key = `cc_${randomBytes(24).toString('base64url')}`;
    this.db.run(
      'INSERT INTO api_keys (id, key_hash, label, agent_id, permissions, chatbot_ids, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      newId('key'),
      hashKey(key),
      input.label,
      input.agentId,
      JSON.stringify(input.permissions),
      JSON.stringify(input.chatbotIds),
      nowIso(),
    );
    return key;
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
