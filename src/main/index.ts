// Composition root: builds the services with the Electron adapters and hands them to the glue.
import { join } from 'node:path';
import { embeddedDemo } from './demo-server';
import { quitApp, runApp } from './electron/app';
import { createEventSender, registerIpc } from './electron/ipc';
import { installAppMenu } from './electron/menu';
import { focusWindow, showNotification } from './electron/notifications';
import { watchPower } from './electron/power';
import { createTray } from './electron/tray';
import { appUpdater } from './electron/updater';
import { SafeStorageVault } from './electron/vault';
import { createMainWindow } from './electron/window';
import { systemClock } from './services/ports';
import { firebaseConfigFrom } from './services/push/firebase-config';
import { updateHandlers } from './services/updates/update-handlers';
import { UpdateService, unsentReplies } from './services/updates/update-service';
import { Deckhand } from './services/workspace/deckhand';
import { createHandlers } from './services/workspace/handlers';

runApp(async ({ outDir, appUrl, dataDir, locale }) => {
  let window: ReturnType<typeof createMainWindow> | null = null;
  const language = locale.toLowerCase().startsWith('de') ? 'de' : 'en';
  const openWindow = () => {
    if (!window || window.isDestroyed()) {
      window = createMainWindow({ outDir });
      window.on('closed', () => (window = null));
    }
    focusWindow(window);
    return window;
  };

  const events = createEventSender(() => window?.webContents);
  const tray = createTray({
    onToggleOnline: (online) => deckhand.presence.set(online),
    onOpen: () => openWindow(),
    onQuit: quitApp,
    onRestartToUpdate: () => updates.restart(),
    getWindow: () => window,
  });
  const deckhand: Deckhand = new Deckhand({
    dataDir,
    vault: new SafeStorageVault({ file: join(dataDir, 'vault.json') }),
    demo: embeddedDemo(join(dataDir, 'demo-workspace.sqlite')),
    events,
    notifications: {
      show: (n) => showNotification({ title: n.title, body: n.body, silent: n.silent, onClick: () => deckhand.navigate(n.ref) }),
    },
    tray,
    language: () => language,
    windowFocused: () => window?.isFocused() ?? false,
    firebase: firebaseConfigFrom(process.env),
    openDemoOnFirstRun: true,
  });

  const updates = new UpdateService({
    updater: appUpdater(),
    pendingReplies: () => unsentReplies(deckhand.outbox.items()),
    clock: systemClock,
    onChange: (state) => {
      events.send('update.changed', state);
      tray.setUpdateReady(state.status === 'ready');
    },
  });

  registerIpc({ ...createHandlers(deckhand), ...updateHandlers(updates) }, { allowedWebContentsIds: () => (window ? [window.webContents.id] : []), appUrl });
  installAppMenu({
    onToggleOnline: () => deckhand.presence.set(!deckhand.presence.get().intent),
    onShowShortcuts: () => events.send('ui.command', { command: 'showShortcuts' }),
  });
  watchPower(deckhand.presence);
  await deckhand.start();
  openWindow();
  updates.start();
  return {
    focus: () => void openWindow(),
    openConversation: (ref) => {
      openWindow();
      deckhand.navigate(ref);
    },
    stop: () => {
      updates.stop();
      return deckhand.stop();
    },
  };
});
