// What the OS tells us about the agent being away, forwarded as-is by src/main/electron/power.ts.
// The policy (auto-away after N idle minutes, restore on unlock) lives in the presence service.
export interface PowerListener {
  /** Seconds since the last keyboard/mouse input, polled every 15 s. */
  onIdle(seconds: number): void;
  onLock(): void;
  onUnlock(): void;
  onSuspend(): void;
  onResume(): void;
}
