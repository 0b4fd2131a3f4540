// Each agent's push token per chatbot. store/push.ts reads the same table to decide who is told
// about new messages: a row with a token means "notify me", a null token means "do not".
import type { NotificationSettings } from '../wire';
import type { Db } from '../db/database';
import { nowIso } from '../clock';

interface SettingsRow {
  push_token: string | null;
  updated_at: string | null;
}

export class NotificationSettingsStore {
  constructor(private readonly db: Db) {}

  /** Agents who never registered read as no token, never updated. */
  get(chatbotId: string, agentId: string): NotificationSettings {
    const row = this.db.get<SettingsRow>(
      'SELECT push_token, updated_at FROM notification_settings WHERE chatbot_id = ? AND agent_id = ?',
      chatbotId,
      agentId,
    );
    return { pushToken: row?.push_token ?? null, updatedAt: row?.updated_at ?? null };
  }

  /** Sets the token, or clears it with null. */
  set(chatbotId: string, agentId: string, pushToken: string | null): NotificationSettings {
    this.db.run(
      `INSERT INTO notification_settings (chatbot_id, agent_id, push_token, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (chatbot_id, agent_id) DO UPDATE SET push_token = excluded.push_token, updated_at = excluded.updated_at`,
      chatbotId,
      agentId,
      pushToken,
      nowIso(),
    );
    return this.get(chatbotId, agentId);
  }
}
