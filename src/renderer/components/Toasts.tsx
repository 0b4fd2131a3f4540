// Short messages bottom-left, over the inbox list, so they never cover the composer and its Send
// button: errors as alerts (announced at once), the rest as status, some with an action (Undo).
// They hide by themselves (the toast action schedules it); the agent can dismiss them sooner.
import { CircleExclamationPoint, Info, X } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { dismissToast } from '../store/actions/local';
import { useStore } from '../store/store';
import { IconButton } from './ui/Button';
import './toasts.css';

export function Toasts() {
  const { t } = useTranslation();
  const toasts = useStore((s) => s.toasts);
  return (
    <section className="toasts" aria-label={t('header.toasts.label')}>
      {toasts.map((toast) => (
        <div key={toast.id} className={`toast toast-${toast.kind}`} role={toast.kind === 'error' ? 'alert' : 'status'}>
          {toast.kind === 'error' ? (
            <CircleExclamationPoint size={16} className="toast-icon" aria-hidden="true" />
          ) : (
            <Info size={16} className="toast-icon" aria-hidden="true" />
          )}
          <span className="toast-message">{toast.message}</span>
          {toast.action && (
            <button
              type="button"
              className="toast-action"
              onClick={() => {
                dismissToast(toast.id);
                toast.action?.run();
              }}
            >
              {toast.action.label}
            </button>
          )}
          <IconButton label={t('header.toasts.dismiss')} onClick={() => dismissToast(toast.id)}>
            <X size={14} aria-hidden="true" />
          </IconButton>
        </div>
      ))}
    </section>
  );
}
