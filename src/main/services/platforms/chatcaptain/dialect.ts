// How ChatCaptain authenticates (the `x-chatcaptain-key` header) and words its errors
// (`{ error, type }`, a 403 naming the permission the key lacks).
import type { HttpDialect } from '../../http/http-client';

/**
 * The permission a 403 message names, e.g. "This key lacks the permission chatbots.versions.deploy".
 * Permission strings are dotted lowercase words (with dashes: `chatbots.step-payload.handle`).
 */
export function permissionIn(message: string): string | undefined {
  return /\bpermission:?\s+["'`]?([a-z][a-z0-9-]*(?:\.[a-z0-9-]+)+)/i.exec(message)?.[1];
}

export function chatcaptainDialect(key: string): HttpDialect {
  return {
    headers: { 'x-chatcaptain-key': key },
    errorOf(_status, body) {
      try {
        const parsed = JSON.parse(body) as { error?: unknown };
        if (typeof parsed?.error !== 'string' || parsed.error === '') return {};
        const permission = permissionIn(parsed.error);
        return { message: parsed.error, ...(permission !== undefined && { permission }) };
      } catch {
        return {};
      }
    },
  };
}
