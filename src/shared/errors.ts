// How a failure reaches the renderer: a code the UI turns into words in the agent's language,
// the technical message, and for a 403 the permission the key lacks.
import { z } from 'zod';

export const ErrorCode = z.enum([
  'Unauthorized',
  'Forbidden',
  'NotFound',
  'Invalid',
  'Network',
  'Timeout',
  'RateLimited',
  'Server',
  'Malformed',
  'WeakEncryption',
  /** The server sent Deckhand to another address, which it does not follow with the key. */
  'Redirected',
  /** The account's platform does not offer this (no capability for it). */
  'Unsupported',
  'Internal',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;
export const IpcError = z.object({
  code: ErrorCode,
  message: z.string(),
  /** With Forbidden: the permission the key lacks. */
  permission: z.string().optional(),
});
export type IpcError = z.infer<typeof IpcError>;
