// PushService against the real local server: the token lands in (and leaves) the agent's
// notification settings, follows rotation, is refreshed when old, a key without the permission
// shows up in the state, and a registered token makes the server's `push` event reach onMessage.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import type { PushState } from '../../../../src/shared/view-models';
import { Emitter, type Disposable } from '../../../../src/main/services/events';
import { ChatCaptainPlatform } from '../../../../src/main/services/platforms/chatcaptain/chatcaptain';
import type { PushTokenPort } from '../../../../src/main/services/platforms/platform';
import { LocalTokenSource } from '../../../../src/main/services/push/local-source';
import { PushService, type PushServiceOptions } from '../../../../src/main/services/push/push-service';
import type { PushMessage, PushTokenSource } from '../../../../src/main/services/push/token-source';
import { startServer } from '../../../../src/server/app';
import { call, testSecret, useServer } from '../../../support/server';
import { ManualClock } from '../../../support/manual-clock';
import { MemoryVault } from '../../../support/memory-vault';

const DAY = 24 * 60 * 60 * 1000;

/** A source whose token the test rotates, as FCM does; its start can be made to fail. */
class RotatingSource implements PushTokenSource {
  readonly mode = 'fcm' as const;
  private current: string | null = null;
  private readonly tokens = new Emitter<string>();
  readonly onToken = this.tokens.event;
  readonly onMessage = new Emitter<PushMessage>().event;
  failStarts = 0;
  constructor(private readonly first: string) {}
  async start() {
    if (this.failStarts-- > 0) throw new Error('fcmregistrations.googleapis.com unreachable');
    this.rotate(this.current ?? this.first);
  }
  token() {
    return this.current;
  }
  stop() {}
  rotate(token: string) {
    this.current = token;
    this.tokens.fire(token);
  }
}

describe('PushService', () => {
  const server = useServer();
  const dir = mkdtempSync(join(tmpdir(), 'deckhand-push-'));
  const services: PushService[] = [];
  const subscriptions: Disposable[] = [];
  afterEach(() => {
    services.splice(0).forEach((s) => s.dispose());
    subscriptions.splice(0).forEach((s) => s.dispose());
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  let fileCount = 0;
  const newFile = () => join(dir, `registrations-${++fileCount}.json`);
  const platformFor = (role: 'admin' | 'agent' | 'viewer') =>
    new ChatCaptainPlatform({ baseUrl: server.get().url, key: server.get().workspace.keys[role] });
  const portFor = (role: 'admin' | 'agent' | 'viewer') => platformFor(role).pushToken;
  const make = (options: Partial<Omit<PushServiceOptions, 'clock'>> & Pick<PushServiceOptions, 'source'> & { clock?: ManualClock }) => {
    const states: PushState[] = [];
    const clock = options.clock ?? new ManualClock();
    const service = new PushService({
      clock,
      onChange: (s) => states.push(s),
      registrationsFile: options.registrationsFile ?? newFile(),
      retry: { baseMs: 1_000, capMs: 1_000, random: () => 1 },
      ...options,
    });
    services.push(service);
    return { service, states, clock };
  };
  const tokenOn = async (role: 'admin' | 'agent' | 'viewer', chatbotId: string): Promise<string | null> => {
    const answer = await call(server.get(), 'GET', `/v1/inbox/${chatbotId}/agents/me/notifications`, {
      key: server.get().workspace.keys[role],
    });
    expect(answer.status).toBe(200);
    return answer.body.pushToken as string | null;
  };
  const bothChatbots = (port: PushTokenPort) => [
    { port, chatbotId: 'bot_shop' },
    { port, chatbotId: 'bot_service' },
  ];

  it('registers the local token with every chatbot of the account on attach', async () => {
    const source = new LocalTokenSource({ vault: new MemoryVault() });
    const { service, states, clock } = make({ source });
    await service.start();
    const token = source.token()!;
    expect(token).toMatch(/^local-[0-9a-f-]{36}$/);
    // No chatbot takes this device's pushes yet (Settings says so rather than "not registered").
    expect(service.state()).toEqual({ mode: 'local', chatbots: 0, registered: false, registeredAt: null, error: null });

    service.attach('acct-agent', bothChatbots(portFor('agent')));

    await vi.waitFor(() => expect(service.state().registered).toBe(true));
    expect(service.state()).toEqual({ mode: 'local', chatbots: 2, registered: true, registeredAt: clock.now(), error: null });
    expect(states.at(-1)).toEqual(service.state());
    expect(await tokenOn('agent', 'bot_shop')).toBe(token);
    expect(await tokenOn('agent', 'bot_service')).toBe(token);
  });

  it('keeps the local token across restarts through the vault', async () => {
    const vault = new MemoryVault();
    const first = new LocalTokenSource({ vault });
    await first.start();
    const second = new LocalTokenSource({ vault });
    await second.start();
    expect(second.token()).toBe(first.token());
  });

  it('registers the new token everywhere when the token rotates', async () => {
    const source = new RotatingSource('fcm-token-a');
    const { service } = make({ source });
    await service.start();
    service.attach('acct-agent', bothChatbots(portFor('agent')));
    await vi.waitFor(async () => expect(await tokenOn('agent', 'bot_service')).toBe('fcm-token-a'));
    expect(service.state()).toMatchObject({ mode: 'fcm', registered: true });

    source.rotate('fcm-token-b');
    // Not registered until every chatbot holds the new token.
    expect(service.state().registered).toBe(false);

    await vi.waitFor(() => expect(service.state().registered).toBe(true));
    expect(await tokenOn('agent', 'bot_shop')).toBe('fcm-token-b');
    expect(await tokenOn('agent', 'bot_service')).toBe('fcm-token-b');
  });

  it('clears the token on sign-out (detach) and forgets the registration', async () => {
    const file = newFile();
    const source = new RotatingSource('fcm-token-signout');
    const { service } = make({ source, registrationsFile: file });
    await service.start();
    service.attach('acct-agent', bothChatbots(portFor('agent')));
    await vi.waitFor(() => expect(service.state().registered).toBe(true));
    expect(readFileSync(file, 'utf8')).toContain('acct-agent');
    expect(readFileSync(file, 'utf8')).not.toContain('fcm-token-signout');

    await service.detach('acct-agent');

    expect(await tokenOn('agent', 'bot_shop')).toBeNull();
    expect(await tokenOn('agent', 'bot_service')).toBeNull();
    expect(service.state()).toEqual({ mode: 'fcm', chatbots: 0, registered: false, registeredAt: null, error: null });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ version: 1, registrations: [] });
  });

  it('clears on a sign-out that comes while the registration is still on its way', async () => {
    const source = new RotatingSource('fcm-token-quick');
    const { service } = make({ source });
    await service.start();
    service.attach('acct-quick', [{ port: portFor('admin'), chatbotId: 'bot_service' }]);
    await service.detach('acct-quick');

    expect(await tokenOn('admin', 'bot_service')).toBeNull();
    expect(service.state()).toMatchObject({ registered: false, error: null });

    // Signing in again registers again.
    service.attach('acct-quick', [{ port: portFor('admin'), chatbotId: 'bot_service' }]);
    await vi.waitFor(() => expect(service.state().registered).toBe(true));
    expect(await tokenOn('admin', 'bot_service')).toBe('fcm-token-quick');
  });

  it('registers again where the stored registration has grown old, and only there', async () => {
    const file = newFile();
    const vault = new MemoryVault();
    const port = portFor('agent');
    const sends = vi.spyOn(port, 'setPushToken');
    const first = make({ source: new LocalTokenSource({ vault }), registrationsFile: file });
    await first.service.start();
    first.service.attach('acct-agent', [{ port, chatbotId: 'bot_shop' }]);
    await vi.waitFor(() => expect(first.service.state().registered).toBe(true));
    const token = (await tokenOn('agent', 'bot_shop'))!;
    const registeredAt = first.service.state().registeredAt;
    first.service.dispose();
    expect(sends).toHaveBeenCalledTimes(1);

    // Restart a day later: the registration is fresh, so nothing is sent, even though the
    // server has meanwhile dropped the token.
    await call(server.get(), 'POST', '/v1/inbox/bot_shop/agents/me/notifications', {
      key: server.get().workspace.keys.agent,
      body: { pushToken: null },
    });
    const clock = new ManualClock(first.clock.now() + DAY);
    const second = make({ source: new LocalTokenSource({ vault }), registrationsFile: file, clock });
    await second.service.start();
    second.service.attach('acct-agent', [{ port, chatbotId: 'bot_shop' }]);
    expect(second.service.state()).toMatchObject({ registered: true, registeredAt });
    expect(sends).toHaveBeenCalledTimes(1);

    // The daily checks leave it alone until it is 7 days old, then send it again.
    clock.advance(5 * DAY);
    expect(sends).toHaveBeenCalledTimes(1);
    clock.advance(DAY);
    await vi.waitFor(async () => expect(await tokenOn('agent', 'bot_shop')).toBe(token));
    expect(sends).toHaveBeenCalledTimes(2);
    await vi.waitFor(() => expect(second.service.state().registeredAt).toBe(clock.now()));

    // A start far in the future re-registers at once.
    const later = new ManualClock(clock.now() + 30 * DAY);
    second.service.dispose();
    const third = make({ source: new LocalTokenSource({ vault }), registrationsFile: file, clock: later });
    third.service.attach('acct-agent', [{ port, chatbotId: 'bot_shop' }]);
    await third.service.start();
    await vi.waitFor(() => expect(third.service.state()).toMatchObject({ registered: true, registeredAt: later.now() }));
    expect(sends).toHaveBeenCalledTimes(3);
  });

  it('shows a key without notifications.edit as an error naming the permission, not as registered', async () => {
    const source = new LocalTokenSource({ vault: new MemoryVault() });
    const { service, states, clock } = make({ source });
    await service.start();
    const viewer = portFor('viewer');
    const sends = vi.spyOn(viewer, 'setPushToken');
    service.attach('acct-agent', [{ port: portFor('agent'), chatbotId: 'bot_shop' }]);
    service.attach('acct-viewer', [{ port: viewer, chatbotId: 'bot_shop' }]);

    await vi.waitFor(() => expect(service.state().error).toMatch(/chatbots\.inbox\.agents\.notifications\.edit/));
    expect(service.state()).toMatchObject({ mode: 'local', registered: false, registeredAt: null });
    expect(service.state().error).toMatch(/bot_shop/);
    expect(states.at(-1)).toEqual(service.state());
    expect(await tokenOn('viewer', 'bot_shop')).toBeNull();

    // A missing permission is not retried in a loop, only by the daily check.
    clock.advance(60_000);
    expect(sends).toHaveBeenCalledTimes(1);
    clock.advance(DAY);
    expect(sends).toHaveBeenCalledTimes(2);

    // Signing the viewer out leaves the agent's registration, which is complete.
    await service.detach('acct-viewer');
    expect(service.state()).toMatchObject({ registered: true, error: null });
  });

  it('retries a failed registration with backoff and clears the error once it succeeds', async () => {
    // A server that is down for a while: same database file and port before and after.
    const db = join(dir, 'down.sqlite');
    const before = await startServer({ db, secret: testSecret });
    const { port } = before;
    const key = before.workspace.keys.agent;
    await before.close();
    const far = new ChatCaptainPlatform({ baseUrl: `http://127.0.0.1:${port}`, key, http: { retries: 0 } }).pushToken;
    const sends = vi.spyOn(far, 'setPushToken');
    const { service, clock } = make({ source: new RotatingSource('fcm-token-retry') });
    await service.start();
    service.attach('acct-far', [{ port: far, chatbotId: 'bot_shop' }]);
    await vi.waitFor(() => expect(service.state().error).toMatch(/^Could not register for push notifications with bot_shop: /));
    expect(service.state().registered).toBe(false);

    const after = await startServer({ db, port, secret: testSecret });
    try {
      // The backoff timer, not anything else, sends it again.
      clock.advance(999);
      expect(sends).toHaveBeenCalledTimes(1);
      clock.advance(1);
      expect(sends).toHaveBeenCalledTimes(2);
      await vi.waitFor(() => expect(service.state()).toMatchObject({ registered: true, error: null }));
      const settings = await call(after, 'GET', '/v1/inbox/bot_shop/agents/me/notifications', { key });
      expect(settings.body.pushToken).toBe('fcm-token-retry');
    } finally {
      await after.close();
    }
  });

  it('shows a source that cannot start and starts it again with backoff', async () => {
    const source = new RotatingSource('fcm-token-late');
    source.failStarts = 1;
    const { service, clock } = make({ source });
    service.attach('acct-agent', [{ port: portFor('agent'), chatbotId: 'bot_service' }]);
    await service.start();
    expect(service.state()).toMatchObject({ mode: 'fcm', registered: false, error: expect.stringMatching(/could not start: .*unreachable/) });

    clock.advance(1_000);
    await vi.waitFor(() => expect(service.state()).toMatchObject({ registered: true, error: null }));
    expect(await tokenOn('agent', 'bot_service')).toBe('fcm-token-late');
  });

  it('is off without a source', async () => {
    const { service } = make({ source: null });
    await service.start();
    service.attach('acct-agent', [{ port: portFor('agent'), chatbotId: 'bot_shop' }]);
    expect(service.state()).toEqual({ mode: 'off', chatbots: 1, registered: false, registeredAt: null, error: null });
  });

  it('end to end: a new customer message in a waiting conversation reaches onMessage', async () => {
    const s = server.get();
    const source = new LocalTokenSource({ vault: new MemoryVault() });
    const { service } = make({ source });
    await service.start();
    const platform = platformFor('agent');
    service.attach('acct-agent', [{ port: platform.pushToken, chatbotId: 'bot_shop' }]);
    await vi.waitFor(() => expect(service.state().registered).toBe(true));

    const messages: PushMessage[] = [];
    subscriptions.push(source.onMessage((m) => messages.push(m)));
    let connected = false;
    subscriptions.push(
      platform.live.subscribe('bot_shop', {
        onEvent: (e) => {
          if (e.type === 'push') source.deliver({ ...e.push, chatbotId: 'bot_shop' });
        },
        onConnect: () => (connected = true),
        onMissed: () => {},
        onDisconnect: () => {},
        onUnavailable: () => {},
      }),
    );
    await vi.waitFor(() => expect(connected).toBe(true));

    const handle = (text: string) =>
      call(s, 'POST', '/v1/chatbots/bot_shop/conversations/handle', {
        body: { chatbotId: 'bot_shop', channelId: 'whatsapp', channelName: 'WhatsApp Business', providerId: '4915100000777', text },
      });
    const { conversation } = (await handle('Ich brauche einen Menschen')).body;
    const patched = await call(s, 'PATCH', `/v1/chatbots/bot_shop/conversations/${conversation.id}`, { body: { status: 'waiting' } });
    expect(patched.status).toBe(200);
    await handle('Hallo? Ist da jemand?');

    await vi.waitFor(() => expect(messages).toHaveLength(1));
    expect(messages[0]).toEqual({
      title: conversation.contactName,
      body: 'Hallo? Ist da jemand?',
      conversationId: conversation.id,
      chatbotId: 'bot_shop',
    });
  });
});
