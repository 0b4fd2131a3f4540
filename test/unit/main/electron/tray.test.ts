import { beforeEach, describe, expect, it, vi } from 'vitest';

type Item = { label?: string; type?: string; checked?: boolean; click?: () => void };
const electron = vi.hoisted(() => ({
  tray: null as null | { image: string; tooltip: string; menu: Item[]; listeners: Map<string, () => void> },
  setBadgeCount: vi.fn(),
  packaged: false,
}));

vi.mock('electron', () => ({
  app: {
    getAppPath: () => '/app',
    getLocale: () => 'en-US',
    setBadgeCount: electron.setBadgeCount,
    get isPackaged() {
      return electron.packaged;
    },
  },
  nativeImage: { createFromPath: (path: string) => ({ path }) },
  Menu: { buildFromTemplate: (items: Item[]) => items },
  Tray: class {
    constructor(image: { path: string }) {
      electron.tray = { image: image.path, tooltip: '', menu: [], listeners: new Map() };
    }
    on(event: string, listener: () => void) {
      electron.tray!.listeners.set(event, listener);
    }
    setImage(image: { path: string }) {
      electron.tray!.image = image.path;
    }
    setToolTip(text: string) {
      electron.tray!.tooltip = text;
    }
    setContextMenu(menu: Item[]) {
      electron.tray!.menu = menu;
    }
    destroy() {}
  },
}));

const { createTray } = await import('../../../../src/main/electron/tray');

const callbacks = () => ({ onToggleOnline: vi.fn(), onOpen: vi.fn(), onQuit: vi.fn(), onRestartToUpdate: vi.fn() });
const item = (label: string) => electron.tray!.menu.find((i) => i.label === label)!;

beforeEach(() => electron.setBadgeCount.mockClear());

describe('createTray', () => {
  it('shows the icon, tooltip and badge for the state', () => {
    const tray = createTray({ ...callbacks(), resourcesDir: '/res', platform: 'linux' });
    expect(electron.tray!.image).toBe('/res/tray-offline.png');
    tray.update({ online: true, unread: 0, language: 'en' });
    expect(electron.tray!.image).toBe('/res/tray-online.png');
    expect(electron.tray!.tooltip).toBe('Deckhand — Online');
    tray.update({ online: true, unread: 3, language: 'en' });
    expect(electron.tray!.image).toBe('/res/tray-unread.png');
    expect(electron.tray!.tooltip).toBe('Deckhand — Online, 3 unread');
    expect(electron.setBadgeCount).toHaveBeenLastCalledWith(3);
  });

  it('menu: online/offline radio, open and quit call back', () => {
    const cb = callbacks();
    const tray = createTray({ ...cb, resourcesDir: '/res', platform: 'linux' });
    tray.update({ online: true, unread: 0, language: 'en' });
    expect(item('Online')).toMatchObject({ type: 'radio', checked: true });
    expect(item('Offline')).toMatchObject({ type: 'radio', checked: false });
    item('Offline').click!();
    expect(cb.onToggleOnline).toHaveBeenCalledWith(false);
    item('Open Deckhand').click!();
    electron.tray!.listeners.get('click')!();
    expect(cb.onOpen).toHaveBeenCalledTimes(2);
    item('Quit').click!();
    expect(cb.onQuit).toHaveBeenCalled();
  });

  it('uses the taskbar overlay instead of a badge on Windows', () => {
    const window = { isDestroyed: () => false, setOverlayIcon: vi.fn() };
    const tray = createTray({ ...callbacks(), resourcesDir: '/res', platform: 'win32', getWindow: () => window as never });
    tray.update({ online: false, unread: 2, language: 'en' });
    expect(window.setOverlayIcon).toHaveBeenLastCalledWith({ path: '/res/tray-unread.png' }, '2 unread');
    tray.update({ online: false, unread: 0, language: 'en' });
    expect(window.setOverlayIcon).toHaveBeenLastCalledWith(null, '');
    expect(electron.setBadgeCount).not.toHaveBeenCalled();
  });

  it('offers "Restart to update" first once an update is downloaded, and only then', () => {
    const cb = callbacks();
    const tray = createTray({ ...cb, resourcesDir: '/res', platform: 'linux' });
    expect(electron.tray!.menu.map((i) => i.label)).not.toContain('Restart to update');
    tray.setUpdateReady(true);
    expect(electron.tray!.menu[0]?.label).toBe('Restart to update');
    tray.update({ online: true, unread: 1, language: 'en' });
    electron.tray!.menu[0]!.click!();
    expect(cb.onRestartToUpdate).toHaveBeenCalledTimes(1);
    tray.setUpdateReady(false);
    expect(electron.tray!.menu.map((i) => i.label)).not.toContain('Restart to update');
    const german = createTray({ ...cb, resourcesDir: '/res', platform: 'linux' });
    german.update({ online: true, unread: 0, language: 'de' });
    german.setUpdateReady(true);
    expect(electron.tray!.menu[0]?.label).toBe('Zum Aktualisieren neu starten');
  });

  it('speaks the language the agent sees, and changes with it', () => {
    const tray = createTray({ ...callbacks(), resourcesDir: '/res', platform: 'linux' });
    tray.update({ online: false, unread: 2, language: 'de' });
    expect(electron.tray!.tooltip).toBe('Deckhand — Offline, 2 ungelesen');
    expect(electron.tray!.menu.map((i) => i.label)).toContain('Deckhand öffnen');
    tray.update({ online: false, unread: 2, language: 'en' });
    expect(electron.tray!.tooltip).toBe('Deckhand — Offline, 2 unread');
    expect(electron.tray!.menu.map((i) => i.label)).toContain('Open Deckhand');
  });

  it('reads its icons from the project, or from the installed app’s resources once packaged', () => {
    createTray({ ...callbacks(), platform: 'linux' });
    expect(electron.tray!.image).toBe('/app/resources/tray-offline.png');
    electron.packaged = true;
    const resourcesPath = Object.getOwnPropertyDescriptor(process, 'resourcesPath');
    Object.defineProperty(process, 'resourcesPath', { value: '/opt/Deckhand/resources', configurable: true });
    try {
      createTray({ ...callbacks(), platform: 'linux' });
      expect(electron.tray!.image).toBe('/opt/Deckhand/resources/resources/tray-offline.png');
    } finally {
      electron.packaged = false;
      if (resourcesPath) Object.defineProperty(process, 'resourcesPath', resourcesPath);
      else delete (process as { resourcesPath?: string }).resourcesPath;
    }
  });
});
