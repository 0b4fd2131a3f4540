// The chosen chatbot's versions, newest first. A reload after an action keeps the list on screen
// while it refreshes; answers for a chatbot no longer chosen are dropped.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Version } from '../../../shared/domain';
import { call } from '../../api';
import { toast } from '../../store/actions/feedback';
import { describeError } from '../../store/describe-error';
import type { Target } from '../organizations/use-organization-directory';
import { newestFirst } from './version-actions';

export type VersionsState =
  | { status: 'loading' }
  | { status: 'error'; error: string }
  | { status: 'ready'; versions: Version[]; refreshing: boolean };

export function useVersions(target: Target | null, enabled: boolean) {
  const [state, setState] = useState<VersionsState>({ status: 'loading' });
  const generation = useRef(0);

  const load = useCallback(
    async (quiet: boolean) => {
      const mine = ++generation.current;
      setState((s) => (quiet && s.status === 'ready' ? { ...s, refreshing: true } : { status: 'loading' }));
      if (!target || !enabled) return;
      try {
        const versions = newestFirst(await call('versions.list', target));
        if (mine === generation.current) setState({ status: 'ready', versions, refreshing: false });
      } catch (error) {
        if (mine !== generation.current) return;
        // A failed refresh keeps the list the agent was looking at and says why.
        if (quiet) toast(describeError(error));
        setState((s) => (quiet && s.status === 'ready' ? { ...s, refreshing: false } : { status: 'error', error: describeError(error) }));
      }
    },
    [target, enabled],
  );

  useEffect(() => {
    void load(false);
  }, [load]);

  const reload = useCallback(() => load(true), [load]);
  return { state, reload };
}
