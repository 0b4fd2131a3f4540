// The inbox views as tabs (Waiting, Mine, All, Archived) with counts where a number helps:
// roving focus with the arrow keys, Home and End, as the ARIA tabs pattern asks.
import { useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { InboxView } from '../../../shared/view-models';
import { setFilter } from '../../store/actions/local';
import { useStore } from '../../store/store';
import { selectCounts } from './visible';

export const views: InboxView[] = ['waiting', 'mine', 'all', 'archived'];
export const tabId = (view: InboxView): string => `inbox-tab-${view}`;
export const PANEL_ID = 'inbox-panel';

export function InboxTabs() {
  const { t, i18n } = useTranslation();
  const current = useStore((s) => s.filter.view);
  const counts = useStore(selectCounts);
  // Until every page of the inbox is in, a count would be short: none is better than a wrong one.
  const complete = useStore((s) => s.inboxComplete);
  const refs = useRef<Partial<Record<InboxView, HTMLButtonElement | null>>>({});
  const number = new Intl.NumberFormat(i18n.language);

  const choose = (view: InboxView) => {
    setFilter({ view });
    refs.current[view]?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const index = views.indexOf(current);
    const target =
      event.key === 'ArrowRight' ? views[(index + 1) % views.length]
      : event.key === 'ArrowLeft' ? views[(index - 1 + views.length) % views.length]
      : event.key === 'Home' ? views[0]
      : event.key === 'End' ? views[views.length - 1]
      : undefined;
    if (!target) return;
    event.preventDefault();
    choose(target);
  };

  return (
    <div className="inbox-tabs" role="tablist" aria-label={t('inbox.views.label')} onKeyDown={onKeyDown}>
      {views.map((view) => {
        const count = !complete ? null : view === 'waiting' ? counts.waiting : view === 'mine' ? counts.mine : null;
        const selected = view === current;
        return (
          <button
            key={view}
            ref={(el) => {
              refs.current[view] = el;
            }}
            id={tabId(view)}
            type="button"
            role="tab"
            aria-selected={selected}
            aria-controls={PANEL_ID}
            tabIndex={selected ? 0 : -1}
            className="inbox-tab"
            onClick={() => choose(view)}
          >
            {t(`inbox.views.${view}`)}
            {count !== null && count > 0 && (
              <span className={view === 'waiting' ? 'inbox-tab-count inbox-tab-count-waiting' : 'inbox-tab-count'}>
                {number.format(count)}
              </span>
            )}
          </button>
        );
      })}
    </div>
  );
}
