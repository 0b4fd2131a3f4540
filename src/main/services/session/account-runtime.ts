// One signed-in account at run time: its platform, what the platform offers, and a ChatbotSync
// per chatbot. The account's connection is the worst of its chatbots' (one chatbot offline means
// the agent may be missing conversations, so the account shows offline).
import type { Capability } from '../../../shared/capabilities';
import type { Account, ConnectionState } from '../../../shared/view-models';
import type { StoredAccount } from '../accounts/stored-account';
import type { LocalCache } from '../cache/local-cache';
import type { MessageCache } from '../cache/message-cache';
import { AppError } from '../errors/app-error';
import type { PlatformError } from '../errors/platform-error';
import type { Disposable } from '../events';
import { capabilitiesOf, type CapabilityPorts, type ChatPlatform } from '../platforms/platform';
import type { Clock } from '../ports';
import { ChatbotSync } from '../sync/chatbot-sync';

const severity: Record<ConnectionState['state'], number> = { live: 0, polling: 1, connecting: 2, offline: 3, signedOut: 4 };

export interface RuntimeOptions {
  cache: LocalCache;
  messages: MessageCache;
  clock: Clock;
  pollMs?: number;
  /** Whether the agent's window has focus (feedless platforms poll more often then). */
  focused?: () => boolean;
}

export class AccountRuntime implements Disposable {
  readonly capabilities: readonly Capability[];
  private readonly syncs = new Map<string, ChatbotSync>();

  private current: StoredAccount;

  constructor(
    account: StoredAccount,
    readonly platform: ChatPlatform,
    options: RuntimeOptions,
  ) {
    this.current = account;
    this.capabilities = capabilitiesOf(platform);
    for (const chatbot of account.chatbots) {
      this.syncs.set(
        chatbot.id,
        new ChatbotSync({
          accountId: account.id,
          chatbot,
          platform,
          cache: options.cache,
          messages: options.messages,
          clock: options.clock,
          ...(options.pollMs !== undefined && { pollMs: options.pollMs }),
          ...(options.focused && { focused: options.focused }),
        }),
      );
    }
  }

  get id(): string {
    return this.current.id;
  }

  get account(): StoredAccount {
    return this.current;
  }

  /** Who the key speaks for and what it may do, read again (Accounts.refresh); its chatbots stay. */
  updateAccount(account: StoredAccount): void {
    if (account.id !== this.current.id) throw new Error(`updateAccount: ${account.id} is not ${this.current.id}`);
    this.current = account;
  }

  start(): void {
    for (const sync of this.syncs.values()) sync.start();
  }

  dispose(): void {
    for (const sync of this.syncs.values()) sync.dispose();
  }

  /** Resyncs every chatbot now; failures show in the connection state, not here. */
  async resyncAll(): Promise<void> {
    await Promise.all([...this.syncs.values()].map((sync) => sync.resync()));
  }

  /** The key was refused: every chatbot's sync stops and the account shows signed out. */
  loseAuthorization(error: PlatformError): void {
    for (const sync of this.syncs.values()) sync.loseAuthorization(error);
  }

  sync(chatbotId: string): ChatbotSync {
    const sync = this.syncs.get(chatbotId);
    if (!sync) throw new AppError('NotFound', `This account has no chatbot ${chatbotId}.`);
    return sync;
  }

  chatbotSyncs(): [chatbotId: string, sync: ChatbotSync][] {
    return [...this.syncs];
  }

  chatbotIds(): string[] {
    return [...this.syncs.keys()];
  }

  /** The platform's port for a capability, or an error the agent understands when it has none. */
  port<C extends keyof CapabilityPorts>(capability: C): CapabilityPorts[C] {
    const port = this.platform[capability];
    if (port === undefined) throw new AppError('Unsupported', `${this.account.label} does not offer this.`);
    return port as CapabilityPorts[C];
  }

  connection(): ConnectionState {
    let worst: ConnectionState = { state: 'live', attempt: 0, nextRetryAt: null, lastError: null };
    for (const sync of this.syncs.values()) {
      const state = sync.state();
      if (severity[state.state] > severity[worst.state]) worst = state;
    }
    return worst;
  }

  view(): Account {
    return {
      ...this.account,
      capabilities: [...this.capabilities],
      ...(this.platform.customEvent?.dataHandsBack && { eventDataHandsBack: true }),
      connection: this.connection(),
    };
  }
}
