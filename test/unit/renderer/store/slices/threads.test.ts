import { describe, expect, it, vi } from 'vitest';
import { message } from '../../inbox/fixtures';
import { KEPT_THREADS } from '../../../../../src/renderer/store/slices/threads';
import { freshStore, outboxItem } from '../support';

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

describe('threads kept in memory', () => {
  it('keeps the most recently opened ones, dropping the oldest with its delivered replies but not the waiting ones', () => {
    const store = freshStore();
    const key = (i: number) => `a1/bot_shop/c${i}`;
    store.getState().openingThread(key(0));
    store.getState().receiveOutbox([outboxItem('sent-0', { key: key(0), state: 'sent' }), outboxItem('failed-0', { key: key(0), state: 'failed' })]);
    store.getState().openingThread(key(1));
    store.getState().receiveOutbox([outboxItem('sent-1', { key: key(1), state: 'sent' })]);
    for (let i = 2; i < KEPT_THREADS; i++) store.getState().openingThread(key(i));
    // Opening 1 again makes it the most recent: 0 is now the oldest.
    store.getState().openingThread(key(1));
    expect(Object.keys(store.getState().threads)).toHaveLength(KEPT_THREADS);

    store.getState().openingThread(key(KEPT_THREADS));
    const { threads, outbox } = store.getState();
    expect(Object.keys(threads)).toHaveLength(KEPT_THREADS);
    expect(threads[key(0)]).toBeUndefined();
    expect(threads[key(1)]).toBeDefined();
    expect(outbox[key(0)]!.map((i) => i.clientMessageId)).toEqual(['failed-0']);
    expect(outbox[key(1)]!.map((i) => i.clientMessageId)).toEqual(['sent-1']);
  });
});
