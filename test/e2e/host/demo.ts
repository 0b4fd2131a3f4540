// The demo workspace behind the e2e host: the same local API server the app embeds
// (src/main/demo-server.ts: one SQLite file, demo content, the admin key handed to the app), plus
// what tests need on top: the running server (URL, every role's key), a customer writing in over
// HTTP, and taking the server down and up again behind the app's back, on the same port and
// data, the way a real backend has an outage.
import { randomBytes } from 'node:crypto';
import { startServer, type RunningServer, type ServerOptions } from '../../../src/server/app';
import type { DemoServer, DemoStart } from '../../../src/main/services/accounts/accounts';
import { demoStart } from '../../../src/main/demo-server';

export interface DemoOptions {
  dbFile: string;
  simulatePerMin?: number;
  /** Passed on to startServer (e.g. `realtime: false` to make the app poll, a tight `rateLimit`). */
  serverOptions?: Omit<ServerOptions, 'db' | 'demo' | 'simulatePerMin' | 'secret'>;
}

export interface DemoResponse {
  status: number;
  // Tests assert on the server's JSON shapes, which vary per route.
  body: unknown;
}

export interface CustomerMessage {
  text: string;
  chatbotId?: string;
  /** The customer's id on the channel; a new one starts a new conversation. */
  providerId?: string;
  channelId?: string;
  channelName?: string;
  contactName?: string;
}

export class DemoControl implements DemoServer {
  private running: Promise<RunningServer> | null = null;
  private current: RunningServer | null = null;
  /** Pinned after the first start: the app keeps the URL it was given, so "up" must reuse it. */
  private port: number;
  private counter = 0;
  /** What the workspace keys derive from: the same after `down()`/`up()`, as the app keeps its key. */
  private readonly secret = randomBytes(32).toString('base64url');

  constructor(private readonly options: DemoOptions) {
    this.port = options.serverOptions?.port ?? 0;
  }

  // --- DemoServer, as Deckhand uses it ---

  async start(): Promise<DemoStart> {
    // What embeddedDemo hands the app: ChatCaptain's admin key, Botpress's agent token.
    return demoStart(await this.ensure());
  }

  async stop(): Promise<void> {
    await this.down();
  }

  // --- for tests ---

  /** The running server (URL, workspace keys, issueKey); throws while it is down. */
  get server(): RunningServer {
    if (!this.current) throw new Error('The demo server is not running (the app has not opened the demo, or it is down).');
    return this.current;
  }

  get isUp(): boolean {
    return this.current !== null;
  }

  /** Starts the server (first time: the app has not opened the demo yet) or brings it back after `down()`. */
  async up(): Promise<RunningServer> {
    return this.ensure();
  }

  /** Stops the server as an outage would: the app is not told, its requests start failing. */
  async down(): Promise<void> {
    const running = this.running;
    this.running = null;
    this.current = null;
    const server = await running?.catch(() => null);
    await server?.close();
  }

  /** A request to the demo server's HTTP API, as an admin unless another key is given. */
  async request(method: string, path: string, options: { key?: string; body?: unknown } = {}): Promise<DemoResponse> {
    const server = this.server;
    const headers: Record<string, string> = { 'x-chatcaptain-key': options.key ?? server.workspace.keys.admin };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(server.url + path, {
      method,
      headers,
      ...(options.body !== undefined && { body: JSON.stringify(options.body) }),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
  }

  /**
   * A customer writes in over a channel (the `handle` endpoint the channel integrations call).
   * Without a providerId each call is a new customer, so a new conversation. Returns the server's
   * answer (`{conversation, message}`).
   */
  async customerMessage(message: CustomerMessage): Promise<DemoResponse> {
    const chatbotId = message.chatbotId ?? this.server.workspace.chatbots[0]?.id;
    const response = await this.request('POST', `/v1/chatbots/${chatbotId}/conversations/handle`, {
      body: {
        chatbotId,
        channelId: message.channelId ?? 'web',
        channelName: message.channelName ?? 'Web chat',
        providerId: message.providerId ?? `e2e-${Date.now()}-${++this.counter}`,
        text: message.text,
        ...(message.contactName !== undefined && { contactName: message.contactName }),
      },
    });
    if (response.status !== 200) throw new Error(`handle answered ${response.status}: ${JSON.stringify(response.body)}`);
    return response;
  }

  private ensure(): Promise<RunningServer> {
    this.running ??= startServer({
      ...this.options.serverOptions,
      port: this.port,
      db: this.options.dbFile,
      secret: this.secret,
      demo: true,
      simulatePerMin: this.options.simulatePerMin ?? 0,
    }).then(
      (server) => {
        this.port = server.port;
        this.current = server;
        return server;
      },
      (error: unknown) => {
        this.running = null;
        throw error;
      },
    );
    return this.running;
  }
}
