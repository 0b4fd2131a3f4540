// A failure the agent can act on that is not the backend's: it carries a contract error code,
// which toIpcError passes through to the renderer as it is.
import type { ErrorCode } from '../../../shared/ipc';

export class AppError extends Error {
  override readonly name = 'AppError';
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}
