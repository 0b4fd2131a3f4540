// The custom events each chatbot was sent from this app, so the event dialog offers them again:
// no platform lists the events a chatbot knows, but the agent's earlier use does.
import type { ChatbotRef } from '../../../shared/keys';
import type { MainDb } from '../cache/sqlite';
import type { Clock } from '../ports';

/** Offered at most, most recently used first. */
const OFFERED = 20;

export class KnownEvents {
  constructor(
    private readonly db: MainDb,
    private readonly clock: Pick<Clock, 'now'>,
  ) {}

  list(ref: ChatbotRef): string[] {
    return this.db
      .all<{ name: string }>('SELECT name FROM known_events WHERE account_id = ? AND chatbot_id = ? ORDER BY used_ms DESC, name LIMIT ?', ref.accountId, ref.chatbotId, OFFERED)
      .map((row) => row.name);
  }

  remember(ref: ChatbotRef, name: string): void {
    this.db.run(
      `INSERT INTO known_events (account_id, chatbot_id, name, used_ms) VALUES (?, ?, ?, ?)
       ON CONFLICT (account_id, chatbot_id, name) DO UPDATE SET used_ms = excluded.used_ms, uses = known_events.uses + 1`,
      ref.accountId,
      ref.chatbotId,
      name,
      this.clock.now(),
    );
  }
}
