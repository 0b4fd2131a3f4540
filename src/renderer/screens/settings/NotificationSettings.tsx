// Notifications: desktop notifications, sound (which one, and a button to hear it),
// do-not-disturb, the idle time before auto-away, and when waits in the queue turn amber and red.
// Each change is saved at once (updateSettings); the switch moves before main answers, and a
// quiet "Saved" confirms it.
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../shared/view-models';
import { updateSettings } from '../../store/actions/preferences';
import { parseIdleMinutes } from './idle-minutes';
import { MinutesInput } from './MinutesInput';
import { SoundChoice } from './SoundChoice';
import { SwitchRow } from './SwitchRow';
import { WaitSettings } from './WaitSettings';

export function NotificationSettings({ settings, titleId }: { settings: Settings; titleId: string }) {
  const { t } = useTranslation();
  const [overlay, setOverlay] = useState<Partial<Settings>>({});
  const [saved, setSaved] = useState(0);
  const [idleText, setIdleText] = useState(String(settings.idleAwayMinutes));
  const [idleInvalid, setIdleInvalid] = useState(false);
  const idleId = useId();
  const savedTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const shown = { ...settings, ...overlay };

  // Another window or main changed it: show the stored value.
  useEffect(() => {
    setIdleText(String(settings.idleAwayMinutes));
    setIdleInvalid(false);
  }, [settings.idleAwayMinutes]);

  useEffect(() => () => {
    if (savedTimer.current) clearTimeout(savedTimer.current);
  }, []);

  const change = async (patch: Partial<Settings>) => {
    setOverlay((o) => ({ ...o, ...patch }));
    try {
      await updateSettings(patch);
      setSaved((n) => n + 1);
      if (savedTimer.current) clearTimeout(savedTimer.current);
      savedTimer.current = setTimeout(() => setSaved(0), 2500);
    } catch {
      // updateSettings has shown the toast; the switch falls back to the stored value.
    } finally {
      setOverlay((o) => {
        const next = { ...o };
        for (const key of Object.keys(patch) as (keyof Settings)[]) delete next[key];
        return next;
      });
    }
  };

  const commitIdle = () => {
    const minutes = parseIdleMinutes(idleText);
    setIdleInvalid(minutes === null);
    if (minutes !== null && minutes !== settings.idleAwayMinutes) void change({ idleAwayMinutes: minutes });
  };

  return (
    <section className="settings-card" aria-labelledby={titleId}>
      <div className="settings-card-head">
        <h2 id={titleId}>{t('settings.notifications.title')}</h2>
        <span className="settings-saved" role="status" aria-live="polite">
          {saved > 0 ? t('settings.saved') : ''}
        </span>
      </div>
      <SwitchRow
        label={t('settings.notifications.desktop')}
        hint={t('settings.notifications.desktopHint')}
        checked={shown.desktopNotifications}
        onChange={(v) => void change({ desktopNotifications: v })}
      />
      <SwitchRow
        label={t('settings.notifications.sound')}
        hint={t('settings.notifications.soundHint')}
        checked={shown.sound}
        onChange={(v) => void change({ sound: v })}
      />
      <SoundChoice value={shown.notificationSound} disabled={!shown.sound} onChange={(sound) => void change({ notificationSound: sound })} />
      <SwitchRow
        label={t('settings.notifications.dnd')}
        hint={t('settings.notifications.dndHint')}
        checked={shown.doNotDisturb}
        onChange={(v) => void change({ doNotDisturb: v })}
      />
      <div className="settings-row">
        <div className="settings-row-text">
          <label htmlFor={idleId}>{t('settings.notifications.idle')}</label>
          {idleInvalid ? (
            <span id={`${idleId}-msg`} className="field-error" role="alert">
              {t('settings.notifications.idleInvalid')}
            </span>
          ) : (
            <span id={`${idleId}-msg`} className="settings-hint">
              {t('settings.notifications.idleHint')}
            </span>
          )}
        </div>
        <div className="settings-minutes">
          <MinutesInput
            id={idleId}
            value={idleText}
            invalid={idleInvalid}
            aria-describedby={`${idleId}-msg ${idleId}-unit`}
            onChange={(text) => {
              setIdleText(text);
              if (idleInvalid) setIdleInvalid(parseIdleMinutes(text) === null);
            }}
            onCommit={commitIdle}
          />
          <span id={`${idleId}-unit`} className="settings-unit">
            {t('settings.notifications.idleUnit')}
          </span>
        </div>
      </div>
      <WaitSettings settings={settings} />
    </section>
  );
}
