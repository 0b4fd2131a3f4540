// `npm run server -- [--port N] [--db FILE|:memory:] [--secret S] [--demo] [--simulate PER_MIN] [--json]`
// Starts the local API server in the foreground; SIGINT/SIGTERM close it cleanly.
import { parseArgs } from 'node:util';
import { startServer, type ServerOptions } from './app';
import { checkSecret, randomSecret } from './store/workspace';

const usage =
  'usage: npm run server -- [--port N] [--db FILE|:memory:] [--secret S] [--demo] [--simulate PER_MIN] [--no-realtime] [--json]\n' +
  '  --secret (or DECKHAND_SERVER_SECRET): the workspace keys are derived from it; without it, a new one is made and printed';

function integer(name: string, value: string | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > max) throw new Error(`--${name} takes a whole number from 0 to ${max}, not "${value}"`);
  return n;
}

type CliOptions = ServerOptions & { db: string; secret: string; json: boolean; secretIsNew: boolean };

function parseCli(argv: string[], env: NodeJS.ProcessEnv): CliOptions {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      port: { type: 'string' },
      db: { type: 'string' },
      secret: { type: 'string' },
      demo: { type: 'boolean', default: false },
      simulate: { type: 'string' },
      'no-realtime': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) throw new Error(usage);
  const given = values.secret ?? (env.DECKHAND_SERVER_SECRET || undefined);
  if (given !== undefined) checkSecret(given);
  return {
    port: integer('port', values.port, 4100, 65535),
    db: values.db ?? ':memory:',
    secret: given ?? randomSecret(),
    secretIsNew: given === undefined,
    demo: values.demo,
    simulatePerMin: integer('simulate', values.simulate, 0, 60_000),
    realtime: !values['no-realtime'],
    json: values.json,
  };
}

async function main(): Promise<void> {
  let options: CliOptions;
  try {
    options = parseCli(process.argv.slice(2), process.env);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${(error as Error).message === usage ? '' : usage + '\n'}`);
    process.exit(2);
  }
  const server = await startServer(options).catch((error: unknown) => {
    process.stderr.write(`cannot start the server: ${(error as Error).message}\n`);
    process.exit(1);
  });
  // Before anything is printed: whoever reads the keys may stop the server right away.
  const stop = () => {
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`error while closing: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  const { workspace } = server;
  // A made-up secret is worth printing only where the keys outlive the process.
  const newSecret = options.secretIsNew && options.db !== ':memory:' ? options.secret : undefined;
  // The Botpress part answers on the same origin: it is @botpress/client's apiUrl. `token` is
  // the agent's (what Deckhand signs in with), `adminToken` may also delete.
  const botpress = {
    url: server.url,
    token: server.botpress.tokens.agent,
    adminToken: server.botpress.tokens.admin,
    botId: server.botpress.botId,
    workspaceId: server.botpress.workspaceId,
  };
  if (options.json) {
    const chatbots = workspace.chatbots.map((c) => c.id);
    process.stdout.write(`${JSON.stringify({ url: server.url, chatbots, keys: workspace.keys, botpress, ...(newSecret && { secret: newSecret }) })}\n`);
  } else {
    process.stdout.write(
      [
        `Deckhand local API server on ${server.url}`,
        `  chatbots: ${workspace.chatbots.map((c) => `${c.id} (${c.name})`).join(', ')}`,
        ...Object.entries(workspace.keys).map(([role, key]) => `  ${role} key: ${key}`),
        `  botpress: bot ${botpress.botId}, workspace ${botpress.workspaceId}`,
        `    agent token: ${botpress.token}`,
        `    admin token: ${botpress.adminToken}`,
        `  database: ${options.db}${options.demo ? ', demo data' : ''}${options.simulatePerMin ? `, simulating ${options.simulatePerMin} messages/min` : ''}`,
        ...(newSecret
          ? [
              `  secret: ${newSecret}`,
              '  (shown only now and stored nowhere: start again on this file with --secret or DECKHAND_SERVER_SECRET',
              '   set to it to get the same keys; without it, new keys replace these)',
            ]
          : []),
        '',
      ].join('\n'),
    );
  }
}

void main();
