import { describe, expect, it } from 'vitest';
import {
  channelKind,
  channelOptions,
  countViews,
  filterOptions,
  initials,
  moveSelection,
  neighbourOf,
  recountViews,
  resortByActivity,
  SPLICE_LIMIT,
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

  it('names each channel in the filter once: two that read the same by their platforms’ names, then by id', () => {
    const names = { whatsapp: 'WhatsApp', webchat: 'Web-Chat', instagram: 'Instagram', telegram: 'Telegram', email: 'E-Mail' };
    const options = channelOptions(
      [
        { value: 'gmail', label: 'E-mail (Gmail)' },
        { value: 'webchat', label: 'Web Chat' },
        { value: 'email', label: 'E-Mail' },
        { value: 'whatsapp', label: 'WhatsApp' },
      ],
      names,
    );
    expect(options).toEqual([
      { value: 'email', label: 'E-Mail' },
      { value: 'gmail', label: 'E-mail (Gmail)' },
      { value: 'webchat', label: 'Web-Chat' },
      { value: 'whatsapp', label: 'WhatsApp' },
    ]);
    const same = channelOptions(
      [
        { value: 'ch_2', label: 'E-Mail' },
        { value: 'email', label: 'E-Mail' },
      ],
      names,
    );
    expect(same.map((o) => o.label)).toEqual(['E-Mail (ch_2)', 'E-Mail (email)']);
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
  const keysOf = (list: readonly { key: string }[]) => list.map((c) => c.key);

  /** 200 conversations, and the same after an upsert to the top, a tie, a removal and an addition. */
  function changed() {
    const before = Array.from({ length: 200 }, (_, i) => conversation(`c${i}`, { createdAt: at((i * 37) % 200), status: i % 2 ? 'waiting' : 'bot' }));
    const previous = mapOf(before);
    const next = new Map(previous);
    next.set('a1/bot_shop/c5', { ...previous.get('a1/bot_shop/c5')!, createdAt: at(500) }); // new message: to the top
    next.set('a1/bot_shop/c9', { ...previous.get('a1/bot_shop/c9')!, createdAt: at(37), status: 'bot' }); // a tie with c1, leaves "waiting"
    next.delete('a1/bot_shop/c3');
    next.set('a1/bot_shop/new', conversation('new', { createdAt: at(100), status: 'waiting' }));
    const keys = new Set(['a1/bot_shop/c5', 'a1/bot_shop/c9', 'a1/bot_shop/c3', 'a1/bot_shop/new']);
    return { previous, next, keys };
  }

  it('splices a few changes in: the same order as a full sort, the old list left as it was', () => {
    const { previous, next, keys } = changed();
    const previousSorted = sortByActivity(previous.values());
    const incremental = resortByActivity(previousSorted, keys, previous, next);
    expect(keysOf(incremental)).toEqual(keysOf(sortByActivity(next.values())));
    expect(incremental[0]!.id).toBe('c5');
    expect(previousSorted).toHaveLength(200);
  });

  it('keeps a filtered list right: what stops matching leaves, what starts matching enters', () => {
    const { previous, next, keys } = changed();
    const waiting = (c: { status: string }) => c.status === 'waiting';
    const incremental = resortByActivity(sortByActivity([...previous.values()].filter(waiting)), keys, previous, next, waiting);
    expect(keysOf(incremental)).toEqual(keysOf(sortByActivity([...next.values()].filter(waiting))));
    expect(keysOf(incremental)).not.toContain('a1/bot_shop/c9');
  });

  it('merges a large batch in one pass, with the same result', () => {
    const { previous } = changed();
    const next = new Map(previous);
    const keys = new Set<string>();
    for (let i = 0; i < 150; i++) {
      const key = `a1/bot_shop/c${i}`;
      keys.add(key);
      if (i % 10 === 0) next.delete(key);
      else next.set(key, { ...previous.get(key)!, createdAt: at((i * 13) % 300) });
    }
    for (let i = 0; i < 100; i++) {
      const c = conversation(`n${i}`, { createdAt: at(i % 60) });
      next.set(c.key, c);
      keys.add(c.key);
    }
    expect(keys.size).toBeGreaterThan(SPLICE_LIMIT);
    expect(keysOf(resortByActivity(sortByActivity(previous.values()), keys, previous, next))).toEqual(keysOf(sortByActivity(next.values())));
  });

  it('returns the list itself when no change touches it', () => {
    const { previous } = changed();
    const sorted = sortByActivity(previous.values());
    const quiet = new Map(previous).set('a1/bot_shop/c7', { ...previous.get('a1/bot_shop/c7')!, status: 'bot' });
    const waiting = (c: { status: string }) => c.status === 'waiting';
    const onlyWaiting = sorted.filter(waiting);
    expect(previous.get('a1/bot_shop/c7')!.status).toBe('waiting');
    expect(resortByActivity(sorted, new Set(), previous, quiet)).toBe(sorted);
    expect(resortByActivity(onlyWaiting, new Set(['a1/bot_shop/c8']), previous, quiet, waiting)).toBe(onlyWaiting);
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
    const keys = new Set(['a1/bot_shop/w', 'a1/bot_shop/m', 'a1/bot_shop/n']);
    expect(recountViews(counts, keys, previous, next, scope, context)).toEqual(countViews(next.values(), scope, context));
    // Nothing that counts changed: the same object, so React does not re-render the tabs.
    const quiet = new Map(previous).set('a1/bot_shop/b', { ...before[2]!, unreadCount: 2 });
    expect(recountViews(counts, new Set(['a1/bot_shop/b']), previous, quiet, scope, context)).toBe(counts);
  });
});
