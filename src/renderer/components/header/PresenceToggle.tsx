// The agent's one online switch. It shows the intent the moment it is flipped (setOnline), marks
// writes still in flight, and says why the server may hold another state: a lost race against
// another device, auto-away, an error. Those notices are shown, never swallowed.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CircleExclamationPoint, Clock, LoaderCircle, MonitorSmartphone } from 'lucide-react';
import { setOnline } from '../../store/actions/preferences';
import { useStore } from '../../store/store';
import { presenceView, type PresenceNotice } from './presence-view';
import './presence.css';

function useNoticeText() {
  const { t } = useTranslation();
  return (notice: PresenceNotice): string => {
    switch (notice.kind) {
      case 'error':
        return t('header.presence.error');
      case 'lostRace':
        return notice.online ? t('header.presence.lostRaceOnline') : t('header.presence.lostRaceOffline');
      case 'auto':
        return t(`header.presence.auto.${notice.reason}`);
      case 'unconfirmed':
        return notice.online ? t('header.presence.unconfirmedOnline') : t('header.presence.unconfirmedOffline');
    }
  };
}

const noticeIcon = (notice: PresenceNotice) => {
  if (notice.kind === 'lostRace') return <MonitorSmartphone size={14} aria-hidden="true" />;
  if (notice.kind === 'auto') return <Clock size={14} aria-hidden="true" />;
  return <CircleExclamationPoint size={14} aria-hidden="true" />;
};

export function PresenceToggle() {
  const { t } = useTranslation();
  const presence = useStore((s) => s.presence);
  const view = presenceView(presence);
  const noticeText = useNoticeText();
  const statusId = useId();
  const notice = view.notices[0];
  // The raw error (from main, in English) is kept for the tooltip; the visible text is localized.
  const title = [
    ...view.notices.map(noticeText),
    notice?.kind === 'auto' ? t('header.presence.autoHint') : null,
    notice?.kind === 'error' ? notice.message : null,
  ]
    .filter(Boolean)
    .join(' — ');

  return (
    <div className={`presence presence-${view.tone}`}>
      <span id={statusId} className="presence-status" role="status" aria-live="polite">
        {view.pending && (
          <span className="presence-pending">
            <LoaderCircle size={14} className="presence-spin" aria-hidden="true" />
            {t('header.presence.pending')}
          </span>
        )}
        {notice && (
          <span className={`presence-notice presence-notice-${notice.kind}`} title={title}>
            {noticeIcon(notice)}
            <span className="presence-notice-text">{noticeText(notice)}</span>
          </span>
        )}
      </span>
      <button
        type="button"
        role="switch"
        className="presence-switch"
        aria-checked={view.checked}
        aria-label={t('header.presence.switchLabel')}
        aria-describedby={statusId}
        aria-busy={view.pending || undefined}
        disabled={view.disabled}
        onClick={() => void setOnline(!view.checked).catch(() => undefined)}
      >
        <span className="presence-track" aria-hidden="true">
          <span className="presence-thumb" />
        </span>
        <span className="presence-label" aria-hidden="true">
          {t(`header.presence.${view.label}`)}
        </span>
      </button>
    </div>
  );
}
