// How any failure leaves main for the renderer: our own codes pass through (redacted), anything
// else is a bug whose message and stack stay in main.
import { ErrorCode, type IpcError } from '../../../shared/ipc';
import { PlatformError } from './platform-error';
import { redact } from './redact';

export function toIpcError(error: unknown): IpcError {
  if (error instanceof PlatformError) {
    return {
      code: error.code,
      message: redact(error.message),
      ...(error.permission !== undefined && { permission: error.permission }),
    };
  }
  // Other services throw their own Error with a contract code (AppError, WeakEncryption).
  if (error instanceof Error) {
    const code = ErrorCode.safeParse((error as { code?: unknown }).code);
    if (code.success) return { code: code.data, message: redact(error.message) };
  }
  return { code: 'Internal', message: 'An internal error occurred' };
}
