// Who is calling the Botpress routes, checked before the body is read: `Authorization: Bearer`
// (looked up by hash), then the headers the doc asks for: `x-bot-id` on the chat API,
// `x-integration-id` when an integration calls, `x-workspace-id` on the admin API. Each token
// has its own request budget; an address that keeps sending bad tokens is turned away before
// any lookup, so guessing tokens costs the guesser, not the server.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { BpError } from './errors';
import { integrationById, type IntegrationDef } from './bot/definition';
import { roleScopes, type Scope, type TokenRecord, type TokenStore } from './tokens';

export interface BpRoute {
  area: 'chat' | 'admin';
  scope: Scope;
  /** An admin route about the caller's account rather than a workspace: no x-workspace-id needed. */
  accountLevel?: boolean;
}

export interface Caller {
  token: TokenRecord;
  /** The bot a chat call is about (x-bot-id). */
  botId: string;
  /** The integration an integration token acts as (x-integration-id). */
  integration: IntegrationDef | null;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    botpress?: BpRoute;
  }
  interface FastifyRequest {
    bp: Caller | null;
  }
}

export interface Limits {
  max: number;
  windowMs: number;
}

/** The caller of a Botpress route; routes only run after the hook set it. */
export function callerOf(request: FastifyRequest): Caller {
  if (!request.bp) throw new BpError('Unauthorized', 'Not authenticated');
  return request.bp;
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first?.trim() || undefined;
}

function bearer(request: FastifyRequest): string | undefined {
  const match = /^Bearer\s+(\S{1,512})$/i.exec(header(request, 'authorization') ?? '');
  return match?.[1];
}

/** Which bot, workspace and integration the call is about, as far as this token may reach. */
function scopeCall(request: FastifyRequest, route: BpRoute, token: TokenRecord): Caller {
  if (!roleScopes[token.role].has(route.scope)) {
    throw new BpError('Forbidden', `A ${token.role} token may not do this (${route.scope})`);
  }
  const integrationId = header(request, 'x-integration-id');
  let integration: IntegrationDef | null = null;
  if (token.role === 'integration') {
    if (integrationId !== token.integrationId) {
      throw new BpError('Forbidden', `This integration token acts as ${token.integrationId}; send x-integration-id: ${token.integrationId}`);
    }
    integration = integrationById(integrationId) ?? null;
  } else if (integrationId) {
    throw new BpError('Forbidden', 'Only an integration token may call as an integration (x-integration-id)');
  }

  if (route.area === 'admin') {
    const workspaceId = header(request, 'x-workspace-id');
    if (!workspaceId && route.accountLevel) return { token, botId: '', integration };
    if (!workspaceId) throw new BpError('InvalidPayload', 'The admin API needs the x-workspace-id header');
    if (workspaceId !== token.workspaceId) throw new BpError('Forbidden', `This token has no access to workspace ${workspaceId}`);
    return { token, botId: '', integration };
  }
  const botId = header(request, 'x-bot-id');
  if (!botId) throw new BpError('InvalidPayload', 'The chat API needs the x-bot-id header');
  if (!token.botIds.has(botId)) throw new BpError('Forbidden', `This token has no access to bot ${botId}`);
  return { token, botId, integration };
}

export function installAuth(app: FastifyInstance, tokens: TokenStore, limits: Limits): void {
  app.decorateRequest('bp', null);
  // Bad tokens are counted per address; a budget smaller than the per-token one, because a
  // client that knows its token has no reason to get it wrong often.
  const failures = app.createRateLimit({
    max: Math.min(60, limits.max),
    timeWindow: limits.windowMs,
    keyGenerator: (request) => `bp-failed:${request.ip}`,
  });
  const usage = app.createRateLimit({
    max: limits.max,
    timeWindow: limits.windowMs,
    keyGenerator: (request) => `bp-token:${request.bp?.token.id ?? request.ip}`,
  });
  const refuse = (ttlInSeconds: number): never => {
    throw Object.assign(new BpError('RateLimited', `Too many requests; retry in ${ttlInSeconds} s`), { retryAfter: ttlInSeconds });
  };

  app.addHook('onRequest', async (request) => {
    const route = request.routeOptions.config?.botpress;
    if (!route) return;
    // An address whose failures used up the budget waits out the window, whatever it sends.
    const seen = await failures(request, { increment: false });
    if (!seen.isAllowed && seen.remaining === 0) refuse(seen.ttlInSeconds);
    const token = bearer(request);
    const record = token ? tokens.byToken(token) : undefined;
    if (!record) {
      await failures(request);
      throw new BpError('Unauthorized', token ? 'Unknown token' : 'Send Authorization: Bearer <token>');
    }
    request.bp = { token: record, botId: '', integration: null };
    const used = await usage(request);
    if (!used.isAllowed && used.isExceeded) refuse(used.ttlInSeconds);
    request.bp = scopeCall(request, route, record);
  });
}
