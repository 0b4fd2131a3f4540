// A tap on the page's bridge socket (page ⇄ host), for the few things a scenario cannot get from
// the app itself: holding the host's frames back for a moment, as a slow network would (so a
// passing state such as "sending" can be seen), and pushing an event into the page the way the
// host's bridge does (`{event: {name, payload}}`, see test/e2e/host/bridge.ts). Everything else
// passes through untouched, and a reloaded page gets a fresh tap on its new socket.
import type { Browser, WebSocketRoute } from 'playwright-core';
import type { EventName, EventPayload } from '../../../src/shared/ipc';
import { openApp, type AppPage, type OpenOptions } from './browser';

export interface BridgeTap {
  /** Sends `name` to the page as if the host had: through the page bridge's own event path. */
  emit<N extends EventName>(name: N, payload: EventPayload<N>): Promise<void>;
  /** Holds back host → page frames that `test` picks, until `release()`. */
  hold(test: (frame: string) => boolean): void;
  /** Lets the held frames through, in the order they came, and stops holding. */
  release(): void;
  /** How many frames are held right now. */
  held(): number;
}

export type TappedApp = AppPage & { tap: BridgeTap };

export async function openTappedApp(browser: Browser, host: { url: string }, options: Omit<OpenOptions, 'setup'> = {}): Promise<TappedApp> {
  let page: WebSocketRoute | null = null;
  let holding: ((frame: string) => boolean) | null = null;
  const queue: string[] = [];

  const app = await openApp(browser, host, {
    ...options,
    setup: (context) =>
      context.routeWebSocket(/\/deckhand-bridge$/, (route) => {
        page = route;
        const server = route.connectToServer();
        route.onMessage((message) => server.send(message));
        server.onMessage((message) => {
          const frame = typeof message === 'string' ? message : message.toString('utf8');
          if (holding?.(frame)) queue.push(frame);
          else route.send(frame);
        });
      }),
  });

  const tap: BridgeTap = {
    async emit(name, payload) {
      if (!page) throw new Error('The page has no bridge socket yet');
      page.send(JSON.stringify({ event: { name, payload } }));
    },
    hold(test) {
      holding = test;
    },
    release() {
      holding = null;
      for (const frame of queue.splice(0)) page?.send(frame);
    },
    held: () => queue.length,
  };
  return { ...app, tap };
}
