// Builds the local API server: Fastify for HTTP, socket.io for realtime, SQLite for storage.
// The same function serves the CLI, the app's embedded demo workspace and the tests.
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Permission } from '../shared/permissions';
import { Db } from './db/database';
import { ApiError, clientErrorHandler, frameworkErrors, installErrorHandling } from './http/errors';
import { MAX_ID_LENGTH } from './http/schemas';
import { installAuth } from './http/auth';
import { defaultLimits, installRateLimit } from './http/rate-limit';
import type { ServerContext } from './context';
import { Hub } from './realtime/hub';
import { KeyStore } from './store/keys';
import { checkSecret, ensureWorkspace, randomSecret, type Workspace } from './store/workspace';
import { organizationRoutes } from './routes/organizations';
import { contactRoutes } from './routes/contacts';
import { conversationRoutes } from './routes/conversations';
import { messageRoutes } from './routes/messages';
import { inboxAgentRoutes } from './routes/inbox-agents';
import { versionRoutes } from './routes/versions';
import { mediaRoutes } from './routes/media';
import { meRoutes } from './routes/me';
import { seedDemo } from './demo/seed';
import { Simulator } from './demo/simulator';
import { toBpError } from './botpress/errors';
import { answerFrameworkError, botpressApi, isBotpressUrl } from './botpress/plugin';
import { ensureBotpressWorkspace, type BotpressWorkspace } from './botpress/workspace';
import type { NewToken } from './botpress/tokens';

export interface ServerOptions {
  /** A SQLite file, or ':memory:'. */
  db?: string;
  /**
   * What the workspace's keys are derived from (at least 16 characters); it is not stored. The
   * same secret on the same file gives the same keys; absent, a random one: new keys at every start.
   */
  secret?: string;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Fill an empty database with the demo workspace's content. */
  demo?: boolean;
  /** New customer messages per minute from the traffic simulator; 0 or absent: none. */
  simulatePerMin?: number;
  /** Offer socket.io; false makes clients fall back to polling. */
  realtime?: boolean;
  /**
   * Requests per window before 429: `max` per valid key (and per address on public routes);
   * `unauthenticatedMax` per client address for requests to keyed routes without a valid key.
   */
  rateLimit?: { max: number; windowMs: number; unauthenticatedMax?: number };
  logger?: boolean;
}

/** One entry of Fastify's route table, as its onRoute hook saw it. */
export interface RouteInfo {
  method: string;
  url: string;
  /** What the route's config asks of a key (see http/auth.ts); undefined outside /v1. */
  permission: Permission | 'authenticated' | null | undefined;
}

export interface RunningServer {
  url: string;
  port: number;
  workspace: Workspace;
  app: FastifyInstance;
  /** Every route the server answers (HEAD included), so tests can cover routes added later. */
  routes: readonly RouteInfo[];
  /** Makes another API key (returned in plain text once), e.g. one limited to some chatbots. */
  issueKey(input: { agentId: string; permissions: readonly Permission[]; chatbotIds: string[]; label?: string }): string;
  /** The Botpress part: its bot, workspace and demo tokens, and a way to make other tokens. */
  botpress: Pick<BotpressWorkspace, 'botId' | 'workspaceId' | 'tokens' | 'accounts'> & { issueToken(input: NewToken): string };
  close(): Promise<void>;
}

export const MAX_BODY_BYTES = 1024 * 1024;

// A malformed or overlong URL fails in the router, before any error handler: answer it in the
// shape of the API it was meant for.
function onRouterError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  if (!answerFrameworkError(error, request, reply)) frameworkErrors(error, request, reply);
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const secret = options.secret ?? randomSecret();
  checkSecret(secret);
  const db = new Db(options.db ?? ':memory:');
  const hub = new Hub(db);
  const keys = new KeyStore(db);
  const workspace = ensureWorkspace(db, secret);
  const botpress = ensureBotpressWorkspace(db, secret);
  let url = '';
  const ctx: ServerContext = { db, events: hub, baseUrl: () => url };

  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: MAX_BODY_BYTES,
    routerOptions: { maxParamLength: MAX_ID_LENGTH },
    frameworkErrors: onRouterError,
    clientErrorHandler: clientErrorHandler((path, error) => (path !== null && isBotpressUrl(path) ? toBpError(error) : error)),
  });
  installErrorHandling(app);
  const routes: RouteInfo[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push({ method, url: route.url, permission: route.config?.permission });
  });
  // One JSON parser for every route: an empty body is "no body" (clients send DELETE with a
  // JSON content type and nothing in it); anything else must parse. Other content types get 415.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = body as string;
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch (error) {
      done(new ApiError('InvalidPayload', `Malformed JSON body: ${(error as Error).message}`), undefined);
    }
  });

  // Auth's hooks identify the caller first; the rate limit's hooks are per route, so they run after.
  installAuth(app, keys);
  const limit = { ...defaultLimits, ...options.rateLimit };
  const countFailedAuth = await installRateLimit(app, limit);

  for (const routes of [organizationRoutes, contactRoutes, conversationRoutes, messageRoutes, inboxAgentRoutes, versionRoutes, mediaRoutes, meRoutes]) {
    routes(app, ctx);
  }

  // The Botpress part authenticates, limits and answers errors on its own (src/server/botpress).
  // Of the simulated traffic it gets a third: it is one bot of three.
  const perMin = options.simulatePerMin ?? 0;
  await app.register(botpressApi, { ctx, workspace: botpress, limits: limit, demo: options.demo, simulatePerMin: perMin / 3 });

  if (options.demo) seedDemo(ctx, workspace);
  if (options.realtime !== false) hub.attach(app.server, keys, countFailedAuth);

  await app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  url = `http://${options.host ?? '127.0.0.1'}:${port}`;

  const simulator = perMin ? new Simulator(ctx, workspace, (perMin * 2) / 3) : null;
  simulator?.start();

  let closing: Promise<void> | null = null;
  return {
    url,
    port,
    workspace,
    app,
    routes,
    issueKey: ({ label = 'issued', ...rest }) => keys.create({ label, ...rest }),
    botpress: {
      botId: botpress.botId,
      workspaceId: botpress.workspaceId,
      tokens: botpress.tokens,
      accounts: botpress.accounts,
      issueToken: (input) => botpress.tokenStore.issue(input),
    },
    close: () =>
      (closing ??= (async () => {
        simulator?.stop();
        hub.close();
        await app.close();
        db.close();
      })()),
  };
}
