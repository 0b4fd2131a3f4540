// The e2e host: Deckhand's real main-process services in plain Node, with test doubles for what
// only Electron has (a vault in memory, notifications and tray recorded), serving the built
// renderer on 127.0.0.1 with a `window.deckhand` that speaks the contract over a WebSocket.
// The Electron binary cannot run on our machines; this is how the whole app runs in a browser.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, realpath, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compose, type App } from '../../../src/main/compose';
import { deviceId } from '../../../src/main/services/device-id';
import { botpressPlatform } from '../../../src/main/services/platforms/botpress/index';
import { chatcaptainPlatform } from '../../../src/main/services/platforms/chatcaptain/index';
import type { MediaNetwork } from '../../../src/main/services/media/network';
import type { PlatformFactory } from '../../../src/main/services/platforms/platform';
import { registryOf } from '../../../src/main/services/platforms/registry';
import { LocalTokenSource } from '../../../src/main/services/push/local-source';
import type { UpdaterPort } from '../../../src/main/services/updates/update-service';
import type { Language } from '../../../src/shared/view-models';
import { WebSocketBridge } from './bridge';
import { bridgeScript } from './bridge-bundle';
import { DemoControl, type DemoOptions } from './demo';
import { MemoryVault, type VaultEncryption } from '../../support/memory-vault';
import { RecordingNotifications, RecordingTray } from './recorders';
import { rendererDir as builtRendererDir } from '../../support/app-build';
import { createStaticHandler } from './static-files';

export interface HostOptions {
  /** Deckhand's data folder; without one, a temporary folder that close() removes. */
  dataDir?: string;
  /** HTTP port on 127.0.0.1; 0 (default) picks a free one. */
  port?: number;
  /** The demo workspace's SQLite file; default `<dataDir>/demo-workspace.sqlite` as in the app. */
  demoDb?: string;
  /** Simulated customer messages per minute in the demo; default 0 (tests post their own). */
  simulatePerMin?: number;
  /** Passed on to the demo's startServer (e.g. `{ realtime: false }` makes the app poll). */
  serverOptions?: DemoOptions['serverOptions'];
  /** The OS language: what 'system' means in Settings, for the interface and notifications; default 'de'. */
  language?: Language;
  /** What the vault reports; default 'os'. */
  encryption?: VaultEncryption;
  /** The vault, filled by the test before the app starts (a key kept by a last session); default an empty one. */
  vault?: MemoryVault;
  /** Whether main thinks the window has focus; default true. */
  windowFocused?: boolean;
  /** Sync's poll interval when the demo offers no socket. */
  pollMs?: number;
  /** As the app: start in the demo workspace when nothing was ever set up in dataDir. */
  openDemoOnFirstRun?: boolean;
  /** Also serve axe-core at AXE_PATH (for pages where injecting it is blocked). */
  serveAxe?: boolean;
  /** Default: out/renderer. */
  rendererDir?: string;
  /** Platforms to offer besides ChatCaptain (a test's own). */
  platforms?: PlatformFactory[];
  /** The app's update feed; default none, as in development (the update service stays disabled). */
  updater?: UpdaterPort | null;
  /** Where message media is fetched from; default the system's DNS and sockets, as in the app. */
  mediaNetwork?: MediaNetwork;
}

export interface Host {
  /** The app's URL, e.g. http://127.0.0.1:5177/ */
  readonly url: string;
  readonly origin: string;
  readonly dataDir: string;
  /** Deckhand's main-process services, composed as the app composes them. */
  readonly app: App;
  /** The demo workspace's server: `server.url`, `server.workspace.keys`, `customerMessage`, `down()`/`up()`. */
  readonly demo: DemoControl;
  readonly vault: MemoryVault;
  /** Every notification main would have shown; `click(i)` does what a click does. */
  readonly notifications: RecordingNotifications;
  readonly tray: RecordingTray;
  readonly bridge: Pick<WebSocketBridge, 'connections' | 'dropConnections'>;
  setLanguage(language: Language): void;
  setWindowFocused(focused: boolean): void;
  /** Stops the web server, the bridge, Deckhand and the demo server. Safe to call twice. */
  close(): Promise<void>;
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

export async function startHost(options: HostOptions = {}): Promise<Host> {
  const rendererDir = options.rendererDir ?? builtRendererDir;
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(`The built renderer is missing (${join(rendererDir, 'index.html')}). Build it first: npx electron-vite build`);
  }
  const ownDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'deckhand-e2e-')));
  const script = await bridgeScript();
  const axeScript = options.serveAxe ? await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8') : null;

  let language: Language = options.language ?? 'de';
  let windowFocused = options.windowFocused ?? true;
  const vault = options.vault ?? new MemoryVault(options.encryption ?? 'os');
  const bridge = new WebSocketBridge();
  const tray = new RecordingTray();
  const demo = new DemoControl({
    dbFile: options.demoDb ?? join(dataDir, 'demo-workspace.sqlite'),
    ...(options.simulatePerMin !== undefined && { simulatePerMin: options.simulatePerMin }),
    ...(options.serverOptions && { serverOptions: options.serverOptions }),
  });
  // The notifier is built inside the app, so the click handler reaches it through this binding.
  let appRef: App | null = null;
  const notifications = new RecordingNotifications((n) => appRef?.navigate(n.ref));
  const app = compose({
    dataDir,
    vault,
    demo,
    platforms: registryOf(chatcaptainPlatform(), botpressPlatform({ deviceId: deviceId(dataDir) }), ...(options.platforms ?? [])),
    // As the app without a Firebase project: the demo's local server delivers pushes.
    pushSource: new LocalTokenSource({ vault }),
    events: bridge,
    notifications,
    tray,
    systemLanguage: () => language,
    windowFocused: () => windowFocused,
    ...(options.pollMs !== undefined && { pollMs: options.pollMs }),
    ...(options.openDemoOnFirstRun !== undefined && { openDemoOnFirstRun: options.openDemoOnFirstRun }),
    ...(options.updater && { updater: options.updater }),
    ...(options.mediaNetwork && { mediaNetwork: options.mediaNetwork }),
  });
  appRef = app;
  bridge.setHandlers(app.handlers);

  const http = createServer(createStaticHandler({ root: await realpath(rendererDir), bridgeScript: script, axeScript }));
  let origin = '';
  bridge.attach(http, () => [origin, origin.replace('127.0.0.1', 'localhost')]);

  try {
    await app.start();
    const port = await listen(http, options.port ?? 0);
    origin = `http://127.0.0.1:${port}`;
  } catch (error) {
    await bridge.close();
    http.close();
    await app.stop().catch(() => undefined);
    if (ownDataDir) await rm(dataDir, { recursive: true, force: true });
    throw error;
  }

  let closing: Promise<void> | null = null;
  return {
    url: `${origin}/`,
    origin,
    dataDir,
    app,
    demo,
    vault,
    notifications,
    tray,
    bridge: { connections: () => bridge.connections(), dropConnections: () => bridge.dropConnections() },
    setLanguage: (next) => (language = next),
    setWindowFocused: (focused) => {
      const regained = focused && !windowFocused;
      windowFocused = focused;
      if (regained) app.wake();
    },
    close: () =>
      (closing ??= (async () => {
        await bridge.close();
        http.closeAllConnections();
        await new Promise<void>((resolve) => http.close(() => resolve()));
        await app.stop();
        if (ownDataDir) await rm(dataDir, { recursive: true, force: true });
      })()),
  };
}
