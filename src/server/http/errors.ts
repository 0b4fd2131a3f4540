// Every failure leaves the server as `{ error, type }` with the status the Botpress doc gives
// that type. Handlers throw ApiError; anything else is mapped here, so bad input never
// becomes a 500 and nothing reaches the client as a stack trace. That includes what never
// reaches a route: the router's own errors (frameworkErrors) and requests Node's HTTP parser
// refuses (clientErrorHandler), both passed to Fastify when it is made.
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import type { ErrorBody, ErrorType } from '../wire';
import { MAX_ID_LENGTH } from './schemas';

export const statusOf: Record<ErrorType, number> = {
  InvalidPayload: 400,
  InvalidQuery: 400,
  ReferenceNotFound: 400,
  Unauthorized: 401,
  Forbidden: 403,
  ResourceNotFound: 404,
  MethodNotFound: 405,
  AlreadyExists: 409,
  PayloadTooLarge: 413,
  UnsupportedMediaType: 415,
  RateLimited: 429,
  Internal: 500,
};

export class ApiError extends Error {
  readonly status: number;
  constructor(
    readonly type: ErrorType,
    message: string,
  ) {
    super(message);
    this.status = statusOf[type];
  }

  body(): ErrorBody {
    return { error: this.message, type: this.type };
  }
}

export const notFound = (what: string, id: string) => new ApiError('ResourceNotFound', `${what} ${id} does not exist`);

// Fastify's own errors for bad requests, by code.
const fastifyErrors: Record<string, (e: FastifyError) => ApiError> = {
  FST_ERR_CTP_INVALID_JSON_BODY: (e) => new ApiError('InvalidPayload', `Malformed JSON body: ${e.message}`),
  FST_ERR_CTP_EMPTY_JSON_BODY: () =>
    new ApiError('InvalidPayload', 'The body is empty but content-type is application/json'),
  FST_ERR_CTP_BODY_TOO_LARGE: () => new ApiError('PayloadTooLarge', 'The body is larger than 1 MB'),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: (e) => new ApiError('UnsupportedMediaType', e.message),
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: () =>
    new ApiError('InvalidPayload', 'Content-Length does not match the body'),
  FST_ERR_BAD_URL: () => new ApiError('InvalidPayload', 'The URL path is not valid: it has a malformed %-escape'),
  FST_ERR_MAX_PARAM_LENGTH: () =>
    new ApiError('InvalidPayload', `A path segment is longer than ${MAX_ID_LENGTH} characters, which no id is`),
};

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const e = error as FastifyError;
  const mapped = e && typeof e.code === 'string' ? fastifyErrors[e.code] : undefined;
  if (mapped) return mapped(e);
  // JSON.parse errors raised by the body parser carry a 400 status but no code we map.
  if (e && typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    if (e.statusCode === 413) return new ApiError('PayloadTooLarge', e.message);
    if (e.statusCode === 415) return new ApiError('UnsupportedMediaType', e.message);
    return new ApiError('InvalidPayload', e.message);
  }
  return new ApiError('Internal', 'An internal error occurred');
}

function send(reply: FastifyReply, error: unknown): void {
  const apiError = toApiError(error);
  if (apiError.type === 'Internal') reply.log.error({ err: error }, 'unhandled error');
  void reply.status(apiError.status).send(apiError.body());
}

/** Fastify's `frameworkErrors`: a URL the router cannot decode, a path segment too long. */
export const frameworkErrors = (error: FastifyError, _request: unknown, reply: FastifyReply): void => send(reply, error);

// What Node's HTTP parser refuses (a malformed request line or header, headers over its limit)
// never becomes a request; the answer is written to the socket by hand, as Node itself would.
function clientErrorOf(code: string | undefined): ApiError {
  if (code === 'HPE_HEADER_OVERFLOW') return new ApiError('PayloadTooLarge', 'The request headers are larger than the server accepts');
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return new ApiError('InvalidPayload', 'The request did not arrive in time');
  return new ApiError('InvalidPayload', `Malformed HTTP request${code ? ` (${code})` : ''}`);
}

/** An error as some API family words it: its status and body. */
export type ErrorAnswer = { status: number; body(): object };

/**
 * Fastify's `clientErrorHandler`, answering in the shape of the API the request was meant for
 * (`shapeFor` gets the path when the request line can be read). `rawPacket` is the data Node was
 * parsing: when it starts with a HEAD request line the answer has no body, as a HEAD answer must
 * not (a request whose line came in an earlier packet still gets the body).
 */
export function clientErrorHandler(shapeFor: (path: string | null, error: ApiError) => ErrorAnswer) {
  return (error: Error & { code?: string; rawPacket?: unknown }, socket: Duplex): void => {
    // A reset connection has no one to answer.
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    // As Node does: answer only where no response to a request on this socket has begun, so a
    // half-written response is never followed by another.
    const inFlight = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (socket.writable && !inFlight?.headersSent) {
      // A Buffer at run time, whatever Fastify's types say.
      const packet = Buffer.isBuffer(error.rawPacket) ? error.rawPacket.subarray(0, 2048).toString('latin1') : '';
      const answer = shapeFor(/^[A-Z]+ (\/\S*)/.exec(packet)?.[1] ?? null, clientErrorOf(error.code));
      writeRawAnswer(socket, answer.status, packet.startsWith('HEAD ') ? '' : JSON.stringify(answer.body()));
    }
    socket.destroy(error);
  };
}

/**
 * An answer written on the socket by hand, for a request that has no response object: one Node's
 * parser refused, or a WebSocket upgrade. The caller closes the socket after it.
 */
export function writeRawAnswer(socket: Duplex, status: number, body: string, headers: Record<string, string> = {}): void {
  const extra = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`).join('');
  socket.write(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n${extra}` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, _request, reply) => send(reply, error));
  app.setNotFoundHandler((request, reply) => {
    void reply
      .status(404)
      .send(new ApiError('ResourceNotFound', `No route ${request.method} ${request.url.split('?')[0]}`).body());
  });
}
