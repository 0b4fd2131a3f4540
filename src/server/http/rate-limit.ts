// Request budgets of the ChatCaptain API: each valid key has its own (and each address on public
// routes); requests to keyed routes without a valid key share one budget per client address,
// whatever key they make up, so guessing keys is slow. Socket handshakes whose key fails count in
// that same budget (realtime/hub.ts): switching from HTTP to socket.io buys a guesser nothing.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import { ApiError } from './errors';

export interface Limits {
  /** Requests per window per valid key (and per address on public routes). */
  max: number;
  windowMs: number;
  /** Requests per window per client address to keyed routes without a valid key. */
  unauthenticatedMax: number;
}

export const defaultLimits: Limits = { max: 1200, windowMs: 60_000, unauthenticatedMax: 120 };

/** The answer once a budget is used up, over HTTP and at a socket handshake alike. */
export const rateLimited = (retryInSeconds: number) => new ApiError('RateLimited', `Too many requests; retry in ${retryInSeconds} s`);

/**
 * Counts one failed authentication that no route saw (a socket handshake) against the address's
 * budget; resolves to the RateLimited error once the budget is used up, else to null.
 */
export type FailedAuthCounter = (address: string, failure: ApiError) => Promise<ApiError | null>;

/** Registers the budgets; auth's hooks must be installed first, so a request is identified before it is counted. */
export async function installRateLimit(app: FastifyInstance, limits: Limits): Promise<FailedAuthCounter> {
  await app.register(rateLimit, {
    max: (_request, bucket) => (bucket.startsWith('unauthenticated:') ? limits.unauthenticatedMax : limits.max),
    timeWindow: limits.windowMs,
    // A made-up key is no identity: failed attempts share their address's budget.
    keyGenerator: (request) => {
      if (request.auth) return `key:${request.auth.id}`;
      return `${request.authFailure ? 'unauthenticated' : 'ip'}:${request.ip}`;
    },
    errorResponseBuilder: (_request, context) => rateLimited(Math.ceil(context.ttl / 1000)),
  });
  // Without options the limiter is the plugin's own: its store, its key generator and budgets.
  const limiter = app.createRateLimit();
  return async (address, failure) => {
    // The fields the key generator reads, and the route config the limiter looks into for a group.
    const attempt = { ip: address, auth: null, authFailure: failure, routeOptions: { config: {} } } as unknown as FastifyRequest;
    const counted = await limiter(attempt);
    return !counted.isAllowed && counted.isExceeded ? rateLimited(counted.ttlInSeconds) : null;
  };
}
