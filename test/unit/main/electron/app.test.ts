import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeWebContents } from './fake-web-contents';

type Listener = (...args: unknown[]) => void;
const electron = vi.hoisted(() => ({
  listeners: new Map<string, (...args: unknown[]) => void>(),
  locked: true,
  ready: Promise.resolve(),
  quit: vi.fn(),
  setAsDefaultProtocolClient: vi.fn(),
  privileged: vi.fn(),
  handle: vi.fn(),
}));

vi.mock('electron', () => ({
  app: {
    isPackaged: true,
    requestSingleInstanceLock: () => electron.locked,
    quit: electron.quit,
    exit: vi.fn(),
    on: (event: string, listener: Listener) => electron.listeners.set(event, listener),
    whenReady: () => electron.ready,
    getPath: (name: string) => `/home/agent/.config/Deckhand/${name}`,
    getLocale: () => 'de-DE',
    setAsDefaultProtocolClient: electron.setAsDefaultProtocolClient,
  },
  shell: { openExternal: vi.fn(async () => undefined) },
  protocol: { registerSchemesAsPrivileged: electron.privileged, handle: electron.handle },
  BrowserWindow: class {},
}));

const { parseDeepLink, runApp } = await import('../../../../src/main/electron/app');

const fire = (event: string, ...args: unknown[]) => electron.listeners.get(event)!(...args);
const composed = () => ({ focus: vi.fn(), openConversation: vi.fn(), stop: vi.fn(async () => undefined) });

beforeEach(() => {
  electron.listeners.clear();
  electron.locked = true;
  electron.ready = Promise.resolve();
  electron.quit.mockClear();
  electron.privileged.mockClear();
  electron.handle.mockClear();
});

describe('parseDeepLink', () => {
  it('reads deckhand://conversation/<account>/<chatbot>/<conversation>', () => {
    expect(parseDeepLink('deckhand://conversation/acc_1/bot_shop/conv_9f.x')).toEqual({
      accountId: 'acc_1',
      chatbotId: 'bot_shop',
      conversationId: 'conv_9f.x',
    });
  });

  it.each([
    'deckhand://conversation/acc/bot',
    'deckhand://conversation/acc/bot/conv/extra',
    'deckhand://conversation/acc/bot/conv/',
    'deckhand://conversation//bot/conv',
    'deckhand://conversation/acc/bot/conv?x=1',
    'deckhand://conversation/acc/bot/conv#top',
    'deckhand://conversation/acc/bot/conv?',
    'deckhand://user:pw@conversation/acc/bot/conv',
    'deckhand://conversation:99/acc/bot/conv',
    'deckhand://settings/acc/bot/conv',
    'deckhand://Conversation/acc/bot/conv',
    'deckhand://conversation/acc/bot/..',
    'deckhand://conversation/acc/bot/%2e%2e',
    'deckhand://conversation/acc/bot/a%2Fb',
    'deckhand://conversation/acc/bot/<script>',
    'deckhand:conversation/acc/bot/conv',
    'https://conversation/acc/bot/conv',
    `deckhand://conversation/acc/bot/${'c'.repeat(200)}`,
    '',
    'deckhand://',
  ])('refuses %s', (link) => {
    expect(parseDeepLink(link)).toBeNull();
  });

  it('refuses what is not a string', () => {
    expect(parseDeepLink(undefined)).toBeNull();
    expect(parseDeepLink({ toString: () => 'deckhand://conversation/a/b/c' })).toBeNull();
  });
});

describe('runApp', () => {
  it('hands over to the running instance when it does not get the lock', () => {
    electron.locked = false;
    const compose = vi.fn();
    runApp(compose, '/opt/deckhand/out');
    expect(electron.quit).toHaveBeenCalled();
    expect(compose).not.toHaveBeenCalled();
  });

  it('registers deckhand://, composes when ready, and forwards valid links only', async () => {
    const app = composed();
    const compose = vi.fn(() => app);
    runApp(compose, '/opt/deckhand/out');
    expect(electron.setAsDefaultProtocolClient.mock.calls[0]?.[0]).toBe('deckhand');
    // A link that launched the app arrives before it is ready: it waits for the composition.
    fire('open-url', { preventDefault: vi.fn() }, 'deckhand://conversation/a/b/c1');
    expect(app.openConversation).not.toHaveBeenCalled();
    await vi.waitFor(() =>
      expect(compose).toHaveBeenCalledWith({
        outDir: '/opt/deckhand/out',
        appUrl: 'app://deckhand/index.html',
        dataDir: '/home/agent/.config/Deckhand/userData',
        locale: 'de-DE',
      }),
    );
    await vi.waitFor(() => expect(app.openConversation).toHaveBeenCalledWith({ accountId: 'a', chatbotId: 'b', conversationId: 'c1' }));

    fire('second-instance', {}, ['/usr/bin/deckhand', '--flag', 'deckhand://conversation/a/b/c2']);
    expect(app.openConversation).toHaveBeenLastCalledWith({ accountId: 'a', chatbotId: 'b', conversationId: 'c2' });
    fire('second-instance', {}, ['/usr/bin/deckhand', 'deckhand://conversation/a/b/c3?evil=1']);
    expect(app.openConversation).toHaveBeenCalledTimes(2);
    expect(app.focus).toHaveBeenCalledTimes(2);
  });

  it('makes app:// a secure standard scheme before ready, and serves out/renderer on it once ready', async () => {
    let ready = () => {};
    electron.ready = new Promise<void>((resolve) => (ready = resolve));
    const compose = vi.fn(() => composed());
    runApp(compose, '/opt/deckhand/out');
    expect(electron.privileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) as unknown },
    ]);
    expect(electron.handle).not.toHaveBeenCalled();
    ready();
    await vi.waitFor(() => expect(compose).toHaveBeenCalled());
    expect(electron.handle).toHaveBeenCalledTimes(1);
    expect(electron.handle.mock.calls[0]?.[0]).toBe('app');
  });

  it('hardens every webContents created, and quits with the last window except on macOS', () => {
    runApp(() => composed(), '/opt/deckhand/out');
    const contents = new FakeWebContents();
    fire('web-contents-created', {}, contents);
    expect(contents.open('https://example.com')).toEqual({ action: 'deny' });
    expect(contents.navigate('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.attachWebview()).toBe(true);
    fire('window-all-closed');
    expect(electron.quit).toHaveBeenCalledTimes(process.platform === 'darwin' ? 0 : 1);
  });

  it('stops the services once before quitting, and then quits', async () => {
    const app = composed();
    let finishStop = () => {};
    app.stop.mockImplementation(() => new Promise<undefined>((resolve) => (finishStop = () => resolve(undefined))));
    runApp(() => app, '/opt/deckhand/out');
    await vi.waitFor(() => expect(electron.listeners.has('will-quit')).toBe(true));
    await electron.ready;
    await new Promise((resolve) => setTimeout(resolve, 0));
    const first = { preventDefault: vi.fn() };
    fire('will-quit', first);
    expect(first.preventDefault).toHaveBeenCalled();
    expect(app.stop).toHaveBeenCalledTimes(1);
    expect(electron.quit).not.toHaveBeenCalled();
    finishStop();
    await vi.waitFor(() => expect(electron.quit).toHaveBeenCalledTimes(1));
    // The second will-quit (from that quit) goes through.
    const second = { preventDefault: vi.fn() };
    fire('will-quit', second);
    expect(second.preventDefault).not.toHaveBeenCalled();
    expect(app.stop).toHaveBeenCalledTimes(1);
  });
});
