// window.deckhand, derived from the contract: one function per call and `on` for events, and
// nothing else. Built on the three ipcRenderer methods it needs, so the e2e harness can build
// the very same object on a WebSocket instead of Electron's IPC.
import { EVENT_CHANNEL, callChannel, calls, events, type CallName, type DeckhandApi, type EventName } from '../shared/ipc';

export interface RendererTransport {
  invoke(channel: string, input: unknown): Promise<unknown>;
  on(channel: string, listener: (event: unknown, message: unknown) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, message: unknown) => void): unknown;
}

export function buildDeckhandApi(renderer: RendererTransport): DeckhandApi {
  const api: Record<string, unknown> = {};
  for (const name of Object.keys(calls) as CallName[]) {
    api[name] = (input: unknown) => renderer.invoke(callChannel(name), input);
  }
  api.on = (event: EventName, listener: (payload: unknown) => void): (() => void) => {
    if (!Object.hasOwn(events, event)) throw new Error(`Unknown Deckhand event: ${String(event)}`);
    if (typeof listener !== 'function') throw new Error('listener must be a function');
    const onMessage = (_event: unknown, message: unknown): void => {
      if (typeof message === 'object' && message !== null && (message as { name?: unknown }).name === event) {
        listener((message as { payload: unknown }).payload);
      }
    };
    renderer.on(EVENT_CHANNEL, onMessage);
    return () => {
      renderer.removeListener(EVENT_CHANNEL, onMessage);
    };
  };
  return Object.freeze(api) as DeckhandApi;
}
