// How the accounts are connected: live (socket), polling, connecting, offline with the attempt,
// or signed out. One pill per account; the account's name is added only when there are several.
import { useTranslation } from 'react-i18next';
import { platformName } from '../../lib/platforms';
import type { Account, ConnectionState } from '../../../shared/view-models';
import { useStore } from '../../store/store';
import { accountConnections } from './connection';

/** The account's name as the agent knows it ("Demo" is translated). */
/** An account's name; two that would read the same (the demo's, one per platform) say their platform too. */
export function useAccountName(): (account: Pick<Account, 'demo' | 'label' | 'platform'>) => string {
  const { t } = useTranslation();
  const accounts = useStore((s) => s.session?.accounts);
  const base = (account: Pick<Account, 'demo' | 'label'>) => (account.demo ? t('header.banner.demo') : account.label);
  return (account) => {
    const name = base(account);
    const twins = (accounts ?? []).filter((a) => base(a) === name).length > 1;
    return twins ? `${name} · ${platformName(account.platform)}` : name;
  };
}

/** `short`: just "Offline", where the offline banner right below gives the details. */
export function useConnectionText(short = false): (connection: ConnectionState) => string {
  const { t } = useTranslation();
  return (connection) => {
    switch (connection.state) {
      case 'offline':
        return short ? t('header.connection.offline') : t('common.connection.offline', { attempt: connection.attempt });
      case 'live':
      case 'polling':
      case 'connecting':
      case 'signedOut':
        return t(`common.connection.${connection.state}`);
    }
  };
}

export function ConnectionDot({ state }: { state: ConnectionState['state'] }) {
  return <span className={`conn-dot conn-dot-${state}`} aria-hidden="true" />;
}

export function ConnectionStatus() {
  const { t } = useTranslation();
  const accounts = useStore((s) => s.session?.accounts);
  const connections = useStore((s) => s.connections);
  const text = useConnectionText(true);
  const name = useAccountName();
  const list = accountConnections(accounts ?? [], connections);
  if (list.length === 0) return null;
  return (
    <ul className="conn-list" aria-label={t('header.connection.label')}>
      {list.map(({ account, connection }) => {
        const state = text(connection);
        const shown = list.length > 1 ? t('header.connection.account', { account: name(account), state }) : state;
        return (
          // The pill may be cut short when the window is narrow: its tooltip always says it all.
          <li key={account.id} className={`conn conn-${connection.state}`} title={connection.lastError ? `${shown} — ${connection.lastError}` : shown}>
            <ConnectionDot state={connection.state} />
            <span className="conn-text">{shown}</span>
          </li>
        );
      })}
    </ul>
  );
}
