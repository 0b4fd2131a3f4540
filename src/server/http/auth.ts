// API keys: `x-chatcaptain-key` is looked up by its SHA-256 hash. Each route declares the
// permission it needs in its config; a route under /v1 without one fails at start-up, so no
// endpoint can be left open by mistake. The key is checked from the headers alone, before the
// rate limit (which budgets by it) and before any body is read: a caller without a valid key
// costs no parsing.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Permission } from '../../shared/permissions';
import { hashKey, type KeyStore, type KeyRecord } from '../store/keys';
import { ApiError } from './errors';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The permission a route needs; 'authenticated' asks only for a valid key; `null` marks a
     * deliberately public route.
     */
    permission?: Permission | 'authenticated' | null;
  }
  interface FastifyRequest {
    auth: KeyRecord | null;
    /** Why a request to a route that needs a key has none that is valid; answered in preParsing. */
    authFailure: ApiError | null;
  }
}

export function authenticate(keys: KeyStore, key: string | undefined): KeyRecord {
  if (!key) throw new ApiError('Unauthorized', 'Missing x-chatcaptain-key header');
  const record = keys.byHash(hashKey(key));
  if (!record) throw new ApiError('Unauthorized', 'Unknown API key');
  return record;
}

export function authorize(record: KeyRecord, permission: Permission, chatbotId: string | undefined): void {
  if (!record.permissions.has(permission)) {
    throw new ApiError('Forbidden', `This key lacks the permission ${permission}`);
  }
  if (chatbotId !== undefined && !record.chatbotIds.has(chatbotId)) {
    throw new ApiError('Forbidden', `This key has no access to chatbot ${chatbotId}`);
  }
}

export function headerKey(request: FastifyRequest): string | undefined {
  const value = request.headers['x-chatcaptain-key'];
  return Array.isArray(value) ? value[0] : value;
}

export function installAuth(app: FastifyInstance, keys: KeyStore): void {
  app.decorateRequest('auth', null);
  app.decorateRequest('authFailure', null);
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/v1/') && route.config?.permission === undefined) {
      throw new Error(`Route ${route.method} ${route.url} declares no permission`);
    }
  });
  // Identify in onRequest: the rate limit's own onRequest hook (per route, so after this one)
  // then knows whether to count the request against its key or against its address.
  app.addHook('onRequest', async (request) => {
    if (!request.routeOptions.config?.permission) return;
    try {
      request.auth = authenticate(keys, headerKey(request));
    } catch (error) {
      request.authFailure = error as ApiError;
    }
  });
  // Answer in preParsing: after the rate limit, before the body is read.
  app.addHook('preParsing', async (request) => {
    const permission = request.routeOptions.config?.permission;
    if (!permission) return;
    if (!request.auth) throw request.authFailure ?? new ApiError('Unauthorized', 'Not authenticated');
    if (permission === 'authenticated') return;
    const { chatbotId } = (request.params ?? {}) as { chatbotId?: string };
    authorize(request.auth, permission, chatbotId);
  });
}

/** The key of an authenticated request; routes with a permission always have one. */
export function authOf(request: FastifyRequest): KeyRecord {
  if (!request.auth) throw new ApiError('Unauthorized', 'Not authenticated');
  return request.auth;
}
