// When a customer's wait in the queue turns amber and red: two thresholds in minutes, saved
// when a field is left (or Enter), refused with a word when red would not come after amber.
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../shared/view-models';
import { updateSettings } from '../../store/actions/preferences';
import { parseIdleMinutes } from './idle-minutes';
import { MinutesInput } from './MinutesInput';
import './notification-choices.css';

export function WaitSettings({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const id = useId();
  const [warn, setWarn] = useState(String(settings.waitWarnMinutes));
  const [urgent, setUrgent] = useState(String(settings.waitUrgentMinutes));
  const [invalid, setInvalid] = useState(false);

  useEffect(() => {
    setWarn(String(settings.waitWarnMinutes));
    setUrgent(String(settings.waitUrgentMinutes));
  }, [settings.waitWarnMinutes, settings.waitUrgentMinutes]);

  const commit = () => {
    const w = parseIdleMinutes(warn);
    const u = parseIdleMinutes(urgent);
    const ok = w !== null && u !== null && w < u;
    setInvalid(!ok);
    if (ok && (w !== settings.waitWarnMinutes || u !== settings.waitUrgentMinutes)) void updateSettings({ waitWarnMinutes: w, waitUrgentMinutes: u }).catch(() => undefined);
  };
  const field = (which: 'warn' | 'urgent', value: string, set: (v: string) => void) => (
    <label className="settings-minutes">
      <span>{t(which === 'warn' ? 'settings.notifications.waitWarn' : 'settings.notifications.waitUrgent')}</span>
      <MinutesInput value={value} invalid={invalid} aria-describedby={`${id}-msg`} onChange={set} onCommit={commit} />
      <span className="settings-unit">{t('settings.notifications.waitUnit')}</span>
    </label>
  );

  return (
    <div className="settings-row settings-row-wrap" role="group" aria-labelledby={`${id}-label`}>
      <div className="settings-row-text">
        <span id={`${id}-label`} className="settings-row-label">
          {t('settings.notifications.wait')}
        </span>
        <span id={`${id}-msg`} className={invalid ? 'field-error' : 'settings-hint'} role={invalid ? 'alert' : undefined}>
          {invalid ? t('settings.notifications.waitInvalid') : t('settings.notifications.waitHint')}
        </span>
      </div>
      <div className="settings-waits">
        {field('warn', warn, setWarn)}
        {field('urgent', urgent, setUrgent)}
      </div>
    </div>
  );
}
