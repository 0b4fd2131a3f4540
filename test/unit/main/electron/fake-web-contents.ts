// A stand-in for Electron's WebContents that records what the glue registers on it, so tests can
// fire 'will-navigate' & co. and call the window-open handler the way Electron would.
import { vi } from 'vitest';

type Listener = (...args: unknown[]) => void;
type WindowOpenHandler = (details: { url: string }) => { action: string };

export class FakeWebContents {
  private static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  readonly listeners = new Map<string, Listener[]>();
  windowOpenHandler: WindowOpenHandler | null = null;
  destroyed = false;
  readonly send = vi.fn();
  readonly session = {
    webRequest: { onHeadersReceived: vi.fn() },
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
  };

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  /** Fires a navigation-style event; true when some listener prevented it. */
  navigate(event: 'will-navigate' | 'will-redirect', url: string): boolean {
    let prevented = false;
    const details = { url, preventDefault: () => (prevented = true) };
    for (const listener of this.listeners.get(event) ?? []) listener(details, url);
    return prevented;
  }

  attachWebview(): boolean {
    let prevented = false;
    for (const listener of this.listeners.get('will-attach-webview') ?? []) listener({ preventDefault: () => (prevented = true) }, {}, {});
    return prevented;
  }

  open(url: string): { action: string } {
    if (!this.windowOpenHandler) throw new Error('no window open handler registered');
    return this.windowOpenHandler({ url });
  }
}
