import { describe, expect, it } from 'vitest';
import { accountConnections, bannerEntries, secondsUntil, worstConnection } from '../../../../src/renderer/components/header/connection';
import type { ConnectionState } from '../../../../src/shared/view-models';

const conn = (state: ConnectionState['state'], over: Partial<ConnectionState> = {}): ConnectionState => ({
  state,
  attempt: 0,
  nextRetryAt: null,
  lastError: null,
  ...over,
});
const account = (id: string, connection: ConnectionState) => ({ id, platform: 'chatcaptain', demo: false, label: id, connection });

describe('accountConnections', () => {
  it('prefers the latest event over the state the session was loaded with', () => {
    const list = accountConnections([account('a', conn('connecting')), account('b', conn('live'))], { a: conn('live') });
    expect(list.map((x) => x.connection.state)).toEqual(['live', 'live']);
  });
});

describe('worstConnection', () => {
  it('picks what needs attention most', () => {
    const list = accountConnections([account('a', conn('live')), account('b', conn('offline')), account('c', conn('polling'))], {});
    expect(worstConnection(list)).toBe('offline');
    expect(worstConnection([])).toBeNull();
  });
});

describe('secondsUntil', () => {
  it('rounds up and never goes below zero', () => {
    expect(secondsUntil(10_100, 0)).toBe(11);
    expect(secondsUntil(5_000, 9_000)).toBe(0);
    expect(secondsUntil(null, 0)).toBeNull();
  });
});

describe('bannerEntries', () => {
  it('lists offline and signed-out accounts, signed-out first, with the countdown', () => {
    const list = accountConnections(
      [
        account('a', conn('offline', { attempt: 3, nextRetryAt: 12_000 })),
        account('b', conn('live')),
        account('c', conn('signedOut', { attempt: 1, nextRetryAt: 99_000 })),
      ],
      {},
    );
    expect(bannerEntries(list, 2_000)).toEqual([
      { accountId: 'c', kind: 'signedOut', attempt: 1, secondsLeft: null },
      { accountId: 'a', kind: 'offline', attempt: 3, secondsLeft: 10 },
    ]);
  });
  it('is empty when all is well', () => {
    expect(bannerEntries(accountConnections([account('a', conn('polling'))], {}), 0)).toEqual([]);
  });
});
