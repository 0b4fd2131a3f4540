import { describe, expect, it } from 'vitest';
import { conversation } from '../../inbox/fixtures';
import { freshStore } from '../support';

describe('the inbox slice', () => {
  it('starts on "waiting" with nothing selected', () => {
    expect(freshStore().getState()).toMatchObject({ filter: { view: 'waiting' }, selectedKey: null, conversations: new Map() });
  });

  it('takes the whole inbox, then changes by key, each time as a new Map', () => {
    const store = freshStore();
    store.getState().receiveInbox([conversation('a'), conversation('b')]);
    const first = store.getState().conversations;
    store.getState().receiveInboxChange([conversation('c', { status: 'waiting' })], ['a1/bot_shop/a']);
    const second = store.getState().conversations;
    expect(second).not.toBe(first);
    expect([...second.keys()]).toEqual(['a1/bot_shop/b', 'a1/bot_shop/c']);
    store.getState().receiveInbox([conversation('z')]);
    expect([...store.getState().conversations.keys()]).toEqual(['a1/bot_shop/z']);
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
