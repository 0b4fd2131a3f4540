// Push, in plain words: how notifications reach this device when Deckhand is not connected,
// whether this device is registered (and since when), and the last thing that went wrong; or
// that no signed-in account delivers pushes here at all.
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store/store';
import { dateTime } from '../../lib/time';

export function PushStatus({ titleId }: { titleId: string }) {
  const { t, i18n } = useTranslation();
  const push = useStore((s) => s.push);
  return (
    <section className="settings-card" aria-labelledby={titleId}>
      <div className="settings-card-head">
        <h2 id={titleId}>{t('settings.push.title')}</h2>
      </div>
      {push === null ? (
        <p className="settings-hint">{t('settings.push.unknown')}</p>
      ) : push.mode !== 'off' && push.chatbots === 0 ? (
        // Signed in only where no platform delivers pushes of this kind (a Botpress desk): nothing is "not registered yet".
        <p className="settings-hint">{t('settings.push.noAccount')}</p>
      ) : (
        <>
          <dl className="settings-facts">
            <div>
              <dt>{t('settings.push.delivery')}</dt>
              <dd>{t(`settings.push.mode.${push.mode}`)}</dd>
            </div>
            {push.mode !== 'off' && (
              <div>
                <dt>{t('settings.push.status')}</dt>
                <dd>
                  {push.registered ? (
                    <span className="badge badge-success">
                      {push.registeredAt !== null
                        ? t('settings.push.registeredSince', { time: dateTime(new Date(push.registeredAt).toISOString(), i18n.language) })
                        : t('settings.push.registered')}
                    </span>
                  ) : (
                    <span className="badge badge-warning">{t('settings.push.notRegistered')}</span>
                  )}
                </dd>
              </div>
            )}
          </dl>
          {push.error !== null && <p className="settings-error">{t('settings.push.lastError', { error: push.error })}</p>}
          <p className="settings-hint">{t(`settings.push.explain.${push.mode}`)}</p>
          {push.mode !== 'off' && !push.registered && <p className="settings-hint">{t('settings.push.notRegisteredHint')}</p>}
        </>
      )}
    </section>
  );
}
