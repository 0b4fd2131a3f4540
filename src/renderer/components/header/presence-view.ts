// What the online toggle shows for a PresenceState: the agent's intent at once, a pending mark
// while writes are in flight, and every reason the server's state may differ (lost race,
// auto-away, error, not yet confirmed). Pure so it is unit-tested; PresenceToggle renders it.
import type { PresenceState } from '../../../shared/view-models';

export type AutoReason = NonNullable<PresenceState['auto']>;

export type PresenceNotice =
  /** Another device wrote a newer state; `online` is the state that won (and is shown). */
  | { kind: 'lostRace'; online: boolean }
  | { kind: 'auto'; reason: AutoReason }
  | { kind: 'error'; message: string }
  /** Nothing in flight, no error, yet the server still holds the other state. */
  | { kind: 'unconfirmed'; online: boolean };

export interface PresenceView {
  checked: boolean;
  label: 'online' | 'offline';
  pending: boolean;
  /** No state from main yet: the toggle cannot do anything meaningful. */
  disabled: boolean;
  tone: 'online' | 'offline' | 'away';
  notices: PresenceNotice[];
}

export function presenceView(presence: PresenceState | null): PresenceView {
  if (presence === null) {
    return { checked: false, label: 'offline', pending: false, disabled: true, tone: 'offline', notices: [] };
  }
  const { intent, confirmed, pending, lostRace, auto, error } = presence;
  const notices: PresenceNotice[] = [];
  // Most urgent first: the header shows the first, the toggle's description lists them all.
  if (error !== null) notices.push({ kind: 'error', message: error });
  if (lostRace) notices.push({ kind: 'lostRace', online: intent });
  if (auto !== null) notices.push({ kind: 'auto', reason: auto });
  if (!pending && error === null && !lostRace && confirmed !== null && confirmed !== intent) {
    notices.push({ kind: 'unconfirmed', online: confirmed });
  }
  return {
    checked: intent,
    label: intent ? 'online' : 'offline',
    pending,
    disabled: false,
    tone: intent ? 'online' : auto !== null ? 'away' : 'offline',
    notices,
  };
}
