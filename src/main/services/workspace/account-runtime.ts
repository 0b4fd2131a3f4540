// One signed-in account at run time: its backend and a ChatbotSync per chatbot, and the
// account's connection as the worst of its chatbots' (one chatbot offline means the agent may
// be missing conversations, so the account shows offline).
import type { ConnectionState } from '../../../shared/view-models';
import type { StoredAccount } from '../accounts/accounts';
import type { LocalCache } from '../cache/local-cache';
import type { Backend, Clock } from '../ports';
import { ChatbotSync, type SyncListener } from '../sync/chatbot-sync';

const severity: Record<ConnectionState['state'], number> = { live: 0, polling: 1, connecting: 2, offline: 3, signedOut: 4 };

export interface RuntimeOptions {
  cache: LocalCache;
  clock: Clock;
  listener: (chatbotId: string) => SyncListener;
  pollMs?: number;
}

export class AccountRuntime {
  private readonly syncs = new Map<string, ChatbotSync>();

  constructor(
    readonly account: StoredAccount,
    readonly backend: Backend,
    options: RuntimeOptions,
  ) {
    for (const chatbot of account.chatbots) {
      this.syncs.set(
        chatbot.id,
        new ChatbotSync({
          accountId: account.id,
          chatbot,
          backend,
          cache: options.cache,
          clock: options.clock,
          listener: options.listener(chatbot.id),
          ...(options.pollMs !== undefined && { pollMs: options.pollMs }),
        }),
      );
    }
  }

  start(): void {
    for (const sync of this.syncs.values()) sync.start();
  }

  stop(): void {
    for (const sync of this.syncs.values()) sync.stop();
  }

  /** Resyncs every chatbot now; failures show in the connection state, not here. */
  async resyncAll(): Promise<void> {
    await Promise.all([...this.syncs.values()].map((sync) => sync.resync()));
  }

  sync(chatbotId: string): ChatbotSync | undefined {
    return this.syncs.get(chatbotId);
  }

  chatbotIds(): string[] {
    return [...this.syncs.keys()];
  }

  connection(): ConnectionState {
    let worst: ConnectionState = { state: 'live', attempt: 0, nextRetryAt: null, lastError: null };
    for (const sync of this.syncs.values()) {
      const state = sync.state();
      if (severity[state.state] > severity[worst.state]) worst = state;
    }
    return worst;
  }
}
