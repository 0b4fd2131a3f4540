// What the desktop would have shown, recorded for tests: native notifications (with a click that
// does what the Electron glue does: bring the conversation up) and the tray's state.
import type { Notification, NotificationPort } from '../../../src/main/services/notify/notifier';
import type { TrayPort } from '../../../src/main/compose';

type Waiter<T> = { test: (items: readonly T[]) => boolean; resolve: () => void };

/** An append-only log that tests can wait on instead of sleeping. */
class Recording<T> {
  readonly items: T[] = [];
  private waiters: Waiter<T>[] = [];

  push(item: T): void {
    this.items.push(item);
    this.waiters = this.waiters.filter((w) => {
      if (!w.test(this.items)) return true;
      w.resolve();
      return false;
    });
  }

  /** Resolves once `test` holds for what was recorded so far; rejects after `timeoutMs`. */
  waitFor(test: (items: readonly T[]) => boolean, timeoutMs = 10_000, what = 'recording'): Promise<void> {
    if (test(this.items)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const waiter: Waiter<T> = {
        test,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}; got ${JSON.stringify(this.items.slice(-5))}`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  clear(): void {
    this.items.length = 0;
  }
}

export class RecordingNotifications implements NotificationPort {
  private readonly log = new Recording<Notification>();

  /** Set by the host: what a click on a notification does (deckhand.navigate). */
  constructor(private readonly onClick: (notification: Notification) => void) {}

  show(notification: Notification): void {
    this.log.push(notification);
  }

  get shown(): readonly Notification[] {
    return this.log.items;
  }

  /** Waits until at least `count` notifications were shown. */
  waitForCount(count: number, timeoutMs?: number): Promise<void> {
    return this.log.waitFor((items) => items.length >= count, timeoutMs, `${count} notification(s)`);
  }

  /** The agent clicks the notification at `index` (default: the last one). */
  click(index = this.log.items.length - 1): void {
    const notification = this.log.items[index];
    if (!notification) throw new Error(`No notification at index ${index} (${this.log.items.length} shown)`);
    this.onClick(notification);
  }

  clear(): void {
    this.log.clear();
  }
}

export type TrayState = { online: boolean; unread: number };

export class RecordingTray implements TrayPort {
  private readonly log = new Recording<TrayState>();
  /** Whether the tray offers "Restart to update". */
  updateReady = false;

  setUpdateReady(ready: boolean): void {
    this.updateReady = ready;
  }

  update(state: TrayState): void {
    this.log.push({ ...state });
  }

  /** The tray as the agent sees it now, or null before the first update. */
  get current(): TrayState | null {
    return this.log.items.at(-1) ?? null;
  }

  waitFor(test: (state: TrayState) => boolean, timeoutMs?: number): Promise<void> {
    return this.log.waitFor(
      (items) => {
        const last = items.at(-1);
        return last !== undefined && test(last);
      },
      timeoutMs,
      'a tray state',
    );
  }
}
