// The ChatCaptain-compatible part of the local API server's schema, as the first migration
// created it: chatbots, agents and their API keys (hashes), organizations, contacts,
// conversations with their messages and events, presence, notification settings, versions and
// deployments. Its own module because it is long; migrations.ts runs it first, and as a shipped
// migration it is never edited: later changes are new migrations appended there.
export const chatcaptainSchema = `
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
  `;
