// The signed-in accounts at run time. Opening an account starts its syncs; their changes are
// re-announced here with the account they belong to, so every other service subscribes once
// (Mattermost's ServerManager does the same for its servers). Signing out asks whoever must
// finish something first (presence, push) to join before the account's data goes. Accounts of the
// last session that cannot open are listed with the reason until the agent signs in again or
// removes them; a key the server refuses at start shows signed out, as the sync shows it later.
import type { AgentPresence, Message } from '../../../shared/domain';
import type { Account, InboxConversation, SessionState, UnopenedAccount } from '../../../shared/view-models';
import type { Accounts, NewAccount, OpenAccount } from '../accounts/accounts';
import { sameWorkspace } from '../accounts/reopen';
import type { LocalCache } from '../cache/local-cache';
import type { MessageCache } from '../cache/message-cache';
import { AppError } from '../errors/app-error';
import { PlatformError } from '../errors/platform-error';
import { DisposableStore, Emitter, type Disposable } from '../events';
import type { LiveEvent } from '../platforms/platform';
import type { Clock, Vault } from '../ports';
import type { ConversationsChange } from '../sync/chatbot-sync';
import { AccountRuntime } from './account-runtime';

export interface ChatbotEvent {
  accountId: string;
  chatbotId: string;
}

export interface WillSignOut {
  runtime: AccountRuntime;
  /** Signing out waits for this (settled, failed or not) before the account's data goes. */
  join(work: Promise<unknown>): void;
}

export interface SessionOptions {
  accounts: Accounts;
  cache: LocalCache;
  messages: MessageCache;
  vault: Pick<Vault, 'encryption'>;
  clock: Clock;
  pollMs?: number;
  /** Whether the agent's window has focus (feedless platforms poll more often then). */
  focused?: () => boolean;
}

export class Session implements Disposable {
  private readonly runtimes = new Map<string, { runtime: AccountRuntime; subscriptions: DisposableStore }>();
  /** Accounts of the last session that could not be opened, by id, in the file's order. */
  private readonly unopened = new Map<string, UnopenedAccount>();
  private readonly emitters = new DisposableStore();
  private readonly conversationsChanged = this.emitters.add(new Emitter<ChatbotEvent & ConversationsChange>());
  private readonly conversationsRemoved = this.emitters.add(new Emitter<{ accountId: string; keys: string[] }>());
  private readonly messagesAdded = this.emitters.add(new Emitter<ChatbotEvent & { conversation: InboxConversation; messages: Message[] }>());
  private readonly agentChanged = this.emitters.add(new Emitter<ChatbotEvent & { agent: AgentPresence }>());
  private readonly pushReceived = this.emitters.add(new Emitter<ChatbotEvent & { push: Extract<LiveEvent, { type: 'push' }>['push'] }>());
  private readonly connectionChanged = this.emitters.add(new Emitter<Account>());
  private readonly resynced = this.emitters.add(new Emitter<ChatbotEvent & { reconnected: boolean }>());
  private readonly opened = this.emitters.add(new Emitter<AccountRuntime>());
  private readonly willSignOut = this.emitters.add(new Emitter<WillSignOut>());
  private readonly signedOut = this.emitters.add(new Emitter<{ accountId: string; removedKeys: string[] }>());
  private readonly changed = this.emitters.add(new Emitter<SessionState>());
  private demoOpening: Promise<Account> | null = null;

  readonly onDidChangeConversations = this.conversationsChanged.event;
  readonly onDidRemoveConversations = this.conversationsRemoved.event;
  readonly onDidAddMessages = this.messagesAdded.event;
  readonly onDidChangeAgent = this.agentChanged.event;
  readonly onDidReceivePush = this.pushReceived.event;
  /** An account's connection changed (the worst of its chatbots'). */
  readonly onDidChangeConnection = this.connectionChanged.event;
  readonly onDidResync = this.resynced.event;
  readonly onDidOpenAccount = this.opened.event;
  readonly onWillSignOut = this.willSignOut.event;
  readonly onDidSignOut = this.signedOut.event;
  /** The list of accounts or one's state changed: the renderer's session view. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly options: SessionOptions) {}

  /** Reopens last session's accounts; on a machine where nothing was set up, the demo if asked. */
  async restore(openDemoOnFirstRun: boolean): Promise<void> {
    // Useful the moment it is installed; once the agent has signed out of it, sign-in shows instead.
    if (openDemoOnFirstRun && this.options.accounts.isFirstRun()) {
      await this.openDemo().catch((error: unknown) => console.error('Deckhand could not open the demo workspace:', error));
      return;
    }
    const { open, failed } = await this.options.accounts.restore();
    for (const account of open) {
      const runtime = this.open(account);
      // The stored grants show at once; what the key may do now follows when the server answers.
      if (!account.account.demo) void this.refresh(runtime, account);
    }
    for (const account of failed) {
      console.warn(`Deckhand could not reopen ${account.label} (${account.reason}${account.detail === null ? '' : `: ${account.detail}`})`);
      this.unopened.set(account.id, account);
      // Its conversations cannot be opened or answered without the account: they leave the inbox
      // (and its unsent replies, which must not go out later under whoever signs in again).
      this.options.cache.clearAccount(account.id);
    }
    if (failed.length > 0) this.fireChanged();
  }

  state(): SessionState {
    return {
      accounts: this.list().map((r) => r.view()),
      unopened: [...this.unopened.values()],
      vault: { encryption: this.options.vault.encryption() },
    };
  }

  list(): AccountRuntime[] {
    return [...this.runtimes.values()].map((entry) => entry.runtime);
  }

  runtime(accountId: string): AccountRuntime {
    const entry = this.runtimes.get(accountId);
    if (!entry) throw new AppError('NotFound', 'This account is not signed in.');
    return entry.runtime;
  }

  /** accountId → the agent that account's key speaks for. */
  myAgentIds(): Record<string, string> {
    return Object.fromEntries(this.list().map((r) => [r.id, r.account.agent.id]));
  }

  /** Signs in; an account of the same workspace that could not be reopened gives way to it. */
  async add(input: NewAccount): Promise<Account> {
    if (this.list().some(({ account }) => !account.demo && sameWorkspace(account, input))) {
      throw new AppError('Invalid', `You are already signed in to ${new URL(input.baseUrl).host}.`);
    }
    const added = this.open(await this.options.accounts.add(input)).view();
    for (const stale of [...this.unopened.values()]) {
      if (stale.demo || !sameWorkspace(stale, input)) continue;
      // The sign-in stands either way; an entry that could not go shows again at the next start.
      await this.forget(stale.id).catch((error: unknown) => console.warn(`Deckhand could not forget ${stale.label}:`, error));
    }
    return added;
  }

  /** What a key reaches (workspaces, bots), for the agent to pick from; nothing is stored. */
  discover(input: Parameters<Accounts['discover']>[0]): ReturnType<Accounts['discover']> {
    return this.options.accounts.discover(input);
  }

  /** Opens the demo workspace's accounts (one per platform); answers the first. */
  async openDemo(): Promise<Account> {
    const existing = this.list().find((r) => r.account.demo);
    if (existing) return existing.view();
    // Two clicks on "Open demo" start one server.
    this.demoOpening ??= this.options.accounts
      .openDemo()
      .then((opened) => {
        for (const { account } of opened) this.unopened.delete(account.id);
        const [first] = opened.map((open) => this.open(open).view());
        if (!first) throw new AppError('Unsupported', 'The demo workspace offers no platform Deckhand knows.');
        return first;
      })
      .finally(() => (this.demoOpening = null));
    return this.demoOpening;
  }

  /** Signs out of an open account, or forgets one that could not be reopened ("Remove"). */
  async signOut(accountId: string): Promise<void> {
    const entry = this.runtimes.get(accountId);
    if (!entry) return this.forget(accountId);
    const { runtime, subscriptions } = entry;
    subscriptions.dispose();
    runtime.dispose();
    this.runtimes.delete(accountId);
    const joined: Promise<unknown>[] = [];
    this.willSignOut.fire({ runtime, join: (work) => joined.push(work) });
    await Promise.allSettled(joined);
    await this.discard(accountId);
  }

  /** An account that is not open: its entry, key and data go. */
  private async forget(accountId: string): Promise<void> {
    if (!this.unopened.delete(accountId)) return;
    await this.discard(accountId);
  }

  private async discard(accountId: string): Promise<void> {
    const removedKeys = this.options.cache.inbox().filter((c) => c.accountId === accountId).map((c) => c.key);
    this.options.cache.clearAccount(accountId);
    await this.options.accounts.remove(accountId);
    this.signedOut.fire({ accountId, removedKeys });
    this.fireChanged();
  }

  async reconnect(accountId?: string): Promise<void> {
    const runtimes = accountId === undefined ? this.list() : [this.runtime(accountId)];
    await Promise.all(runtimes.map((r) => r.resyncAll()));
  }

  /**
   * The agent is back (focus, resume, network), or a push said something happened on a chatbot
   * (only that one, when named): a chatbot that polls, or whose live feed is down, reads what
   * changed now (ChatbotSync.wake). A live feed that is up brought it already, and reading
   * everything again for each customer message would cost a busy inbox dearly.
   */
  wake(chatbotId?: string): void {
    for (const runtime of this.list()) {
      for (const [id, sync] of runtime.chatbotSyncs()) if (chatbotId === undefined || chatbotId === id) sync.wake();
    }
  }

  dispose(): void {
    for (const { runtime, subscriptions } of this.runtimes.values()) {
      subscriptions.dispose();
      runtime.dispose();
    }
    this.runtimes.clear();
    this.emitters.dispose();
  }

  private open({ account, platform }: OpenAccount): AccountRuntime {
    const runtime = new AccountRuntime(account, platform, this.options);
    const subscriptions = new DisposableStore();
    const accountId = account.id;
    for (const [chatbotId, sync] of runtime.chatbotSyncs()) {
      const at = { accountId, chatbotId };
      subscriptions.add(sync.onDidChangeConversations((change) => this.conversationsChanged.fire({ ...at, ...change })));
      subscriptions.add(sync.onDidRemoveConversations((keys) => this.conversationsRemoved.fire({ accountId, keys })));
      subscriptions.add(sync.onDidAddMessages((added) => this.messagesAdded.fire({ ...at, ...added })));
      subscriptions.add(sync.onDidChangeAgent((agent) => this.agentChanged.fire({ ...at, agent })));
      subscriptions.add(sync.onDidReceivePush((push) => this.pushReceived.fire({ ...at, push })));
      subscriptions.add(sync.onDidChangeConnection(() => this.connectionChanged.fire(runtime.view())));
      subscriptions.add(sync.onDidResync(({ reconnected }) => this.resynced.fire({ ...at, reconnected })));
      // The key was revoked or expired: the account shows signed out; its data stays until the agent acts.
      subscriptions.add(sync.onDidLoseAuthorization(() => this.fireChanged()));
    }
    this.runtimes.set(accountId, { runtime, subscriptions });
    runtime.start();
    this.opened.fire(runtime);
    this.fireChanged();
    return runtime;
  }

  private async refresh(runtime: AccountRuntime, account: OpenAccount): Promise<void> {
    try {
      const fresh = await this.options.accounts.refresh(account);
      if (!fresh || this.runtimes.get(runtime.id)?.runtime !== runtime) return;
      runtime.updateAccount(fresh);
      this.fireChanged();
    } catch (error) {
      // The key no longer reaches the account (revoked, or an admin took a chatbot or workspace
      // from it; a lacking permission names one and is no such refusal): signed out, as the sync
      // shows a refused key. A 403 on its own the sync would retry as if offline, for ever.
      if (error instanceof PlatformError && (error.code === 'Unauthorized' || (error.code === 'Forbidden' && error.permission === undefined))) {
        if (this.runtimes.get(runtime.id)?.runtime === runtime) runtime.loseAuthorization(error);
        return;
      }
      // Offline: the stored grants stay; the sync shows the connection.
      console.warn(`Deckhand could not read again what ${account.account.label} may do:`, error);
    }
  }

  private fireChanged(): void {
    this.changed.fire(this.state());
  }
}
