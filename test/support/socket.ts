// A socket.io client for tests that records every event it receives, in order.
import { io, type Socket } from 'socket.io-client';
import { expect } from 'vitest';

export interface Received {
  event: string;
  data: { seq: number; chatbotId: string; [key: string]: unknown };
}

export interface Recorder {
  socket: Socket;
  received: Received[];
  /** Resolves with the first recorded event that matches, waiting for it if needed. */
  waitFor(predicate: (r: Received) => boolean, timeoutMs?: number): Promise<Received>;
  close(): void;
}

/** `localAddress` connects from another loopback address (127.0.0.2, ...), as another client would. */
export function connect(url: string, auth: { key: string; chatbotId: string }, options: { localAddress?: string } = {}): Promise<Recorder> {
  const socket = io(url, { auth, transports: ['websocket'], reconnection: false, forceNew: true, ...options });
  const received: Received[] = [];
  socket.onAny((event: string, data: Received['data']) => received.push({ event, data }));
  const recorder: Recorder = {
    socket,
    received,
    async waitFor(predicate, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const found = received.find(predicate);
        if (found) return found;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      expect.fail(`no matching event within ${timeoutMs} ms; got ${received.map((r) => r.event).join(', ')}`);
    },
    close: () => socket.close(),
  };
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(recorder));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}
