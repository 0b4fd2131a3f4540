// The application menu: the standard Edit/View/Window roles (copy, paste, zoom work as agents
// expect) plus Deckhand's own shortcuts, which only call back; what they do is decided elsewhere.
// The installed app's View menu has zoom and full screen only: no DevTools, no reload.
import { Menu, app, type MenuItemConstructorOptions } from 'electron';
import type { Language } from '../../shared/view-models';

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

/** The menu's and the tray's words in the language the agent sees. */
export const labels = (language: Language): Labels => (language === 'de' ? de : en);

/** What a system locale ('de-AT', 'en-GB') means for Deckhand's languages: German, else English. */
export const languageOfLocale = (locale: string): Language => (locale.toLowerCase().startsWith('de') ? 'de' : 'en');

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

/** Installs the menu in the agent's language; called again when that changes. */
export function installAppMenu(callbacks: MenuCallbacks, language: Language): Menu {
  const menu = Menu.buildFromTemplate(appMenuTemplate(callbacks, labels(language), process.platform, app.isPackaged));
  Menu.setApplicationMenu(menu);
  return menu;
}
