// When Deckhand updates itself. It checks the feed at start and every few hours, downloads a
// newer release in the background, and then waits for the agent: "Restart to update" installs it,
// but never while a reply is still in the outbox (the restart waits until they are sent). A
// failed check or download is told once per run; after that the app keeps trying quietly.
// Everything outside comes in through ports: the updater (electron-updater in the app), the
// outbox's count of replies waiting to be sent, and the clock.
import type { UpdateState } from '../../../shared/updates';
import type { OutboxItem } from '../../../shared/view-models';
import { AppError } from '../errors/app-error';
import type { Clock } from '../ports';

export interface AvailableUpdate {
  version: string;
  /** Plain text, or null when the release has none. */
  releaseNotes: string | null;
}

/** The update feed and installer. */
export interface UpdaterPort {
  /** The newer release the feed offers, or null when this is the newest. Rejects when the feed cannot be read. */
  check(): Promise<AvailableUpdate | null>;
  /** Downloads (and verifies) the release check() found; `onProgress` gets 0..1. */
  download(onProgress: (fraction: number) => void): Promise<void>;
  /** Quits, installs the downloaded release and starts it. */
  install(): void;
}

export interface UpdateServiceOptions {
  /** Null where there is no update feed (development): the service stays disabled. */
  updater: UpdaterPort | null;
  /** Replies in the outbox not yet sent. */
  pendingReplies(): number;
  clock: Clock;
  onChange(state: UpdateState): void;
  /** Between checks; default 4 hours. */
  checkEveryMs?: number;
  /** How often a waiting restart looks at the outbox again; default 2 s. */
  outboxPollMs?: number;
}

/** What holds a restart back: replies not yet sent (a failed one waits for the agent, durably). */
export const unsentReplies = (items: readonly OutboxItem[]): number => items.filter((item) => item.state === 'pending').length;

export const CHECK_EVERY_MS = 4 * 60 * 60 * 1000;
const OUTBOX_POLL_MS = 2000;

export class UpdateService {
  private current: UpdateState;
  private checking = false;
  private failureTold = false;
  private checkTimer: unknown = null;
  private restartTimer: unknown = null;
  private stopped = false;

  constructor(private readonly options: UpdateServiceOptions) {
    this.current = {
      status: options.updater ? 'idle' : 'disabled',
      version: null,
      releaseNotes: null,
      progress: null,
      restartPending: false,
      pendingReplies: 0,
      failed: false,
    };
  }

  state(): UpdateState {
    return this.current;
  }

  /** Checks now, then every few hours. */
  start(): void {
    if (!this.options.updater) return;
    void this.check();
  }

  stop(): void {
    this.stopped = true;
    this.options.clock.clearTimeout(this.checkTimer);
    this.options.clock.clearTimeout(this.restartTimer);
  }

  /** "Restart to update": now, or as soon as the outbox has sent every reply. */
  restart(): UpdateState {
    if (this.current.status !== 'ready') throw new AppError('Invalid', 'No update is ready to install.');
    this.installWhenSent();
    return this.current;
  }

  private async check(): Promise<void> {
    const updater = this.options.updater;
    if (!updater || this.checking || this.stopped) return;
    this.checking = true;
    try {
      // A release found earlier is kept: once downloaded it waits for the agent.
      if (this.current.status === 'idle') {
        const update = await updater.check();
        if (update && !this.stopped) await this.download(updater, update);
      }
    } catch {
      // The updater logs the detail; the agent hears of it once, in the banner. A check that
      // fails again changes nothing the renderer shows, so it sends nothing either.
      const told = this.failureOnce();
      if (this.current.status !== 'idle' || told.failed) this.set({ status: 'idle', version: null, releaseNotes: null, progress: null, ...told });
    } finally {
      this.checking = false;
      if (!this.stopped) this.checkTimer = this.options.clock.setTimeout(() => void this.check(), this.options.checkEveryMs ?? CHECK_EVERY_MS);
    }
  }

  private async download(updater: UpdaterPort, update: AvailableUpdate): Promise<void> {
    this.set({ status: 'downloading', version: update.version, releaseNotes: update.releaseNotes, progress: 0, failed: false });
    await updater.download((fraction) => {
      const progress = Math.min(1, Math.max(0, fraction));
      // Whole percents are enough for the banner and spare the IPC channel.
      if (Math.floor(progress * 100) > Math.floor((this.current.progress ?? 0) * 100)) this.set({ progress });
    });
    this.set({ status: 'ready', progress: 1 });
  }

  private failureOnce(): Partial<UpdateState> {
    if (this.failureTold) return {};
    this.failureTold = true;
    return { failed: true };
  }

  private installWhenSent(): void {
    this.options.clock.clearTimeout(this.restartTimer);
    const pendingReplies = this.options.pendingReplies();
    if (pendingReplies === 0) {
      this.set({ restartPending: false, pendingReplies: 0 });
      this.options.updater?.install();
      return;
    }
    if (!this.current.restartPending || this.current.pendingReplies !== pendingReplies) this.set({ restartPending: true, pendingReplies });
    this.restartTimer = this.options.clock.setTimeout(() => this.installWhenSent(), this.options.outboxPollMs ?? OUTBOX_POLL_MS);
  }

  private set(patch: Partial<UpdateState>): void {
    this.current = { ...this.current, ...patch };
    this.options.onChange(this.current);
  }
}
