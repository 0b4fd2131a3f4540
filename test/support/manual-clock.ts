// A Clock whose timers run only when the test moves time on, each at its due time.
import type { Clock } from '../../src/main/services/ports';

export class ManualClock implements Clock {
  private timers: { at: number; fn: () => void; id: number }[] = [];
  private nextId = 0;
  constructor(public time = 1_700_000_000_000) {}
  now = () => this.time;
  setTimeout = (fn: () => void, ms: number) => {
    const id = ++this.nextId;
    this.timers.push({ at: this.time + ms, fn, id });
    return id;
  };
  clearTimeout = (handle: unknown) => {
    this.timers = this.timers.filter((t) => t.id !== handle);
  };
  pending = () => this.timers.length;
  /** Moves time on, running each timer at its due time, including ones set meanwhile. */
  advance(ms: number): void {
    const target = this.time + ms;
    for (;;) {
      const next = this.timers.filter((t) => t.at <= target).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!next) break;
      this.timers = this.timers.filter((t) => t !== next);
      this.time = next.at;
      next.fn();
    }
    this.time = target;
  }
}
