// Telling the agent how an action went: toasts that hide by themselves (some with an action, such
// as Undo), and `attempt`, which turns a failed action into a toast in the agent's language.
import { describeError } from '../describe-error';
import { getState } from '../store';
import type { Toast, ToastAction } from '../slices/ui';

const SHOWN_MS: Record<Toast['kind'], number> = { error: 8000, info: 4000 };
/** Long enough to read the toast and reach its button (Undo). */
const WITH_ACTION_MS = 7000;

export function toast(message: string, kind: Toast['kind'] = 'error', action?: ToastAction): void {
  const id = getState().addToast(kind, message, action);
  setTimeout(() => getState().dismissToast(id), action ? WITH_ACTION_MS : SHOWN_MS[kind]);
}

/** Runs an action; a failure is shown as a toast and rethrown for callers that care. */
export async function attempt<T>(action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    toast(describeError(error));
    throw error;
  }
}
