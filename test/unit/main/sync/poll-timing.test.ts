import { describe, expect, it } from 'vitest';
import { defaultPollTiming, pollDelay, steadyPolling } from '../../../../src/main/services/sync/poll-timing';

describe('how long a sync waits before it polls again', () => {
  it('follows the focus without a live feed, and keeps a steady pace while a feed is down', () => {
    const t = defaultPollTiming;
    expect(pollDelay(t, { hasFeed: false, focused: true, failures: 0 })).toBe(2_000);
    expect(pollDelay(t, { hasFeed: false, focused: false, failures: 0 })).toBe(15_000);
    expect(pollDelay(t, { hasFeed: true, focused: true, failures: 0 })).toBe(5_000);
    expect(pollDelay(t, { hasFeed: true, focused: false, failures: 0 })).toBe(5_000);
    expect(pollDelay(steadyPolling(50), { hasFeed: false, focused: false, failures: 0 })).toBe(50);
  });

  it('backs off with full jitter after failures, capped, on top of the interval', () => {
    const at = (failures: number, random: number) => pollDelay(defaultPollTiming, { hasFeed: false, focused: true, failures, random: () => random });
    expect(at(1, 0)).toBe(2_000);
    expect(at(1, 0.999)).toBe(2_000 + 1_998);
    expect(at(3, 0.5)).toBe(2_000 + 4_000);
    expect(at(20, 0.999)).toBe(2_000 + 59_940);
    // Jitter spreads clients that failed together.
    expect(new Set([0.1, 0.4, 0.8].map((r) => at(4, r))).size).toBe(3);
  });
});
