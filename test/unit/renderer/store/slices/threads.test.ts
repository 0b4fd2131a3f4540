import { describe, expect, it, vi } from 'vitest';
import { message } from '../../inbox/fixtures';
import { freshStore } from '../support';

describe('the threads slice', () => {
  it('takes messages for an open thread, and tells nobody about messages for a thread that is not open', () => {
    const store = freshStore();
    store.getState().openingThread('a1/bot_shop/open');
    const listener = vi.fn();
    store.subscribe(listener);
    store.getState().receiveMessages('a1/bot_shop/closed', [message({ id: 'm1', type: 'text', payload: { text: 'for nobody' } })]);
    expect(listener).not.toHaveBeenCalled();
    expect(store.getState().threads['a1/bot_shop/closed']).toBeUndefined();
    store.getState().receiveMessages('a1/bot_shop/open', [message({ id: 'm2', type: 'text', payload: { text: 'for the open one' } })]);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(store.getState().threads['a1/bot_shop/open']!.messages.map((m) => m.id)).toEqual(['m2']);
  });
});
