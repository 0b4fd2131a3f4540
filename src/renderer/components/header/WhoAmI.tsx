// Where am I: who is signed in and to what (the agent's name and the account; "2 accounts" when
// there are several), a plain marker when it is the demo workspace, and do-not-disturb when it
// is on (a button to the settings where it is turned off).
import { BellOff, FlaskConical, UserRound } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { setSection } from '../../store/actions/local';
import { useStore } from '../../store/store';
import { useAccountName } from './ConnectionStatus';
import './who.css';

export function WhoAmI() {
  const { t } = useTranslation();
  const accounts = useStore((s) => s.session?.accounts) ?? [];
  const dnd = useStore((s) => s.settings?.doNotDisturb ?? false);
  const name = useAccountName();
  const first = accounts[0];
  if (!first) return null;
  const demo = accounts.some((a) => a.demo);
  const where = accounts.length > 1 ? t('header.who.accounts', { count: accounts.length }) : name(first);
  return (
    <div className="who">
      {demo && (
        <span className="who-demo" title={t('header.who.demoHint')}>
          <FlaskConical size={13} aria-hidden="true" />
          {t('header.who.demo')}
        </span>
      )}
      <span className="who-agent" title={accounts.map((a) => `${a.agent.name} · ${name(a)}`).join('\n')}>
        <UserRound size={14} aria-hidden="true" />
        <span className="visually-hidden">{t('header.who.label')}: </span>
        <span className="who-name">{first.agent.name}</span>
        {!demo || accounts.length > 1 ? <span className="who-account"> · {where}</span> : null}
      </span>
      {dnd && (
        <button type="button" className="who-dnd" title={t('header.who.dndHint')} onClick={() => setSection('settings')}>
          <BellOff size={14} aria-hidden="true" />
          {t('header.who.dnd')}
        </button>
      )}
    </div>
  );
}
