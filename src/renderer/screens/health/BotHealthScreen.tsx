// Bot health, for accounts whose platform reports it (Botpress): the chosen bot's analytics for
// the last 7 or 30 days as charts (each with its table), its open issues and its latest logs.
// Loaded on demand (React.lazy in Workspace.tsx), so the chart library is parsed only here.
import { Activity, RefreshCw } from 'lucide-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/ui/Button';
import { EmptyState, Spinner } from '../../components/ui/EmptyState';
import { AdminHeader } from '../organizations/AdminHeader';
import { useChatbotChoice } from '../organizations/use-chatbot-choice';
import { useTarget } from '../organizations/use-organization-directory';
import { HealthChart } from './HealthChart';
import { charts, ranges, type RangeDays } from './health-model';
import { IssuesTable } from './IssuesTable';
import { LogsPanel } from './LogsPanel';
import { useHealth } from './use-health';
import './health.css';

function RangeChoice({ value, onChange }: { value: RangeDays; onChange: (days: RangeDays) => void }) {
  const { t } = useTranslation();
  const name = useId();
  return (
    <fieldset className="choice-group health-range">
      <legend className="visually-hidden">{t('health.range')}</legend>
      <div className="segmented">
        {ranges.map((days) => (
          <label key={days} className="segment">
            <input type="radio" name={name} value={days} checked={value === days} onChange={() => onChange(days)} />
            <span>{t(days === 7 ? 'health.days7' : 'health.days30')}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export default function BotHealthScreen() {
  const { t } = useTranslation();
  const { chosen } = useChatbotChoice('botHealth');
  const target = useTarget(chosen);
  const [range, setRange] = useState<RangeDays>(7);
  const { state, reload } = useHealth(target, range);

  return (
    <div className="admin-page health-screen">
      <AdminHeader title={t('health.title')} capability="botHealth" actions={<RangeChoice value={range} onChange={setRange} />} />
      {!target ? (
        <EmptyState icon={<Activity size={28} aria-hidden="true" />} title={t('health.none')} />
      ) : (
        <div className="health-body">
          {state.status === 'loading' && <Spinner label={t('health.loading')} />}
          {state.status === 'error' && (
            <EmptyState
              title={t('health.failed', { reason: state.error })}
              action={
                <Button icon={<RefreshCw size={16} aria-hidden="true" />} onClick={() => void reload()}>
                  {t('health.retry')}
                </Button>
              }
            />
          )}
          {state.status === 'ready' && (
            <>
              <div className="health-charts" aria-busy={state.refreshing || undefined}>
                {charts.map((spec) => (
                  <HealthChart key={spec.id} spec={spec} days={state.days} />
                ))}
              </div>
              <IssuesTable issues={state.issues} now={Date.now()} />
            </>
          )}
          <LogsPanel target={target} />
        </div>
      )}
    </div>
  );
}
