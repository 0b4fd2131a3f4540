// The application menu: the standard Edit/View/Window roles (copy, paste, zoom work as agents
// expect) plus Deckhand's own shortcuts, which only call back; what they do is decided elsewhere.
// The installed app's View menu has zoom and full screen only: no DevTools, no reload.
import { Menu, app, type MenuItemConstructorOptions } from 'electron';

const de = {
  edit: 'Bearbeiten',
  view: 'Ansicht',
  window: 'Fenster',
  status: 'Status',
  help: 'Hilfe',
  toggleOnline: 'Online/Offline schalten',
  shortcuts: 'Tastenkürzel',
  online: 'Online',
  offline: 'Offline',
  open: 'Deckhand öffnen',
  quit: 'Beenden',
  restartToUpdate: 'Zum Aktualisieren neu starten',
  unread: (n: number) => `${n} ungelesen`,
};
const en: typeof de = {
  edit: 'Edit',
  view: 'View',
  window: 'Window',
  status: 'Status',
  help: 'Help',
  toggleOnline: 'Go online/offline',
  shortcuts: 'Keyboard shortcuts',
  online: 'Online',
  offline: 'Offline',
  open: 'Open Deckhand',
  quit: 'Quit',
  restartToUpdate: 'Restart to update',
  unread: (n: number) => `${n} unread`,
};
export type Labels = typeof de;

/** German for a German system locale, English otherwise (the tray uses these too). */
export function labels(locale = app.getLocale()): Labels {
  return locale.toLowerCase().startsWith('de') ? de : en;
}

export interface MenuCallbacks {
  onToggleOnline(): void;
  onShowShortcuts(): void;
}

const productionView: MenuItemConstructorOptions[] = [
  { role: 'resetZoom' },
  { role: 'zoomIn' },
  { role: 'zoomOut' },
  { type: 'separator' },
  { role: 'togglefullscreen' },
];

export function appMenuTemplate(callbacks: MenuCallbacks, text: Labels, platform: NodeJS.Platform, packaged: boolean): MenuItemConstructorOptions[] {
  return [
    ...(platform === 'darwin' ? [{ role: 'appMenu' } as const] : []),
    { label: text.edit, role: 'editMenu' },
    packaged ? { label: text.view, submenu: productionView } : { label: text.view, role: 'viewMenu' },
    {
      label: text.status,
      submenu: [{ label: text.toggleOnline, accelerator: 'CmdOrCtrl+Shift+O', click: () => callbacks.onToggleOnline() }],
    },
    { label: text.window, role: 'windowMenu' },
    {
      label: text.help,
      role: 'help',
      submenu: [{ label: text.shortcuts, accelerator: 'CmdOrCtrl+/', click: () => callbacks.onShowShortcuts() }],
    },
  ];
}

export function installAppMenu(callbacks: MenuCallbacks): Menu {
  const menu = Menu.buildFromTemplate(appMenuTemplate(callbacks, labels(), process.platform, app.isPackaged));
  Menu.setApplicationMenu(menu);
  return menu;
}
