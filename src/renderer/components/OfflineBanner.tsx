// Under the header while an account cannot sync: offline with the attempt and a countdown to the
// next try, or signed out (the key was refused) with the way back to sign-in.
import { CloudOff, KeyRound } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { setSection } from '../store/actions/local';
import { reconnect, signOut } from '../store/actions/session';
import { getState, useStore } from '../store/store';
import { Button } from './ui/Button';
import { accountConnections, bannerEntries, type BannerEntry } from './header/connection';
import { useAccountName } from './header/ConnectionStatus';
import { useNow } from './header/use-now';
import './header/offline-banner.css';

function Countdown({ seconds }: { seconds: number | null }) {
  const { t } = useTranslation();
  if (seconds === null) return null;
  return (
    // Not live: a screen reader would otherwise read every tick of it.
    <span className="offline-countdown" aria-live="off">
      {seconds > 0 ? t('header.banner.nextTry', { seconds }) : t('header.banner.tryingNow')}
    </span>
  );
}

export function OfflineBanner() {
  const { t } = useTranslation();
  const accounts = useStore((s) => s.session?.accounts);
  const connections = useStore((s) => s.connections);
  const name = useAccountName();
  const list = accountConnections(accounts ?? [], connections);
  const anyOffline = list.some(({ connection }) => connection.state === 'offline' && connection.nextRetryAt !== null);
  const now = useNow(1000, anyOffline);
  const entries = bannerEntries(list, now);
  const [leaving, setLeaving] = useState<string | null>(null);
  const several = list.length > 1;

  const signInAgain = async (entry: BannerEntry) => {
    setLeaving(entry.accountId);
    try {
      await signOut(entry.accountId);
      // With other accounts left the workspace stays; sign-in for this one is in Settings.
      if ((getState().session?.accounts.length ?? 0) > 0) setSection('settings');
    } catch {
      // signOut has shown the toast already.
    } finally {
      setLeaving(null);
    }
  };

  return (
    <div className="offline-banner" role="status" aria-live="polite">
      {entries.map((entry) => {
        const account = list.find((x) => x.account.id === entry.accountId)?.account;
        const prefix = several && account ? `${name(account)}: ` : '';
        return (
          <div key={entry.accountId} className={`offline-row offline-row-${entry.kind}`}>
            {entry.kind === 'signedOut' ? <KeyRound size={16} aria-hidden="true" /> : <CloudOff size={16} aria-hidden="true" />}
            <span className="offline-text">
              {prefix}
              {entry.kind === 'signedOut'
                ? t('common.connection.signedOut')
                : t('common.connection.offline', { attempt: entry.attempt })}
            </span>
            {entry.kind === 'offline' && <Countdown seconds={entry.secondsLeft} />}
            {entry.kind === 'offline' && (
              <Button small onClick={() => void reconnect(entry.accountId)}>
                {t('common.connection.reconnectNow')}
              </Button>
            )}
            {entry.kind === 'signedOut' && (
              <Button small variant="primary" disabled={leaving === entry.accountId} onClick={() => void signInAgain(entry)}>
                {t('header.banner.signInAgain')}
              </Button>
            )}
          </div>
        );
      })}
    </div>
  );
}
