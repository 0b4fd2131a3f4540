// The queue: the Waiting view's order by wait, how a wait reads and turns amber and red, rows held
// in place while scrolled (arrivals counted, not shown), conversations found by their messages,
// and "j" after the selected conversation left the view (found in a day's use: it jumped to the top).
import { describe, expect, it } from 'vitest';
import { moveSelection } from '../../../../src/renderer/screens/inbox/inbox-model';
import { formatWait, holdsAt, waitLevel } from '../../../../src/renderer/screens/inbox/queue-model';
import { selectAnchor, selectArrived, selectVisibleKeys } from '../../../../src/renderer/screens/inbox/visible';
import { InboxMap } from '../../../../src/renderer/store/inbox-map';
import type { State } from '../../../../src/renderer/store/state';
import type { InboxConversation, InboxFilter, MessageHit } from '../../../../src/shared/view-models';
import { conversation, message } from './fixtures';

const session = { accounts: [{ id: 'a1', agent: { id: 'agent_me', name: 'Me' } }], vault: { encryption: 'os' } } as unknown as State['session'];
const at = (minute: number) => new Date(Date.UTC(2026, 10, 1, 10, minute)).toISOString();
const waiting = (id: string, lastAt: number, waitingSince?: string | null) =>
  conversation(id, {
    status: 'waiting',
    lastMessage: message({ type: 'text', payload: { text: `hallo ${id}` }, createdAt: at(lastAt) }),
    ...(waitingSince !== undefined && { waitingSince }),
  });
const stateOf = (list: InboxConversation[], filter: InboxFilter, extra: Partial<State> = {}): State =>
  ({ conversations: InboxMap.of(list.map((c) => [c.key, c] as const)), filter, session, selectedKey: null, ...extra }) as unknown as State;
const ids = (keys: string[]) => keys.map((k) => k.split('/').at(-1));

describe('the Waiting view as a queue', () => {
  it('puts who waited longest first, by the wait main worked out, else the last message', () => {
    // "b" wrote last most recently but has waited since minute 1; "c" has no worked-out wait.
    const list = [waiting('a', 5, at(4)), waiting('b', 9, at(1)), waiting('c', 3)];
    expect(ids(selectVisibleKeys(stateOf(list, { view: 'waiting' })))).toEqual(['b', 'c', 'a']);
    expect(ids(selectVisibleKeys(stateOf(list, { view: 'waiting' }, { inboxSort: { waiting: 'newest' } } as Partial<State>)))).toEqual(['b', 'a', 'c']);
  });

  it('reads a wait as a timer and colours it by the agent’s thresholds', () => {
    expect(formatWait(42_000)).toBe('0:42');
    expect(formatWait(4 * 60_000 + 5_000)).toBe('4:05');
    expect(formatWait(62 * 60_000 + 9_000)).toBe('1:02:09');
    expect(formatWait(51 * 3600_000)).toBe('2d 3h');
    const thresholds = { waitWarnMinutes: 2, waitUrgentMinutes: 5 };
    expect([60_000, 120_000, 299_000, 300_000].map((ms) => waitLevel(ms, thresholds))).toEqual(['ok', 'warn', 'warn', 'urgent']);
    expect(holdsAt(10, 76)).toBe(false);
    expect(holdsAt(60, 76)).toBe(true);
  });
});

describe('a scrolled list', () => {
  it('keeps its rows where they were and counts the arrivals instead of showing them', () => {
    const list = [waiting('a', 5, at(1)), waiting('b', 6, at(2))];
    const hold = { rows: list };
    // "c" arrives and would go first; "b" got a new message and would move: neither moves a row.
    const later = [waiting('c', 7, at(0)), waiting('a', 5, at(1)), waiting('b', 8, at(2))];
    const held = stateOf(later, { view: 'all' }, { listHold: hold } as Partial<State>);
    expect(ids(selectVisibleKeys(held))).toEqual(['a', 'b']);
    expect(selectArrived(held)).toBe(1);
    const live = stateOf(later, { view: 'all' });
    expect(ids(selectVisibleKeys(live))).toEqual(['b', 'c', 'a']);
    expect(selectArrived(live)).toBe(0);
    expect(ids(selectVisibleKeys(stateOf(list.slice(1), { view: 'all' }, { listHold: hold } as Partial<State>)))).toEqual(['b']);
  });
});

describe('the search', () => {
  it('also lists conversations found in their messages, for the term those hits are for', () => {
    const list = [conversation('x', { contactName: 'Anna' }), conversation('y', { contactName: 'Ben' })];
    const hit: MessageHit = { key: 'a1/bot_shop/y', messageId: 'm', createdAt: at(1), text: 'Meine Rücksendung 4711' };
    const hits = { term: 'rucksendung', hits: new Map([[hit.key, hit]]) };
    expect(ids(selectVisibleKeys(stateOf(list, { view: 'all', search: 'Rücksendung' }, { messageSearch: hits } as Partial<State>)))).toEqual(['y']);
    expect(ids(selectVisibleKeys(stateOf(list, { view: 'all', search: 'anna' }, { messageSearch: hits } as Partial<State>)))).toEqual(['x']);
  });
});

describe('"j" after the selected conversation left the view', () => {
  it('goes on from where it was instead of jumping to the top', () => {
    const list = ['a', 'b', 'c', 'd'].map((id, i) => waiting(id, 10 - i, at(i)));
    const before = stateOf(list, { view: 'waiting' }, { selectedKey: 'a1/bot_shop/b' } as Partial<State>);
    expect(selectAnchor(before)).toEqual({ key: 'a1/bot_shop/b', index: 1 });
    // Taken by the agent: out of Waiting, still selected.
    const taken = list.map((c) => (c.id === 'b' ? { ...c, status: 'assigned' as const, assignedAgentId: 'agent_me' } : c));
    const after = stateOf(taken, { view: 'waiting' }, { selectedKey: 'a1/bot_shop/b' } as Partial<State>);
    const keys = selectVisibleKeys(after);
    expect(ids(keys)).toEqual(['a', 'c', 'd']);
    expect(moveSelection(keys, 'a1/bot_shop/b', 1, selectAnchor(after))).toBe('a1/bot_shop/c');
    expect(moveSelection(keys, 'a1/bot_shop/b', -1, selectAnchor(after))).toBe('a1/bot_shop/a');
    // Without a place to go on from, the top, as before.
    expect(moveSelection(keys, 'a1/bot_shop/zz', 1, null)).toBe('a1/bot_shop/a');
  });
});
