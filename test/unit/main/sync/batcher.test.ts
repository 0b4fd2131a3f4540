// The batcher's promise to the renderer: at most one batch per interval. Timers are not exact: a
// busy Node loop starts a timer from a stale loop time, so it can fire a little before the
// interval has passed by the clock; the batcher must still keep the interval.
import { describe, expect, it } from 'vitest';
import type { Clock } from '../../../../src/main/services/ports';
import { InboxBatcher, type InboxBatch } from '../../../../src/main/services/sync/batcher';
import type { InboxConversation } from '../../../../src/shared/view-models';

/** A manual clock whose timers fire `earlyMs` before they are due, as a busy event loop's may (but never at once). */
class EarlyClock implements Clock {
  time = 1_000;
  private timers: { at: number; fn: () => void }[] = [];
  constructor(private readonly earlyMs: number) {}
  now = () => this.time;
  setTimeout = (fn: () => void, ms: number) => {
    const timer = { at: this.time + Math.max(1, ms - this.earlyMs), fn };
    this.timers.push(timer);
    return timer;
  };
  clearTimeout = (handle: unknown) => {
    this.timers = this.timers.filter((t) => t !== handle);
  };
  advance(ms: number): void {
    const target = this.time + ms;
    for (;;) {
      const next = this.timers.filter((t) => t.at <= target).sort((a, b) => a.at - b.at)[0];
      if (!next) break;
      this.timers = this.timers.filter((t) => t !== next);
      this.time = next.at;
      next.fn();
    }
    this.time = target;
  }
}

const conversation = (key: string) => ({ key }) as InboxConversation;

describe('InboxBatcher', () => {
  it('keeps batches at least the interval apart even when its timer fires early', () => {
    const clock = new EarlyClock(2);
    const flushed: number[] = [];
    const batcher = new InboxBatcher(clock, (_batch: InboxBatch) => flushed.push(clock.now()), 50);
    batcher.upsert([conversation('a')]);
    clock.advance(1);
    expect(flushed).toHaveLength(1);
    batcher.upsert([conversation('b')]);
    clock.advance(100);
    expect(flushed).toHaveLength(2);
    expect(flushed[1]! - flushed[0]!).toBeGreaterThanOrEqual(50);
  });
});
