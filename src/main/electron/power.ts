// Forwards what the OS says about the agent being away; the presence service decides what it means.
import { powerMonitor } from 'electron';
import type { PowerListener } from '../services/power-events';

export const IDLE_POLL_MS = 15_000;

/** Starts forwarding; the returned function stops it. */
export function watchPower(listener: PowerListener, pollMs = IDLE_POLL_MS): () => void {
  const onLock = (): void => listener.onLock();
  const onUnlock = (): void => listener.onUnlock();
  const onSuspend = (): void => listener.onSuspend();
  const onResume = (): void => listener.onResume();
  powerMonitor.on('lock-screen', onLock);
  powerMonitor.on('unlock-screen', onUnlock);
  powerMonitor.on('suspend', onSuspend);
  powerMonitor.on('resume', onResume);
  const timer = setInterval(() => listener.onIdle(powerMonitor.getSystemIdleTime()), pollMs);
  timer.unref();
  return () => {
    clearInterval(timer);
    powerMonitor.removeListener('lock-screen', onLock);
    powerMonitor.removeListener('unlock-screen', onUnlock);
    powerMonitor.removeListener('suspend', onSuspend);
    powerMonitor.removeListener('resume', onResume);
  };
}
