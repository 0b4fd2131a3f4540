// A section the first screen does not need, loaded when it is first shown: its code (and CSS) is
// a chunk of its own, so the inbox's first paint parses less (`npm run bench` reports the bytes).
// A new section follows the same pattern: `lazyScreen(() => import('…/XScreen').then((m) => m.XScreen))`
// in Workspace's list. After the first screen, idle time loads them all (preload), so that
// opening one later does not wait for the file.
import { Suspense, lazy, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { Spinner } from './ui/EmptyState';

export interface LazyScreen {
  (): React.JSX.Element;
  /** Loads the chunk ahead of time; safe to call more than once. */
  preload(): Promise<unknown>;
}

export function lazyScreen(load: () => Promise<ComponentType>): LazyScreen {
  let loading: Promise<ComponentType> | null = null;
  const preload = () => (loading ??= load());
  const Lazy = lazy(async () => ({ default: await preload() }));
  const Screen = () => {
    const { t } = useTranslation();
    return (
      <Suspense
        fallback={
          <div className="empty" aria-busy="true">
            <Spinner label={t('common.loading')} />
          </div>
        }
      >
        <Lazy />
      </Suspense>
    );
  };
  return Object.assign(Screen, { preload });
}
