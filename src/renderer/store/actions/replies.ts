// Saved replies: loaded from main when first needed, and the agent's changes to them (create,
// edit, delete, import), each answered with what main stored.
import type { SavedReplyFields } from '../../../shared/saved-replies';
import { call } from '../../api';
import { getState } from '../store';
import { attempt } from './feedback';

export async function loadReplies(): Promise<void> {
  getState().receiveReplies(await attempt(() => call('replies.list', {})));
}

/** Loads them unless they are loaded; a failure leaves the list empty (the picker says so). */
export function ensureReplies(): void {
  if (getState().replies === null) void loadReplies().catch(() => undefined);
}

export async function saveReply(fields: SavedReplyFields, id?: string): Promise<void> {
  getState().receiveReply(await attempt(() => call('replies.save', { fields, ...(id !== undefined && { id }) })));
}

export async function deleteReply(id: string): Promise<void> {
  await attempt(() => call('replies.delete', { id }));
  getState().forgetReply(id);
}

/** The set as the JSON a team shares. */
export const exportReplies = (): Promise<string> => attempt(() => call('replies.export', {}));

/** Reads a shared file into the set; the error (a file that is not one) is the caller's to show. */
export async function importReplies(json: string): Promise<{ added: number; updated: number }> {
  const result = await call('replies.import', { json });
  await loadReplies();
  return result;
}
