// The composition root: builds every main-process service from its ports, once, by hand, and
// subscribes them to each other's events. src/main/index.ts calls it with the Electron adapters,
// the e2e host with test doubles. Shutdown disposes what was built, newest first.
import { join } from 'node:path';
import type { EventName, EventPayload } from '../shared/ipc';
import { effectiveLanguage, type AppInfo, type ConversationRef, type Language } from '../shared/view-models';
import { Accounts, type DemoServer } from './services/accounts/accounts';
import { LocalCache } from './services/cache/local-cache';
import { MessageCache } from './services/cache/message-cache';
import { MainDb } from './services/cache/sqlite';
import { ConversationService } from './services/conversations/conversation-service';
import { KnownEvents } from './services/conversations/known-events';
import { CustomerService } from './services/customers/customer-service';
import { DisposableStore, toDisposable } from './services/events';
import type { IpcHandlers, RendererEvents } from './services/ipc/handler-types';
import { createHandlers } from './services/ipc/handlers';
import { MediaService, trustOf } from './services/media/media-service';
import { systemNetwork, type MediaNetwork } from './services/media/network';
import { Notifier, unreadCount, type NotificationPort } from './services/notify/notifier';
import { SelfAssigned } from './services/notify/self-assigned';
import { Outbox } from './services/outbox/outbox';
import type { PlatformRegistry } from './services/platforms/registry';
import { systemClock, type Clock, type Vault } from './services/ports';
import type { PowerListener } from './services/power-events';
import { PresenceService } from './services/presence/presence';
import { TeamRoster } from './services/presence/team-roster';
import { PushService } from './services/push/push-service';
import { SavedReplies } from './services/replies/saved-replies';
import { MessageSearch } from './services/search/message-search';
import type { PushTokenSource } from './services/push/token-source';
import { Session } from './services/session/session';
import { SettingsService } from './services/settings';
import { InboxBatcher } from './services/sync/batcher';
import { UpdateService, unsentReplies, type UpdaterPort } from './services/updates/update-service';
import { presenceTargets, wireServices } from './wiring';

export interface TrayPort {
  update(state: { online: boolean; unread: number; language: Language }): void;
  /** A downloaded update waits for a restart: the tray offers it. */
  setUpdateReady(ready: boolean): void;
}

export interface AppPorts {
  dataDir: string;
  vault: Vault;
  demo: DemoServer;
  platforms: PlatformRegistry;
  /** Where push tokens come from (FCM, or the local token the demo server delivers to). */
  pushSource: PushTokenSource;
  events: RendererEvents;
  notifications: NotificationPort;
  tray?: TrayPort;
  clock?: Clock;
  /** The operating system's language: what the agent's 'system' language choice means. */
  systemLanguage: () => Language;
  windowFocused: () => boolean;
  pollMs?: number;
  /** On a machine where nothing was ever set up, start in the demo workspace (the app does). */
  openDemoOnFirstRun?: boolean;
  /** How long the notifier gathers a burst before showing it (default 1.5 s). */
  notifyWindowMs?: number;
  /** The app's update feed; none in development (updates stay disabled). */
  updater?: UpdaterPort | null;
  /** Told the language the agent sees at start and whenever it changes (the app menu follows it). */
  onLanguage?: (language: Language) => void;
  /** Where message media is fetched from; default the system's DNS and sockets. */
  mediaNetwork?: MediaNetwork;
}

export interface App {
  readonly handlers: IpcHandlers;
  /** Restores last session's accounts and resumes pending replies. */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** A notification or tray click: bring the conversation up in the window. */
  navigate(ref: ConversationRef): void;
  /** The agent is back (the window got focus, the network returned): chatbots that poll do so now. */
  wake(): void;
  readonly presence: PresenceService;
  /** What the OS says about the machine (idle, lock, sleep): presence's auto-away, push's wake-up, a poll on resume. */
  readonly power: PowerListener;
  readonly session: Session;
  readonly cache: LocalCache;
  readonly messages: MessageCache;
  readonly outbox: Outbox;
  readonly settings: SettingsService;
  readonly updates: UpdateService;
}

export function compose(ports: AppPorts): App {
  const clock = ports.clock ?? systemClock;
  const send = <N extends EventName>(name: N, payload: EventPayload<N>) => ports.events.send(name, payload);
  const disposables = new DisposableStore();

  const db = MainDb.open(ports.dataDir);
  disposables.add(toDisposable(() => db.close()));
  const cache = new LocalCache(db);
  const messages = new MessageCache(db);
  const language = () => effectiveLanguage(settings.get().language, ports.systemLanguage());
  const settings = new SettingsService(join(ports.dataDir, 'settings.json'), (s) => {
    send('settings.changed', s);
    ports.onLanguage?.(language());
    updateTray();
  });
  const team = new TeamRoster((agents) => send('agents.changed', { agents }));
  const accounts = new Accounts(join(ports.dataDir, 'accounts.json'), ports.vault, ports.platforms, ports.demo);
  const session = new Session({
    accounts,
    cache,
    messages,
    vault: ports.vault,
    clock,
    focused: ports.windowFocused,
    ...(ports.pollMs !== undefined && { pollMs: ports.pollMs }),
  });

  const batcher = new InboxBatcher(clock, (batch) => {
    send('inbox.changed', { upserted: batch.upserted, removed: batch.removed });
    if (batch.messages.size > 0) send('messages.changed', { changes: [...batch.messages].map(([key, messages]) => ({ key, messages })) });
    updateTray();
  });
  disposables.add(toDisposable(() => {
    batcher.flush();
    batcher.dispose();
  }));
  const outbox = disposables.add(new Outbox({ db, clock, replierFor: (accountId) => session.list().find((r) => r.id === accountId)?.platform ?? null, onChange: (items) => send('outbox.changed', { items }) }));
  const presence = disposables.add(
    new PresenceService({
      clock,
      targets: () => session.list().flatMap((r) => presenceTargets(r)),
      idleAwayMinutes: () => settings.get().idleAwayMinutes,
      onChange: (state) => {
        send('presence.changed', state);
        updateTray();
      },
    }),
  );
  const push = disposables.add(
    new PushService({
      source: ports.pushSource,
      clock,
      registrationsFile: join(ports.dataDir, 'push-registrations.json'),
      onChange: (state) => send('push.changed', state),
    }),
  );
  // Called back by the batcher and presence only once they run, after this is defined. The
  // unread count needs the whole cache in memory, which warms in the background after start.
  const updateTray = () => {
    const inbox = cache.warmed();
    if (inbox) ports.tray?.update({ online: presence.get().intent, unread: unreadCount(inbox, session.myAgentIds()), language: language() });
  };
  const selfAssigned = new SelfAssigned(clock);
  const conversations = new ConversationService({ session, cache, messages, outbox, selfAssigned, knownEvents: new KnownEvents(db, clock) });
  const notifier = disposables.add(
    new Notifier({
      // The OS shows it without a sound of its own; the window plays the one the agent chose.
      port: {
        show: (notification) => {
          ports.notifications.show({ ...notification, silent: true });
          if (!notification.silent) send('notify.sound', { sound: settings.get().notificationSound });
        },
      },
      clock,
      ...(ports.notifyWindowMs !== undefined && { windowMs: ports.notifyWindowMs }),
      context: () => ({
        myAgentIds: session.myAgentIds(),
        openKey: conversations.focusedKey(),
        windowFocused: ports.windowFocused(),
        settings: settings.get(),
        language: language(),
        selfAssigned: selfAssigned.recent(),
      }),
    }),
  );
  const updates = new UpdateService({
    updater: ports.updater ?? null,
    pendingReplies: () => unsentReplies(outbox.items()),
    clock,
    onChange: (state) => {
      send('update.changed', state);
      ports.tray?.setUpdateReady(state.status === 'ready');
    },
  });
  disposables.add(toDisposable(() => updates.stop()));
  disposables.add(session);
  disposables.add(wireServices({ session, batcher, notifier, selfAssigned, team, outbox, presence, push, pushSource: ports.pushSource, clock, send }));

  const media = new MediaService({ network: ports.mediaNetwork ?? systemNetwork, trust: (accountId) => trustOf(session.runtime(accountId)) });

  const appInfo = (): AppInfo => ({ systemLanguage: ports.systemLanguage() });
  return {
    handlers: createHandlers({
      appInfo,
      session,
      cache,
      conversations,
      outbox,
      presence,
      team,
      settings,
      push,
      updates,
      media,
      customers: new CustomerService(session, cache),
      search: new MessageSearch(db),
      replies: new SavedReplies(db, clock),
    }),
    presence,
    power: {
      onIdle: (seconds) => presence.onIdle(seconds),
      onLock: () => presence.onLock(),
      onUnlock: () => presence.onUnlock(),
      onSuspend: () => presence.onSuspend(),
      onResume: () => {
        presence.onResume();
        // After sleep a push connection of its own may be dead without knowing it.
        ports.pushSource.wake?.();
        // And a chatbot that polls has news: read it now, not at its next interval.
        session.wake();
      },
    },
    session,
    cache,
    messages,
    outbox,
    settings,
    updates,
    async start() {
      await session.restore(ports.openDemoOnFirstRun ?? false);
      // The first screen reads its page from the file; the mirror fills meanwhile, in chunks.
      void cache.warm().then(updateTray);
      outbox.start();
      void push.start();
      updates.start();
      ports.onLanguage?.(language());
      send('session.changed', session.state());
      updateTray();
    },
    async stop() {
      disposables.dispose();
      await ports.demo.stop();
    },
    navigate: (ref) => send('navigate.conversation', { ref }),
    wake: () => session.wake(),
  };
}
