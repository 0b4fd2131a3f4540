import { describe, expect, it } from 'vitest';
import type { State } from '../../../../src/renderer/store/state';
import { selectCounts, selectOptions, selectVisible, selectVisibleKeys } from '../../../../src/renderer/screens/inbox/visible';
import type { InboxConversation, InboxFilter } from '../../../../src/shared/view-models';
import { conversation } from './fixtures';

const session = {
  accounts: [{ id: 'a1', agent: { id: 'agent_me', name: 'Me' } }],
  vault: { encryption: 'os' },
} as unknown as State['session'];

const stateOf = (list: InboxConversation[], filter: InboxFilter): State =>
  ({ conversations: new Map(list.map((c) => [c.key, c])), filter, session }) as unknown as State;

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

  it('filters and sorts 50,000 conversations in well under a second', () => {
    const many = Array.from({ length: 50_000 }, (_, i) =>
      conversation(`c${i}`, {
        status: i % 3 === 0 ? 'waiting' : 'bot',
        createdAt: new Date(Date.UTC(2026, 10, 1) + ((i * 7919) % 50_000) * 1000).toISOString(),
        contactName: `Kontakt ${i}`,
      }),
    );
    const state = stateOf(many, { view: 'waiting' });
    const started = performance.now();
    const visible = selectVisible(state);
    const searched = selectVisible({ ...state, filter: { view: 'all', search: 'kontakt 4999' } });
    const elapsed = performance.now() - started;
    expect(visible.length).toBe(16_667);
    expect(searched.map((c) => c.id).sort()).toEqual(['c4999', 'c49990', 'c49991', 'c49992', 'c49993', 'c49994', 'c49995', 'c49996', 'c49997', 'c49998', 'c49999']);
    // A loose bound (over 10× what an idle laptop needs), so a busy CI machine does not flake.
    expect(elapsed).toBeLessThan(3000);
  });
});

describe('the visible list under live updates', () => {
  it('stays sorted when main upserts into a large inbox', () => {
    const many = Array.from({ length: 50_000 }, (_, i) =>
      conversation(`c${i}`, { createdAt: new Date(Date.UTC(2026, 10, 1) + ((i * 7919) % 50_000) * 1000).toISOString() }),
    );
    let map = new Map(many.map((c) => [c.key, c]));
    selectVisible(stateOf([...map.values()], { view: 'all' }));
    for (let batch = 0; batch < 20; batch++) {
      map = new Map(map);
      const key = `a1/bot_shop/c${batch * 97}`;
      map.set(key, { ...map.get(key)!, createdAt: new Date(Date.UTC(2026, 10, 2) + batch * 1000).toISOString() });
      const visible = selectVisible({ conversations: map, filter: { view: 'all' }, session } as unknown as State);
      expect(visible[0]!.key).toBe(key);
    }
  });
});

describe('counts and options under live updates', () => {
  it('keep matching a full count as conversations change', () => {
    let map = new Map(
      Array.from({ length: 300 }, (_, i) => conversation(`c${i}`, { status: i % 3 === 0 ? 'waiting' : 'bot' })).map((c) => [c.key, c]),
    );
    const state = (m: typeof map) => ({ conversations: m, filter: { view: 'all' }, session }) as unknown as State;
    selectCounts(state(map));
    for (let step = 0; step < 30; step++) {
      map = new Map(map);
      const key = `a1/bot_shop/c${step * 7}`;
      const c = map.get(key)!;
      if (step % 5 === 4) map.delete(key);
      else map.set(key, c.status === 'waiting' ? { ...c, status: 'assigned', assignedAgentId: 'agent_me' } : { ...c, status: 'waiting', assignedAgentId: null });
      if (step === 10) map.set('a1/bot_new/x', conversation('x', { key: 'a1/bot_new/x', chatbotId: 'bot_new', chatbotName: 'Neu', status: 'waiting' }));
      const counts = selectCounts(state(map));
      const waiting = [...map.values()].filter((x) => !x.archived && x.status === 'waiting').length;
      const mine = [...map.values()].filter((x) => !x.archived && x.status === 'assigned' && x.assignedAgentId === 'agent_me').length;
      expect(counts).toEqual({ waiting, mine });
      expect(selectOptions(state(map)).chatbots.map((o) => o.label)).toEqual(step >= 10 ? ['Neu', 'Shop'] : ['Shop']);
    }
  });
});
