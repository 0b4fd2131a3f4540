// Which sound a notification makes, and a button to hear it.
import { Play } from 'lucide-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { NotificationSound } from '../../../shared/view-models';
import { playSound } from '../../lib/sounds';
import './notification-choices.css';

export function SoundChoice({ value, disabled, onChange }: { value: NotificationSound; disabled: boolean; onChange: (sound: NotificationSound) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const name = t(`settings.notifications.sounds.${value}`);
  return (
    <div className="settings-row">
      <div className="settings-row-text">
        <label htmlFor={id}>{t('settings.notifications.soundChoice')}</label>
      </div>
      <div className="settings-sound">
        <select id={id} className="input" value={value} disabled={disabled} onChange={(e) => onChange(NotificationSound.parse(e.target.value))}>
          {NotificationSound.options.map((sound) => (
            <option key={sound} value={sound}>
              {t(`settings.notifications.sounds.${sound}`)}
            </option>
          ))}
        </select>
        <button type="button" className="btn btn-small" aria-label={t('settings.notifications.soundTestLabel', { sound: name })} onClick={() => playSound(value)}>
          <Play size={14} aria-hidden="true" />
          {t('settings.notifications.soundTest')}
        </button>
      </div>
    </div>
  );
}
