import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({ app: { getLocale: () => 'de-DE' }, Menu: {} }));

const { appMenuTemplate, labels, languageOfLocale } = await import('../../../../src/main/electron/menu');

type Item = { label?: string; role?: string; accelerator?: string; click?: () => void; submenu?: Item[] };
const flat = (items: Item[]): Item[] => items.flatMap((i) => [i, ...flat(i.submenu ?? [])]);

describe('app menu', () => {
  it('has the standard roles and the two shortcuts, which call back', () => {
    const callbacks = { onToggleOnline: vi.fn(), onShowShortcuts: vi.fn() };
    const items = flat(appMenuTemplate(callbacks, labels('en'), 'linux', false) as Item[]);
    expect(items.map((i) => i.role).filter(Boolean)).toEqual(['editMenu', 'viewMenu', 'windowMenu', 'help']);
    const toggle = items.find((i) => i.accelerator === 'CmdOrCtrl+Shift+O')!;
    const shortcuts = items.find((i) => i.accelerator === 'CmdOrCtrl+/')!;
    expect([toggle.label, shortcuts.label]).toEqual(['Go online/offline', 'Keyboard shortcuts']);
    toggle.click!();
    shortcuts.click!();
    expect(callbacks.onToggleOnline).toHaveBeenCalledTimes(1);
    expect(callbacks.onShowShortcuts).toHaveBeenCalledTimes(1);
  });

  it('adds the app menu on macOS and speaks the language it is given', () => {
    const items = appMenuTemplate({ onToggleOnline: vi.fn(), onShowShortcuts: vi.fn() }, labels('de'), 'darwin', false) as Item[];
    expect(items[0]?.role).toBe('appMenu');
    expect(flat(items).map((i) => i.label)).toContain('Tastenkürzel');
    expect(labels('en').edit).toBe('Edit');
    expect(labels('de').edit).toBe('Bearbeiten');
  });

  it('takes German for a German system locale, English for any other', () => {
    expect(languageOfLocale('de-AT')).toBe('de');
    expect(languageOfLocale('DE')).toBe('de');
    expect(languageOfLocale('en-US')).toBe('en');
    expect(languageOfLocale('fr-FR')).toBe('en');
  });

  it('offers no DevTools and no reload once packaged, only zoom and full screen', () => {
    const callbacks = { onToggleOnline: vi.fn(), onShowShortcuts: vi.fn() };
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      const items = flat(appMenuTemplate(callbacks, labels('en'), platform, true) as Item[]);
      const roles = items.map((i) => i.role).filter(Boolean);
      expect(roles).not.toContain('viewMenu');
      expect(roles).not.toContain('toggleDevTools');
      expect(roles).not.toContain('reload');
      expect(roles).not.toContain('forceReload');
      expect(roles).toEqual(expect.arrayContaining(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen', 'editMenu', 'windowMenu']));
      expect(items.find((i) => i.label === 'View')?.submenu).toHaveLength(5);
    }
  });
});
