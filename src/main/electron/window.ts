// The main window and the rules every webContents lives by: sandboxed renderer without node,
// a strict CSP, no navigation away from the app, no new windows, no webviews, no permissions
// but notifications. The renderer shows untrusted message content, so assume it may be hostile.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, app, type WebContents } from 'electron';
import { openExternalSafely } from './external';

/** Must match the meta CSP in src/renderer/index.html; both apply, the stricter wins. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: http: https:",
  "media-src 'self' http: https:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export interface RendererLocation {
  /** What the window loads: the dev server URL or the file URL of the built index.html. */
  url: string;
  devServer: boolean;
}

/**
 * Where the renderer lives. The dev server is honoured only in an unpackaged app and only on
 * loopback: an environment variable must never point the privileged preload at a remote page.
 */
export function rendererLocation(outDir: string, devServerUrl = process.env.ELECTRON_RENDERER_URL): RendererLocation {
  if (devServerUrl && !app.isPackaged) {
    try {
      const dev = new URL(devServerUrl);
      if (dev.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(dev.hostname)) {
        return { url: dev.href, devServer: true };
      }
    } catch {
      // Malformed: fall back to the built renderer.
    }
  }
  return { url: pathToFileURL(join(outDir, 'renderer', 'index.html')).href, devServer: false };
}

/** True for the app's own pages: same origin as the dev server, or exactly the built index.html. */
export function isAppUrl(url: string, appUrl: string): boolean {
  let target: URL;
  let own: URL;
  try {
    target = new URL(url);
    own = new URL(appUrl);
  } catch {
    return false;
  }
  if (own.protocol === 'file:') return target.protocol === 'file:' && target.host === own.host && target.pathname === own.pathname;
  return target.origin === own.origin;
}

/** Deny navigation away from the app, every window.open (http(s) goes to the browser) and webviews. */
export function hardenWebContents(contents: WebContents, appUrl: string): void {
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url, appUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url, appUrl)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    openExternalSafely(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

export interface MainWindowOptions {
  /** electron-vite's output directory (holds main/, preload/, renderer/). */
  outDir: string;
  /** Defaults to ELECTRON_RENDERER_URL (set by `electron-vite dev`). */
  devServerUrl?: string;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const location = rendererLocation(options.outDir, options.devServerUrl ?? process.env.ELECTRON_RENDERER_URL);
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Deckhand',
    webPreferences: {
      preload: join(options.outDir, 'preload', 'index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: true,
    },
  });
  const contents = window.webContents;
  const session = contents.session;

  // Served pages (the dev server) get the CSP as a header too; file:// pages rely on the meta tag.
  session.webRequest.onHeadersReceived((details, callback) => {
    if (!isAppUrl(details.url, location.url)) return callback({});
    const headers = Object.fromEntries(
      Object.entries(details.responseHeaders ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy'),
    );
    callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  session.setPermissionRequestHandler((requester, permission, callback) => {
    callback(permission === 'notifications' && requester.id === contents.id);
  });

  hardenWebContents(contents, location.url);
  window.once('ready-to-show', () => window.show());

  const loading = location.devServer ? window.loadURL(location.url) : window.loadFile(join(options.outDir, 'renderer', 'index.html'));
  loading.catch(() => {
    // A failed load shows the blank window; 'did-fail-load' carries the detail for devtools.
  });
  return window;
}
