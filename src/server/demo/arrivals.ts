// The clock of the traffic simulators: ticks arrive as a Poisson process (exponential gaps,
// capped at 8 means so a demo never goes quiet for long), and work can be put off for a
// moment (the bot answering a second later). stop() clears every pending timer.
import type { Random } from './random';

export class Arrivals {
  private readonly timers = new Set<NodeJS.Timeout>();
  private running = false;

  /** `onError`: a tick or later task threw; one lost simulated message is harmless. */
  constructor(
    private readonly rng: Random,
    private readonly meanGapMs: number,
    private readonly tick: () => void,
    private readonly onError: (error: unknown) => void = () => {},
  ) {}

  start(): void {
    if (this.running || !(this.meanGapMs > 0 && Number.isFinite(this.meanGapMs))) return;
    this.running = true;
    this.scheduleNext();
  }

  stop(): void {
    this.running = false;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  later(ms: number, fn: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (!this.running) return;
      try {
        fn();
      } catch (error) {
        this.onError(error);
      }
    }, ms);
    this.timers.add(timer);
  }

  private scheduleNext(): void {
    const mean = this.meanGapMs;
    this.later(Math.min(this.rng.exponential(mean), mean * 8), () => {
      this.scheduleNext();
      this.tick();
    });
  }
}
