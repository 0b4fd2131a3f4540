// What the update banner shows for main's update state (see main/services/updates): nothing
// while there is nothing to say, so the agent is not bothered.
import type { UpdateState } from '../../shared/updates';

export type UpdateBannerView =
  | { kind: 'downloading'; version: string; percent: number }
  | { kind: 'ready'; version: string; notes: string | null }
  | { kind: 'waiting'; version: string; notes: string | null; replies: number }
  | { kind: 'failed' }
  | null;

/** `failureDismissed`: the agent closed the note about a failed check (main tells it once per run). */
export function updateBannerView(update: UpdateState | null, failureDismissed: boolean): UpdateBannerView {
  if (!update || update.version === null) {
    return update?.failed && !failureDismissed ? { kind: 'failed' } : null;
  }
  if (update.status === 'downloading') return { kind: 'downloading', version: update.version, percent: Math.floor((update.progress ?? 0) * 100) };
  if (update.status !== 'ready') return null;
  if (update.restartPending) return { kind: 'waiting', version: update.version, notes: update.releaseNotes, replies: update.pendingReplies };
  return { kind: 'ready', version: update.version, notes: update.releaseNotes };
}
