// The chosen bot's analytics for the chosen period and its open issues, read when either changes;
// answers for a bot or period no longer chosen are dropped. Another period keeps the charts (and
// any table the agent opened) on screen while it loads.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { BotAnalyticsDay, BotIssue } from '../../../shared/bot-health';
import { call } from '../../api';
import { describeError } from '../../store/describe-error';
import type { Target } from '../organizations/use-organization-directory';
import { periodOf, type RangeDays } from './health-model';

export type HealthState =
  | { status: 'loading' }
  | { status: 'error'; error: string }
  | { status: 'ready'; days: BotAnalyticsDay[]; issues: BotIssue[]; refreshing: boolean };

export function useHealth(target: Target | null, range: RangeDays) {
  const [state, setState] = useState<HealthState>({ status: 'loading' });
  const generation = useRef(0);

  const load = useCallback(async () => {
    const mine = ++generation.current;
    setState((s) => (s.status === 'ready' ? { ...s, refreshing: true } : { status: 'loading' }));
    if (!target) return;
    try {
      const [days, issues] = await Promise.all([call('botHealth.analytics', { ...target, ...periodOf(range) }), call('botHealth.issues', target)]);
      if (mine === generation.current) setState({ status: 'ready', days, issues, refreshing: false });
    } catch (error) {
      if (mine === generation.current) setState({ status: 'error', error: describeError(error) });
    }
  }, [target, range]);

  useEffect(() => {
    void load();
  }, [load]);

  return { state, reload: load };
}
