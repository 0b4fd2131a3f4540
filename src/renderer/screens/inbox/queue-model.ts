// The queue's pure rules for the screen: how a wait reads on a timer, and when it turns amber
// and red (the agent's thresholds in Settings). How long someone waited is the shared rule's
// (shared/waiting-time.ts); this only shows it.

export type WaitLevel = 'ok' | 'warn' | 'urgent';

export function waitLevel(ms: number, thresholds: { waitWarnMinutes: number; waitUrgentMinutes: number }): WaitLevel {
  const minutes = ms / 60_000;
  if (minutes >= thresholds.waitUrgentMinutes) return 'urgent';
  if (minutes >= thresholds.waitWarnMinutes) return 'warn';
  return 'ok';
}

const two = (n: number) => String(n).padStart(2, '0');

/** "0:42", "4:05", "1:02:09"; from a day on "2d 3h" (seconds no longer matter). */
export function formatWait(ms: number): string {
  const total = Math.floor(Math.max(0, ms) / 1000);
  const seconds = total % 60;
  const minutes = Math.floor(total / 60) % 60;
  const hours = Math.floor(total / 3600);
  if (hours >= 24) return `${Math.floor(hours / 24)}d ${hours % 24}h`;
  if (hours > 0) return `${hours}:${two(minutes)}:${two(seconds)}`;
  return `${minutes}:${two(seconds)}`;
}

/** The rows a held list keeps where they are once the agent scrolled this far down (half a row). */
export const holdsAt = (scrollTop: number, rowHeight: number): boolean => scrollTop > rowHeight / 2;
