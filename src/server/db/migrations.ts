// Schema migrations, applied in order; PRAGMA user_version records how many ran.
// Append new entries; never edit one that has shipped (test/integration/server/db pins them).
// The long schemas are kept in modules of their own; the order is here, and only here.
import { botpressSchema } from './schema-botpress';
import { chatcaptainSchema } from './schema-chatcaptain';

export const migrations: readonly string[] = [
  chatcaptainSchema,
  // The workspace's keys are derived from a secret that is not stored (store/workspace.ts), so
  // the plain copies go, and the keys that sat readable next to them are revoked: the next start
  // makes new ones. secure_delete overwrites the freed pages, so the old keys are not left in them.
  `
  PRAGMA secure_delete = ON;
  DROP TABLE workspace_credentials;
  DELETE FROM api_keys WHERE label IN ('workspace admin', 'workspace agent', 'workspace viewer');
  `,
  // The Botpress-compatible part (src/server/botpress): schema-botpress.ts.
  botpressSchema,
];
