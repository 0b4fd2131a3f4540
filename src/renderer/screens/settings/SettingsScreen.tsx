// Settings: notifications, push, appearance and the signed-in accounts, one card each on one
// scrolling page (few enough that tabs would only hide things).
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Spinner } from '../../components/ui/EmptyState';
import { useStore } from '../../store/store';
import { AccountsSettings } from './AccountsSettings';
import { AppearanceSettings } from './AppearanceSettings';
import { NotificationSettings } from './NotificationSettings';
import { PushStatus } from './PushStatus';
import './settings.css';

export function SettingsScreen() {
  const { t } = useTranslation();
  const settings = useStore((s) => s.settings);
  const booted = useStore((s) => s.booted);
  const ids = { page: useId(), notifications: useId(), push: useId(), appearance: useId(), accounts: useId() };
  return (
    <div className="settings" aria-labelledby={ids.page} role="region">
      <div className="settings-inner">
        <h1 id={ids.page}>{t('settings.title')}</h1>
        {settings ? (
          <NotificationSettings settings={settings} titleId={ids.notifications} />
        ) : (
          <section className="settings-card" aria-labelledby={ids.notifications}>
            <h2 id={ids.notifications}>{t('settings.notifications.title')}</h2>
            {booted ? <p className="settings-hint">{t('settings.unavailable')}</p> : <Spinner label={t('settings.loading')} />}
          </section>
        )}
        <PushStatus titleId={ids.push} />
        <AppearanceSettings titleId={ids.appearance} />
        <AccountsSettings titleId={ids.accounts} />
      </div>
    </div>
  );
}
