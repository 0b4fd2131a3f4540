// A calm line under the header about app updates: a quiet download progress, then "Deckhand x
// is ready" with its release notes and "Restart to update" (main waits for unsent replies, and
// says so), or once per run a note that checking failed, which the agent can put away.
import { ArrowDownToLine, RefreshCw, TriangleAlert, X } from 'lucide-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { restartToUpdate } from '../store/actions/preferences';
import { useStore } from '../store/store';
import { Button, IconButton } from './ui/Button';
import { updateBannerView } from './update-banner';
import './update-banner.css';

export function UpdateBanner() {
  const { t } = useTranslation();
  const update = useStore((s) => s.update);
  const [failureDismissed, setFailureDismissed] = useState(false);
  const [restarting, setRestarting] = useState(false);
  const [notesOpen, setNotesOpen] = useState(false);
  const notesId = useId();
  const view = updateBannerView(update, failureDismissed);

  const restart = async () => {
    setRestarting(true);
    try {
      await restartToUpdate();
    } catch {
      // restartToUpdate has shown the toast already.
    } finally {
      setRestarting(false);
    }
  };

  return (
    <div className="update-banner" role="status" aria-live="polite" aria-label={t('updates.label')}>
      {view?.kind === 'downloading' && (
        <div className="update-row update-row-quiet">
          <ArrowDownToLine size={16} aria-hidden="true" />
          <span className="update-text">{t('updates.downloading', { version: view.version })}</span>
          <progress className="update-progress" max={100} value={view.percent} aria-label={t('updates.progress', { version: view.version })} />
          <span className="update-percent" aria-hidden="true">
            {view.percent} %
          </span>
        </div>
      )}
      {(view?.kind === 'ready' || view?.kind === 'waiting') && (
        <div className="update-row">
          <RefreshCw size={16} aria-hidden="true" />
          <span className="update-text">
            {view.kind === 'ready' ? t('updates.ready', { version: view.version }) : t('updates.waiting', { count: view.replies })}
          </span>
          {view.notes && (
            <Button small variant="ghost" aria-expanded={notesOpen} aria-controls={notesId} onClick={() => setNotesOpen(!notesOpen)}>
              {notesOpen ? t('updates.hideNotes') : t('updates.showNotes')}
            </Button>
          )}
          {view.kind === 'ready' && (
            <Button small variant="primary" className="update-action" disabled={restarting} onClick={() => void restart()}>
              {t('updates.restart')}
            </Button>
          )}
          {view.notes && notesOpen && (
            <section id={notesId} className="update-notes" aria-label={t('updates.notesTitle', { version: view.version })}>
              {view.notes}
            </section>
          )}
        </div>
      )}
      {view?.kind === 'failed' && (
        <div className="update-row update-row-quiet">
          <TriangleAlert size={16} aria-hidden="true" />
          <span className="update-text">{t('updates.failed')}</span>
          <IconButton label={t('updates.dismiss')} onClick={() => setFailureDismissed(true)}>
            <X size={16} aria-hidden="true" />
          </IconButton>
        </div>
      )}
    </div>
  );
}
