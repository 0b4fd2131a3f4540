// The bot's latest log lines (the last 7 days), filtered by level and by a text, newest first,
// with older pages on request. A new filter reads from the top again.
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LogLevel, type BotLogEntry } from '../../../shared/bot-health';
import { call } from '../../api';
import { Button } from '../../components/ui/Button';
import { Spinner } from '../../components/ui/EmptyState';
import { dateTime } from '../../lib/time';
import { describeError } from '../../store/describe-error';
import type { Target } from '../organizations/use-organization-directory';

const WEEK_MS = 7 * 86_400_000;
const SEARCH_DELAY_MS = 300;

type Logs = { status: 'loading' } | { status: 'error'; error: string } | { status: 'ready'; logs: BotLogEntry[]; next: string | null; more: boolean };

export function LogsPanel({ target }: { target: Target }) {
  const { t, i18n } = useTranslation();
  const [level, setLevel] = useState<LogLevel | ''>('');
  const [text, setText] = useState('');
  const [search, setSearch] = useState('');
  const [state, setState] = useState<Logs>({ status: 'loading' });
  const generation = useRef(0);
  const levelId = useId();
  const searchId = useId();

  useEffect(() => {
    const timer = window.setTimeout(() => setSearch(text.trim()), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [text]);

  const fetchPage = useCallback(
    async (cursor?: string) => {
      const filter = { since: new Date(Date.now() - WEEK_MS).toISOString(), ...(level !== '' && { level }), ...(search !== '' && { search }) };
      return call('botHealth.logs', { ...target, filter, ...(cursor !== undefined && { cursor }) });
    },
    [target, level, search],
  );

  useEffect(() => {
    const mine = ++generation.current;
    setState({ status: 'loading' });
    fetchPage().then(
      (page) => mine === generation.current && setState({ status: 'ready', ...page, more: false }),
      (error: unknown) => mine === generation.current && setState({ status: 'error', error: describeError(error) }),
    );
  }, [fetchPage]);

  const loadMore = async () => {
    if (state.status !== 'ready' || state.next === null) return;
    const mine = generation.current;
    setState({ ...state, more: true });
    try {
      const page = await fetchPage(state.next);
      if (mine === generation.current) setState({ status: 'ready', logs: [...state.logs, ...page.logs], next: page.next, more: false });
    } catch (error) {
      if (mine === generation.current) setState({ status: 'error', error: describeError(error) });
    }
  };

  return (
    <section className="health-card" aria-labelledby="health-logs-title">
      <h2 id="health-logs-title">{t('health.logs.title')}</h2>
      <div className="health-log-filters">
        <label htmlFor={levelId} className="visually-hidden">
          {t('health.logs.level')}
        </label>
        <select id={levelId} value={level} onChange={(e) => setLevel(e.target.value as LogLevel | '')}>
          <option value="">{t('health.logs.allLevels')}</option>
          {LogLevel.options.map((l) => (
            <option key={l} value={l}>
              {t(`health.logs.levels.${l}`)}
            </option>
          ))}
        </select>
        <label htmlFor={searchId} className="visually-hidden">
          {t('health.logs.search')}
        </label>
        <input id={searchId} type="search" value={text} maxLength={200} placeholder={t('health.logs.searchPlaceholder')} onChange={(e) => setText(e.target.value)} />
      </div>
      {state.status === 'loading' && <Spinner label={t('health.loading')} />}
      {state.status === 'error' && <p className="settings-error">{t('health.failed', { reason: state.error })}</p>}
      {state.status === 'ready' && state.logs.length === 0 && <p className="health-quiet">{t('health.logs.none')}</p>}
      {state.status === 'ready' && state.logs.length > 0 && (
        <table className="health-logs" aria-live="polite">
          <thead>
            <tr>
              <th scope="col">{t('health.logs.time')}</th>
              <th scope="col">{t('health.logs.level')}</th>
              <th scope="col">{t('health.logs.message')}</th>
            </tr>
          </thead>
          <tbody>
            {state.logs.map((log, i) => (
              <tr key={`${log.timestamp}-${i}`} className={`health-log-${log.level}`}>
                <td>
                  <time dateTime={log.timestamp}>{dateTime(log.timestamp, i18n.language)}</time>
                </td>
                <td>
                  <span className={`badge health-level-${log.level}`}>{t(`health.logs.levels.${log.level}`)}</span>
                </td>
                <td className="health-log-message">{log.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {state.status === 'ready' && state.next !== null && (
        <Button small onClick={() => void loadMore()} disabled={state.more}>
          {t('health.logs.more')}
        </Button>
      )}
    </section>
  );
}
