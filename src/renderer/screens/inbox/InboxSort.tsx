// The order of the current view, which the agent may switch: the Waiting view starts with who
// waited longest, the others with the newest. Remembered per view on this computer.
import { ArrowDownUp } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { inboxSorts, sortOf, type InboxSort as Sort } from '../../store/slices/inbox-view';
import { getState, useStore } from '../../store/store';

export function InboxSort() {
  const { t } = useTranslation();
  const view = useStore((s) => s.filter.view);
  const sort = useStore(sortOf);
  return (
    <div className="inbox-sort">
      <label className="inbox-select">
        <ArrowDownUp size={14} aria-hidden="true" />
        <span className="visually-hidden">{t('queue.sort.label')}</span>
        <select value={sort} onChange={(e) => getState().setSort(view, e.target.value as Sort)}>
          {inboxSorts.map((option) => (
            <option key={option} value={option}>
              {t(`queue.sort.${option}`)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
