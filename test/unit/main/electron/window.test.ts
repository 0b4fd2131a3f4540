import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FakeWebContents } from './fake-web-contents';

const electron = vi.hoisted(() => ({
  windows: [] as { options: Record<string, unknown>; webContents: unknown; loadURL: unknown; loadFile: unknown }[],
  app: { isPackaged: false },
  openExternal: vi.fn(async (_url: string) => undefined),
}));

vi.mock('electron', async () => {
  const { FakeWebContents: Contents } = await import('./fake-web-contents');
  const { vi: v } = await import('vitest');
  class BrowserWindow {
    readonly webContents = new Contents();
    readonly loadURL = v.fn(async () => undefined);
    readonly loadFile = v.fn(async () => undefined);
    readonly once = v.fn();
    readonly show = v.fn();
    constructor(readonly options: Record<string, unknown>) {
      electron.windows.push(this);
    }
  }
  return { BrowserWindow, app: electron.app, shell: { openExternal: (url: string) => electron.openExternal(url) } };
});

const { createMainWindow, isAppUrl, rendererLocation } = await import('../../../../src/main/electron/window');
const { APP_INDEX_URL, CONTENT_SECURITY_POLICY } = await import('../../../../src/main/electron/protocol');
const { openExternalSafely } = await import('../../../../src/main/electron/external');

const outDir = join('/opt', 'deckhand', 'out');
const indexUrl = APP_INDEX_URL;

function open(devServerUrl?: string) {
  createMainWindow({ outDir, ...(devServerUrl !== undefined && { devServerUrl }) });
  const window = electron.windows.at(-1)!;
  return { window, contents: window.webContents as FakeWebContents };
}

type HeadersListener = (
  details: { url: string; responseHeaders?: Record<string, string[]> },
  callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
) => void;

function headersFor(contents: FakeWebContents, url: string, responseHeaders: Record<string, string[]> = {}) {
  const listener = contents.session.webRequest.onHeadersReceived.mock.calls[0]![0] as HeadersListener;
  let answer: { responseHeaders?: Record<string, string[]> } | undefined;
  listener({ url, responseHeaders }, (response) => (answer = response));
  return answer;
}

beforeEach(() => {
  electron.windows.length = 0;
  electron.app.isPackaged = false;
  vi.stubEnv('ELECTRON_RENDERER_URL', '');
});
afterEach(() => vi.unstubAllEnvs());

describe('createMainWindow', () => {
  it('isolates and sandboxes the renderer and loads the preload bundle', () => {
    const { window } = open();
    const prefs = window.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
    expect(prefs.preload).toBe(join(outDir, 'preload', 'index.cjs'));
  });

  it('turns off middle-click, and DevTools once packaged', () => {
    const prefs = () => electron.windows.at(-1)!.options.webPreferences as Record<string, unknown>;
    open();
    expect(prefs()).toMatchObject({ disableBlinkFeatures: 'Auxclick', devTools: true });
    electron.app.isPackaged = true;
    open();
    expect(prefs()).toMatchObject({ disableBlinkFeatures: 'Auxclick', devTools: false });
  });

  it('loads the built renderer from app://, or a loopback dev server only while unpackaged', () => {
    expect(open().window.loadURL).toHaveBeenCalledWith('app://deckhand/index.html');
    expect(open('http://localhost:5173/').window.loadURL).toHaveBeenCalledWith('http://localhost:5173/');
    expect(open('https://evil.example/').window.loadURL).toHaveBeenCalledWith('app://deckhand/index.html');
    electron.app.isPackaged = true;
    expect(open('http://localhost:5173/').window.loadURL).toHaveBeenCalledWith('app://deckhand/index.html');
    expect(electron.windows.every((w) => !(w.loadFile as { mock: { calls: unknown[] } }).mock.calls.length)).toBe(true);
  });

  it('sets the CSP header on the app pages, replacing any the server sent, and leaves others alone', () => {
    const { contents } = open('http://localhost:5173/');
    const answer = headersFor(contents, 'http://localhost:5173/index.html', { 'content-security-policy': ['default-src *'], 'x-a': ['1'] });
    expect(answer?.responseHeaders).toEqual({ 'x-a': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
    for (const directive of ["default-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]) {
      expect(CONTENT_SECURITY_POLICY).toContain(directive);
    }
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe');
    expect(headersFor(contents, 'https://cdn.example/image.png')).toEqual({});
  });

  it('prevents navigation away from the app', () => {
    const { contents } = open();
    expect(contents.navigate('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.navigate('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(contents.navigate('will-navigate', 'app://elsewhere/index.html')).toBe(true);
    expect(contents.navigate('will-redirect', 'https://evil.example/')).toBe(true);
    expect(contents.navigate('will-navigate', `${indexUrl}#/inbox`)).toBe(false);
  });

  it('denies window.open, sending only safe http(s) links to the browser', () => {
    const { contents } = open();
    expect(contents.open('https://example.com/docs?q=1')).toEqual({ action: 'deny' });
    expect(electron.openExternal).toHaveBeenCalledWith('https://example.com/docs?q=1');
    electron.openExternal.mockClear();
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'smb://host/share', 'ms-settings:privacy', 'https://user:pw@example.com/', 'not a url']) {
      expect(contents.open(url)).toEqual({ action: 'deny' });
    }
    expect(electron.openExternal).not.toHaveBeenCalled();
  });

  it('refuses webviews and every permission but notifications from its own page, asked or checked', () => {
    const { contents } = open();
    expect(contents.attachWebview()).toBe(true);
    const request = contents.session.setPermissionRequestHandler.mock.calls[0]![0] as (
      wc: { id: number },
      permission: string,
      callback: (granted: boolean) => void,
      details: { requestingUrl: string },
    ) => void;
    const check = contents.session.setPermissionCheckHandler.mock.calls[0]![0] as (wc: { id: number } | null, permission: string, origin: string) => boolean;
    const ask = (permission: string, requester: { id: number } | null = contents, url = indexUrl) => {
      let granted: boolean | undefined;
      request(requester ?? { id: -2 }, permission, (g) => (granted = g), { requestingUrl: url });
      const checked = check(requester, permission, new URL(url).protocol === 'app:' ? 'app://deckhand' : url);
      expect(checked).toBe(granted);
      return granted;
    };
    expect(ask('notifications')).toBe(true);
    expect(ask('media')).toBe(false);
    expect(ask('geolocation')).toBe(false);
    expect(ask('clipboard-read')).toBe(false);
    // The customer panel copies e-mails and numbers; it never reads the clipboard.
    expect(ask('clipboard-sanitized-write')).toBe(true);
    expect(ask('clipboard-sanitized-write', contents, 'https://evil.example/')).toBe(false);
    expect(ask('openExternal')).toBe(false);
    expect(ask('notifications', { id: -1 })).toBe(false);
    expect(ask('notifications', null)).toBe(false);
    expect(ask('notifications', contents, 'https://evil.example/')).toBe(false);
  });
});

describe('openExternalSafely', () => {
  it('hands only credential-free http(s) URLs to the OS, normalised', () => {
    electron.openExternal.mockClear();
    expect(openExternalSafely('HTTPS://Example.com')).toBe(true);
    expect(openExternalSafely('http://example.com/a b')).toBe(true);
    expect(electron.openExternal.mock.calls.map(([url]) => url)).toEqual(['https://example.com/', 'http://example.com/a%20b']);
    for (const url of ['javascript:alert(1)', 'data:text/html,x', 'file:///C:/Windows/system32/calc.exe', 'deckhand://x', 'http://u@example.com', '//example.com', '', 42]) {
      expect(openExternalSafely(url)).toBe(false);
    }
    expect(electron.openExternal).toHaveBeenCalledTimes(2);
  });
});

describe('isAppUrl', () => {
  it('accepts the app’s own scheme and host, or the dev server origin', () => {
    expect(isAppUrl(`${indexUrl}?x#y`, indexUrl)).toBe(true);
    expect(isAppUrl('app://deckhand/assets/index.js', indexUrl)).toBe(true);
    expect(isAppUrl('app://deckhand', indexUrl)).toBe(true);
    expect(isAppUrl('app://elsewhere/index.html', indexUrl)).toBe(false);
    expect(isAppUrl('app://deckhand.evil.example/', indexUrl)).toBe(false);
    expect(isAppUrl('file:///opt/deckhand/out/renderer/index.html', indexUrl)).toBe(false);
    expect(isAppUrl('http://localhost:5173/a/b', 'http://localhost:5173/')).toBe(true);
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173/')).toBe(false);
    expect(isAppUrl('https://localhost:5173/', 'http://localhost:5173/')).toBe(false);
    expect(isAppUrl('garbage', indexUrl)).toBe(false);
  });

  it('ignores malformed dev server URLs', () => {
    expect(rendererLocation('not a url')).toEqual({ url: indexUrl, devServer: false });
  });
});
