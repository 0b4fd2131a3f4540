// Engine.io, under socket.io, refuses what it cannot serve in words of its own: `{code, message}`
// bodies, empty 400s and 413s from the polling transport, a 500 for a method it has no use for,
// and plain text on the socket for an upgrade that it or `ws` refuses. Every error answer of this
// server is `{error, type}` with the status of its type (http/errors.ts), so each of those is
// put in those words here, through the hooks engine.io offers rather than by redoing its checks:
// - a middleware (engine.io runs them first, for every request) wraps a plain request's response,
//   so whatever status of 400 or more engine.io writes leaves as the refusal it stands for;
// - `connection_error` (emitted just before engine.io answers) says why, so the refusal is
//   precise, and answers an upgrade on its socket before engine.io would;
// - `ws` reports a malformed WebSocket handshake to `wsClientError` instead of answering it.
// The middleware refuses up front only what engine.io would find too late or answer with a 500.
import { ServerResponse, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type ServerOptions as WsOptions } from 'ws';
import type { Server } from 'socket.io';
import { ApiError, writeRawAnswer } from '../http/errors';

type Engine = Server['engine'];
type Context = Record<string, unknown> | undefined;

/** An error answer: the error, and for a wrong method the methods that are right (`Allow`). */
interface Refusal {
  error: ApiError;
  allow?: string;
}

const refusal = (type: ApiError['type'], message: string, allow?: string): Refusal => ({ error: new ApiError(type, message), ...(allow && { allow }) });
/** A value from the query, quoted and cut short for a message. */
const quoted = (value: unknown) => JSON.stringify(String(value).slice(0, 40));
const protocol = () => refusal('InvalidQuery', 'This server speaks Engine.IO 4 (socket.io 3 and later): send EIO=4');

// engine.io's error codes (its Server.errors) and what each stands for.
const byCode: Record<number, (context: Context, req: IncomingMessage) => Refusal> = {
  0: (c) =>
    refusal('InvalidQuery', c?.transport === undefined ? 'The query names no transport: polling or websocket' : `Unknown transport ${quoted(c.transport)}: polling or websocket`),
  1: () => refusal('InvalidQuery', 'Unknown session (sid): it has ended or never existed; connect again'),
  2: (_c, req) => refusal('MethodNotFound', `A socket.io connection starts with GET, not ${req.method}`, 'GET'),
  3: (c) => badRequest[String(c?.name)]?.(c) ?? refusal('InvalidPayload', 'The socket.io request is not valid'),
  4: (c) => refusal('Forbidden', typeof c?.message === 'string' ? c.message : 'The connection is not allowed'),
  5: protocol,
};
const badRequest: Record<string, (context: Context) => Refusal> = {
  INVALID_ORIGIN: () => refusal('InvalidPayload', 'The Origin header holds characters no header may hold'),
  TRANSPORT_MISMATCH: (c) => refusal('InvalidQuery', `This session uses ${String(c?.previousTransport)}, not ${quoted(c?.transport)}; only an upgrade changes it`),
  PROTOCOL_MISMATCH: protocol,
  TRANSPORT_HANDSHAKE_ERROR: () => refusal('InvalidQuery', 'A websocket connection starts with a WebSocket upgrade request'),
};

/** What engine.io would refuse too late (after the WebSocket upgrade) or with a 500. */
function refuseEarly(req: IncomingMessage, upgrade: boolean): Refusal | null {
  // As engine.io reads the query (its prepare()).
  const query = new URL(req.url ?? '/', 'https://socket.io').searchParams;
  const sid = query.get('sid');
  // engine.io checks the version of a new connection only once it has one: past the upgrade.
  if (!sid) return query.get('EIO') === '4' ? null : protocol();
  if (upgrade) return null;
  if (req.method !== 'GET' && req.method !== 'POST') return refusal('MethodNotFound', `A polling session takes GET or POST, not ${req.method}`, 'GET, POST');
  if (req.method === 'POST' && req.headers['content-type'] === 'application/octet-stream') {
    return refusal('InvalidPayload', 'Engine.IO 4 sends binary data as base64 text, not application/octet-stream');
  }
  return null;
}

/** What the polling transport's bare answers stand for, none of which it explains. */
function transportRefusal(status: number, req: IncomingMessage, maxBytes: number): Refusal {
  if (status === 413) return refusal('PayloadTooLarge', `A polling request carries at most ${maxBytes} bytes`);
  if (status >= 500) return refusal('Internal', 'An internal error occurred');
  // engine.io ends the session too.
  return req.method === 'GET'
    ? refusal('InvalidPayload', 'Another poll of this session was still waiting (a session polls one request at a time); the session has ended')
    : refusal('InvalidPayload', "Another request was still sending this session's data (one at a time); the session has ended");
}

const headersOf = (answer: Refusal, body: string) => ({
  'content-type': 'application/json; charset=utf-8',
  'content-length': String(Buffer.byteLength(body)),
  ...(answer.allow && { allow: answer.allow }),
});

/** Lets an error answer that engine.io writes on `res` leave as `refusalFor(status)` instead. */
function answerErrorsInShape(res: ServerResponse, refusalFor: (status: number) => Refusal): void {
  const { writeHead, end } = res;
  let refused: Refusal | null = null;
  res.writeHead = function (this: ServerResponse, status: number, ...rest: unknown[]) {
    if (status < 400) return Reflect.apply(writeHead, this, [status, ...rest]) as ServerResponse;
    refused = refusalFor(status);
    return this;
  } as ServerResponse['writeHead'];
  res.end = function (this: ServerResponse, ...rest: unknown[]) {
    if (!refused) return Reflect.apply(end, this, rest) as ServerResponse;
    const body = JSON.stringify(refused.error.body());
    Reflect.apply(writeHead, this, [refused.error.status, headersOf(refused, body)]);
    return Reflect.apply(end, this, [body]) as ServerResponse;
  } as ServerResponse['end'];
}

/** Answers on the socket of an upgrade, unless it has been upgraded already: then it is only closed. */
function answerUpgrade(socket: Duplex, answer: Refusal): void {
  if (socket.writable && (socket as Duplex & { bytesWritten?: number }).bytesWritten === 0) {
    const body = JSON.stringify(answer.error.body());
    writeRawAnswer(socket, answer.error.status, body, answer.allow ? { Allow: answer.allow } : {});
  }
  socket.destroy();
}

/** engine.io's `wsEngine`: `ws`, with its refusals of a malformed WebSocket handshake in the shape. */
export class ShapedWebSocketServer extends WebSocketServer {
  constructor(options: WsOptions) {
    super(options);
    this.on('wsClientError', (error, socket) => {
      // ws says "Invalid HTTP method" for the one refusal it answers with 405; the others are 400s.
      const wrongMethod = /method/i.test(error.message);
      answerUpgrade(socket, wrongMethod ? refusal('MethodNotFound', 'A WebSocket upgrade is a GET request', 'GET') : refusal('InvalidPayload', error.message));
    });
  }
}

/** Makes every error answer of the engine `{error, type}` with the status of its type. */
export function answerEngineErrorsInShape(engine: Engine): void {
  const reasons = new WeakMap<IncomingMessage, Refusal>();
  const upgrades = new WeakSet<IncomingMessage>();
  const maxBytes = engine.opts.maxHttpBufferSize ?? 1e6;
  engine.use((req: IncomingMessage, res: ServerResponse, next: (error?: Error) => void) => {
    // An upgrade comes with engine.io's stand-in for a response, which writes nothing.
    const upgrade = !(res instanceof ServerResponse);
    if (upgrade) upgrades.add(req);
    else answerErrorsInShape(res, (status) => reasons.get(req) ?? transportRefusal(status, req, maxBytes));
    const early = refuseEarly(req, upgrade);
    if (!early) return next();
    reasons.set(req, early);
    // engine.io answers a failed middleware as a bad request, after `connection_error`.
    next(early.error);
  });
  engine.on('connection_error', ({ req, code, context }: { req: IncomingMessage; code: number; context: Context }) => {
    const answer = reasons.get(req) ?? (byCode[code] ?? byCode[3]!)(context, req);
    reasons.set(req, answer);
    if (upgrades.has(req)) answerUpgrade(req.socket, answer);
  });
}
