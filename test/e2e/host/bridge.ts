// The host side of the e2e bridge: a WebSocket at /deckhand-bridge that answers contract calls
// exactly as the Electron IPC glue does (src/main/electron/ipc.ts: validate the input against
// the contract, run the handler, turn any failure into the contract's error) and pushes
// Deckhand's renderer events to every connected page.
//
// Wire format: page → host `{id, channel, input}`; host → page `{id, result}` (an IpcResult),
// `{id, error}` when the channel names no call (Electron's invoke rejects then), and
// `{event: {name, payload}}`.
import type { Server } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import { calls, callChannel, type CallName, type EventName, type EventPayload } from '../../../src/shared/ipc';
import { dispatchCall } from '../../../src/main/services/ipc/dispatch';
import type { IpcHandlers, RendererEvents } from '../../../src/main/services/ipc/handler-types';

export const BRIDGE_SOCKET_PATH = '/deckhand-bridge';

const callByChannel = new Map((Object.keys(calls) as CallName[]).map((name) => [callChannel(name), name]));

export class WebSocketBridge implements RendererEvents {
  private wss: WebSocketServer | null = null;
  private handlers: IpcHandlers | null = null;
  private readonly sockets = new Set<WebSocket>();

  setHandlers(handlers: IpcHandlers): void {
    this.handlers = handlers;
  }

  /** Accepts pages of `origins` only: another site open in the same browser must not drive the app. */
  attach(server: Server, origins: () => string[]): void {
    this.wss = new WebSocketServer({
      server,
      path: BRIDGE_SOCKET_PATH,
      maxPayload: 2 * 1024 * 1024,
      verifyClient: ({ origin }: { origin: string }) => origins().includes(origin),
    });
    this.wss.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
      socket.on('message', (data, isBinary) => {
        if (isBinary) return socket.close(1003, 'text frames only');
        void this.receive(socket, data.toString());
      });
    });
  }

  send<N extends EventName>(name: N, payload: EventPayload<N>): void {
    if (this.sockets.size === 0) return;
    const message = JSON.stringify({ event: { name, payload } });
    for (const socket of this.sockets) if (socket.readyState === socket.OPEN) socket.send(message);
  }

  /** Open page connections. */
  connections(): number {
    return this.sockets.size;
  }

  /** Cuts every page's connection (tests of the bridge's reconnect). */
  dropConnections(): void {
    for (const socket of this.sockets) socket.terminate();
  }

  async close(): Promise<void> {
    this.dropConnections();
    const wss = this.wss;
    this.wss = null;
    if (wss) await new Promise<void>((resolve) => wss.close(() => resolve()));
  }

  private async receive(socket: WebSocket, text: string): Promise<void> {
    let message: { id?: unknown; channel?: unknown; input?: unknown };
    try {
      message = JSON.parse(text) as typeof message;
    } catch {
      return socket.close(1007, 'malformed JSON');
    }
    if (typeof message !== 'object' || message === null || typeof message.id !== 'number' || typeof message.channel !== 'string') {
      return socket.close(1008, 'expected {id, channel, input}');
    }
    const { id, channel } = message;
    const name = callByChannel.get(channel);
    const reply = (body: object) => {
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify({ id, ...body }));
    };
    if (!name || !this.handlers) return reply({ error: `No handler registered for '${channel}'` });
    reply({ result: await dispatchCall(name, this.handlers, message.input) });
  }
}
