// The top bar: the app's name, who is signed in to what (the demo marked, do-not-disturb shown),
// how the accounts are connected, who else is online, and the agent's own online switch (the one control they touch many times a day, so it sits far right).
import { Anchor } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { offeredByAny } from '../../lib/capabilities';
import { useStore } from '../../store/store';
import { ConnectionStatus } from './ConnectionStatus';
import { PresenceToggle } from './PresenceToggle';
import { TeamPresence } from './TeamPresence';
import { WhoAmI } from './WhoAmI';
import './header.css';

export function Header() {
  const { t } = useTranslation();
  // Only where some account's platform keeps an online state is there a switch to show.
  const presence = useStore((s) => offeredByAny(s.session?.accounts, 'presence'));
  return (
    <header className="header" aria-label={t('header.label')}>
      <div className="header-brand">
        <span className="header-logo" aria-hidden="true">
          <Anchor size={16} strokeWidth={2.25} />
        </span>
        <span className="header-name">{t('common.appName')}</span>
      </div>
      <WhoAmI />
      <ConnectionStatus />
      <div className="header-spacer" />
      {presence && (
        <>
          <TeamPresence />
          <span className="header-divider" aria-hidden="true" />
          <PresenceToggle />
        </>
      )}
    </header>
  );
}
