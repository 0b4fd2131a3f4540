// Presence's bookkeeping per target (a chatbot of an account): the write queue, what the server
// last said, and the stamps. A stamp is the server's clock (local clock + offset from the Date
// header), never below the last one used or seen there + 1, so this device's writes always
// increase even when its clock steps back.
import type { PresencePort } from '../platforms/platform';
import type { Clock } from '../ports';

export interface PresenceTarget {
  /** Stable per account and chatbot: its chatbotKey. */
  key: string;
  port: PresencePort;
  chatbotId: string;
  /** Our agent id there, as the account knows it; '' when the platform did not say (then the first write's answer tells). */
  agentId: string;
}

export interface Write {
  online: boolean;
  stamp: bigint;
}

/** One target's write queue and what its server last said. */
export interface Lane {
  target: PresenceTarget;
  /** The greatest stamp we used or saw stored there. */
  last: bigint;
  /** The newest intent not yet sent (older ones were coalesced away). */
  wanted: Write | null;
  inFlight: Write | null;
  confirmed: boolean | null;
  error: string | null;
  attempt: number;
  retry: unknown;
  agentId: string | null;
}

export class Lanes {
  private readonly lanes = new Map<string, Lane>();

  constructor(private readonly clock: Clock) {}

  all(): Lane[] {
    return [...this.lanes.values()];
  }

  /** The lanes of the current targets: new ones made, gone ones dropped (their retries cancelled). */
  sync(targets: PresenceTarget[]): Lane[] {
    const keys = new Set(targets.map((t) => t.key));
    for (const [key, lane] of this.lanes) {
      if (keys.has(key)) continue;
      this.clearRetry(lane);
      this.lanes.delete(key);
    }
    return targets.map((target) => {
      const lane = this.lanes.get(target.key);
      if (lane) {
        lane.target = target;
        return lane;
      }
      const created: Lane = { target, last: 0n, wanted: null, inFlight: null, confirmed: null, error: null, attempt: 0, retry: null, agentId: target.agentId || null };
      this.lanes.set(target.key, created);
      return created;
    });
  }

  /** The next stamp for a write on this lane. */
  stamp(lane: Lane): bigint {
    lane.last = this.next(lane.target, lane.last);
    return lane.last;
  }

  /** Drops the target's lane and returns a stamp that beats any write of it still in flight. */
  forget(target: PresenceTarget): bigint {
    const lane = this.lanes.get(target.key);
    if (lane) {
      this.clearRetry(lane);
      this.lanes.delete(target.key);
    }
    return this.next(target, lane?.last ?? 0n);
  }

  /** Still the lane of its target (not dropped or replaced meanwhile). */
  isCurrent(lane: Lane): boolean {
    return this.lanes.get(lane.target.key) === lane;
  }

  clearRetry(lane: Lane): void {
    if (lane.retry === null) return;
    this.clock.clearTimeout(lane.retry);
    lane.retry = null;
  }

  dispose(): void {
    for (const lane of this.lanes.values()) this.clearRetry(lane);
  }

  private next(target: PresenceTarget, last: bigint): bigint {
    const serverNow = BigInt(Math.floor(this.clock.now() + target.port.serverOffset()));
    return serverNow > last ? serverNow : last + 1n;
  }
}
