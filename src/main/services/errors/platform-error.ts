// What every failure of a platform's API becomes. The renderer decides what to show from
// `code` alone (and `permission` for a 403); each platform's client maps its own failures here.
import type { ErrorCode } from '../../../shared/ipc';

export class PlatformError extends Error {
  override readonly name = 'PlatformError';
  readonly code: ErrorCode;
  readonly status?: number;
  /** With Forbidden: the permission the key lacks, when the server names one. */
  readonly permission?: string;
  /** With RateLimited: how long the server asked us to wait. */
  readonly retryAfterMs?: number;

  constructor(
    code: ErrorCode,
    message: string,
    details: { status?: number; permission?: string; retryAfterMs?: number; cause?: unknown } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    if (details.status !== undefined) this.status = details.status;
    if (details.permission !== undefined) this.permission = details.permission;
    if (details.retryAfterMs !== undefined) this.retryAfterMs = details.retryAfterMs;
  }
}
