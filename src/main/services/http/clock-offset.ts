// The server's clock relative to ours, from HTTP Date headers. A header has one-second
// resolution, so one response only says the offset lies in
//   [date − receivedAt, date + 1000 − sentAt]
// (the server wrote a time in [date, date + 1 s) somewhere between our send and receive).
// Intersecting those intervals across responses narrows it to a few milliseconds within a
// handful of requests; presence timestamps need that, since two devices may toggle within a
// second of each other. An empty intersection means a clock jumped: start again from the new
// sample.
export class ClockOffset {
  private lower = -Infinity;
  private upper = Infinity;

  record(dateHeaderMs: number, sentAt: number, receivedAt: number): void {
    const lower = dateHeaderMs - receivedAt;
    const upper = dateHeaderMs + 1000 - sentAt;
    const narrowedLower = Math.max(this.lower, lower);
    const narrowedUpper = Math.min(this.upper, upper);
    if (narrowedLower <= narrowedUpper) {
      this.lower = narrowedLower;
      this.upper = narrowedUpper;
    } else {
      this.lower = lower;
      this.upper = upper;
    }
  }

  /** Server time minus local time in ms; 0 before the first response. */
  value(): number {
    return Number.isFinite(this.lower) ? (this.lower + this.upper) / 2 : 0;
  }
}
