// States: a named JSON payload on a conversation, a user, the bot or an integration. A state
// with an expiry is gone once it has been idle (not written) that long; it is removed the
// next time anyone reads it.
import type { Db } from '../../db/database';
import { newId, nowIso } from '../../clock';
import { notFound } from '../errors';

export type StateType = 'conversation' | 'user' | 'bot' | 'integration' | 'workflow';

export interface State {
  id: string;
  createdAt: string;
  updatedAt: string;
  botId: string;
  conversationId?: string;
  userId?: string;
  name: string;
  type: StateType;
  payload: Record<string, unknown>;
  expiry?: number;
  expiresAt?: string;
}

interface Row {
  id: string;
  bot_id: string;
  type: StateType;
  target_id: string;
  name: string;
  payload: string;
  expiry: number | null;
  created_at: string;
  updated_at: string;
}

export interface StateKey {
  type: StateType;
  id: string;
  name: string;
}

const expiresAt = (row: Row): number | null => (row.expiry === null ? null : Date.parse(row.updated_at) + row.expiry);

const toState = (row: Row): State => {
  const expires = expiresAt(row);
  return {
    id: row.id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    botId: row.bot_id,
    ...(row.type === 'conversation' && { conversationId: row.target_id }),
    ...(row.type === 'user' && { userId: row.target_id }),
    name: row.name,
    type: row.type,
    payload: JSON.parse(row.payload) as Record<string, unknown>,
    ...(row.expiry !== null && { expiry: row.expiry }),
    ...(expires !== null && { expiresAt: new Date(expires).toISOString() }),
  };
};

export class StateStore {
  constructor(private readonly db: Db) {}

  private row(botId: string, key: StateKey): Row | undefined {
    const row = this.db.get<Row>(
      'SELECT * FROM bp_states WHERE bot_id = ? AND type = ? AND target_id = ? AND name = ?',
      botId,
      key.type,
      key.id,
      key.name,
    );
    const expires = row && expiresAt(row);
    if (row && expires !== null && expires !== undefined && expires <= Date.now()) {
      this.db.run('DELETE FROM bp_states WHERE id = ?', row.id);
      return undefined;
    }
    return row;
  }

  get(botId: string, key: StateKey): State | undefined {
    const row = this.row(botId, key);
    return row && toState(row);
  }

  require(botId: string, key: StateKey): State {
    const state = this.get(botId, key);
    if (!state) throw notFound('State', `${key.type}/${key.id}/${key.name}`);
    return state;
  }

  /** Replaces the payload (and the expiry when given; null removes it). */
  set(botId: string, key: StateKey, payload: Record<string, unknown>, expiry?: number | null): State {
    return this.db.tx(() => {
      const current = this.row(botId, key);
      const now = nowIso();
      const keepExpiry = expiry === undefined ? (current?.expiry ?? null) : expiry;
      if (current) {
        this.db.run('UPDATE bp_states SET payload = ?, expiry = ?, updated_at = ? WHERE id = ?', JSON.stringify(payload), keepExpiry, now, current.id);
      } else {
        this.db.run(
          `INSERT INTO bp_states (id, bot_id, type, target_id, name, payload, expiry, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          newId('state'),
          botId,
          key.type,
          key.id,
          key.name,
          JSON.stringify(payload),
          keepExpiry,
          now,
          now,
        );
      }
      return this.require(botId, key);
    });
  }

  /** The stored state, or a new one with `payload`; `created` says which. */
  getOrSet(botId: string, key: StateKey, payload: Record<string, unknown>, expiry?: number | null): { state: State; created: boolean } {
    return this.db.tx(() => {
      const current = this.get(botId, key);
      return current ? { state: current, created: false } : { state: this.set(botId, key, payload, expiry), created: true };
    });
  }

  /** Sets the top-level keys given and keeps the others. */
  patch(botId: string, key: StateKey, payload: Record<string, unknown>, expiry?: number | null): State {
    return this.db.tx(() => {
      const current = this.require(botId, key);
      return this.set(botId, key, { ...current.payload, ...payload }, expiry);
    });
  }

  delete(botId: string, key: StateKey): State {
    return this.db.tx(() => {
      const current = this.require(botId, key);
      this.db.run('DELETE FROM bp_states WHERE id = ?', current.id);
      return current;
    });
  }
}
