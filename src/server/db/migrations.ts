// Schema migrations, applied in order; PRAGMA user_version records how many ran.
// Append new entries; never edit one that has shipped.
export const migrations: readonly string[] = [
  `
  CREATE TABLE chatbots (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    seq INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
  );
  CREATE TABLE agents (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    email TEXT
  );
  -- Keys are stored as SHA-256 hashes; the plain key is shown once, when it is made.
  CREATE TABLE api_keys (
    id TEXT PRIMARY KEY,
    key_hash TEXT NOT NULL UNIQUE,
    label TEXT NOT NULL,
    agent_id TEXT NOT NULL REFERENCES agents(id),
    permissions TEXT NOT NULL,  -- JSON array of permission strings
    chatbot_ids TEXT NOT NULL,  -- JSON array of chatbot ids this key may reach
    created_at TEXT NOT NULL
  );
  -- The local workspace's own keys in plain text, so the CLI can print them at every start.
  -- They guard demo data on 127.0.0.1; requests are still checked against api_keys' hashes.
  CREATE TABLE workspace_credentials (
    role TEXT PRIMARY KEY,
    key TEXT NOT NULL
  );
  CREATE TABLE organizations (
    id TEXT PRIMARY KEY,
    chatbot_id TEXT NOT NULL REFERENCES chatbots(id),
    name TEXT NOT NULL,
    email TEXT,
    website TEXT,
    size INTEGER,
    industry TEXT,
    phone_number TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX organizations_by_date ON organizations(chatbot_id, created_at DESC);
  CREATE TABLE contacts (
    id TEXT PRIMARY KEY,
    chatbot_id TEXT NOT NULL REFERENCES chatbots(id),
    name TEXT NOT NULL,
    email TEXT,
    phone_number TEXT,
    language TEXT,
    created_at TEXT NOT NULL
  );
  CREATE TABLE contact_organizations (
    contact_id TEXT NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    PRIMARY KEY (contact_id, organization_id)
  );
  CREATE INDEX contact_organizations_by_org ON contact_organizations(organization_id);
  CREATE TABLE conversations (
    id TEXT PRIMARY KEY,
    chatbot_id TEXT NOT NULL REFERENCES chatbots(id),
    contact_id TEXT NOT NULL REFERENCES contacts(id),
    channel_id TEXT NOT NULL,
    channel_name TEXT NOT NULL,
    provider_id TEXT NOT NULL,
    archived INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL,
    assigned_agent_id TEXT REFERENCES agents(id),
    unread_count INTEGER NOT NULL DEFAULT 0,
    last_message_id TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (chatbot_id, channel_id, provider_id)
  );
  CREATE INDEX conversations_by_update ON conversations(chatbot_id, updated_at);
  CREATE INDEX conversations_by_contact ON conversations(contact_id);
  -- Tombstones, so a client that polls with updatedSince also learns of deletions.
  CREATE TABLE deleted_conversations (
    id TEXT PRIMARY KEY,
    chatbot_id TEXT NOT NULL,
    deleted_at TEXT NOT NULL
  );
  CREATE INDEX deleted_conversations_by_date ON deleted_conversations(chatbot_id, deleted_at);
  CREATE TABLE messages (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    chatbot_id TEXT NOT NULL,
    direction TEXT NOT NULL,
    sender TEXT NOT NULL,
    agent_id TEXT,
    type TEXT NOT NULL,
    payload TEXT NOT NULL,  -- JSON
    client_message_id TEXT,
    created_at TEXT NOT NULL,
    UNIQUE (chatbot_id, client_message_id)
  );
  CREATE INDEX messages_by_conversation ON messages(conversation_id, created_at, seq);
  -- Events, step payloads and custom events sent into a conversation, kept for the record.
  CREATE TABLE conversation_events (
    id TEXT PRIMARY KEY,
    chatbot_id TEXT NOT NULL,
    conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    name TEXT,
    data TEXT NOT NULL,  -- JSON
    created_at TEXT NOT NULL
  );
  CREATE TABLE presence (
    chatbot_id TEXT NOT NULL REFERENCES chatbots(id),
    agent_id TEXT NOT NULL REFERENCES agents(id),
    online INTEGER NOT NULL DEFAULT 0,
    last_seen TEXT,
    client_timestamp TEXT NOT NULL DEFAULT '0',
    PRIMARY KEY (chatbot_id, agent_id)
  );
  CREATE TABLE notification_settings (
    chatbot_id TEXT NOT NULL REFERENCES chatbots(id),
    agent_id TEXT NOT NULL REFERENCES agents(id),
    push_token TEXT,
    updated_at TEXT,
    PRIMARY KEY (chatbot_id, agent_id)
  );
  CREATE TABLE versions (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    chatbot_id TEXT NOT NULL REFERENCES chatbots(id),
    name TEXT NOT NULL,
    description TEXT,
    environment TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  -- Every deploy and rollback, newest last: what is live in an environment is its latest row.
  CREATE TABLE deployments (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    chatbot_id TEXT NOT NULL REFERENCES chatbots(id),
    version_id TEXT NOT NULL REFERENCES versions(id) ON DELETE CASCADE,
    environment TEXT NOT NULL,
    kind TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE INDEX deployments_by_env ON deployments(chatbot_id, environment, seq);
  `,
  // The workspace's keys are derived from a secret that is not stored (store/workspace.ts), so
  // the plain copies go, and the keys that sat readable next to them are revoked: the next start
  // makes new ones. secure_delete overwrites the freed pages, so the old keys are not left in them.
  `
  PRAGMA secure_delete = ON;
  DROP TABLE workspace_credentials;
  DELETE FROM api_keys WHERE label IN ('workspace admin', 'workspace agent', 'workspace viewer');
  `,
  // The Botpress-compatible part (src/server/botpress): one workspace with its bots, the people's
  // accounts, Bearer tokens (hashes only), and the chat data of each bot. Tags are JSON objects,
  // matched with json_each. Times are ISO strings; every list pages by (time, id).
  `
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
  `,
];
