// Errors as Botpress Cloud answers them. @botpress/client turns a response body into its typed
// error classes only when the body has `id`, `code`, `type` and `message` (errorFrom in its
// source); the API documentation shows `type`, `description` and `status`. The body carries
// both, so the official client and a reader of the doc each find what they expect.
import { randomBytes } from 'node:crypto';
import type { FastifyError } from 'fastify';
import { ApiError, toApiError } from '../http/errors';

// The doc's error table: status and description per type (the types this server can answer).
const table = {
  Internal: [500, 'An internal error occurred'],
  Unauthorized: [401, 'The request requires to be authenticated.'],
  Forbidden: [403, "The requested action can't be peform by this resource."],
  PayloadTooLarge: [413, 'The request payload is too large.'],
  InvalidPayload: [400, 'The request payload is invalid.'],
  UnsupportedMediaType: [415, 'The request is invalid because the content-type is not supported.'],
  MethodNotFound: [405, 'The requested method does not exist.'],
  ResourceNotFound: [404, 'The requested resource does not exist.'],
  ReferenceNotFound: [
    400,
    'The provided resource reference is missing. This is usually caused when providing an invalid id inside the payload of a request.',
  ],
  InvalidQuery: [
    400,
    'The provided query is invalid. This is usually caused when providing an invalid parameter for querying a resource.',
  ],
  RateLimited: [429, 'The request has been rate limited.'],
} as const satisfies Record<string, readonly [number, string]>;

export type BpErrorType = keyof typeof table;

export interface BpErrorBody {
  id: string;
  code: number;
  status: number;
  type: BpErrorType;
  description: string;
  message: string;
}

/** Error ids in the client's own format (`err_<UTC yyyymmddhhmmss>x<8 hex>`), to quote in logs. */
function errorId(): string {
  const stamp = new Date().toISOString().replace(/[-:TZ]/g, '').split('.')[0];
  return `err_${stamp}x${randomBytes(4).toString('hex').toUpperCase()}`;
}

export class BpError extends Error {
  readonly status: number;
  constructor(
    readonly type: BpErrorType,
    message: string,
  ) {
    super(message);
    this.status = table[type][0];
  }

  body(): BpErrorBody {
    const [status, description] = table[this.type];
    return { id: errorId(), code: status, status, type: this.type, description, message: this.message };
  }
}

export const notFound = (what: string, id: string) => new BpError('ResourceNotFound', `${what} ${id} does not exist`);
export const referenceNotFound = (field: string, what: string, id: string) =>
  new BpError('ReferenceNotFound', `${field}: ${what} ${id} does not exist`);

/**
 * Anything thrown on a Botpress route, as a Botpress error. The server's shared mapping of
 * Fastify's own errors (bad JSON, body too large, content type) is reused, then renamed.
 */
export function toBpError(error: unknown): BpError {
  if (error instanceof BpError) return error;
  const api = error instanceof ApiError ? error : toApiError(error as FastifyError);
  const type = api.type in table ? (api.type as BpErrorType) : 'Internal';
  return new BpError(type, type === 'Internal' ? 'An internal error occurred' : api.message);
}
