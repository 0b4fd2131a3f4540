// Agents' online state per chatbot. Clients stamp each write with their own clock
// (`clientTimestamp`, decimal milliseconds); a write wins only if its stamp is greater than the
// stored one, so a late-arriving older request can never overwrite a newer state.
import type { AgentPresence } from '../wire';
import type { Db } from '../db/database';
import { nowIso } from '../clock';

interface PresenceRow {
  agent_id: string;
  name: string;
  online: number | null;
  last_seen: string | null;
  client_timestamp: string | null;
}

// Agents without a presence row have never written: they read as offline, never seen, stamp "0".
const select = `
  SELECT a.id AS agent_id, a.name, p.online, p.last_seen, p.client_timestamp
  FROM agents a
  LEFT JOIN presence p ON p.agent_id = a.id AND p.chatbot_id = ?`;

function toPresence(row: PresenceRow): AgentPresence {
  return {
    agentId: row.agent_id,
    name: row.name,
    online: row.online === 1,
    lastSeen: row.last_seen,
    clientTimestamp: row.client_timestamp ?? '0',
  };
}

export interface PresenceWrite {
  agent: AgentPresence;
  /** False when the write was older than (or as old as) the stored state and was ignored. */
  applied: boolean;
}

export class PresenceStore {
  constructor(private readonly db: Db) {}

  list(chatbotId: string): AgentPresence[] {
    return this.db.all<PresenceRow>(`${select} ORDER BY a.name COLLATE NOCASE, a.id`, chatbotId).map(toPresence);
  }

  get(chatbotId: string, agentId: string): AgentPresence | undefined {
    const row = this.db.get<PresenceRow>(`${select} WHERE a.id = ?`, chatbotId, agentId);
    return row && toPresence(row);
  }

  /**
   * Stores `online` if `clientTimestamp` (digits only) is numerically greater than the stored
   * stamp. Compared as BigInt: the stamps may exceed 2^53, and as strings "10" < "9".
   * The stamp is stored in canonical form ("0042" → "42") so stored values compare cleanly.
   */
  setOnline(chatbotId: string, agentId: string, online: boolean, clientTimestamp: string): PresenceWrite {
    const stamp = BigInt(clientTimestamp);
    return this.db.tx(() => {
      const current = this.get(chatbotId, agentId);
      if (!current) throw new Error(`Agent ${agentId} does not exist`);
      if (stamp <= BigInt(current.clientTimestamp)) return { agent: current, applied: false };
      this.db.run(
        `INSERT INTO presence (chatbot_id, agent_id, online, last_seen, client_timestamp) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (chatbot_id, agent_id) DO UPDATE SET
           online = excluded.online, last_seen = excluded.last_seen, client_timestamp = excluded.client_timestamp`,
        chatbotId,
        agentId,
        online ? 1 : 0,
        nowIso(),
        stamp.toString(),
      );
      return { agent: this.get(chatbotId, agentId)!, applied: true };
    });
  }
}
