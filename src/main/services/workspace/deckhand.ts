// The main process's services, wired together: accounts and their live sync feed the local
// cache, which feeds the renderer (batched), the notifier and the tray; replies go through the
// outbox; presence and push follow the signed-in accounts. The Electron glue and the e2e host
// build this with their own ports and register `handlers` for the contract.
import { join } from 'node:path';
import type { EventName, EventPayload } from '../../../shared/ipc';
import { effectiveLanguage, refKey, type Account, type AppInfo, type ConversationRef, type SessionState, type TeamPresence } from '../../../shared/view-models';
import { Accounts, type DemoServer, type StoredAccount } from '../accounts/accounts';
import { AppError } from '../app-error';
import { ChatCaptainBackend } from '../backend/chatcaptain';
import { LocalCache } from '../cache/local-cache';
import { MainDb } from '../cache/sqlite';
import type { RendererEvents } from '../ipc-handlers';
import { Notifier, unreadCount, type NotificationPort } from '../notify/notifier';
import type { Language } from '../../../shared/view-models';
import { Outbox } from '../outbox/outbox';
import { systemClock, type Backend, type Clock, type Vault } from '../ports';
import { PresenceService } from '../presence/presence';
import { PushService } from '../push/push-service';
import type { FirebaseConfig } from '@eneris/push-receiver/dist/types';
import { FcmTokenSource } from '../push/fcm-source';
import { LocalTokenSource } from '../push/local-source';
import type { PushTokenSource } from '../push/token-source';
import { SettingsService } from '../settings';
import { InboxBatcher } from '../sync/batcher';
import { AccountRuntime } from './account-runtime';
import { syncListener, type SyncHost } from './sync-listener';
import { TeamRoster } from './team-roster';

const SELF_ASSIGNED_MS = 60_000;

export interface TrayPort {
  update(state: { online: boolean; unread: number }): void;
}

export interface DeckhandOptions {
  dataDir: string;
  vault: Vault;
  demo: DemoServer;
  events: RendererEvents;
  notifications: NotificationPort;
  tray?: TrayPort;
  clock?: Clock;
  /** The operating system's language: what the agent's 'system' language choice means. */
  systemLanguage: () => Language;
  windowFocused: () => boolean;
  createBackend?: (baseUrl: string, key: string) => Backend;
  /** With a Firebase config, push tokens come from FCM; without, only the demo's local push works. */
  firebase: FirebaseConfig | null;
  pollMs?: number;
  /** On a machine where nothing was ever set up, start in the demo workspace (the app does). */
  openDemoOnFirstRun?: boolean;
  /** How long the notifier gathers a burst before showing it (default 1.5 s). */
  notifyWindowMs?: number;
}

export class Deckhand {
  readonly cache: LocalCache;
  readonly outbox: Outbox;
  readonly presence: PresenceService;
  readonly settings: SettingsService;
  readonly push: PushService;
  readonly accounts: Accounts;
  private readonly db: MainDb;
  private readonly runtimes = new Map<string, AccountRuntime>();
  private readonly team: TeamRoster;
  private readonly notifier: Notifier;
  private readonly batcher: InboxBatcher;
  private readonly clock: Clock;
  /** Conversation key → until when an assignment to the agent counts as their own doing. */
  private readonly selfAssigned = new Map<string, number>();
  private readonly pushSource: PushTokenSource;
  /** Set when push runs locally (see SyncHost.localPush). */
  private readonly localPush: LocalTokenSource | null;
  private openKey: string | null = null;
  private demoOpening: Promise<Account> | null = null;
  private presenceRefresh: Promise<unknown> | null = null;
  private readonly syncHost: SyncHost;

  constructor(private readonly options: DeckhandOptions) {
    const clock = (this.clock = options.clock ?? systemClock);
    const send = <N extends EventName>(name: N, payload: EventPayload<N>) => options.events.send(name, payload);
    this.db = MainDb.open(options.dataDir);
    this.cache = new LocalCache(this.db);
    this.team = new TeamRoster((agents) => send('agents.changed', { agents }));
    this.settings = new SettingsService(join(options.dataDir, 'settings.json'), (s) => send('settings.changed', s));
    this.accounts = new Accounts(
      join(options.dataDir, 'accounts.json'),
      options.vault,
      options.createBackend ?? ((baseUrl, key) => new ChatCaptainBackend({ baseUrl, key })),
      options.demo,
    );
    this.batcher = new InboxBatcher(clock, (batch) => {
      send('inbox.changed', { upserted: batch.upserted, removed: batch.removed });
      for (const [key, messages] of batch.messages) send('messages.changed', { key, messages });
      this.updateTray();
    });
    this.outbox = new Outbox({
      db: this.db,
      clock,
      backendFor: (accountId) => this.runtimes.get(accountId)?.backend ?? null,
      onChange: (items) => send('outbox.changed', { items }),
    });
    this.presence = new PresenceService({
      clock,
      targets: () =>
        [...this.runtimes.values()].flatMap((r) =>
          r.chatbotIds().map((chatbotId) => ({ key: `${r.account.id}/${chatbotId}`, backend: r.backend, chatbotId, agentId: r.account.agent.id })),
        ),
      idleAwayMinutes: () => this.settings.get().idleAwayMinutes,
      onChange: (state) => {
        send('presence.changed', state);
        this.updateTray();
      },
    });
    if (options.firebase) {
      this.localPush = null;
      this.pushSource = new FcmTokenSource({ firebase: options.firebase, vault: options.vault, clock });
    } else {
      this.localPush = new LocalTokenSource({ vault: options.vault });
      this.pushSource = this.localPush;
    }
    this.push = new PushService({
      source: this.pushSource,
      clock,
      registrationsFile: join(options.dataDir, 'push-registrations.json'),
      onChange: (state) => send('push.changed', state),
    });
    this.notifier = new Notifier({
      port: options.notifications,
      clock,
      ...(options.notifyWindowMs !== undefined && { windowMs: options.notifyWindowMs }),
      context: () => ({
        myAgentIds: this.myAgentIds(),
        openKey: this.openKey,
        windowFocused: options.windowFocused(),
        settings: this.settings.get(),
        language: effectiveLanguage(this.settings.get().language, options.systemLanguage()),
        selfAssigned: this.recentSelfAssignments(),
      }),
    });
    this.syncHost = {
      batcher: this.batcher,
      notifier: this.notifier,
      team: this.team,
      outbox: this.outbox,
      presence: this.presence,
      localPush: this.localPush,
      events: options.events,
      runtime: (accountId) => this.runtimes.get(accountId),
      markSelfAssigned: (key) => this.markSelfAssigned(key),
      refreshPresence: () => this.refreshPresence(),
      sendSession: () => this.sendSession(),
    };
    // A push means "something happened": sync that chatbot now, and the normal path notifies.
    this.pushSource.onMessage((m) => {
      for (const runtime of this.runtimes.values()) {
        for (const id of runtime.chatbotIds()) if (m.chatbotId === undefined || m.chatbotId === id) void runtime.sync(id)?.resync();
      }
    });
  }

  /** Restores last session's accounts and resumes pending replies. */
  async start(): Promise<void> {
    // Useful the moment it is installed; once the agent has signed out of it, sign-in shows instead.
    if (this.options.openDemoOnFirstRun && this.accounts.isFirstRun()) {
      await this.openDemo().catch((error: unknown) => console.error('Deckhand could not open the demo workspace:', error));
    } else {
      const { open, failed } = await this.accounts.restore();
      for (const account of open) this.openRuntime(account.account, account.backend);
      // Kept for the next start; meanwhile the agent can open it again from the sign-in screen.
      for (const { account, error } of failed) console.error(`Deckhand could not reopen ${account.label}:`, error);
    }
    this.outbox.start();
    void this.push.start();
    this.sendSession();
    this.updateTray();
  }

  async stop(): Promise<void> {
    for (const runtime of this.runtimes.values()) runtime.stop();
    this.batcher.flush();
    this.batcher.dispose();
    this.outbox.dispose();
    this.presence.dispose();
    this.notifier.dispose();
    this.push.dispose();
    await this.options.demo.stop();
    this.db.close();
  }

  session(): SessionState {
    return {
      accounts: [...this.runtimes.values()].map((r) => this.accountView(r)),
      vault: { encryption: this.options.vault.encryption() },
    };
  }

  async addAccount(input: { baseUrl: string; key: string; chatbotIds: string[]; allowPlainTextStorage: boolean }): Promise<Account> {
    const baseUrl = input.baseUrl.replace(/\/+$/, '');
    if ([...this.runtimes.values()].some((r) => r.account.baseUrl === baseUrl && r.account.kind === 'chatcaptain')) {
      throw new AppError('Invalid', `You are already signed in to ${new URL(baseUrl).host}.`);
    }
    const open = await this.accounts.add(input);
    return this.accountView(this.openRuntime(open.account, open.backend));
  }

  async openDemo(): Promise<Account> {
    const existing = [...this.runtimes.values()].find((r) => r.account.kind === 'demo');
    if (existing) return this.accountView(existing);
    // Two clicks on "Open demo" start one server.
    this.demoOpening ??= this.accounts
      .openDemo()
      .then((open) => this.accountView(this.openRuntime(open.account, open.backend)))
      .finally(() => (this.demoOpening = null));
    return this.demoOpening;
  }

  async signOut(accountId: string): Promise<void> {
    const runtime = this.runtimes.get(accountId);
    if (!runtime) return;
    runtime.stop();
    this.runtimes.delete(accountId);
    // A signed-out agent is not there to answer: customers must not see them online.
    await this.presence.release(runtime.chatbotIds().map((chatbotId) => ({ key: `${accountId}/${chatbotId}`, backend: runtime.backend, chatbotId })));
    await this.push.detach(accountId);
    const removed = this.cache.inbox().filter((c) => c.accountId === accountId).map((c) => c.key);
    this.cache.clearAccount(accountId);
    await this.accounts.remove(accountId);
    this.team.removeAccount(accountId);
    this.batcher.remove(removed);
    this.sendSession();
  }

  async reconnect(accountId?: string): Promise<void> {
    const runtimes = accountId === undefined ? [...this.runtimes.values()] : [this.runtime(accountId)];
    await Promise.all(runtimes.map((r) => r.resyncAll()));
  }

  runtime(accountId: string): AccountRuntime {
    const runtime = this.runtimes.get(accountId);
    if (!runtime) throw new AppError('NotFound', 'This account is not signed in.');
    return runtime;
  }

  backend(ref: { accountId: string }): Backend {
    return this.runtime(ref.accountId).backend;
  }

  focus(ref: ConversationRef | null): void {
    this.openKey = ref ? refKey(ref) : null;
  }

  /** An assignment made from this app: the notifier must not announce it back to the agent. */
  markSelfAssigned(key: string): void {
    // An expiry instead of a timer: nothing is left running after stop().
    this.selfAssigned.set(key, this.clock.now() + SELF_ASSIGNED_MS);
  }

  private recentSelfAssignments(): Set<string> {
    const now = this.clock.now();
    for (const [key, until] of this.selfAssigned) if (until <= now) this.selfAssigned.delete(key);
    return new Set(this.selfAssigned.keys());
  }

  appInfo(): AppInfo {
    return { systemLanguage: this.options.systemLanguage() };
  }

  teamPresence(): TeamPresence[] {
    return this.team.list();
  }

  /** A notification or tray click: bring the conversation up in the window. */
  navigate(ref: ConversationRef): void {
    this.options.events.send('navigate.conversation', { ref });
  }

  myAgentIds(): Record<string, string> {
    return Object.fromEntries([...this.runtimes.values()].map((r) => [r.account.id, r.account.agent.id]));
  }

  private openRuntime(stored: StoredAccount, backend: Backend): AccountRuntime {
    const runtime = new AccountRuntime(stored, backend, {
      cache: this.cache,
      clock: this.clock,
      listener: (chatbotId) => syncListener(this.syncHost, stored.id, chatbotId),
      ...(this.options.pollMs !== undefined && { pollMs: this.options.pollMs }),
    });
    this.runtimes.set(stored.id, runtime);
    runtime.start();
    // A local token means nothing to a real ChatCaptain, which pushes through FCM.
    if (stored.kind === 'demo' || this.pushSource.mode === 'fcm') {
      this.push.attach(stored.id, runtime.chatbotIds().map((chatbotId) => ({ backend, chatbotId })));
    }
    void this.presence.refresh();
    this.sendSession();
    return runtime;
  }

  /** One presence re-read at a time: every chatbot of an account reconnects at once. */
  private refreshPresence(): void {
    this.presenceRefresh ??= this.presence.refresh().finally(() => (this.presenceRefresh = null));
  }

  private accountView(runtime: AccountRuntime): Account {
    const { account } = runtime;
    return { ...account, connection: runtime.connection() };
  }

  private sendSession(): void {
    this.options.events.send('session.changed', this.session());
  }

  private updateTray(): void {
    this.options.tray?.update({
      online: this.presence.get().intent,
      unread: unreadCount(this.cache.inbox(), this.myAgentIds()),
    });
  }
}
