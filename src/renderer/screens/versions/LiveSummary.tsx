// Above the list: which version customers talk to, and which one is in test, at a glance.
import { FlaskConical, Radio } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { Version } from '../../../shared/domain';
import { liveIn } from './version-actions';

export function LiveSummary({ versions }: { versions: readonly Version[] }) {
  const { t } = useTranslation();
  const prod = liveIn(versions, 'prod');
  const test = liveIn(versions, 'test');
  return (
    <section className="versions-live" aria-label={t('versions.live.summaryLabel')}>
      <dl>
        <div className="versions-live-item is-prod">
          <dt>
            <Radio size={14} aria-hidden="true" />
            {t('versions.live.prod')}
          </dt>
          <dd>{prod?.name ?? t('versions.live.none')}</dd>
        </div>
        <div className="versions-live-item">
          <dt>
            <FlaskConical size={14} aria-hidden="true" />
            {t('versions.live.test')}
          </dt>
          <dd>{test?.name ?? t('versions.live.none')}</dd>
        </div>
      </dl>
    </section>
  );
}
