// The Botpress-compatible API as one encapsulated Fastify plugin: /v1/chat and /v1/admin with
// their own Bearer-token auth, rate limits, error shape and not-found answers, the demo bot
// behind the chat API, and (with --demo / --simulate) its seed and live traffic.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ServerContext } from '../context';
import { installAuth, type Limits } from './auth';
import { BotpressChat } from './chat';
import { toBpError } from './errors';
import { DemoBot } from './bot/runtime';
import { Router, type Routes } from './routing';
import { userRoutes } from './routes/users';
import { conversationRoutes } from './routes/conversations';
import { messageRoutes } from './routes/messages';
import { eventRoutes } from './routes/events';
import { stateRoutes } from './routes/states';
import { actionRoutes } from './routes/actions';
import { accountRoutes, botRoutes } from './routes/admin';
import { healthRoutes } from './routes/health';
import { seedBotpressDemo } from './demo/seed';
import { BotpressSimulator } from './demo/simulator';
import type { BotpressWorkspace } from './workspace';

export interface BotpressOptions {
  ctx: ServerContext;
  workspace: BotpressWorkspace;
  limits: Limits;
  demo?: boolean | undefined;
  /** Customer messages per minute the simulator writes to the demo bot; 0 or absent: none. */
  simulatePerMin?: number | undefined;
}

const areas: { prefix: string; area: 'chat' | 'admin'; routes: Routes[] }[] = [
  { prefix: '/v1/chat', area: 'chat', routes: [userRoutes, conversationRoutes, messageRoutes, eventRoutes, stateRoutes, actionRoutes] },
  { prefix: '/v1/admin', area: 'admin', routes: [accountRoutes, botRoutes, healthRoutes] },
];

/** Whether a URL belongs to this API (and is answered in its error shape). */
export const isBotpressUrl = (url: string): boolean => areas.some(({ prefix }) => url === prefix || url.startsWith(`${prefix}/`) || url.startsWith(`${prefix}?`));

/**
 * Router errors (a malformed or overlong URL) reach no route's error handler; Fastify hands
 * them to the server's `frameworkErrors`, which asks here first. True when the URL is this
 * API's and the answer is sent.
 */
export function answerFrameworkError(error: Error, request: FastifyRequest, reply: FastifyReply): boolean {
  if (!isBotpressUrl(request.url)) return false;
  const bpError = toBpError(error);
  void reply.status(bpError.status).send(bpError.body());
  return true;
}

export async function botpressApi(app: FastifyInstance, options: BotpressOptions): Promise<void> {
  const chat = new BotpressChat(options.ctx.db, options.ctx.baseUrl);
  const bot = new DemoBot(chat);
  chat.attachBot(bot);
  if (options.demo) seedBotpressDemo(chat, bot, options.workspace);

  installAuth(app, options.workspace.tokenStore, options.limits);
  app.setErrorHandler((error, request, reply) => {
    const bpError = toBpError(error);
    if (bpError.type === 'Internal') request.log.error({ err: error }, 'unhandled error');
    const retryAfter = (error as { retryAfter?: number }).retryAfter;
    if (retryAfter !== undefined) void reply.header('retry-after', String(retryAfter));
    void reply.status(bpError.status).send(bpError.body());
  });

  for (const { prefix, area, routes } of areas) {
    await app.register(
      async (scoped) => {
        const router = new Router(scoped, area, prefix);
        for (const define of routes) define(router, chat, bot);
        scoped.setNotFoundHandler((request, reply) => {
          const error = router.notFound(request.method, request.url);
          void reply.status(error.status).send(error.body());
        });
      },
      { prefix },
    );
  }

  const simulator = options.simulatePerMin ? new BotpressSimulator(chat, bot, options.workspace, options.simulatePerMin) : null;
  app.addHook('onListen', async () => simulator?.start());
  app.addHook('onClose', async () => simulator?.stop());
}
