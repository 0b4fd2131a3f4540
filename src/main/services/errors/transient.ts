// Whether a failure may pass by itself, so that trying again later can succeed. One rule for
// every caller: HTTP retries, the reply outbox, presence writes and push registration.
import { PlatformError } from './platform-error';

// A server that does not implement the method or the HTTP version says the same next time.
const permanentServerStatuses = new Set([501, 505]);

export function isTransient(error: unknown): boolean {
  if (!(error instanceof PlatformError)) return false;
  switch (error.code) {
    case 'Network':
    case 'Timeout':
    case 'RateLimited':
      return true;
    case 'Server':
      return error.status === undefined || !permanentServerStatuses.has(error.status);
    default:
      return false;
  }
}

/** How long the server asked us to wait (a 429's Retry-After), or 0. */
export const askedDelayMs = (error: unknown): number => (error instanceof PlatformError ? (error.retryAfterMs ?? 0) : 0);
