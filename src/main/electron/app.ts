// The app's lifecycle, and nothing else: one instance, every webContents hardened, the renderer
// served on app://, deckhand:// links parsed strictly and handed on, the composition root called
// once Electron is ready.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app } from 'electron';
import { ConversationRef } from '../../shared/view-models';
import { registerAppScheme, serveRenderer } from './protocol';
import { hardenWebContents, rendererLocation } from './window';

export const PROTOCOL = 'deckhand';

export interface AppContext {
  /** electron-vite's output directory (main/, preload/, renderer/). */
  outDir: string;
  /** The URL the window loads; only it may navigate or call IPC. */
  appUrl: string;
  /** Where the app keeps its files (the OS's per-user app data folder). */
  dataDir: string;
  /** The OS's UI language, e.g. 'de-DE'. */
  locale: string;
}

export interface ComposedApp {
  /** Show and focus the main window (second launch, dock click), creating it if needed. */
  focus(): void;
  /** A valid deckhand://conversation/... link arrived. */
  openConversation(ref: ConversationRef): void;
  /** Called once before the app quits; it waits for this (flush caches, close the demo server). */
  stop(): Promise<void>;
}

export const quitApp = (): void => app.quit();

const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._~-]{0,127}$/;

/**
 * `deckhand://conversation/<accountId>/<chatbotId>/<conversationId>` → the ref, else null. Any
 * other host, extra or missing segment, query, fragment, credentials or escaped character is refused:
 * the link comes from outside (a browser, another app) and is not trusted.
 */
export function parseDeepLink(link: unknown): ConversationRef | null {
  if (typeof link !== 'string' || link.length > 1024) return null;
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return null;
  }
  if (url.protocol !== `${PROTOCOL}:` || url.host !== 'conversation') return null;
  if (url.username || url.password || link.includes('?') || link.includes('#')) return null;
  const segments = url.pathname.split('/');
  if (segments.length !== 4 || segments[0] !== '') return null;
  const [, accountId, chatbotId, conversationId] = segments;
  if (![accountId, chatbotId, conversationId].every((s) => s !== undefined && SEGMENT.test(s))) return null;
  const ref = ConversationRef.safeParse({ accountId, chatbotId, conversationId });
  return ref.success ? ref.data : null;
}

const linkIn = (argv: readonly string[]): string | undefined => argv.find((arg) => arg.startsWith(`${PROTOCOL}:`));

function registerProtocol(): void {
  // Unpackaged (`electron .`), the OS must start electron with our entry script as argument.
  if (process.defaultApp && process.argv[1]) app.setAsDefaultProtocolClient(PROTOCOL, process.execPath, [resolve(process.argv[1])]);
  else app.setAsDefaultProtocolClient(PROTOCOL);
}

export function runApp(compose: (context: AppContext) => ComposedApp | Promise<ComposedApp>, outDir = resolve(dirname(fileURLToPath(import.meta.url)), '..')): void {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  const context: AppContext = { outDir, appUrl: rendererLocation().url, dataDir: app.getPath('userData'), locale: 'en' };
  let composed: ComposedApp | null = null;
  const pending: ConversationRef[] = [];
  // Links arriving before the window exists wait for it; a fresh window is in front anyway.
  const openLink = (link: string | undefined): void => {
    const ref = parseDeepLink(link);
    if (!ref) return;
    if (composed) composed.openConversation(ref);
    else pending.push(ref);
  };

  registerProtocol();
  registerAppScheme();
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, context.appUrl));
  app.on('second-instance', (_event, argv) => {
    composed?.focus();
    openLink(linkIn(argv));
  });
  // macOS delivers links as an event, also before 'ready' when a link launched the app.
  app.on('open-url', (event, url) => {
    event.preventDefault();
    composed?.focus();
    openLink(url);
  });
  app.on('activate', () => composed?.focus());
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  let stopped = false;
  app.on('will-quit', (event) => {
    if (stopped || !composed) return;
    stopped = true;
    event.preventDefault();
    composed
      .stop()
      .catch((error: unknown) => console.error('Deckhand did not stop cleanly:', error))
      .finally(() => app.quit());
  });

  openLink(linkIn(process.argv));
  app
    .whenReady()
    .then(async () => {
      serveRenderer(join(outDir, 'renderer'));
      // The locale is known only once Electron is ready.
      const ready = await compose({ ...context, locale: app.getLocale() });
      composed = ready;
      for (const ref of pending.splice(0)) ready.openConversation(ref);
    })
    .catch((error: unknown) => {
      console.error('Deckhand could not start:', error);
      app.exit(1);
    });
}
