// Collects inbox changes and hands them on at most once per interval (50 ms for the renderer),
// so a burst of socket events or a resync of thousands of conversations costs one IPC message,
// not thousands. Within a batch the last change of a conversation wins.
import type { Clock } from '../ports';
import type { Message } from '../../../shared/domain';
import type { InboxConversation } from '../../../shared/view-models';

export interface InboxBatch {
  upserted: InboxConversation[];
  removed: string[];
  messages: Map<string, Message[]>;
}

export class InboxBatcher {
  private upserted = new Map<string, InboxConversation>();
  private removed = new Set<string>();
  private messages = new Map<string, Map<string, Message>>();
  private timer: unknown = null;
  private lastFlush = -Infinity;

  constructor(
    private readonly clock: Clock,
    private readonly flushTo: (batch: InboxBatch) => void,
    private readonly intervalMs = 50,
  ) {}

  upsert(conversations: InboxConversation[]): void {
    for (const c of conversations) {
      this.removed.delete(c.key);
      this.upserted.set(c.key, c);
    }
    this.schedule();
  }

  remove(keys: string[]): void {
    for (const key of keys) {
      this.upserted.delete(key);
      this.messages.delete(key);
      this.removed.add(key);
    }
    this.schedule();
  }

  addMessages(key: string, messages: Message[]): void {
    let byId = this.messages.get(key);
    if (!byId) this.messages.set(key, (byId = new Map()));
    for (const m of messages) byId.set(m.id, m);
    this.schedule();
  }

  /** Sends what is pending now (used on shutdown and by tests). */
  flush(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
    if (this.upserted.size === 0 && this.removed.size === 0 && this.messages.size === 0) return;
    const batch: InboxBatch = {
      upserted: [...this.upserted.values()],
      removed: [...this.removed],
      messages: new Map([...this.messages].map(([key, byId]) => [key, [...byId.values()]])),
    };
    this.upserted = new Map();
    this.removed = new Set();
    this.messages = new Map();
    this.lastFlush = this.clock.now();
    this.flushTo(batch);
  }

  dispose(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(): void {
    if (this.timer !== null) return;
    const wait = Math.max(0, this.lastFlush + this.intervalMs - this.clock.now());
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      // A busy event loop can fire a timer a little early by the clock: wait out the rest.
      if (this.clock.now() < this.lastFlush + this.intervalMs) this.schedule();
      else this.flush();
    }, wait);
  }
}
