// What every backend failure becomes, and how any failure leaves main for the renderer. The
// renderer decides what to show from `code` alone (and `permission` for a 403), so the mapping
// from HTTP status to code lives here, once.
import { ErrorCode, type IpcError } from '../../../shared/ipc';

export class BackendError extends Error {
  override readonly name = 'BackendError';
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

/** The code an HTTP error status stands for. */
export function codeForStatus(status: number): ErrorCode {
  if (status === 401) return 'Unauthorized';
  if (status === 403) return 'Forbidden';
  if (status === 404) return 'NotFound';
  if (status === 429) return 'RateLimited';
  if (status >= 500) return 'Server';
  return 'Invalid';
}

/**
 * The permission a 403 message names, e.g. "This key lacks the permission chatbots.versions.deploy".
 * Permission strings are dotted lowercase words (with dashes: `chatbots.step-payload.handle`).
 */
export function permissionIn(message: string): string | undefined {
  return /\bpermission:?\s+["'`]?([a-z][a-z0-9-]*(?:\.[a-z0-9-]+)+)/i.exec(message)?.[1];
}

// API keys must never reach the renderer or a log, even inside a message someone else built.
const keyLike = /\bcc_[A-Za-z0-9_-]{8,}/g;
const redact = (text: string): string => text.replace(keyLike, 'cc_…');

/** Any failure as the contract's error shape: our own codes pass through, everything else is Internal. */
export function toIpcError(error: unknown): IpcError {
  if (error instanceof BackendError) {
    return {
      code: error.code,
      message: redact(error.message),
      ...(error.permission !== undefined && { permission: error.permission }),
    };
  }
  // Other services may throw their own Error with a contract code (e.g. WeakEncryption).
  if (error instanceof Error) {
    const code = ErrorCode.safeParse((error as { code?: unknown }).code);
    if (code.success) return { code: code.data, message: redact(error.message) };
  }
  // Anything else is a bug; its message and stack stay in main.
  return { code: 'Internal', message: 'An internal error occurred' };
}
