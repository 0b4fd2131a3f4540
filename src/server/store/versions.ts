// Chatbot versions and their deployments. Deployments are an append-only log: what is live in an
// environment is the version of its latest row, so a rollback is one more row, and the history
// a rollback needs is never rewritten.
import type { Version } from '../wire';
import type { Db } from '../db/database';
import { newId, nowIso } from '../clock';

export type Environment = Version['environment'];
export type DeployEnvironment = Version['deployedTo'][number];
export type DeploymentKind = 'deploy' | 'rollback';

const deployEnvironments: readonly DeployEnvironment[] = ['test', 'prod'];

interface VersionRow {
  id: string;
  chatbot_id: string;
  name: string;
  description: string | null;
  environment: Environment;
  created_at: string;
}

export interface NewVersion {
  name: string;
  description?: string;
  environment: Environment;
}

const lastDeployed = (environment: DeployEnvironment | undefined) => (environment === undefined ? {} : { lastDeployedTo: environment });

export class VersionStore {
  constructor(private readonly db: Db) {}

  /** Newest first. */
  list(chatbotId: string): Version[] {
    const live = this.live(chatbotId);
    return this.db
      .all<VersionRow>('SELECT * FROM versions WHERE chatbot_id = ? ORDER BY created_at DESC, seq DESC', chatbotId)
      .map((row) => this.toVersion(row, live));
  }

  get(chatbotId: string, id: string): Version | undefined {
    const row = this.db.get<VersionRow>('SELECT * FROM versions WHERE chatbot_id = ? AND id = ?', chatbotId, id);
    return row && this.toVersion(row, this.live(chatbotId));
  }

  /** A version made for test or prod goes live there at once. `at` lets the demo seed backdate. */
  create(chatbotId: string, input: NewVersion, at: string = nowIso()): Version {
    const id = newId('ver');
    return this.db.tx(() => {
      this.db.run(
        'INSERT INTO versions (id, chatbot_id, name, description, environment, created_at) VALUES (?, ?, ?, ?, ?, ?)',
        id,
        chatbotId,
        input.name,
        input.description ?? null,
        input.environment,
        at,
      );
      if (input.environment !== 'dev') this.record(chatbotId, id, input.environment, 'deploy', at);
      return this.get(chatbotId, id)!;
    });
  }

  /** Appends a deployments row: `versionId` is live in `environment` from now on. */
  record(chatbotId: string, versionId: string, environment: DeployEnvironment, kind: DeploymentKind, at: string = nowIso()): void {
    this.db.run(
      'INSERT INTO deployments (chatbot_id, version_id, environment, kind, created_at) VALUES (?, ?, ?, ?, ?)',
      chatbotId,
      versionId,
      environment,
      kind,
      at,
    );
  }

  /** The environment this version was most recently deployed to (or rolled back in), if any. */
  lastEnvironment(chatbotId: string, versionId: string): DeployEnvironment | undefined {
    const row = this.db.get<{ environment: DeployEnvironment }>(
      'SELECT environment FROM deployments WHERE chatbot_id = ? AND version_id = ? ORDER BY seq DESC LIMIT 1',
      chatbotId,
      versionId,
    );
    return row?.environment;
  }

  /** Deletes the version and its deployment history; false if it did not exist. */
  delete(chatbotId: string, id: string): boolean {
    return this.db.run('DELETE FROM versions WHERE chatbot_id = ? AND id = ?', chatbotId, id).changes > 0;
  }

  /** Which version is live in each environment: the version of the environment's latest row. */
  private live(chatbotId: string): Map<DeployEnvironment, string> {
    const rows = this.db.all<{ environment: DeployEnvironment; version_id: string }>(
      `SELECT d.environment, d.version_id FROM deployments d
       WHERE d.chatbot_id = ?
         AND d.seq = (SELECT max(seq) FROM deployments WHERE chatbot_id = d.chatbot_id AND environment = d.environment)`,
      chatbotId,
    );
    return new Map(rows.map((r) => [r.environment, r.version_id]));
  }

  private toVersion(row: VersionRow, live: Map<DeployEnvironment, string>): Version {
    return {
      id: row.id,
      name: row.name,
      ...(row.description !== null && { description: row.description }),
      environment: row.environment,
      deployedTo: deployEnvironments.filter((env) => live.get(env) === row.id),
      ...lastDeployed(this.lastEnvironment(row.chatbot_id, row.id)),
      createdAt: row.created_at,
    };
  }
}
