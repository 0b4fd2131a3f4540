import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  supported: true,
  shown: [] as { options: Record<string, unknown>; listeners: Map<string, () => void>; show: () => void }[],
}));

vi.mock('electron', () => ({
  BrowserWindow: { getAllWindows: () => [] },
  Notification: class {
    static isSupported = () => electron.supported;
    readonly listeners = new Map<string, () => void>();
    readonly show = vi.fn();
    constructor(readonly options: Record<string, unknown>) {
      electron.shown.push(this);
    }
    on(event: string, listener: () => void) {
      this.listeners.set(event, listener);
    }
  },
}));

const { showNotification } = await import('../../../../src/main/electron/notifications');

beforeEach(() => {
  electron.supported = true;
  electron.shown.length = 0;
});

describe('showNotification', () => {
  it('shows a native notification; a click restores and focuses the window, then calls back', () => {
    const window = { isDestroyed: () => false, isMinimized: () => true, restore: vi.fn(), show: vi.fn(), focus: vi.fn() };
    const onClick = vi.fn();
    expect(showNotification({ title: 'Anna', body: 'Hallo?', silent: true, onClick }, () => window as never)).toBe(true);
    const [shown] = electron.shown;
    expect(shown?.options).toEqual({ title: 'Anna', body: 'Hallo?', silent: true });
    expect(shown?.show).toHaveBeenCalled();
    shown!.listeners.get('click')!();
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
    expect(onClick).toHaveBeenCalled();
  });

  it('reports false where notifications are not supported', () => {
    electron.supported = false;
    expect(showNotification({ title: 't', body: 'b' })).toBe(false);
    expect(electron.shown).toEqual([]);
  });
});
