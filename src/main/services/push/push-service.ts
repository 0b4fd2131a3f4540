// Keeps this device's push token registered with every chatbot of every signed-in account:
// registered on sign-in, again when the token rotates and when a registration grows old (the
// server may have dropped it meanwhile), and cleared on sign-out so a signed-out device stops
// being told about customers. Failures are retried with backoff and shown in PushState, never
// thrown from a timer.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { PushState } from '../../../shared/view-models';
import { fullJitter } from '../backoff';
import { toIpcError } from '../errors/ipc-error';
import type { Disposable } from '../events';
import { PlatformError } from '../errors/platform-error';
import { askedDelayMs, isTransient } from '../errors/transient';
import { JsonFile } from '../json-file';
import type { PushTokenPort } from '../platforms/platform';
import type { Clock } from '../ports';
import type { PushTokenSource } from './token-source';

const DAY_MS = 24 * 60 * 60 * 1000;

// Which account/chatbot holds which token since when. Only a hash of the token is kept: the
// file needs to recognise the token, not to be able to hand it out.
const RegistrationsFile = z.object({
  version: z.literal(1),
  registrations: z.array(
    z.object({ accountId: z.string(), chatbotId: z.string(), tokenHash: z.string(), registeredAt: z.number() }),
  ),
});
type Registration = z.infer<typeof RegistrationsFile>['registrations'][number];

export interface PushServiceOptions {
  source: PushTokenSource | null;
  clock: Clock;
  onChange(state: PushState): void;
  /** Registrations older than this are sent again. Default 7 days. */
  maxTokenAgeMs?: number;
  registrationsFile: string;
  /** How often old registrations are looked for. Default once a day. */
  checkEveryMs?: number;
  /** Backoff for failed registrations and a failed source start. Default 2 s growing to 30 min. */
  retry?: { baseMs: number; capMs: number; random?: () => number };
}

export interface PushTarget {
  port: PushTokenPort;
  chatbotId: string;
}

interface Target extends PushTarget {
  accountId: string;
  /** Signed out: the token is being cleared, then the target is dropped. */
  detaching: boolean;
  busy: boolean;
  failures: number;
  retryTimer: unknown;
  error: { message: string; at: number } | null;
  /** The value whose sending failed last; not sent again until something changes or a check forces it. */
  failedFor: string | null | undefined;
  onCleared: (() => void)[];
}

const hash = (token: string) => createHash('sha256').update(token).digest('hex').slice(0, 32);
const keyOf = (accountId: string, chatbotId: string) => `${accountId}\n${chatbotId}`;

export class PushService {
  private readonly targets = new Map<string, Target>();
  private readonly registrations = new Map<string, Registration>();
  private readonly file: JsonFile<typeof RegistrationsFile>;
  private readonly maxAgeMs: number;
  private readonly retry: { baseMs: number; capMs: number; random?: () => number };
  private current: string | null = null;
  private sourceError: string | null = null;
  private sourceFailures = 0;
  private sourceTimer: unknown = null;
  private checkTimer: unknown = null;
  private subscription: Disposable | null = null;
  private started = false;
  private disposed = false;
  private last = '';

  constructor(private readonly options: PushServiceOptions) {
    this.maxAgeMs = options.maxTokenAgeMs ?? 7 * DAY_MS;
    this.retry = options.retry ?? { baseMs: 2_000, capMs: 30 * 60_000 };
    this.file = new JsonFile(options.registrationsFile, RegistrationsFile, () => ({ version: 1, registrations: [] }));
    for (const r of this.file.read().registrations) this.registrations.set(keyOf(r.accountId, r.chatbotId), r);
  }

  /** Starts the token source and the periodic check. Never rejects: a failure shows in state() and is retried. */
  async start(): Promise<void> {
    if (this.started || this.disposed) return;
    this.started = true;
    const { source } = this.options;
    this.scheduleCheck();
    if (!source) return this.emit();
    this.subscription = source.onToken((token) => this.setToken(token));
    await this.startSource(source);
  }

  /** Registers the current token with each chatbot of the account (the set replaces any earlier one). */
  attach(accountId: string, targets: PushTarget[]): void {
    if (this.disposed) return;
    const wanted = new Set(targets.map((t) => keyOf(accountId, t.chatbotId)));
    for (const [key, t] of this.targets) {
      if (t.accountId === accountId && !wanted.has(key)) this.startClearing(t);
    }
    for (const { port, chatbotId } of targets) {
      const key = keyOf(accountId, chatbotId);
      let t = this.targets.get(key);
      if (!t) {
        t = { accountId, chatbotId, port, detaching: false, busy: false, failures: 0, retryTimer: null, error: null, failedFor: undefined, onCleared: [] };
        this.targets.set(key, t);
      }
      // A sign-in again while the sign-out was still clearing: registering wins.
      t.port = port;
      t.detaching = false;
      t.onCleared.splice(0).forEach((done) => done());
      this.reset(t);
      this.pump(t, true);
    }
    this.emit();
  }

  /** Sign-out: clears the token on the account's chatbots. Resolves after the first attempt; never rejects. */
  async detach(accountId: string): Promise<void> {
    const cleared = [...this.targets.values()].filter((t) => t.accountId === accountId).map((t) => this.startClearing(t));
    this.emit();
    await Promise.all(cleared);
  }

  state(): PushState {
    const attached = [...this.targets.values()].filter((t) => !t.detaching);
    const token = this.current;
    // A failed refresh of a registration the server already has does not undo it: that shows in error.
    const times = attached.map((t) => (token !== null ? this.heldSince(t, token) : null));
    const registered = token !== null && attached.length > 0 && times.every((at) => at !== null);
    const latest = attached
      .map((t) => t.error)
      .filter((e) => e !== null)
      .sort((a, b) => b.at - a.at)[0];
    return {
      mode: this.options.source?.mode ?? 'off',
      chatbots: attached.length,
      registered,
      registeredAt: registered ? Math.min(...(times as number[])) : null,
      error: this.sourceError ?? latest?.message ?? null,
    };
  }

  dispose(): void {
    this.disposed = true;
    this.subscription?.dispose();
    const { clock } = this.options;
    clock.clearTimeout(this.sourceTimer);
    clock.clearTimeout(this.checkTimer);
    for (const t of this.targets.values()) {
      clock.clearTimeout(t.retryTimer);
      t.onCleared.splice(0).forEach((done) => done());
    }
    this.options.source?.stop();
  }

  private async startSource(source: PushTokenSource): Promise<void> {
    this.sourceTimer = null;
    try {
      await source.start();
      if (this.disposed) return;
      this.sourceError = null;
      this.sourceFailures = 0;
      const token = source.token();
      if (token !== null) this.setToken(token);
    } catch (error) {
      if (this.disposed) return;
      this.sourceError = `Push notifications could not start: ${messageOf(error)}`;
      const delay = fullJitter(this.sourceFailures++, this.retry);
      this.sourceTimer = this.options.clock.setTimeout(() => void this.startSource(source), delay);
    }
    this.emit();
  }

  private setToken(token: string): void {
    if (this.disposed || token === this.current) return;
    this.current = token;
    // A rotation: every chatbot gets the new token now, whatever was being retried for the old one.
    for (const t of this.targets.values()) {
      if (t.detaching) continue;
      this.reset(t);
      this.pump(t);
    }
    this.emit();
  }

  private scheduleCheck(): void {
    if (this.disposed) return;
    this.checkTimer = this.options.clock.setTimeout(() => {
      for (const t of this.targets.values()) this.pump(t, true);
      this.scheduleCheck();
    }, this.options.checkEveryMs ?? DAY_MS);
  }

  private startClearing(t: Target): Promise<void> {
    t.detaching = true;
    this.reset(t);
    const cleared = new Promise<void>((resolve) => t.onCleared.push(resolve));
    this.pump(t, true);
    return cleared;
  }

  private reset(t: Target): void {
    this.options.clock.clearTimeout(t.retryTimer);
    t.retryTimer = null;
    t.failures = 0;
    t.failedFor = undefined;
  }

  /** Sends what the chatbot should hold, unless it already does (recently enough) or is being sent. */
  private pump(t: Target, force = false): void {
    if (this.disposed || t.busy || t.retryTimer !== null) return;
    const desired = t.detaching ? null : this.current;
    if (!t.detaching) {
      if (desired === null) return;
      const since = this.heldSince(t, desired);
      if (since !== null && this.options.clock.now() - since < this.maxAgeMs) return;
    }
    if (!force && t.failedFor === desired) return;
    t.busy = true;
    void this.send(t, desired);
  }

  private async send(t: Target, desired: string | null): Promise<void> {
    const key = keyOf(t.accountId, t.chatbotId);
    try {
      const settings = await t.port.setPushToken(t.chatbotId, desired);
      // Another write may have raced this one: worth trying again, like any server hiccup.
      if (settings.pushToken !== desired) throw new PlatformError('Server', 'the server did not keep the push token');
      t.error = null;
      t.failures = 0;
      t.failedFor = undefined;
      if (desired === null) this.registrations.delete(key);
      else this.registrations.set(key, { accountId: t.accountId, chatbotId: t.chatbotId, tokenHash: hash(desired), registeredAt: this.options.clock.now() });
      this.save();
    } catch (error) {
      const what = desired === null ? 'clear the push token of' : 'register for push notifications with';
      t.error = { message: `Could not ${what} ${t.chatbotId}: ${messageOf(error)}`, at: this.options.clock.now() };
      t.failedFor = desired;
      // What a retry cannot fix (a refused key, a missing permission) waits for a change: a new
      // token, a new key, or the daily check.
      if (isTransient(error) && !this.disposed) {
        t.retryTimer = this.options.clock.setTimeout(() => {
          t.retryTimer = null;
          this.pump(t, true);
        }, Math.max(fullJitter(t.failures++, this.retry), askedDelayMs(error)));
      } else if (desired === null) {
        // A signed-out key that may not clear (or no longer exists): retrying cannot help.
        this.registrations.delete(key);
        this.save();
      }
    } finally {
      t.busy = false;
    }
    if (desired === null) {
      t.onCleared.splice(0).forEach((done) => done());
      // Done with this chatbot unless the clear is being retried or it was signed in again meanwhile.
      if (t.detaching && t.retryTimer === null && this.targets.get(key) === t) this.targets.delete(key);
    }
    this.emit();
    // What the chatbot should hold may have changed while this was in flight.
    if (this.targets.get(key) === t) this.pump(t);
  }

  /** When this target was last registered with this token, per the registrations file. */
  private heldSince(t: Target, token: string): number | null {
    const r = this.registrations.get(keyOf(t.accountId, t.chatbotId));
    return r && r.tokenHash === hash(token) ? r.registeredAt : null;
  }

  private save(): void {
    try {
      this.file.write({ version: 1, registrations: [...this.registrations.values()] });
    } catch {
      // A full or read-only disk costs an early re-registration after restart, nothing more.
    }
  }

  private emit(): void {
    if (this.disposed) return;
    const state = this.state();
    const text = JSON.stringify(state);
    if (text === this.last) return;
    this.last = text;
    this.options.onChange(state);
  }
}

// toIpcError redacts anything that looks like an API key; its generic text hides internal bugs.
const messageOf = (error: unknown): string =>
  error instanceof Error && !(error instanceof PlatformError) && error.message !== '' ? error.message : toIpcError(error).message;
