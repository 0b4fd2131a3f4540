// FcmTokenSource over a stand-in for @eneris/push-receiver: Firebase's servers cannot be reached
// from here, so the fake plays the library's side (register when the credentials do not fit,
// check in when they do, announce rotation and notifications) and records what it was given.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Credentials, MessageEnvelope } from '@eneris/push-receiver/dist/types';
import {
  CREDENTIALS_SECRET,
  FcmTokenSource,
  PERSISTENT_IDS_SECRET,
  toPushMessage,
} from '../../../../src/main/services/push/fcm-source';
import type { PushMessage } from '../../../../src/main/services/push/token-source';
import { ManualClock } from '../../../support/manual-clock';
import { MemoryVault } from '../../../support/memory-vault';

const fcm = vi.hoisted(() => {
  type Config = { firebase: { projectId: string }; credentials?: Credentials; persistentIds?: string[] };
  type Listener = (data: never) => void;
  const state = {
    instances: [] as FakeReceiver[],
    registrations: 0,
    /** What the next connect() does before the token is known: succeed or fail with this error. */
    failNext: null as Error | null,
  };
  class FakeReceiver {
    readonly listeners = new Map<string, Set<Listener>>();
    destroyed = false;
    constructor(readonly config: Config) {
      state.instances.push(this);
    }
    get fcmToken(): string | undefined {
      return this.config.credentials?.fcm.token;
    }
    private on(event: string, listener: Listener): () => void {
      const set = this.listeners.get(event) ?? new Set();
      set.add(listener);
      this.listeners.set(event, set);
      return () => set.delete(listener);
    }
    emit(event: string, data: unknown): void {
      for (const listener of this.listeners.get(event) ?? []) (listener as (d: unknown) => void)(data);
    }
    onCredentialsChanged(listener: Listener) {
      return this.on('credentials', listener);
    }
    onNotification(listener: Listener) {
      return this.on('notification', listener);
    }
    checkCredentials(credentials: Credentials | undefined): boolean {
      return credentials?.config.projectId === this.config.firebase.projectId;
    }
    connect = async (): Promise<void> => {
      await Promise.resolve();
      const failure = state.failNext;
      state.failNext = null;
      if (failure) throw failure;
      if (!this.checkCredentials(this.config.credentials)) this.rotate();
    };
    /** What the library does when it registers: new keys and token, announced. */
    rotate(): void {
      const n = ++state.registrations;
      const newCredentials = credentialsFor(this.config.firebase.projectId, `fcm-token-${n}`, `private-key-${n}`);
      const oldCredentials = this.config.credentials;
      this.config.credentials = newCredentials;
      this.emit('credentials', { oldCredentials, newCredentials });
    }
    destroy = (): void => {
      this.destroyed = true;
    };
  }
  function credentialsFor(projectId: string, token: string, privateKey: string): Credentials {
    return {
      gcm: { androidId: '5012', securityToken: '77', appId: 'wp:receiver.push.com#1', token: 'gcm-token' },
      fcm: { token, installation: { token: 'inst', createdAt: 1, expiresIn: 604800, refreshToken: 'refresh', fid: 'fid' } },
      keys: { privateKey, publicKey: 'public', authSecret: 'secret' },
      config: { projectId, vapidKey: '', bundleId: 'receiver.push.com' },
    };
  }
  return { state, FakeReceiver, credentialsFor };
});

vi.mock('@eneris/push-receiver', () => ({ PushReceiver: fcm.FakeReceiver, default: fcm.FakeReceiver }));

const firebase = { apiKey: 'api-key', appId: '1:2:web:3', projectId: 'deckhand-test', messagingSenderId: '42' };
const last = () => fcm.state.instances.at(-1)!;

describe('FcmTokenSource', () => {
  let vault: MemoryVault;
  let clock: ManualClock;
  const sources: FcmTokenSource[] = [];
  const make = () => {
    const source = new FcmTokenSource({ firebase, vault, clock, retry: { baseMs: 1_000, capMs: 1_000, random: () => 1 } });
    sources.push(source);
    return source;
  };

  beforeEach(() => {
    vault = new MemoryVault();
    clock = new ManualClock();
    fcm.state.instances = [];
    fcm.state.registrations = 0;
    fcm.state.failNext = null;
  });
  afterEach(() => sources.splice(0).forEach((s) => s.stop()));

  it('registers on first start and keeps the credentials, private keys included, in the vault', async () => {
    const source = make();
    const tokens: string[] = [];
    source.onToken((t) => tokens.push(t));
    expect(source.token()).toBeNull();

    await source.start();

    expect(source.token()).toBe('fcm-token-1');
    expect(tokens).toEqual(['fcm-token-1']);
    expect(last().config.firebase).toEqual(firebase);
    expect(last().config.credentials).toMatchObject({ fcm: { token: 'fcm-token-1' } });
    const saved = JSON.parse(vault.read(CREDENTIALS_SECRET)!) as Credentials;
    expect(saved.fcm.token).toBe('fcm-token-1');
    expect(saved.keys.privateKey).toBe('private-key-1');
  });

  it('reuses the stored credentials on the next start: same token, no new registration', async () => {
    await make().start();
    sources[0]!.stop();

    const again = make();
    const tokens: string[] = [];
    again.onToken((t) => tokens.push(t));
    await again.start();

    expect(fcm.state.instances).toHaveLength(2);
    expect(last().config.credentials).toEqual(JSON.parse(vault.read(CREDENTIALS_SECRET)!));
    expect(again.token()).toBe('fcm-token-1');
    expect(tokens).toEqual(['fcm-token-1']);
    expect(fcm.state.registrations).toBe(1);
  });

  it('registers afresh when the stored credentials belong to another Firebase project, or are unreadable', async () => {
    vault.write(CREDENTIALS_SECRET, JSON.stringify(fcm.credentialsFor('another-project', 'old-token', 'k')));
    const source = make();
    await source.start();
    expect(source.token()).toBe('fcm-token-1');

    // The next run of the app finds them damaged.
    vault.write(CREDENTIALS_SECRET, '{"fcm": {"token": "half"}}');
    source.stop();
    const next = make();
    await next.start();
    expect(last().config.credentials).toMatchObject({ fcm: { token: 'fcm-token-2' } });
    expect(next.token()).toBe('fcm-token-2');
  });

  it('announces a rotated token and stores the new credentials', async () => {
    const source = make();
    await source.start();
    const tokens: string[] = [];
    source.onToken((t) => tokens.push(t));

    last().rotate();

    expect(tokens).toEqual(['fcm-token-2']);
    expect(source.token()).toBe('fcm-token-2');
    expect((JSON.parse(vault.read(CREDENTIALS_SECRET)!) as Credentials).fcm.token).toBe('fcm-token-2');
  });

  it('turns notifications into messages and remembers their ids, so a restart does not replay them', async () => {
    const source = make();
    await source.start();
    const messages: PushMessage[] = [];
    source.onMessage((m) => messages.push(m));

    const envelope: MessageEnvelope = {
      persistentId: '0:1700000000000000%abc',
      message: {
        notification: { title: 'Anna Becker', body: 'Wo bleibt mein Paket?' },
        data: { conversationId: 'conv_1', chatbotId: 'bot_shop' },
      },
    };
    last().emit('notification', envelope);

    expect(messages).toEqual([{ title: 'Anna Becker', body: 'Wo bleibt mein Paket?', conversationId: 'conv_1', chatbotId: 'bot_shop' }]);
    expect(JSON.parse(vault.read(PERSISTENT_IDS_SECRET)!)).toEqual(['0:1700000000000000%abc']);

    source.stop();
    await make().start();
    expect(last().config.persistentIds).toEqual(['0:1700000000000000%abc']);
  });

  it('keeps only the latest persistent ids', async () => {
    vault.write(PERSISTENT_IDS_SECRET, JSON.stringify(Array.from({ length: 100 }, (_, i) => `id-${i}`)));
    const source = make();
    await source.start();
    last().emit('notification', { persistentId: 'id-new', message: { notification: { title: 't', body: 'b' } } });
    const kept = JSON.parse(vault.read(PERSISTENT_IDS_SECRET)!) as string[];
    expect(kept).toHaveLength(100);
    expect(kept.at(-1)).toBe('id-new');
    expect(kept[0]).toBe('id-1');
  });

  it('stop destroys the receiver and no longer hears it', async () => {
    const source = make();
    await source.start();
    const receiver = last();
    const messages: PushMessage[] = [];
    source.onMessage((m) => messages.push(m));

    source.stop();

    expect(receiver.destroyed).toBe(true);
    receiver.emit('notification', { persistentId: 'p', message: { notification: { title: 't', body: 'b' } } });
    expect(messages).toEqual([]);
  });

  it('rejects when the first registration fails, and can be started again', async () => {
    fcm.state.failNext = new Error('getaddrinfo ENOTFOUND fcmregistrations.googleapis.com');
    const source = make();
    await expect(source.start()).rejects.toThrow(/ENOTFOUND/);
    expect(last().destroyed).toBe(true);
    expect(source.token()).toBeNull();

    await source.start();
    expect(source.token()).toBe('fcm-token-1');
  });

  it('with stored credentials, gives the token at once and reconnects later when the check-in fails', async () => {
    await make().start();
    sources[0]!.stop();

    fcm.state.failNext = new Error('socket hang up');
    const source = make();
    await source.start();
    expect(source.token()).toBe('fcm-token-1');
    await vi.waitFor(() => expect(last().destroyed).toBe(true));
    expect(clock.pending()).toBe(1);

    clock.advance(1_000);
    expect(fcm.state.instances).toHaveLength(3);
    expect(last().destroyed).toBe(false);
    expect(last().config.credentials).toMatchObject({ fcm: { token: 'fcm-token-1' } });
  });

  it('keeps the credentials in memory only where the vault cannot encrypt, as it does for API keys', async () => {
    vault = new MemoryVault('basic_text');
    // What an earlier version may have written there goes too.
    vault.write(CREDENTIALS_SECRET, JSON.stringify(fcm.credentialsFor('deckhand-test', 'stale', 'stale-private-key')));
    vault.write(PERSISTENT_IDS_SECRET, JSON.stringify(['old']));
    const source = make();
    await source.start();
    expect(source.token()).toBe('fcm-token-1');
    last().emit('notification', { persistentId: 'id-1', message: { notification: { title: 't', body: 'b' } } });
    expect(vault.names()).toEqual([]);
    // The session works all the same: rotation and notifications from memory.
    last().rotate();
    expect(source.token()).toBe('fcm-token-2');
  });

  it('connects again at once when the machine wakes or the network is back, however the library gave up', async () => {
    const source = make();
    await source.start();
    const before = fcm.state.instances.length;
    // The library lost its connection and stopped trying, silently (what it does when Google's
    // check-in fails while offline): only a wake-up brings it back.
    source.wake();
    expect(fcm.state.instances).toHaveLength(before + 1);
    expect(fcm.state.instances[before - 1]!.destroyed).toBe(true);
    await vi.waitFor(() => expect(source.token()).toBe('fcm-token-1'));
    expect(fcm.state.registrations).toBe(1);

    // Woken again right away (several signals at once): one reconnect is enough.
    source.wake();
    expect(fcm.state.instances).toHaveLength(before + 1);
    clock.advance(60_000);
    source.wake();
    expect(fcm.state.instances).toHaveLength(before + 2);
  });

  it('does nothing on wake while stopped', async () => {
    const source = make();
    await source.start();
    source.stop();
    const count = fcm.state.instances.length;
    source.wake();
    expect(fcm.state.instances).toHaveLength(count);
  });
});

describe('toPushMessage', () => {
  it('takes title and body from the notification, the conversation from data', () => {
    expect(toPushMessage({ notification: { title: 'T', body: 'B' }, data: { conversation_id: 'c9' } })).toEqual({
      title: 'T',
      body: 'B',
      conversationId: 'c9',
    });
  });

  it('falls back to data fields and ignores messages with nothing to show', () => {
    expect(toPushMessage({ data: { title: 'From data', body: 'text', conversationId: 'c1' } })).toEqual({
      title: 'From data',
      body: 'text',
      conversationId: 'c1',
    });
    expect(toPushMessage({ data: { conversationId: 42 } })).toBeNull();
    expect(toPushMessage({})).toBeNull();
  });
});