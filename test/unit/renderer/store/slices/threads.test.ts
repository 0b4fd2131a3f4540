import { describe, expect, it } from 'vitest';
import { UiError } from '../../../../../src/renderer/api';
import { conversation, message } from '../../inbox/fixtures';
import { freshStore, outboxItem } from '../support';

const KEY = 'a1/bot_shop/c1';
const text = (id: string, minute: number) => message({ id, createdAt: `2026-11-01T10:${String(minute).padStart(2, '0')}:00.000Z`, type: 'text', payload: { text: id } });

describe('the threads slice', () => {
  it('keeps what is known on screen while a thread opens again, then merges what main answers', () => {
    const store = freshStore();
    const s = store.getState();
    s.openingThread(KEY);
    expect(store.getState().threads[KEY]).toEqual({ messages: [], hasOlder: false, loading: true, loadingOlder: false, error: null });

    s.receiveThread(KEY, { messages: [text('m2', 2)], hasOlder: true, outbox: [outboxItem('r1')] });
    expect(store.getState().threads[KEY]).toMatchObject({ loading: false, hasOlder: true });
    expect(store.getState().outbox[KEY]!.map((i) => i.clientMessageId)).toEqual(['r1']);

    s.openingThread(KEY);
    expect(store.getState().threads[KEY]).toMatchObject({ loading: true, hasOlder: true, messages: [{ id: 'm2' }] });
    s.receiveThread(KEY, { messages: [text('m3', 3)], hasOlder: false, outbox: [] });
    expect(store.getState().threads[KEY]!.messages.map((m) => m.id)).toEqual(['m2', 'm3']);
  });

  it('shows why a thread could not open', () => {
    const store = freshStore();
    store.getState().openingThread(KEY);
    const error = new UiError({ code: 'Network', message: 'offline' });
    store.getState().threadFailed(KEY, error);
    expect(store.getState().threads[KEY]).toMatchObject({ loading: false, error });
  });

  it('pages older messages in front, and clears the flag when that fails', () => {
    const store = freshStore();
    const s = store.getState();
    s.receiveThread(KEY, { messages: [text('m5', 5)], hasOlder: true, outbox: [] });
    s.loadingOlder(KEY);
    expect(store.getState().threads[KEY]!.loadingOlder).toBe(true);
    s.receiveOlder(KEY, { messages: [text('m1', 1), text('m2', 2)], hasOlder: false });
    expect(store.getState().threads[KEY]).toMatchObject({ loadingOlder: false, hasOlder: false });
    expect(store.getState().threads[KEY]!.messages.map((m) => m.id)).toEqual(['m1', 'm2', 'm5']);
    s.loadingOlder(KEY);
    s.olderFailed(KEY);
    expect(store.getState().threads[KEY]!.loadingOlder).toBe(false);
  });

  it('merges live messages into an open thread and ignores them for one that is not open', () => {
    const store = freshStore();
    const s = store.getState();
    s.receiveMessages(KEY, [text('m1', 1)]);
    expect(store.getState().threads).toEqual({});
    s.receiveThread(KEY, { messages: [text('m1', 1)], hasOlder: false, outbox: [] });
    s.receiveMessages(KEY, [text('m2', 2), text('m1', 1)]);
    expect(store.getState().threads[KEY]!.messages.map((m) => m.id)).toEqual(['m1', 'm2']);
  });

  it('keeps a draft per conversation and drops it when emptied', () => {
    const store = freshStore();
    store.getState().setDraft(KEY, 'Hallo');
    store.getState().setDraft('a1/bot_shop/c2', 'Moin');
    expect(store.getState().drafts).toEqual({ [KEY]: 'Hallo', 'a1/bot_shop/c2': 'Moin' });
    store.getState().setDraft(KEY, '');
    expect(store.getState().drafts).toEqual({ 'a1/bot_shop/c2': 'Moin' });
  });

  it('changes nothing but its own part of the store', () => {
    const store = freshStore();
    store.getState().receiveInboxChange([conversation('c1')]);
    const before = store.getState();
    before.receiveThread(KEY, { messages: [text('m1', 1)], hasOlder: false, outbox: [outboxItem('r1')] });
    const after = store.getState();
    for (const key of Object.keys(before) as (keyof typeof before)[]) {
      if (!['threads', 'outbox'].includes(key)) expect(after[key], key).toBe(before[key]);
    }
  });
});
