import { describe, expect, it } from 'vitest';
import {
  changedKeys,
  channelKind,
  countViews,
  filterOptions,
  initials,
  moveSelection,
  neighbourOf,
  recountViews,
  resortByActivity,
  sortByActivity,
} from '../../../../src/renderer/screens/inbox/inbox-model';
import { conversation, message } from './fixtures';

describe('sortByActivity', () => {
  it('puts the newest activity first and breaks ties by key, whatever the input order', () => {
    const old = conversation('old', { createdAt: '2026-11-01T09:00:00.000Z' });
    const tieB = conversation('b', { createdAt: '2026-11-01T11:00:00.000Z' });
    const tieA = conversation('a', { createdAt: '2026-11-01T11:00:00.000Z' });
    const newest = conversation('new', { createdAt: '2026-11-02T08:00:00.000Z' });
    expect(sortByActivity([old, tieB, newest, tieA]).map((c) => c.id)).toEqual(['new', 'a', 'b', 'old']);
    expect(sortByActivity([tieA, newest, old, tieB]).map((c) => c.id)).toEqual(['new', 'a', 'b', 'old']);
  });

  it('compares instants, not strings, when offsets differ', () => {
    const utc = conversation('utc', { createdAt: '2026-11-01T10:30:00.000Z' });
    const berlin = conversation('berlin', { createdAt: '2026-11-01T11:00:00.000+01:00' }); // 10:00Z
    expect(sortByActivity([berlin, utc]).map((c) => c.id)).toEqual(['utc', 'berlin']);
  });

  it('re-sorts an upserted conversation (new object) by its new time', () => {
    const a = conversation('a', { createdAt: '2026-11-01T10:00:00.000Z' });
    const b = conversation('b', { createdAt: '2026-11-01T11:00:00.000Z' });
    expect(sortByActivity([a, b])[0]!.id).toBe('b');
    const aAgain = { ...a, createdAt: '2026-11-01T12:00:00.000Z' };
    expect(sortByActivity([aAgain, b])[0]!.id).toBe('a');
  });

  it('orders by the newest message, so reading or assigning a conversation does not move it', () => {
    const quiet = conversation('quiet', {
      createdAt: '2026-11-01T08:00:00.000Z',
      updatedAt: '2026-11-03T09:00:00.000Z', // read just now
      lastMessage: { ...message({ type: 'text', payload: { text: 'Hallo' } }), createdAt: '2026-11-01T09:00:00.000Z' },
    });
    const busy = conversation('busy', {
      lastMessage: { ...message({ type: 'text', payload: { text: 'Noch da?' } }), createdAt: '2026-11-02T09:00:00.000Z' },
    });
    expect(sortByActivity([quiet, busy]).map((c) => c.id)).toEqual(['busy', 'quiet']);
  });

  it('does not change its input', () => {
    const input = [conversation('x', { createdAt: '2026-01-01T00:00:00.000Z' }), conversation('y')];
    sortByActivity(input);
    expect(input.map((c) => c.id)).toEqual(['x', 'y']);
  });
});

describe('moveSelection', () => {
  const keys = ['k1', 'k2', 'k3'];
  it('moves one step down and up', () => {
    expect(moveSelection(keys, 'k1', 1)).toBe('k2');
    expect(moveSelection(keys, 'k3', -1)).toBe('k2');
  });
  it('stops at the ends instead of wrapping', () => {
    expect(moveSelection(keys, 'k3', 1)).toBe('k3');
    expect(moveSelection(keys, 'k1', -1)).toBe('k1');
  });
  it('starts at the top when nothing is selected or the selection was filtered away', () => {
    expect(moveSelection(keys, null, 1)).toBe('k1');
    expect(moveSelection(keys, null, -1)).toBe('k1');
    expect(moveSelection(keys, 'gone', 1)).toBe('k1');
  });
  it('has nothing to select in an empty list', () => {
    expect(moveSelection([], null, 1)).toBeNull();
    expect(moveSelection([], 'k1', -1)).toBeNull();
  });
});

describe('neighbourOf', () => {
  it('prefers the next conversation, then the previous one', () => {
    expect(neighbourOf(['a', 'b', 'c'], 'b')).toBe('c');
    expect(neighbourOf(['a', 'b', 'c'], 'c')).toBe('b');
    expect(neighbourOf(['a'], 'a')).toBeNull();
    expect(neighbourOf(['a'], 'x')).toBeNull();
  });
});

describe('countViews', () => {
  const context = { myAgentIds: { a1: 'agent_me' } };
  const inbox = [
    conversation('w1', { status: 'waiting' }),
    conversation('w2', { status: 'waiting', channelId: 'email' }),
    conversation('w-archived', { status: 'waiting', archived: true }),
    conversation('mine', { status: 'assigned', assignedAgentId: 'agent_me' }),
    conversation('theirs', { status: 'assigned', assignedAgentId: 'agent_other' }),
    conversation('w-other-bot', { status: 'waiting', chatbotId: 'bot_service' }),
  ];
  it('counts waiting and mine, leaving out the archive', () => {
    expect(countViews(inbox, { view: 'all' }, context)).toEqual({ waiting: 3, mine: 1 });
  });
  it('counts within the chosen channel and chatbot', () => {
    expect(countViews(inbox, { view: 'all', channelId: 'email' }, context)).toEqual({ waiting: 1, mine: 0 });
    expect(countViews(inbox, { view: 'all', chatbot: 'a1/bot_service' }, context)).toEqual({ waiting: 1, mine: 0 });
  });
});

describe('filterOptions', () => {
  it('lists each channel and chatbot once, by name', () => {
    const options = filterOptions([
      conversation('1', { channelId: 'webchat', channelName: 'Web Chat' }),
      conversation('2'),
      conversation('3', { channelId: 'webchat', channelName: 'Web Chat', chatbotId: 'bot_service', chatbotName: 'Service' }),
    ]);
    expect(options.channels).toEqual([
      { value: 'webchat', label: 'Web Chat' },
      { value: 'whatsapp', label: 'WhatsApp Business' },
    ]);
    expect(options.chatbots).toEqual([
      { value: 'a1/bot_service', label: 'Service' },
      { value: 'a1/bot_shop', label: 'Shop' },
    ]);
  });
});

describe('row details', () => {
  it('recognises the channels by id or by name', () => {
    expect(channelKind('whatsapp', 'WhatsApp Business')).toBe('whatsapp');
    expect(channelKind('ch_17', 'Instagram Direct')).toBe('instagram');
    expect(channelKind('email', 'Support')).toBe('email');
    expect(channelKind('ch_2', 'E-Mail')).toBe('email');
    expect(channelKind('webchat', 'Web Chat')).toBe('webchat');
    expect(channelKind('telegram', 'Telegram')).toBe('telegram');
    expect(channelKind('sms', 'SMS')).toBe('other');
  });

  it('makes initials from the first and last word, and # for a number', () => {
    expect(initials('Anna Berger')).toBe('AB');
    expect(initials('  jürgen  von der müller ')).toBe('JM');
    expect(initials('Émile')).toBe('É');
    expect(initials('+49 151 2345678')).toBe('#');
    expect(initials('')).toBe('#');
  });
});

describe('resortByActivity', () => {
  const at = (minute: number) => new Date(Date.UTC(2026, 10, 1, 10, minute)).toISOString();
  const mapOf = (list: ReturnType<typeof conversation>[]) => new Map(list.map((c) => [c.key, c]));

  it('gives the same order as a full sort after upserts, removals and additions', () => {
    const before = Array.from({ length: 200 }, (_, i) => conversation(`c${i}`, { createdAt: at((i * 37) % 200) }));
    const previous = mapOf(before);
    const previousSorted = sortByActivity(previous.values());
    const next = new Map(previous);
    next.set('a1/bot_shop/c5', { ...previous.get('a1/bot_shop/c5')!, createdAt: at(500) }); // new message: to the top
    next.set('a1/bot_shop/c9', { ...previous.get('a1/bot_shop/c9')!, createdAt: at(37) }); // a tie with c1
    next.delete('a1/bot_shop/c3');
    next.set('a1/bot_shop/new', conversation('new', { createdAt: at(100) }));
    const incremental = resortByActivity(previous, previousSorted, next);
    expect(incremental.map((c) => c.key)).toEqual(sortByActivity(next.values()).map((c) => c.key));
    expect(incremental[0]!.id).toBe('c5');
    expect(previousSorted).toHaveLength(200); // the old list is left as it was
  });

  it('falls back to a full sort when much changed', () => {
    const previous = mapOf([conversation('a', { createdAt: at(1) })]);
    const next = mapOf(Array.from({ length: 800 }, (_, i) => conversation(`n${i}`, { createdAt: at(i % 60) })));
    expect(resortByActivity(previous, sortByActivity(previous.values()), next).map((c) => c.key)).toEqual(
      sortByActivity(next.values()).map((c) => c.key),
    );
  });
});

describe('changedKeys', () => {
  const a = conversation('a');
  const b = conversation('b');
  const c = conversation('c');
  const base = new Map([a, b, c].map((x) => [x.key, x]));
  it('finds replaced, removed and added conversations', () => {
    const next = new Map(base);
    next.set(b.key, { ...b, unreadCount: 3 });
    expect(changedKeys(base, next, 10)).toEqual(new Set([b.key]));
    next.delete(a.key);
    const d = conversation('d');
    next.set(d.key, d);
    expect(changedKeys(base, next, 10)).toEqual(new Set([a.key, b.key, d.key]));
    expect(changedKeys(base, new Map(base), 10)).toEqual(new Set());
  });
  it('gives up past the limit', () => {
    const next = new Map([...base].map(([key, x]) => [key, { ...x }]));
    expect(changedKeys(base, next, 2)).toBeNull();
  });
});

describe('recountViews', () => {
  it('matches a full count after changes', () => {
    const context = { myAgentIds: { a1: 'me' } };
    const scope = { view: 'all' as const };
    const before = [
      conversation('w', { status: 'waiting' }),
      conversation('m', { status: 'assigned', assignedAgentId: 'me' }),
      conversation('b'),
    ];
    const previous = new Map(before.map((x) => [x.key, x]));
    const counts = countViews(previous.values(), scope, context);
    const next = new Map(previous);
    next.set('a1/bot_shop/w', { ...before[0]!, status: 'assigned', assignedAgentId: 'me' }); // taken
    next.delete('a1/bot_shop/m');
    next.set('a1/bot_shop/n', conversation('n', { status: 'waiting' }));
    const keys = changedKeys(previous, next, 10)!;
    expect(recountViews(counts, keys, previous, next, scope, context)).toEqual(countViews(next.values(), scope, context));
    // Nothing that counts changed: the same object, so React does not re-render the tabs.
    const quiet = new Map(previous).set('a1/bot_shop/b', { ...before[2]!, unreadCount: 2 });
    expect(recountViews(counts, changedKeys(previous, quiet, 10)!, previous, quiet, scope, context)).toBe(counts);
  });
});
