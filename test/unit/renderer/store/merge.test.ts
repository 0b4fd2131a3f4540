import { describe, expect, it } from 'vitest';
import { InboxMap } from '../../../../src/renderer/store/inbox-map';
import { mergeConnections, mergeInbox, mergeMessages, mergeOutbox } from '../../../../src/renderer/store/merge';
import type { ConnectionState, SessionState } from '../../../../src/shared/view-models';
import { conversation, message } from '../inbox/fixtures';
import { outboxItem } from './support';

const text = (id: string, createdAt: string, body = id) => message({ id, createdAt, type: 'text', payload: { text: body } });

describe('mergeMessages', () => {
  it('puts messages in time order, whatever order they came in', () => {
    const merged = mergeMessages([text('m3', '2026-11-01T10:03:00.000Z')], [text('m1', '2026-11-01T10:01:00.000Z'), text('m2', '2026-11-01T10:02:00.000Z')]);
    expect(merged.map((m) => m.id)).toEqual(['m1', 'm2', 'm3']);
  });

  it('keeps one message per id, the newer copy winning, and leaves its inputs alone', () => {
    const current = [text('m1', '2026-11-01T10:01:00.000Z', 'old')];
    const merged = mergeMessages(current, [text('m1', '2026-11-01T10:01:00.000Z', 'new')]);
    expect(merged).toHaveLength(1);
    expect(merged[0]!.payload).toEqual({ text: 'new' });
    expect(current[0]!.payload).toEqual({ text: 'old' });
    expect(merged).not.toBe(current);
  });

  it('keeps the order messages with the same time came in', () => {
    const at = '2026-11-01T10:00:00.000Z';
    expect(mergeMessages([text('b', at)], [text('a', at)]).map((m) => m.id)).toEqual(['b', 'a']);
  });
});

describe('mergeOutbox', () => {
  it('files replies under their conversation, oldest first, one per clientMessageId', () => {
    const first = mergeOutbox({}, [outboxItem('r2', { createdAt: 20 }), outboxItem('r1', { createdAt: 10 })]);
    expect(first['a1/bot_shop/c1']!.map((i) => i.clientMessageId)).toEqual(['r1', 'r2']);
    const sent = mergeOutbox(first, [outboxItem('r1', { createdAt: 10, state: 'sent', messageId: 'm9' })]);
    expect(sent['a1/bot_shop/c1']!.map((i) => [i.clientMessageId, i.state])).toEqual([
      ['r1', 'sent'],
      ['r2', 'pending'],
    ]);
    expect(first['a1/bot_shop/c1']![0]!.state).toBe('pending');
  });

  it('leaves other conversations untouched', () => {
    const other = outboxItem('x', { key: 'a1/bot_shop/c2' });
    const next = mergeOutbox({ 'a1/bot_shop/c2': [other] }, [outboxItem('r1')]);
    expect(next['a1/bot_shop/c2']).toEqual([other]);
  });
});

describe('mergeInbox', () => {
  it('removes, then puts in by key, in a new map', () => {
    const current = InboxMap.of([conversation('a'), conversation('b')].map((c) => [c.key, c] as const));
    const next = mergeInbox(current, [conversation('b', { unreadCount: 3 }), conversation('c')], ['a1/bot_shop/a']);
    expect([...next.keys()].sort()).toEqual(['a1/bot_shop/b', 'a1/bot_shop/c']);
    expect(next.changedSince(current)).toEqual(new Set(['a1/bot_shop/a', 'a1/bot_shop/b', 'a1/bot_shop/c']));
    expect(next.get('a1/bot_shop/b')!.unreadCount).toBe(3);
    expect(current.size).toBe(2);
  });
});

describe('mergeConnections', () => {
  const state = (s: ConnectionState['state']): ConnectionState => ({ state: s, attempt: 0, nextRetryAt: null, lastError: null });
  it("takes the session's states over what was known", () => {
    const session = { accounts: [{ id: 'a1', connection: state('live') }] } as unknown as SessionState;
    expect(mergeConnections({ a1: state('offline'), a2: state('polling') }, session)).toEqual({ a1: state('live'), a2: state('polling') });
  });
});
