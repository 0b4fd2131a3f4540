// Assignments the agent made themself, from this app or by replying: the notifier must not
// announce those back to them. Kept for a minute, by expiry rather than a timer, so nothing is
// left running after shutdown.
import type { Clock } from '../ports';

const SELF_ASSIGNED_MS = 60_000;

export class SelfAssigned {
  private readonly until = new Map<string, number>();

  constructor(private readonly clock: Clock) {}

  mark(key: string): void {
    this.until.set(key, this.clock.now() + SELF_ASSIGNED_MS);
  }

  recent(): Set<string> {
    const now = this.clock.now();
    for (const [key, until] of this.until) if (until <= now) this.until.delete(key);
    return new Set(this.until.keys());
  }
}
