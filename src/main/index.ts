// The app's entry: composes the services with the Electron adapters and hands them to the glue.
import { join } from 'node:path';
import { demoSecret, embeddedDemo } from './demo-server';
import { quitApp, runApp } from './electron/app';
import { createEventSender, registerIpc } from './electron/ipc';
import { installAppMenu, languageOfLocale } from './electron/menu';
import { focusWindow, showNotification } from './electron/notifications';
import { watchPower } from './electron/power';
import { createTray } from './electron/tray';
import { appUpdater } from './electron/updater';
import { SafeStorageVault } from './electron/vault';
import { createMainWindow } from './electron/window';
import { compose, type App } from './compose';
import { deviceId } from './services/device-id';
import { botpressPlatform } from './services/platforms/botpress/index';
import { chatcaptainPlatform } from './services/platforms/chatcaptain/index';
import { registryOf } from './services/platforms/registry';
import { systemClock } from './services/ports';
import { createPushSource } from './services/push/create-source';
import { firebaseConfigFrom } from './services/push/firebase-config';

runApp(async ({ outDir, appUrl, dataDir, locale }) => {
  let window: ReturnType<typeof createMainWindow> | null = null;
  const systemLanguage = languageOfLocale(locale);
  const openWindow = () => {
    if (!window || window.isDestroyed()) {
      window = createMainWindow({ outDir });
      window.on('closed', () => (window = null));
      // The agent looks again: a bot that polls should not wait out its background interval.
      window.on('focus', () => deckhand.wake());
    }
    focusWindow(window);
    return window;
  };

  const events = createEventSender(() => window?.webContents);
  const menu = {
    onToggleOnline: () => deckhand.presence.set(!deckhand.presence.get().intent),
    onShowShortcuts: () => events.send('ui.command', { command: 'showShortcuts' }),
  };
  const vault = new SafeStorageVault({ file: join(dataDir, 'vault.json') });
  const deckhand: App = compose({
    dataDir,
    vault,
    demo: embeddedDemo(join(dataDir, 'demo-workspace.sqlite'), { secret: demoSecret(vault) }),
    platforms: registryOf(chatcaptainPlatform(), botpressPlatform({ deviceId: deviceId(dataDir) })),
    pushSource: createPushSource({ firebase: firebaseConfigFrom(process.env), vault, clock: systemClock }),
    events,
    notifications: {
      show: (n) => showNotification({ title: n.title, body: n.body, silent: n.silent, onClick: () => deckhand.navigate(n.ref) }),
    },
    tray: createTray({
      onToggleOnline: (online) => deckhand.presence.set(online),
      onOpen: () => openWindow(),
      onQuit: quitApp,
      onRestartToUpdate: () => deckhand.updates.restart(),
      getWindow: () => window,
    }),
    updater: appUpdater(),
    systemLanguage: () => systemLanguage,
    onLanguage: (language) => installAppMenu(menu, language),
    windowFocused: () => window?.isFocused() ?? false,
    openDemoOnFirstRun: true,
  });

  registerIpc(deckhand.handlers, { allowedWebContentsIds: () => (window ? [window.webContents.id] : []), appUrl });

  watchPower(deckhand.power);
  await deckhand.start();
  openWindow();
  return {
    focus: () => void openWindow(),
    openConversation: (ref) => {
      openWindow();
      deckhand.navigate(ref);
    },
    stop: () => deckhand.stop(),
  };
});
