// Live events that arrive together (one read from the socket, a burst) are handed on together,
// right after the turn that brought them, so the sync applies them in one transaction: a commit
// per event would cost more than the events themselves.
export class LiveBatch<E> {
  private pending: E[] = [];

  constructor(private readonly apply: (events: E[]) => void) {}

  push(event: E): void {
    this.pending.push(event);
    if (this.pending.length > 1) return;
    queueMicrotask(() => {
      const events = this.pending;
      this.pending = [];
      this.apply(events);
    });
  }
}
