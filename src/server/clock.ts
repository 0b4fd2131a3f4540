// Server time as ISO strings. Successive calls never repeat a millisecond, so records created in
// one burst still have a strict order (organization pages and message history page by date).
import { randomBytes } from 'node:crypto';

let last = 0;

export function nowMs(): number {
  last = Math.max(Date.now(), last + 1);
  return last;
}

export const nowIso = (): string => new Date(nowMs()).toISOString();

/** A prefixed random id, e.g. `conv_3f9a…`, the style of the ids in the API docs. */
export const newId = (prefix: string): string => `${prefix}_${randomBytes(10).toString('hex')}`;
