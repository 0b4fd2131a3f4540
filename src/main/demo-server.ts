// The demo workspace: the local API server, embedded in this process on 127.0.0.1 with a free
// port, its data in one SQLite file so the demo keeps what the agent did in it. The server keeps
// no plain key: its keys are derived from a secret the caller keeps (demoSecret).
import { randomBytes } from 'node:crypto';
import type { DemoServer, DemoStart } from './services/accounts/accounts';
import type { Vault } from './services/ports';
import { startServer, type RunningServer } from '../server/app';

const SECRET_NAME = 'demo:workspace-secret';

/**
 * The demo's secret, kept in the vault where the OS encrypts it, so the demo's keys stay the same
 * across restarts. Without real encryption it lives in memory only: the demo then gets new keys at
 * each start, which the app takes from the server anyway.
 */
export function demoSecret(vault: Vault): string {
  const stored = vault.read(SECRET_NAME);
  if (stored) return stored;
  const secret = randomBytes(32).toString('base64url');
  if (vault.encryption() === 'os') vault.write(SECRET_NAME, secret);
  return secret;
}

/**
 * How the app signs in to a running demo server: ChatCaptain with the admin key (the demo shows
 * everything Deckhand can do, versions included), Botpress with the same person's own token (a
 * desk replies as a person): the demo is one agent at work, whose name the header shows, who
 * replies on both, and who is not among "who else is online".
 */
export function demoStart(server: RunningServer): DemoStart {
  const { botId, workspaceId, tokens } = server.botpress;
  return {
    url: server.url,
    key: server.workspace.keys.admin,
    chatbotIds: server.workspace.chatbots.map((c) => c.id),
    botpress: { token: tokens.admin, botId, workspaceId },
  };
}

export function embeddedDemo(dbFile: string, options: { secret: string; simulatePerMin?: number }): DemoServer {
  let running: Promise<RunningServer> | null = null;
  return {
    async start() {
      // A failed start (say, an unwritable file) is forgotten, so the next "Open demo" tries again.
      running ??= startServer({ db: dbFile, secret: options.secret, demo: true, simulatePerMin: options.simulatePerMin ?? 4 }).catch(
        (error: unknown) => {
          running = null;
          throw error;
        },
      );
      const server = await running;
      return demoStart(server);
    },
    async stop() {
      const server = running;
      running = null;
      // A start that failed has nothing to close.
      await server?.then(
        (s) => s.close(),
        () => undefined,
      );
    },
  };
}
