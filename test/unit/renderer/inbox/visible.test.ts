import { describe, expect, it } from 'vitest';
import { filterInbox } from '../../../../src/shared/inbox-filter';
import { sortByActivity, sortByWait } from '../../../../src/renderer/screens/inbox/inbox-model';
import { InboxMap } from '../../../../src/renderer/store/inbox-map';
import type { State } from '../../../../src/renderer/store/state';
import { selectCounts, selectOptions, selectVisible, selectVisibleKeys } from '../../../../src/renderer/screens/inbox/visible';
import type { InboxConversation, InboxFilter } from '../../../../src/shared/view-models';
import { conversation } from './fixtures';

const session = {
  accounts: [{ id: 'a1', agent: { id: 'agent_me', name: 'Me' } }],
  vault: { encryption: 'os' },
} as unknown as State['session'];

const mapOf = (list: InboxConversation[]) => InboxMap.of(list.map((c) => [c.key, c] as const));
const stateOf = (list: InboxConversation[], filter: InboxFilter): State => ({ conversations: mapOf(list), filter, session }) as unknown as State;

describe('the visible list', () => {
  const list = [
    conversation('older', { status: 'waiting', createdAt: '2026-11-01T09:00:00.000Z' }),
    conversation('newer', { status: 'waiting', createdAt: '2026-11-01T11:00:00.000Z', contactName: 'Jürgen' }),
    conversation('mine', { status: 'assigned', assignedAgentId: 'agent_me' }),
  ];

  it('filters with the shared filter and sorts newest first (Waiting: who waited longest first)', () => {
    const state = stateOf(list, { view: 'waiting' });
    expect(selectVisibleKeys(state)).toEqual(['a1/bot_shop/older', 'a1/bot_shop/newer']);
    expect(selectVisibleKeys({ ...state, filter: { view: 'all' } })).toEqual(['a1/bot_shop/newer', 'a1/bot_shop/mine', 'a1/bot_shop/older']);
    expect(selectVisibleKeys({ ...state, inboxSort: { waiting: 'newest' } })).toEqual(['a1/bot_shop/newer', 'a1/bot_shop/older']);
    expect(selectVisible({ ...state, filter: { view: 'waiting', search: 'jurgen' } }).map((c) => c.id)).toEqual(['newer']);
    expect(selectVisible({ ...state, filter: { view: 'mine' } }).map((c) => c.id)).toEqual(['mine']);
    expect(selectCounts(state)).toEqual({ waiting: 2, mine: 1 });
  });

  it('returns the same array while its inputs are unchanged, so React does not re-render', () => {
    const state = stateOf(list, { view: 'all' });
    const first = selectVisible(state);
    expect(selectVisible({ ...state, selectedKey: 'x', helpOpen: true })).toBe(first);
    expect(selectVisible({ ...state, filter: { view: 'all' } })).not.toBe(first);
  });

  it('filters and sorts 50,000 conversations', () => {
    const many = Array.from({ length: 50_000 }, (_, i) =>
      conversation(`c${i}`, {
        status: i % 3 === 0 ? 'waiting' : 'bot',
        createdAt: new Date(Date.UTC(2026, 10, 1) + ((i * 7919) % 50_000) * 1000).toISOString(),
        contactName: `Kontakt ${i}`,
      }),
    );
    const state = stateOf(many, { view: 'waiting' });
    const visible = selectVisible(state);
    const searched = selectVisible({ ...state, filter: { view: 'all', search: 'kontakt 4999' } });
    expect(visible.length).toBe(16_667);
    expect(searched.map((c) => c.id).sort()).toEqual(['c4999', 'c49990', 'c49991', 'c49992', 'c49993', 'c49994', 'c49995', 'c49996', 'c49997', 'c49998', 'c49999']);
  });
});

describe('the visible list under live updates', () => {
  it('stays sorted when main upserts into a large inbox', () => {
    const many = Array.from({ length: 50_000 }, (_, i) =>
      conversation(`c${i}`, { createdAt: new Date(Date.UTC(2026, 10, 1) + ((i * 7919) % 50_000) * 1000).toISOString() }),
    );
    let map = mapOf(many);
    const filter: InboxFilter = { view: 'all' };
    selectVisible({ conversations: map, filter, session } as unknown as State);
    for (let batch = 0; batch < 20; batch++) {
      const key = `a1/bot_shop/c${batch * 97}`;
      map = map.update([[key, { ...map.get(key)!, createdAt: new Date(Date.UTC(2026, 10, 2) + batch * 1000).toISOString() }]], []);
      const visible = selectVisible({ conversations: map, filter, session } as unknown as State);
      expect(visible[0]!.key).toBe(key);
    }
  });

  it.each(['newest', 'longestWaiting'] as const)('keeps a filtered view in its order (%s) equal to sorting from scratch, one change and a large page at a time', (sort) => {
    const many = Array.from({ length: 3_000 }, (_, i) =>
      conversation(`c${i}`, { status: i % 3 === 0 ? 'waiting' : 'bot', createdAt: new Date(Date.UTC(2026, 10, 1) + ((i * 7919) % 3_000) * 1000).toISOString() }),
    );
    let map = mapOf(many.slice(0, 1_000));
    const filter: InboxFilter = { view: 'waiting', search: 'kontakt' };
    const state = () => ({ conversations: map, filter, session, inboxSort: { waiting: sort } }) as unknown as State;
    // Not through the selectors, which would then start over from this map.
    const fromScratch = () => {
      const byActivity = sortByActivity(filterInbox([...map.values()], filter, { myAgentIds: { a1: 'agent_me' } }));
      return (sort === 'newest' ? byActivity : sortByWait(byActivity)).map((c) => c.key);
    };
    selectVisible(state());
    // A large page (merged), then single changes (spliced): conversations start and stop waiting.
    map = map.update(many.slice(1_000).map((c) => [c.key, { ...c, contactName: `Kontakt ${c.id}` }] as const), []);
    expect(selectVisible(state()).map((c) => c.key)).toEqual(fromScratch());
    for (let step = 0; step < 40; step++) {
      const key = `a1/bot_shop/c${1_000 + step * 31}`;
      const c = map.get(key)!;
      const status = c.status === 'waiting' ? 'bot' : 'waiting';
      map = step % 7 === 6 ? map.update([], [key]) : map.update([[key, { ...c, status, createdAt: new Date(Date.UTC(2026, 10, 3) + step * 1000).toISOString() }]], []);
      expect(selectVisible(state()).map((c) => c.key)).toEqual(fromScratch());
    }
  });
});

describe('counts and options under live updates', () => {
  it('keep matching a full count as conversations change', () => {
    let map = mapOf(Array.from({ length: 300 }, (_, i) => conversation(`c${i}`, { status: i % 3 === 0 ? 'waiting' : 'bot' })));
    const state = (m: typeof map) => ({ conversations: m, filter: { view: 'all' }, session }) as unknown as State;
    selectCounts(state(map));
    for (let step = 0; step < 30; step++) {
      const key = `a1/bot_shop/c${step * 7}`;
      const c = map.get(key)!;
      if (step % 5 === 4) map = map.update([], [key]);
      else map = map.update([[key, c.status === 'waiting' ? { ...c, status: 'assigned', assignedAgentId: 'agent_me' } : { ...c, status: 'waiting', assignedAgentId: null }]], []);
      if (step === 10) map = map.update([['a1/bot_new/x', conversation('x', { key: 'a1/bot_new/x', chatbotId: 'bot_new', chatbotName: 'Neu', status: 'waiting' })]], []);
      const counts = selectCounts(state(map));
      const waiting = [...map.values()].filter((x) => !x.archived && x.status === 'waiting').length;
      const mine = [...map.values()].filter((x) => !x.archived && x.status === 'assigned' && x.assignedAgentId === 'agent_me').length;
      expect(counts).toEqual({ waiting, mine });
      expect(selectOptions(state(map)).chatbots.map((o) => o.label)).toEqual(step >= 10 ? ['Neu', 'Shop'] : ['Shop']);
    }
  });
});
