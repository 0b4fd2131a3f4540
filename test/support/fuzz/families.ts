// What an error answer must look like, per family of routes: each family owns the paths under
// its prefixes and says what its errors look like. Every route in the server's table must belong
// to exactly one family (the fuzz refuses to run otherwise), so a new part of the API, such as the
// Botpress-compatible /v1/chat and /v1/admin with Botpress's own error shape, is added here with
// its rule. Paths no family owns are answered by the server's one not-found handler.
import { z } from 'zod';
import { statusOf } from '../../../src/server/http/errors';
import { ErrorBody, ErrorType } from '../../../src/server/wire';

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface Family {
  name: string;
  prefixes: readonly string[];
  /** Why an error answer (status 400 or more) breaks the family's shape, or null if it does not. */
  checkError(answer: Answer): string | null;
}

/** An answer's JSON body, or why it has none. */
function jsonOf(answer: Answer): { json: unknown } | { problem: string } {
  if (!String(answer.headers['content-type'] ?? '').startsWith('application/json')) return { problem: `content-type ${String(answer.headers['content-type'])}` };
  try {
    return { json: JSON.parse(answer.body) as unknown };
  } catch {
    return { problem: `body is not JSON: ${answer.body.slice(0, 120)}` };
  }
}

/** `{error, type}` as DESIGN.md documents it, with the status that type has; `alsoAllowed` lists exceptions. */
function documentedShape(alsoAllowed: (status: number, type: string) => boolean = () => false) {
  return (answer: Answer): string | null => {
    const body = jsonOf(answer);
    if ('problem' in body) return body.problem;
    const parsed = ErrorBody.strict().safeParse(body.json);
    if (!parsed.success) return `body is not {error, type}: ${answer.body.slice(0, 200)}`;
    const { type } = parsed.data;
    if (statusOf[type] !== answer.status && !alsoAllowed(answer.status, type)) return `status ${answer.status} with type ${type}`;
    return null;
  };
}

const chatcaptainShape = documentedShape();

// Botpress's shape: what @botpress/client decodes (id, code, type, message) and what the doc
// shows (status, description), the code and status being the HTTP status the type stands for.
const BotpressErrorBody = z.strictObject({
  id: z.string().regex(/^err_\d{14}x[0-9A-F]{8}$/),
  code: z.number().int(),
  status: z.number().int(),
  type: ErrorType,
  description: z.string().min(1),
  message: z.string(),
});

function botpressShape(answer: Answer): string | null {
  const body = jsonOf(answer);
  if ('problem' in body) return body.problem;
  const parsed = BotpressErrorBody.safeParse(body.json);
  if (!parsed.success) return `body is not Botpress's error: ${answer.body.slice(0, 200)}`;
  const { code, status, type } = parsed.data;
  if (code !== answer.status || status !== answer.status || statusOf[type] !== answer.status) return `status ${answer.status} with ${type} (code ${code})`;
  return null;
}

export const families: readonly Family[] = [
  { name: 'ChatCaptain API', prefixes: ['/v1/chatbots/', '/v1/inbox/', '/v1/auth/'], checkError: chatcaptainShape },
  { name: 'Botpress API', prefixes: ['/v1/chat/', '/v1/admin/'], checkError: botpressShape },
  // A range past the end keeps HTTP's 416, which media elements understand.
  { name: 'demo media', prefixes: ['/media/'], checkError: documentedShape((status, type) => status === 416 && type === 'InvalidPayload') },
  // engine.io's endpoint under socket.io: in no route table, its refusals in the same shape.
  { name: 'socket.io', prefixes: ['/socket.io/'], checkError: chatcaptainShape },
];

/** The rule for paths no route claims: the server's not-found handler, and what Node's parser refuses. */
export const unrouted: Family = { name: 'unrouted', prefixes: [], checkError: chatcaptainShape };

export function familyOf(path: string): Family {
  return families.find((f) => f.prefixes.some((prefix) => path.startsWith(prefix))) ?? unrouted;
}

/** Routes that no family, or more than one, owns. */
export function unownedRoutes(routes: readonly { method: string; url: string }[]): string[] {
  return routes
    .filter((r) => families.filter((f) => f.prefixes.some((prefix) => r.url.startsWith(prefix))).length !== 1)
    .map((r) => `${r.method} ${r.url}`);
}
