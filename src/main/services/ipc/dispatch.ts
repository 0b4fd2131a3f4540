// Running one contract call: validate the input against the contract's schema, call the handler,
// and answer an IpcResult, so no exception crosses to the renderer. Shared by the Electron IPC
// glue (after its sender check) and the e2e host's WebSocket bridge.
import type { z } from 'zod';
import { calls, type CallName, type IpcResult } from '../../../shared/ipc';
import { toIpcError } from '../errors/ipc-error';
import type { IpcHandlers } from './handler-types';

/** "ref.conversationId: Too small ..." — the renderer shows it, developers fix the field. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length > 0 ? issue.path.map(String).join('.') : 'input'}: ${issue.message}`)
    .join('; ');
}

export async function dispatchCall(name: CallName, handlers: IpcHandlers, raw: unknown): Promise<IpcResult<unknown>> {
  const parsed = calls[name].input.safeParse(raw);
  if (!parsed.success) return { ok: false, error: { code: 'Invalid', message: describeIssues(parsed.error) } };
  // The mapped handler type cannot follow `name` through the union; the schema above is the proof.
  const handler = handlers[name] as (input: unknown) => Promise<unknown>;
  try {
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    return { ok: false, error: toIpcError(error) };
  }
}
