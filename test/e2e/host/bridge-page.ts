// Runs in the page, before the renderer (bundled to /deckhand-bridge.js by bridge-bundle.ts):
// `window.deckhand` built by the preload's own buildDeckhandApi, on a WebSocket to the e2e host
// instead of Electron's IPC. Calls made before the socket is open wait for it; when the socket
// drops, calls already sent fail (the renderer shows a network error, as the outcome is unknown)
// and the bridge reconnects.
import { buildDeckhandApi, type RendererTransport } from '../../../src/preload/api';

// Compiled with the node program's types (no DOM lib): the little of the DOM used here, typed locally.
interface PageSocket {
  readonly readyState: number;
  send(data: string): void;
  addEventListener(type: 'open' | 'close' | 'error', listener: () => void): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}
interface Page {
  WebSocket: { new (url: string): PageSocket; readonly OPEN: number };
  location: { protocol: string; host: string };
  setTimeout(fn: () => void, ms: number): number;
  clearTimeout(handle: number): void;
}
const page = globalThis as unknown as Page;

type Listener = (event: unknown, message: unknown) => void;
interface PendingCall {
  message: string;
  sent: boolean;
  resolve(value: unknown): void;
  reject(error: Error): void;
  /** Only while unsent: how long a call waits for a host that does not come back. */
  timer: number | null;
}

const QUEUE_TIMEOUT_MS = 15_000;
const RETRY_MIN_MS = 250;
const RETRY_MAX_MS = 5_000;

const pending = new Map<number, PendingCall>();
const listeners = new Map<string, Set<Listener>>();
let socket: PageSocket | null = null;
let open = false;
let nextId = 1;
let retryMs = RETRY_MIN_MS;
let connections = 0;

function settle(id: number): PendingCall | undefined {
  const call = pending.get(id);
  if (!call) return undefined;
  pending.delete(id);
  if (call.timer !== null) page.clearTimeout(call.timer);
  return call;
}

function sendUnsent(): void {
  if (!socket || !open) return;
  for (const call of pending.values()) {
    if (call.sent) continue;
    socket.send(call.message);
    call.sent = true;
    if (call.timer !== null) page.clearTimeout(call.timer);
    call.timer = null;
  }
}

function receive(data: unknown): void {
  if (typeof data !== 'string') return;
  const message = JSON.parse(data) as { id?: number; result?: unknown; error?: string; event?: unknown };
  if (message.event !== undefined) {
    for (const listener of listeners.get('deckhand:event') ?? []) listener(null, message.event);
    return;
  }
  if (typeof message.id !== 'number') return;
  const call = settle(message.id);
  if (!call) return;
  if (message.error !== undefined) call.reject(new Error(message.error));
  else call.resolve(message.result);
}

function connect(): void {
  const scheme = page.location.protocol === 'https:' ? 'wss' : 'ws';
  const ws = new page.WebSocket(`${scheme}://${page.location.host}/deckhand-bridge`);
  socket = ws;
  ws.addEventListener('open', () => {
    open = true;
    connections += 1;
    retryMs = RETRY_MIN_MS;
    sendUnsent();
  });
  ws.addEventListener('message', (event) => receive(event.data));
  ws.addEventListener('close', () => {
    if (socket !== ws) return;
    socket = null;
    open = false;
    for (const [id, call] of pending) {
      if (!call.sent) continue;
      settle(id);
      call.reject(new Error('The connection to the Deckhand host was lost.'));
    }
    page.setTimeout(connect, retryMs);
    retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
  });
}

const transport: RendererTransport = {
  invoke(channel, input) {
    return new Promise((resolve, reject) => {
      const id = nextId++;
      const call: PendingCall = { message: JSON.stringify({ id, channel, input }), sent: false, resolve, reject, timer: null };
      call.timer = page.setTimeout(() => {
        if (settle(id)) reject(new Error('The Deckhand host cannot be reached.'));
      }, QUEUE_TIMEOUT_MS);
      pending.set(id, call);
      sendUnsent();
    });
  },
  on(channel, listener) {
    const set = listeners.get(channel) ?? new Set<Listener>();
    set.add(listener);
    listeners.set(channel, set);
  },
  removeListener(channel, listener) {
    listeners.get(channel)?.delete(listener);
  },
};

// As contextBridge exposes it: a frozen object the page cannot replace.
Object.defineProperty(globalThis, 'deckhand', { value: buildDeckhandApi(transport), enumerable: true });
// For tests only (the Electron app has no such thing): whether the bridge is connected, and how often it was.
Object.defineProperty(globalThis, '__deckhandBridge', {
  value: Object.freeze({ connected: () => open, connections: () => connections }),
});
connect();
