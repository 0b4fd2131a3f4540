// How a Botpress route is declared: method, path, the scope it needs, and a handler that gets
// the authenticated caller. Declaring routes here also tells the not-found handler which
// paths exist, so a known path with another method answers the doc's 405 MethodNotFound.
import type { FastifyInstance, FastifyRequest, HTTPMethods } from 'fastify';
import { callerOf, type BpRoute, type Caller } from './auth';
import type { BotpressChat } from './chat';
import { BpError } from './errors';
import type { DemoBot } from './bot/runtime';
import type { Scope } from './tokens';

export type Handler = (caller: Caller, request: FastifyRequest) => unknown;

/** A group of routes: what a routes/ module exports. */
export type Routes = (router: Router, chat: BotpressChat, bot: DemoBot) => void;

export class Router {
  private readonly paths: { method: string; pattern: RegExp }[] = [];

  constructor(
    private readonly app: FastifyInstance,
    private readonly area: BpRoute['area'],
    private readonly prefix: string,
  ) {}

  private add(method: HTTPMethods, url: string, scope: Scope, handler: Handler, accountLevel = false): void {
    const pattern = new RegExp(`^${(this.prefix + url).replace(/:[A-Za-z]+/g, '[^/]+')}/?$`);
    this.paths.push({ method, pattern });
    this.app.route({
      method,
      url,
      // `permission: null` takes the route out of the ChatCaptain key check (http/auth.ts) and
      // `rateLimit: false` out of the per-key limiter: the Botpress part authenticates and
      // limits by its own tokens (auth.ts).
      config: { permission: null, rateLimit: false, botpress: { area: this.area, scope, accountLevel } },
      handler: async (request) => handler(callerOf(request), request),
    });
  }

  get = (url: string, scope: Scope, handler: Handler) => this.add('GET', url, scope, handler);
  /** A GET about the caller's account (getAccount, listWorkspaces): the workspace header is optional. */
  getForAccount = (url: string, scope: Scope, handler: Handler) => this.add('GET', url, scope, handler, true);
  post = (url: string, scope: Scope, handler: Handler) => this.add('POST', url, scope, handler);
  put = (url: string, scope: Scope, handler: Handler) => this.add('PUT', url, scope, handler);
  patch = (url: string, scope: Scope, handler: Handler) => this.add('PATCH', url, scope, handler);
  delete = (url: string, scope: Scope, handler: Handler) => this.add('DELETE', url, scope, handler);

  /** 405 for a path that exists with other methods, 404 for one that does not. */
  notFound(method: string, url: string): BpError {
    const path = url.split('?')[0]!;
    const allowed = this.paths.filter((p) => p.pattern.test(path)).map((p) => p.method);
    if (allowed.length > 0) return new BpError('MethodNotFound', `${method} ${path} does not exist; it takes ${[...new Set(allowed)].join(', ')}`);
    return new BpError('ResourceNotFound', `No route ${method} ${path}`);
  }
}
