// The push token for the local API server (the demo workspace). There is no push service in
// between: the server emits a `push` socket event to agents whose token is registered, and the
// sync engine hands those events to deliver(). The token only has to be stable and ours.
import { randomUUID } from 'node:crypto';
import type { Vault } from '../ports';
import { Emitter } from '../events';
import type { PushMessage, PushTokenSource } from './token-source';

export const LOCAL_TOKEN_SECRET = 'push:localToken';

export class LocalTokenSource implements PushTokenSource {
  readonly mode = 'local' as const;
  private current: string | null = null;
  private running = false;
  private readonly tokens = new Emitter<string>();
  private readonly messages = new Emitter<PushMessage>();

  constructor(private readonly options: { vault: Vault }) {}

  async start(): Promise<void> {
    this.running = true;
    if (this.current !== null) return;
    const { vault } = this.options;
    // Kept only where the OS encrypts it, as API keys are; elsewhere it lives for this session
    // (a new one next time is only a re-registration) and what an earlier version stored goes.
    const keeps = vault.encryption() === 'os';
    if (!keeps) vault.remove(LOCAL_TOKEN_SECRET);
    let token = keeps ? vault.read(LOCAL_TOKEN_SECRET) : null;
    if (token === null || !/^local-\S+$/.test(token)) {
      token = `local-${randomUUID()}`;
      if (keeps) vault.write(LOCAL_TOKEN_SECRET, token);
    }
    this.current = token;
    this.tokens.fire(token);
  }

  token(): string | null {
    return this.current;
  }

  readonly onToken = this.tokens.event;
  readonly onMessage = this.messages.event;

  /** A `push` event from the local server, for this agent. Ignored while stopped. */
  deliver(m: PushMessage): void {
    if (this.running) this.messages.fire(m);
  }

  stop(): void {
    this.running = false;
  }
}
