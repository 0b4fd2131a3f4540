// The demo workspace: the local API server, embedded in this process on 127.0.0.1 with a free
// port, its data in one SQLite file so the demo keeps what the agent did in it.
import type { DemoServer } from './services/accounts/accounts';
import { startServer, type RunningServer } from '../server/app';

export function embeddedDemo(dbFile: string, options: { simulatePerMin?: number } = {}): DemoServer {
  let running: Promise<RunningServer> | null = null;
  return {
    async start() {
      // A failed start (say, an unwritable file) is forgotten, so the next "Open demo" tries again.
      running ??= startServer({ db: dbFile, demo: true, simulatePerMin: options.simulatePerMin ?? 4 }).catch((error: unknown) => {
        running = null;
        throw error;
      });
      const server = await running;
      // The admin key: the demo shows everything Deckhand can do, versions included.
      return { url: server.url, key: server.workspace.keys.admin, chatbotIds: server.workspace.chatbots.map((c) => c.id) };
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
