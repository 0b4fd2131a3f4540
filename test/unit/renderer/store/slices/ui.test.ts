import { describe, expect, it } from 'vitest';
import { MAX_TOASTS } from '../../../../../src/renderer/store/slices/ui';
import { freshStore } from '../support';

describe('the ui slice', () => {
  it('shows at most four toasts, the newest last, and dismisses one by its id', () => {
    const store = freshStore();
    const ids = ['a', 'b', 'c', 'd', 'e'].map((message) => store.getState().addToast('info', message));
    expect(new Set(ids).size).toBe(5);
    expect(store.getState().toasts.map((t) => t.message)).toEqual(['b', 'c', 'd', 'e']);
    expect(store.getState().toasts).toHaveLength(MAX_TOASTS);
    store.getState().dismissToast(ids[2]!);
    expect(store.getState().toasts.map((t) => t.message)).toEqual(['b', 'd', 'e']);
  });

  it('switches sections, the shortcuts overlay and the theme', () => {
    const store = freshStore();
    expect(store.getState()).toMatchObject({ section: 'inbox', helpOpen: false, theme: 'system' });
    store.getState().setSection('settings');
    store.getState().setHelpOpen(true);
    store.getState().setTheme('dark');
    expect(store.getState()).toMatchObject({ section: 'settings', helpOpen: true, theme: 'dark' });
  });

  it('keeps its transitions across every change, so they can be bound once', () => {
    const store = freshStore();
    const { setSection } = store.getState();
    setSection('versions');
    store.getState().chooseChatbot('a1/bot_shop');
    expect(store.getState().setSection).toBe(setSection);
    expect(store.getState()).toMatchObject({ section: 'versions', adminChatbot: 'a1/bot_shop' });
  });
});
