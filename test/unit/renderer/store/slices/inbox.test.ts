import { describe, expect, it } from 'vitest';
import { conversation } from '../../inbox/fixtures';
import { freshStore } from '../support';

describe('the inbox slice', () => {
  it('starts on "waiting" with nothing selected', () => {
    expect(freshStore().getState()).toMatchObject({ filter: { view: 'waiting' }, selectedKey: null, inboxComplete: false });
    expect(freshStore().getState().conversations.size).toBe(0);
  });

  it('takes the inbox page by page, then changes by key, each time as a new map that leaves the old one as it was', () => {
    const store = freshStore();
    store.getState().receiveInboxPage([conversation('a'), conversation('b')], false);
    expect(store.getState().inboxComplete).toBe(false);
    const first = store.getState().conversations;
    store.getState().receiveInboxChange([conversation('c', { status: 'waiting' })], ['a1/bot_shop/a']);
    const second = store.getState().conversations;
    expect(second).not.toBe(first);
    expect([...second.keys()].sort()).toEqual(['a1/bot_shop/b', 'a1/bot_shop/c']);
    expect([...first.keys()].sort()).toEqual(['a1/bot_shop/a', 'a1/bot_shop/b']);
    // A later page refreshes what pages brought, and adds; it never drops what a live change brought.
    store.getState().receiveInboxPage([conversation('b', { unreadCount: 4 }), conversation('z')], true);
    expect([...store.getState().conversations.keys()].sort()).toEqual(['a1/bot_shop/b', 'a1/bot_shop/c', 'a1/bot_shop/z']);
    expect(store.getState().conversations.get('a1/bot_shop/b')!.unreadCount).toBe(4);
    expect(store.getState().inboxComplete).toBe(true);
    store.getState().inboxLoading();
    expect(store.getState().inboxComplete).toBe(false);
  });

  it('never lets a page undo a live change that came while it was read: neither an older copy nor a removed conversation', () => {
    const store = freshStore();
    store.getState().inboxLoading();
    store.getState().receiveInboxPage([conversation('a'), conversation('b')], false);
    // Read from the cache before these changes were written, the next page answers after them.
    store.getState().receiveInboxChange([conversation('a', { unreadCount: 3 })], ['a1/bot_shop/b']);
    store.getState().receiveInboxPage([conversation('a'), conversation('b'), conversation('c')], true);
    const map = store.getState().conversations;
    expect([...map.keys()].sort()).toEqual(['a1/bot_shop/a', 'a1/bot_shop/c']);
    expect(map.get('a1/bot_shop/a')!.unreadCount).toBe(3);
    // The next load reads after every change before it: its pages refresh everything again.
    store.getState().inboxLoading();
    store.getState().receiveInboxPage([conversation('a', { unreadCount: 0 }), conversation('b')], true);
    expect(store.getState().conversations.get('a1/bot_shop/a')!.unreadCount).toBe(0);
    expect(store.getState().conversations.has('a1/bot_shop/b')).toBe(true);
  });

  it('merges a filter patch and drops what became empty, so "any" is undefined', () => {
    const store = freshStore();
    store.getState().setFilter({ channelId: 'web', search: 'anna' });
    expect(store.getState().filter).toEqual({ view: 'waiting', channelId: 'web', search: 'anna' });
    store.getState().setFilter({ view: 'all', search: '', channelId: undefined });
    expect(store.getState().filter).toEqual({ view: 'all' });
    expect('search' in store.getState().filter).toBe(false);
  });

  it("deselects only a conversation of the account that went away", () => {
    const store = freshStore();
    store.getState().select('a1/bot_shop/c1');
    store.getState().deselectAccount('a10');
    expect(store.getState().selectedKey).toBe('a1/bot_shop/c1');
    store.getState().deselectAccount('a1');
    expect(store.getState().selectedKey).toBeNull();
  });
});
