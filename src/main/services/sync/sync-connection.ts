// How one chatbot hears of its changes, and what the agent is shown about that: the platform's
// live feed when it has one (and the server offers it: found out by trying, not configured),
// polling with backoff and jitter when not. Every (re)connect and every gap the feed reports asks
// for a resync, so a missed event costs a request, never a message. Kept apart from ChatbotSync,
// which says what a resync does; this says when the next one runs and keeps the connection state.
import type { ConnectionState } from '../../../shared/view-models';
import { DisposableStore, Emitter, type Disposable } from '../events';
import type { ChatPlatform, LiveEvent } from '../platforms/platform';
import type { Clock } from '../ports';
import { defaultPollTiming, pollDelay, steadyPolling, type PollTiming } from './poll-timing';

export interface PollingOptions {
  clock: Clock;
  random?: () => number;
  /** Poll at this fixed interval, whatever the feed and the focus (tests); else `timing`. */
  pollMs?: number;
  timing?: PollTiming;
  /** Whether the agent's window has focus: a platform without a live feed polls more often then. */
  focused?: () => boolean;
  /** How long polling waits before it tries the live feed again. */
  socketRetryMs?: number;
}

export interface SyncConnectionOptions extends PollingOptions {
  chatbot: { id: string };
  platform: Pick<ChatPlatform, 'live'>;
  stopped: () => boolean;
  /** Each event the live feed brings. */
  onEvent: (event: LiveEvent) => void;
  /** Read the changes now: after a (re)connect, a gap in the feed, on a poll or a retry. */
  resync: () => void;
}

/** A feed that drops and comes back within this time does not start polling. */
const SOCKET_GRACE_MS = 2000;

export class SyncConnection implements Disposable {
  private readonly emitters = new DisposableStore();
  private readonly changed = this.emitters.add(new Emitter<ConnectionState>());
  readonly onDidChange = this.changed.event;

  private subscription: Disposable | null = null;
  private mode: 'live' | 'polling' = 'live';
  private failures = 0;
  /** The next successful resync follows a (re)connect or failures. */
  private reconnected = true;
  /** The next poll, or the retry of a failed resync. */
  private timer: unknown = null;
  private socketRetry: unknown = null;
  /** The feed dropped and is reconnecting: meanwhile we poll, so nothing waits on it. */
  private feedDown = false;
  private connection: ConnectionState = { state: 'connecting', attempt: 0, nextRetryAt: null, lastError: null };

  constructor(private readonly options: SyncConnectionOptions) {}

  start(): void {
    this.subscribe();
  }

  /** Stops listening and polling (the sync stopped); the state stays as it was. */
  close(): void {
    this.subscription?.dispose();
    this.subscription = null;
    this.clearTimers();
  }

  dispose(): void {
    this.emitters.dispose();
  }

  state(): ConnectionState {
    return this.connection;
  }

  /** Polling, the feed down, or resyncs failing: changes may have happened that we did not hear of. */
  mayBeBehind(): boolean {
    return this.mode === 'polling' || this.feedDown || this.failures > 0;
  }

  /** A resync succeeded: schedules the next poll if we poll. Returns whether it followed a (re)connect or failures. */
  succeeded(): boolean {
    this.failures = 0;
    const live = this.mode === 'live' && !this.feedDown;
    this.setConnection({ state: live ? 'live' : 'polling', attempt: 0, nextRetryAt: null, lastError: null });
    this.schedule(live ? null : this.nextDelay());
    const reconnected = this.reconnected;
    this.reconnected = false;
    return reconnected;
  }

  /** A resync failed: retried after a backoff, with a live feed too, since a feed that is up does not bring back what the failed resync missed. */
  failed(message: string): void {
    this.failures++;
    this.reconnected = true;
    const delay = this.nextDelay();
    this.setConnection({ state: 'offline', attempt: this.failures, nextRetryAt: this.options.clock.now() + delay, lastError: message });
    this.schedule(delay);
  }

  /** The key was refused (the sync has stopped). */
  signedOut(message: string): void {
    this.setConnection({ state: 'signedOut', lastError: message });
  }

  private subscribe(): void {
    if (this.options.stopped()) return;
    const { live } = this.options.platform;
    if (!live) return this.fallBackToPolling(false);
    this.mode = 'live';
    this.setConnection({ state: 'connecting' });
    this.subscription = live.subscribe(this.options.chatbot.id, {
      onEvent: (event) => this.options.onEvent(event),
      onConnect: () => {
        this.feedDown = false;
        this.reconnected = true;
        this.options.resync();
      },
      onMissed: () => this.options.resync(),
      onDisconnect: (reason) => {
        this.feedDown = true;
        this.reconnected = true;
        this.setConnection({ state: 'connecting', lastError: reason });
        // The feed keeps its reconnect schedule to itself; polling shows whether the server is
        // there at all (offline with attempts) and keeps the inbox fresh until the feed is back.
        this.schedule(SOCKET_GRACE_MS);
      },
      onUnavailable: () => this.fallBackToPolling(true),
    });
  }

  /** Polls from now on; a platform with a live feed that failed tries it again later. */
  private fallBackToPolling(retryFeed: boolean): void {
    if (this.options.stopped() || this.mode === 'polling') return;
    this.subscription?.dispose();
    this.subscription = null;
    this.mode = 'polling';
    this.reconnected = true;
    this.schedule(0);
    if (!retryFeed) return;
    this.socketRetry = this.options.clock.setTimeout(() => {
      this.socketRetry = null;
      if (this.options.stopped()) return;
      this.clearTimers();
      this.subscribe();
    }, this.options.socketRetryMs ?? 5 * 60_000);
  }

  /** The next resync: a poll, or the retry of one that failed. Replaces any that was scheduled. */
  private schedule(delayMs: number | null): void {
    if (this.timer !== null) this.options.clock.clearTimeout(this.timer);
    this.timer = null;
    if (this.options.stopped() || delayMs === null) return;
    this.timer = this.options.clock.setTimeout(() => {
      this.timer = null;
      this.options.resync();
    }, delayMs);
  }

  /** Regular interval while healthy (poll-timing.ts); backoff with full jitter after failures. */
  private nextDelay(): number {
    const { pollMs, timing = defaultPollTiming, focused, random } = this.options;
    return pollDelay(pollMs === undefined ? timing : steadyPolling(pollMs), {
      hasFeed: this.options.platform.live !== undefined,
      focused: focused?.() ?? true,
      failures: this.failures,
      random,
    });
  }

  private setConnection(patch: Partial<ConnectionState>): void {
    this.connection = { ...this.connection, ...patch };
    this.changed.fire(this.connection);
  }

  private clearTimers(): void {
    for (const handle of [this.timer, this.socketRetry]) if (handle !== null) this.options.clock.clearTimeout(handle);
    this.timer = null;
    this.socketRetry = null;
  }
}
