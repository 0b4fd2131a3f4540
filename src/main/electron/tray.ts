// The tray icon (online / offline / unread), its menu (with "Restart to update" once an update
// is downloaded), and the unread badge: the dock/launcher count on macOS and Linux (Unity), an
// overlay on the taskbar button on Windows.
import { join } from 'node:path';
import { Menu, Tray, app, nativeImage, type BrowserWindow, type NativeImage } from 'electron';
import type { Language } from '../../shared/view-models';
import { labels } from './menu';

export interface TrayOptions {
  onToggleOnline(online: boolean): void;
  onOpen(): void;
  onQuit(): void;
  onRestartToUpdate(): void;
  /** Where tray-*.png live; defaults to resources/ of the project, or of the installed app. */
  resourcesDir?: string;
  /** The window whose taskbar button gets the Windows overlay. */
  getWindow?: () => BrowserWindow | null;
  platform?: NodeJS.Platform;
}

export interface TrayState {
  online: boolean;
  unread: number;
  /** The language the agent sees (their choice in Settings, or the system's). */
  language: Language;
}

export interface TrayController {
  update(state: TrayState): void;
  /** Offer "Restart to update" (an update is downloaded) or not. */
  setUpdateReady(ready: boolean): void;
  destroy(): void;
}

export type TrayIcon = 'online' | 'offline' | 'unread';
export const trayIconFor = (state: TrayState): TrayIcon => (state.unread > 0 ? 'unread' : state.online ? 'online' : 'offline');

export function createTray(options: TrayOptions): TrayController {
  // Packaged, the icons sit outside the asar (electron-builder.yml's extraResources).
  const dir = options.resourcesDir ?? join(app.isPackaged ? process.resourcesPath : app.getAppPath(), 'resources');
  const platform = options.platform ?? process.platform;
  const images = new Map<TrayIcon, NativeImage>();
  const image = (icon: TrayIcon): NativeImage => {
    let loaded = images.get(icon);
    if (!loaded) {
      loaded = nativeImage.createFromPath(join(dir, `tray-${icon}.png`));
      images.set(icon, loaded);
    }
    return loaded;
  };

  let state: TrayState = { online: false, unread: 0, language: 'en' };
  let updateReady = false;
  const tray = new Tray(image('offline'));
  tray.on('click', () => options.onOpen());

  const render = (): void => {
    const text = labels(state.language);
    tray.setImage(image(trayIconFor(state)));
    const status = state.online ? text.online : text.offline;
    tray.setToolTip(state.unread > 0 ? `Deckhand — ${status}, ${text.unread(state.unread)}` : `Deckhand — ${status}`);
    tray.setContextMenu(
      Menu.buildFromTemplate([
        ...(updateReady ? [{ label: text.restartToUpdate, click: () => options.onRestartToUpdate() }, { type: 'separator' as const }] : []),
        { label: text.online, type: 'radio', checked: state.online, click: () => options.onToggleOnline(true) },
        { label: text.offline, type: 'radio', checked: !state.online, click: () => options.onToggleOnline(false) },
        { type: 'separator' },
        { label: text.open, click: () => options.onOpen() },
        { label: text.quit, click: () => options.onQuit() },
      ]),
    );
    if (platform === 'win32') {
      const window = options.getWindow?.();
      if (window && !window.isDestroyed()) {
        window.setOverlayIcon(state.unread > 0 ? image('unread') : null, state.unread > 0 ? text.unread(state.unread) : '');
      }
    } else {
      // A no-op (false) where the desktop has no badge; nothing to fall back to.
      app.setBadgeCount(state.unread);
    }
  };
  render();

  return {
    update(next) {
      state = { online: next.online, unread: Math.max(0, Math.floor(next.unread)), language: next.language };
      render();
    },
    setUpdateReady(ready) {
      if (ready === updateReady) return;
      updateReady = ready;
      render();
    },
    destroy() {
      tray.destroy();
    },
  };
}
