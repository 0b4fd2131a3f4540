// Connection health of the accounts, as the header pill and the offline banner show it. Pure so
// it is unit-tested; the components turn the keys into text (common.connection.*).
import type { Account, ConnectionState } from '../../../shared/view-models';

export type ConnectionKind = ConnectionState['state'];

const severity: Record<ConnectionKind, number> = { live: 0, polling: 1, connecting: 2, offline: 3, signedOut: 4 };

export interface AccountConnection {
  account: Pick<Account, 'id' | 'demo' | 'label' | 'platform'>;
  connection: ConnectionState;
}

/** Each account with its freshest connection state (events update `connections` in between). */
export function accountConnections(
  accounts: readonly Pick<Account, 'id' | 'demo' | 'label' | 'platform' | 'connection'>[],
  connections: Readonly<Record<string, ConnectionState>>,
): AccountConnection[] {
  return accounts.map((account) => ({ account, connection: connections[account.id] ?? account.connection }));
}

/** The state that needs attention most, for one summary dot. */
export function worstConnection(list: readonly AccountConnection[]): ConnectionKind | null {
  let worst: ConnectionKind | null = null;
  for (const { connection } of list) {
    if (worst === null || severity[connection.state] > severity[worst]) worst = connection.state;
  }
  return worst;
}

/** Whole seconds until the next try (never negative), or null when no try is scheduled. */
export function secondsUntil(nextRetryAt: number | null, now: number): number | null {
  if (nextRetryAt === null) return null;
  return Math.max(0, Math.ceil((nextRetryAt - now) / 1000));
}

export interface BannerEntry {
  accountId: string;
  kind: 'offline' | 'signedOut';
  attempt: number;
  secondsLeft: number | null;
}

/** The accounts the offline banner speaks of: offline or signed out, signed out first. */
export function bannerEntries(list: readonly AccountConnection[], now: number): BannerEntry[] {
  return list
    .filter(({ connection }) => connection.state === 'offline' || connection.state === 'signedOut')
    .map(({ account, connection }) => ({
      accountId: account.id,
      kind: connection.state === 'signedOut' ? ('signedOut' as const) : ('offline' as const),
      attempt: connection.attempt,
      secondsLeft: connection.state === 'offline' ? secondsUntil(connection.nextRetryAt, now) : null,
    }))
    .sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'signedOut' ? -1 : 1));
}
