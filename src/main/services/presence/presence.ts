// The agent's one online toggle, written to every chatbot of every signed-in account.
//
// Ordering: the server keeps the write with the greatest clientTimestamp, so the stamp decides
// which device wins, not the order in which requests arrive. A stamp is taken when the agent
// makes the intent (not when the request finally leaves): a write held back behind one in flight,
// or retried after a network error, must not outrank a later intent from another device. Stamps
// are the server's clock (local clock + offset from the Date header), so a device whose clock is
// wrong by minutes neither pins the state nor loses every race; and never below last + 1, so this
// device's own writes always increase, even when its clock steps back.
//
// Per chatbot one write is in flight at a time; intents made meanwhile coalesce to the newest.
import type { AgentPresence } from '../../../shared/domain';
import type { PresenceState } from '../../../shared/view-models';
import { fullJitter } from '../backoff';
import { toIpcError } from '../errors/ipc-error';
import { askedDelayMs, isTransient } from '../errors/transient';
import type { Clock } from '../ports';
import type { PowerListener } from '../power-events';
import { Lanes, type Lane, type PresenceTarget, type Write } from './lanes';

export type { PresenceTarget } from './lanes';

export type AutoAway = NonNullable<PresenceState['auto']>;

export interface PresenceOptions {
  targets: () => PresenceTarget[];
  clock: Clock;
  onChange: (state: PresenceState) => void;
  /** Settings.idleAwayMinutes, read at each idle report so a changed setting applies at once. */
  idleAwayMinutes: () => number;
  /** The toggle's state before the first refresh. */
  initial?: boolean;
  /** Wait before retry `attempt` (1, 2, ...) after a network failure. */
  retryDelayMs?: (attempt: number) => number;
}

const defaultRetryDelay = (attempt: number) => 1000 + fullJitter(attempt - 1, { baseMs: 1000, capMs: 30_000 });

export class PresenceService implements PowerListener {
  private intent: boolean;
  private lostRace = false;
  private auto: AutoAway | null = null;
  /** What the OS currently reports; away lasts while any is present. */
  private readonly reasons = new Set<AutoAway>();
  private readonly lanes: Lanes;
  /** This device has made an intent (so a newer foreign state is a lost race, not a first read). */
  private written = false;
  private disposed = false;
  private emitted = '';
  private readonly retryDelay: (attempt: number) => number;

  constructor(private readonly options: PresenceOptions) {
    this.intent = options.initial ?? false;
    this.retryDelay = options.retryDelayMs ?? defaultRetryDelay;
    this.lanes = new Lanes(options.clock);
  }

  get(): PresenceState {
    const lanes = this.lanes.all();
    const answered = lanes.filter((l) => l.confirmed !== null);
    return {
      intent: this.intent,
      // What customers see: the switch's state only where every chatbot that answered holds it.
      // One that holds the other state (online on one bot, offline on another) is shown, not hidden.
      confirmed: answered.length === 0 ? null : answered.every((l) => l.confirmed === this.intent) ? this.intent : !this.intent,
      pending: lanes.some((l) => l.inFlight !== null || l.wanted !== null),
      lostRace: this.lostRace,
      auto: this.auto,
      error: lanes.find((l) => l.error !== null)?.error ?? null,
    };
  }

  /** The agent flipped the toggle. */
  set(online: boolean): PresenceState {
    this.auto = null; // a manual choice: nothing to restore later
    this.reasons.delete('idle'); // and whoever clicked is not idle
    this.intend(online);
    return this.get();
  }

  /** Re-reads the stored state everywhere (after a reconnect or at start). */
  async refresh(): Promise<PresenceState> {
    const known = new Set(this.lanes.all().map((lane) => lane.target.key));
    const lanes = this.lanes.sync(this.options.targets());
    // An account signed in while the agent has said online or offline here: the one switch
    // speaks for it too. (Before any intent, the servers' state is read and shown instead.)
    if (this.written) {
      for (const lane of lanes.filter((l) => !known.has(l.target.key))) {
        lane.wanted = { online: this.intent, stamp: this.lanes.stamp(lane) };
        this.pump(lane);
      }
    }
    await Promise.all(lanes.map((lane) => this.read(lane)));
    if (!this.written && !this.disposed) {
      // Before any intent the switch shows what the servers hold, where they agree.
      const held = new Set(lanes.filter((l) => l.confirmed !== null).map((l) => l.confirmed));
      if (held.size === 1) this.intent = [...held][0]!;
    }
    this.emit();
    return this.get();
  }

  /**
   * Signing out of these chatbots: tell their servers the agent is offline there (once, best
   * effort: the account is going away either way) and forget them. The stamp beats any write
   * of ours still in flight, so that one cannot turn the agent back online afterwards.
   */
  async release(targets: PresenceTarget[]): Promise<void> {
    await Promise.all(
      targets.map(async (target) => {
        const stamp = this.lanes.forget(target);
        await target.port.setOnline(target.chatbotId, false, stamp.toString()).catch(() => undefined);
      }),
    );
    // Signed out of everything: offline everywhere, and the next sign-in shows what its server
    // holds rather than the intent of a session that is over.
    if (this.lanes.all().length === 0) {
      this.written = false;
      this.intent = false;
      this.lostRace = false;
      this.auto = null;
    }
    this.emit();
  }

  dispose(): void {
    this.disposed = true;
    this.lanes.dispose();
  }

  // --- Auto-away (PowerListener): the Electron glue forwards powerMonitor as-is. ---

  onIdle(seconds: number): void {
    if (seconds >= this.options.idleAwayMinutes() * 60) this.addReason('idle');
    else this.removeReason('idle');
  }
  onActive(): void {
    this.removeReason('idle');
  }
  onLock(): void {
    this.addReason('locked');
  }
  onUnlock(): void {
    this.removeReason('locked');
  }
  onSuspend(): void {
    this.addReason('suspended');
  }
  onResume(): void {
    this.removeReason('suspended');
  }

  private addReason(reason: AutoAway): void {
    if (this.disposed) return;
    this.reasons.add(reason);
    if (this.auto !== null) {
      this.auto = reason;
      this.emit();
      return;
    }
    // Only an agent who is online by choice is set away; offline by choice stays as it is.
    if (!this.intent) return;
    this.auto = reason;
    this.intend(false);
  }

  private removeReason(reason: AutoAway): void {
    if (this.disposed || !this.reasons.delete(reason) || this.auto === null) return;
    const remaining = [...this.reasons];
    if (remaining.length > 0) {
      // Still locked (say) though no longer idle: stay away for the remaining reason.
      this.auto = remaining.at(-1) ?? null;
      this.emit();
      return;
    }
    this.auto = null;
    this.intend(true);
  }

  // --- Writes ---

  private intend(online: boolean): void {
    if (this.disposed) return;
    this.intent = online;
    this.lostRace = false;
    this.written = true;
    for (const lane of this.lanes.sync(this.options.targets())) {
      lane.wanted = { online, stamp: this.lanes.stamp(lane) };
      // The agent acting is a good moment to try again rather than wait out a backoff.
      this.lanes.clearRetry(lane);
      this.pump(lane);
    }
    this.emit();
  }

  private pump(lane: Lane): void {
    if (this.disposed || lane.inFlight !== null || lane.wanted === null || lane.retry !== null) return;
    const write = lane.wanted;
    lane.wanted = null;
    lane.inFlight = write;
    const { port, chatbotId } = lane.target;
    port.setOnline(chatbotId, write.online, write.stamp.toString()).then(
      (agent) => this.answered(lane, write, agent),
      (error: unknown) => this.failed(lane, write, error),
    );
  }

  private answered(lane: Lane, sent: Write, agent: AgentPresence): void {
    if (!this.live(lane)) return;
    lane.inFlight = null;
    lane.attempt = 0;
    lane.error = null;
    lane.agentId = agent.agentId;
    lane.confirmed = agent.online;
    const stored = BigInt(agent.clientTimestamp);
    if (stored > lane.last) lane.last = stored;
    // The server kept a newer state than ours: another device wrote after this intent. Unless a
    // still newer intent of ours is queued (it will win), the other device's state is the truth.
    if (stored > sent.stamp && !(lane.wanted !== null && lane.wanted.stamp > stored)) {
      lane.wanted = null;
      this.foreign(agent.online);
    }
    this.pump(lane);
    this.emit();
  }

  private failed(lane: Lane, sent: Write, error: unknown): void {
    if (!this.live(lane)) return;
    lane.inFlight = null;
    lane.error = toIpcError(error).message;
    // A refused write (403, 400, a malformed answer) would be refused again: the intent stays
    // shown, with the error.
    if (isTransient(error)) {
      // The same intent with its own stamp, unless a newer one was made meanwhile.
      lane.wanted ??= sent;
      lane.attempt += 1;
      lane.retry = this.options.clock.setTimeout(() => {
        lane.retry = null;
        this.pump(lane);
      }, Math.max(askedDelayMs(error), this.retryDelay(lane.attempt)));
    }
    this.emit();
  }

  // --- Reads ---

  private async read(lane: Lane): Promise<void> {
    const { port, chatbotId } = lane.target;
    try {
      const agents = await port.team(chatbotId);
      const me = lane.agentId === null ? undefined : agents.find((a) => a.agentId === lane.agentId);
      if (!me || !this.live(lane)) return;
      lane.error = null;
      const stored = BigInt(me.clientTimestamp);
      if (stored > lane.last) {
        // Newer than anything this device intended: written elsewhere while we were away.
        lane.last = stored;
        lane.wanted = null;
        lane.confirmed = me.online;
        if (this.written) this.foreign(me.online);
        return;
      }
      if (lane.inFlight !== null || lane.wanted !== null) return; // its answer will reconcile
      lane.confirmed = me.online;
      // Our newest intent is not what is stored (the write was refused, or the server lost it):
      // say it again.
      if (this.written && stored < lane.last && me.online !== this.intent) {
        lane.wanted = { online: this.intent, stamp: this.lanes.stamp(lane) };
        this.lanes.clearRetry(lane);
        this.pump(lane);
      }
    } catch (error) {
      if (this.live(lane)) lane.error = toIpcError(error).message;
    }
  }

  /** Another device's newer state won: show it, and say so. */
  private foreign(online: boolean): void {
    if (online !== this.intent) this.auto = null; // the agent chose elsewhere: no restore
    this.intent = online;
    this.lostRace = true;
  }

  // --- Bookkeeping ---

  private live(lane: Lane): boolean {
    return !this.disposed && this.lanes.isCurrent(lane);
  }

  private emit(): void {
    if (this.disposed) return;
    const state = this.get();
    const text = JSON.stringify(state);
    if (text === this.emitted) return;
    this.emitted = text;
    this.options.onChange(state);
  }
}
