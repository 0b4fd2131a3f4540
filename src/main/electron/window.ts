// The main window and the rules every webContents lives by: sandboxed renderer without node,
// a strict CSP, no navigation away from the app, no new windows, no webviews, no middle-click,
// no DevTools once packaged, no permissions but notifications. The renderer shows untrusted
// message content, so assume it may be hostile.
import { join } from 'node:path';
import { BrowserWindow, app, type WebContents } from 'electron';
import { openExternalSafely } from './external';
import { APP_INDEX_URL, CONTENT_SECURITY_POLICY } from './protocol';

export interface RendererLocation {
  /** What the window loads: the dev server URL, or the built index.html on app:// (protocol.ts). */
  url: string;
  devServer: boolean;
}

/**
 * Where the renderer lives. The dev server is honoured only in an unpackaged app and only on
 * loopback: an environment variable must never point the privileged preload at a remote page.
 */
export function rendererLocation(devServerUrl = process.env.ELECTRON_RENDERER_URL): RendererLocation {
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
  return { url: APP_INDEX_URL, devServer: false };
}

/**
 * True for the app's own pages: the same scheme and host (with port) as the app's URL. Compared
 * by hand because URL.origin is "null" for every app:// URL, which would make them all equal.
 */
export function isAppUrl(url: string, appUrl: string): boolean {
  let target: URL;
  let own: URL;
  try {
    target = new URL(url);
    own = new URL(appUrl);
  } catch {
    return false;
  }
  return target.protocol === own.protocol && target.host === own.host && own.host !== '';
}

/**
 * The one permission rule: notifications, and writing to the clipboard (the customer panel's
 * copy buttons; never reading it), for our own window showing our own page.
 */
const allowedPermissions = new Set(['notifications', 'clipboard-sanitized-write']);

export function permissionAllowed(permission: string, requester: WebContents | null, ownId: number, requestingUrl: string, appUrl: string): boolean {
  return allowedPermissions.has(permission) && requester?.id === ownId && isAppUrl(requestingUrl, appUrl);
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
  const location = rendererLocation(options.devServerUrl ?? process.env.ELECTRON_RENDERER_URL);
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
      // A middle-click on a link would open it outside the window-open handler's rules.
      disableBlinkFeatures: 'Auxclick',
      devTools: !app.isPackaged,
    },
  });
  const contents = window.webContents;
  const session = contents.session;

  // app:// responses carry the CSP from protocol.ts; the dev server's get it here.
  session.webRequest.onHeadersReceived((details, callback) => {
    if (!isAppUrl(details.url, location.url)) return callback({});
    const headers = Object.fromEntries(
      Object.entries(details.responseHeaders ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy'),
    );
    callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  // Asked when a page requests a permission, and when it merely checks one (navigator.permissions).
  session.setPermissionRequestHandler((requester, permission, callback, details) => {
    callback(permissionAllowed(permission, requester, contents.id, details.requestingUrl, location.url));
  });
  session.setPermissionCheckHandler((requester, permission, requestingOrigin) =>
    permissionAllowed(permission, requester, contents.id, requestingOrigin, location.url),
  );

  hardenWebContents(contents, location.url);
  window.once('ready-to-show', () => window.show());

  window.loadURL(location.url).catch(() => {
    // A failed load shows the blank window; 'did-fail-load' carries the detail for devtools.
  });
  return window;
}
