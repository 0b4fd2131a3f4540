// The renderer's only door to main: the contract's calls, unwrapped. A failed call throws a
// UiError carrying the contract's code (and the missing permission for a 403), which screens
// show in the agent's language.
import type { CallInput, CallName, CallOutput, EventName, EventPayload, IpcError, IpcResult } from '../shared/ipc';

export class UiError extends Error {
  readonly code: IpcError['code'];
  readonly permission: string | undefined;
  constructor(error: IpcError) {
    super(error.message);
    this.code = error.code;
    this.permission = error.permission;
  }
}

export async function call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> {
  let result;
  try {
    // Indexing by a generic name loses the pairing of input and function; the contract types keep it for callers.
    const fn = window.deckhand[name] as (input: CallInput<N>) => Promise<IpcResult<CallOutput<N>>>;
    result = await fn(input);
  } catch (error) {
    // The bridge itself failed (main gone, socket closed): as good as a network error.
    throw new UiError({ code: 'Network', message: error instanceof Error ? error.message : String(error) });
  }
  if (!result.ok) throw new UiError(result.error);
  return result.value;
}

export function on<N extends EventName>(event: N, listener: (payload: EventPayload<N>) => void): () => void {
  return window.deckhand.on(event, listener);
}
