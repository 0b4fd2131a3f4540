// The Botpress-compatible part of the local API server's schema (src/server/botpress), the third
// migration: one workspace with its bots, the people's accounts, Bearer tokens (hashes only), and
// the chat data of each bot. Tags are JSON objects, matched with json_each. Times are ISO
// strings; every list pages by (time, id). Its own module because it is long; migrations.ts runs
// it in its place, and as a shipped migration it is never edited: changes are new migrations.
export const botpressSchema = `
  CREATE TABLE bp_workspaces (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE TABLE bp_accounts (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE TABLE bp_bots (
    id TEXT PRIMARY KEY,
    workspace_id TEXT NOT NULL REFERENCES bp_workspaces(id),
    name TEXT NOT NULL,
    created_by TEXT REFERENCES bp_accounts(id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deployed_at TEXT
  );
  CREATE TABLE bp_tokens (
    id TEXT PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    label TEXT NOT NULL,
    role TEXT NOT NULL,          -- admin | agent | bot | integration
    workspace_id TEXT NOT NULL REFERENCES bp_workspaces(id),
    account_id TEXT REFERENCES bp_accounts(id),
    bot_ids TEXT NOT NULL,       -- JSON array of the bots this token reaches
    integration_id TEXT,         -- for integration tokens: who they act as
    created_at TEXT NOT NULL
  );
  CREATE TABLE bp_users (
    id TEXT PRIMARY KEY,
    bot_id TEXT NOT NULL REFERENCES bp_bots(id),
    name TEXT,
    picture_url TEXT,
    tags TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX bp_users_by_creation ON bp_users(bot_id, created_at, id);
  CREATE INDEX bp_users_by_update ON bp_users(bot_id, updated_at, id);
  CREATE TABLE bp_conversations (
    id TEXT PRIMARY KEY,
    bot_id TEXT NOT NULL REFERENCES bp_bots(id),
    channel TEXT NOT NULL,
    integration TEXT NOT NULL,
    tags TEXT NOT NULL,
    message_count INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX bp_conversations_by_creation ON bp_conversations(bot_id, created_at, id);
  CREATE INDEX bp_conversations_by_update ON bp_conversations(bot_id, updated_at, id);
  CREATE TABLE bp_participants (
    conversation_id TEXT NOT NULL REFERENCES bp_conversations(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES bp_users(id) ON DELETE CASCADE,
    PRIMARY KEY (conversation_id, user_id)
  );
  CREATE INDEX bp_participants_by_user ON bp_participants(user_id);
  CREATE TABLE bp_messages (
    id TEXT PRIMARY KEY,
    bot_id TEXT NOT NULL REFERENCES bp_bots(id),
    conversation_id TEXT NOT NULL REFERENCES bp_conversations(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL,       -- a user of the bot, or the bot itself
    direction TEXT NOT NULL,
    type TEXT NOT NULL,
    payload TEXT NOT NULL,
    tags TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX bp_messages_by_conversation ON bp_messages(conversation_id, created_at, id);
  CREATE INDEX bp_messages_by_creation ON bp_messages(bot_id, created_at, id);
  CREATE TABLE bp_events (
    id TEXT PRIMARY KEY,
    bot_id TEXT NOT NULL REFERENCES bp_bots(id),
    type TEXT NOT NULL,
    payload TEXT NOT NULL,
    conversation_id TEXT,
    user_id TEXT,
    message_id TEXT,
    status TEXT NOT NULL,
    failure_reason TEXT,
    created_at TEXT NOT NULL
  );
  CREATE INDEX bp_events_by_creation ON bp_events(bot_id, created_at, id);
  CREATE TABLE bp_states (
    id TEXT NOT NULL UNIQUE,
    bot_id TEXT NOT NULL REFERENCES bp_bots(id),
    type TEXT NOT NULL,
    target_id TEXT NOT NULL,
    name TEXT NOT NULL,
    payload TEXT NOT NULL,
    expiry INTEGER,              -- ms of idleness after which the state is gone
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (bot_id, type, target_id, name)
  );
  CREATE INDEX bp_states_by_target ON bp_states(bot_id, target_id);
  -- One row per bot and UTC day; live traffic adds to today's.
  CREATE TABLE bp_analytics (
    bot_id TEXT NOT NULL REFERENCES bp_bots(id),
    day TEXT NOT NULL,           -- YYYY-MM-DD
    returning_users INTEGER NOT NULL DEFAULT 0,
    new_users INTEGER NOT NULL DEFAULT 0,
    sessions INTEGER NOT NULL DEFAULT 0,
    user_messages INTEGER NOT NULL DEFAULT 0,
    bot_messages INTEGER NOT NULL DEFAULT 0,
    events INTEGER NOT NULL DEFAULT 0,
    event_types TEXT NOT NULL DEFAULT '{}',
    custom_events TEXT NOT NULL DEFAULT '{}',
    llm TEXT,                    -- JSON of the day's LLM statistics; NULL: no calls
    PRIMARY KEY (bot_id, day)
  );
  CREATE TABLE bp_issues (
    id TEXT PRIMARY KEY,
    bot_id TEXT NOT NULL REFERENCES bp_bots(id),
    code TEXT NOT NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    category TEXT NOT NULL,
    resolution_link TEXT,
    grouped_data TEXT NOT NULL,
    created_at TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,
    UNIQUE (bot_id, code)
  );
  CREATE INDEX bp_issues_by_creation ON bp_issues(bot_id, created_at, id);
  CREATE TABLE bp_issue_events (
    id TEXT PRIMARY KEY,
    issue_id TEXT NOT NULL REFERENCES bp_issues(id) ON DELETE CASCADE,
    data TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE INDEX bp_issue_events_by_issue ON bp_issue_events(issue_id, created_at);
  CREATE TABLE bp_logs (
    id TEXT PRIMARY KEY,
    bot_id TEXT NOT NULL REFERENCES bp_bots(id),
    created_at TEXT NOT NULL,
    level TEXT NOT NULL,
    message TEXT NOT NULL,
    conversation_id TEXT,
    user_id TEXT
  );
  CREATE INDEX bp_logs_by_time ON bp_logs(bot_id, created_at, id);
  `;
