// FCM push in the main process. The firebase web SDK's messaging needs the browser Push API,
// which Electron lacks (electron#44707), so @eneris/push-receiver speaks Google's MCS protocol
// from Node instead. Its credentials hold the private keys that decrypt our notifications, so
// they are kept only in a vault the OS encrypts (else in memory, as API keys are not stored
// without consent); keeping them is what keeps the token stable across restarts.
import { PushReceiver } from '@eneris/push-receiver';
import type { Credentials, FirebaseConfig, Message } from '@eneris/push-receiver/dist/types';
import { z } from 'zod';
import { fullJitter } from '../backoff';
import { systemClock, type Clock, type Vault } from '../ports';
import { Emitter } from '../events';
import type { PushMessage, PushTokenSource } from './token-source';

export const CREDENTIALS_SECRET = 'push:credentials';
export const PERSISTENT_IDS_SECRET = 'push:persistentIds';
/** Ids of notifications already seen, sent at login so FCM does not deliver them again. */
const MAX_PERSISTENT_IDS = 100;
/** Wake-ups closer together than this (resume and network-back at once) reconnect once. */
const WAKE_EVERY_MS = 30_000;

export interface FcmSourceOptions {
  firebase: FirebaseConfig;
  vault: Vault;
  clock?: Clock;
  /** Delay before connecting again after the connection failed once a token was known. */
  retry?: { baseMs: number; capMs: number; random?: () => number };
}

// The library's Credentials shape; loose objects so fields a later version adds survive a round trip.
const StoredCredentials = z.looseObject({
  gcm: z.looseObject({ androidId: z.string(), securityToken: z.string(), appId: z.string(), token: z.string() }),
  fcm: z.looseObject({
    token: z.string().min(1),
    installation: z.looseObject({
      token: z.string(),
      createdAt: z.number(),
      expiresIn: z.number(),
      refreshToken: z.string(),
      fid: z.string(),
    }),
  }),
  keys: z.looseObject({ privateKey: z.string(), publicKey: z.string(), authSecret: z.string() }),
  config: z.looseObject({ projectId: z.string(), vapidKey: z.string(), bundleId: z.string() }),
});
const StoredIds = z.array(z.string());

export class FcmTokenSource implements PushTokenSource {
  readonly mode = 'fcm' as const;
  private receiver: PushReceiver | null = null;
  private starting: Promise<void> | null = null;
  private current: string | null = null;
  /** The credentials in use; the vault holds a copy only where it encrypts. */
  private credentials: Credentials | null = null;
  private persistentIds: string[] = [];
  private lastWake = -Infinity;
  private unsubscribe: CallableFunction[] = [];
  private reconnectTimer: unknown = null;
  private failures = 0;
  private running = false;
  private cancelStart: (() => void) | null = null;
  private readonly clock: Clock;
  private readonly tokens = new Emitter<string>();
  private readonly messages = new Emitter<PushMessage>();

  constructor(private readonly options: FcmSourceOptions) {
    this.clock = options.clock ?? systemClock;
  }

  /**
   * Resolves as soon as the token is known: at once with stored credentials, after registering
   * with Firebase without them. Rejects (and can be called again) when that registration fails.
   */
  start(): Promise<void> {
    this.running = true;
    this.starting ??= this.connect().catch((error: unknown) => {
      this.starting = null;
      throw error;
    });
    return this.starting;
  }

  token(): string | null {
    return this.current;
  }

  readonly onToken = this.tokens.event;
  readonly onMessage = this.messages.event;

  /**
   * The machine woke up or the network came back: connect again now. The library can give up
   * reconnecting for good when Google's check-in fails while offline; this brings it back.
   * Signals that come together cost one reconnect.
   */
  wake(): void {
    if (!this.running || this.clock.now() - this.lastWake < WAKE_EVERY_MS) return;
    this.lastWake = this.clock.now();
    this.clock.clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    this.failures = 0;
    this.starting = this.connect().catch(() => this.reconnectLater());
  }

  stop(): void {
    this.running = false;
    this.clock.clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    this.starting = null;
    this.cancelStart?.();
    this.teardown();
  }

  private async connect(): Promise<void> {
    this.teardown();
    const stored = this.credentials ?? this.readCredentials();
    if (this.persistentIds.length === 0) this.persistentIds = this.readPersistentIds();
    const receiver = new PushReceiver({
      firebase: this.options.firebase,
      ...(stored && { credentials: stored }),
      persistentIds: [...this.persistentIds],
    });
    this.receiver = receiver;
    this.unsubscribe = [
      receiver.onCredentialsChanged(({ newCredentials }) => {
        this.saveCredentials(newCredentials);
        this.setToken(newCredentials.fcm.token);
      }),
      receiver.onNotification(({ message, persistentId }) => {
        this.remember(persistentId);
        const m = toPushMessage(message);
        if (m) this.messages.fire(m);
      }),
    ];

    // Credentials made for another Firebase project are replaced during connect(): a rotation.
    const trusted = stored !== null && receiver.checkCredentials(stored);
    if (trusted) this.setToken(stored.fcm.token);
    let started = trusted;

    // connect() settles only once logged in to FCM, and the library retries a lost socket by
    // itself; the token is usable before that, so only a failure before it is ours to report.
    const connected = receiver.connect().then(
      () => {
        this.failures = 0;
      },
      (error: unknown) => {
        if (this.receiver !== receiver) return;
        this.teardown();
        if (!started) throw error;
        this.reconnectLater();
      },
    );
    if (trusted) return;

    let stopWaiting: () => void = () => {};
    const arrived = new Promise<void>((resolve, reject) => {
      const subscription = this.tokens.event(() => resolve());
      this.cancelStart = () => reject(new Error('Push was stopped while registering'));
      stopWaiting = () => {
        subscription.dispose();
        this.cancelStart = null;
      };
    });
    try {
      await Promise.race([arrived, connected.then(() => Promise.reject(new Error('Firebase registration gave no push token')))]);
    } finally {
      stopWaiting();
      started = true;
    }
  }

  private reconnectLater(): void {
    if (!this.running) return;
    const retry = this.options.retry ?? { baseMs: 5_000, capMs: 5 * 60_000 };
    const delay = fullJitter(this.failures++, retry);
    this.clock.clearTimeout(this.reconnectTimer);
    this.reconnectTimer = this.clock.setTimeout(() => {
      this.reconnectTimer = null;
      // A failure after the token was known schedules the next attempt by itself; one before
      // it (the stored credentials were unreadable, so this was a fresh registration) does not.
      this.starting = this.connect().catch(() => this.reconnectLater());
    }, delay);
  }

  private teardown(): void {
    for (const dispose of this.unsubscribe) dispose();
    this.unsubscribe = [];
    const receiver = this.receiver;
    this.receiver = null;
    receiver?.destroy();
  }

  private setToken(token: string): void {
    if (token === this.current) return;
    this.current = token;
    this.tokens.fire(token);
  }

  /** Where the vault only obfuscates, secrets stay in memory; what an earlier version left there goes. */
  private keepsSecrets(): boolean {
    if (this.options.vault.encryption() === 'os') return true;
    for (const name of [CREDENTIALS_SECRET, PERSISTENT_IDS_SECRET]) this.options.vault.remove(name);
    return false;
  }

  private readCredentials(): Credentials | null {
    if (!this.keepsSecrets()) return null;
    const text = this.options.vault.read(CREDENTIALS_SECRET);
    if (text === null) return null;
    try {
      const parsed = StoredCredentials.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  private readPersistentIds(): string[] {
    if (!this.keepsSecrets()) return [];
    const text = this.options.vault.read(PERSISTENT_IDS_SECRET);
    if (text === null) return [];
    try {
      const parsed = StoredIds.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data.slice(-MAX_PERSISTENT_IDS) : [];
    } catch {
      return [];
    }
  }

  private saveCredentials(credentials: Credentials): void {
    this.credentials = credentials;
    if (!this.keepsSecrets()) return;
    try {
      this.options.vault.write(CREDENTIALS_SECRET, JSON.stringify(credentials));
    } catch {
      // Without encrypted storage the private keys stay in memory only: push works for this
      // session and the next start registers afresh (a new token, registered like a rotation).
    }
  }

  private remember(persistentId: string): void {
    if (this.persistentIds.includes(persistentId)) return;
    this.persistentIds = [...this.persistentIds, persistentId].slice(-MAX_PERSISTENT_IDS);
    if (!this.keepsSecrets()) return;
    try {
      this.options.vault.write(PERSISTENT_IDS_SECRET, JSON.stringify(this.persistentIds));
    } catch {
      // Same as above: at worst a notification is shown again after a restart.
    }
  }
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** What the notify policy needs from an FCM message: the visible part and where it points. */
export function toPushMessage(message: Message): PushMessage | null {
  const data = message.data ?? {};
  const title = text(message.notification?.title) ?? text(data['title']);
  const body = text(message.notification?.body) ?? text(data['body']);
  const conversationId = text(data['conversationId']) ?? text(data['conversation_id']);
  const chatbotId = text(data['chatbotId']) ?? text(data['chatbot_id']);
  if (title === undefined && body === undefined && conversationId === undefined) return null;
  return {
    title: title ?? 'New message',
    body: body ?? '',
    ...(conversationId !== undefined && { conversationId }),
    ...(chatbotId !== undefined && { chatbotId }),
  };
}
