// What an empty list says, depending on why it is empty: a search without results, filters
// that exclude everything, or a view with nothing in it — each with the next step to take.
import { Archive, CheckCheck, Inbox, SearchX, UserRound } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/ui/Button';
import { EmptyState } from '../../components/ui/EmptyState';
import { setFilter } from '../../store/actions/local';
import { useStore } from '../../store/store';
import { clearSearch } from './inbox-actions';

const iconProps = { size: 32, 'aria-hidden': true, className: 'inbox-empty-icon' } as const;

export function InboxEmpty() {
  const { t } = useTranslation();
  const filter = useStore((s) => s.filter);

  if (filter.search) {
    const narrowed = filter.view !== 'all' || Boolean(filter.channelId) || Boolean(filter.chatbot);
    return (
      <EmptyState
        icon={<SearchX {...iconProps} />}
        title={t('inbox.empty.searchTitle', { query: filter.search })}
        action={
          <div className="inbox-empty-actions">
            <Button onClick={clearSearch}>{t('inbox.filters.clearSearch')}</Button>
            {narrowed && (
              <Button onClick={() => setFilter({ view: 'all', channelId: undefined, chatbot: undefined })}>
                {t('inbox.empty.searchAll')}
              </Button>
            )}
          </div>
        }
      >
        {t(narrowed ? 'inbox.empty.searchBody' : 'inbox.empty.searchBodyAll')}
      </EmptyState>
    );
  }
  if (filter.channelId || filter.chatbot) {
    return (
      <EmptyState
        icon={<SearchX {...iconProps} />}
        title={t('inbox.empty.filteredTitle')}
        action={<Button onClick={() => setFilter({ channelId: undefined, chatbot: undefined })}>{t('inbox.empty.resetFilters')}</Button>}
      >
        {t('inbox.empty.filteredBody')}
      </EmptyState>
    );
  }
  switch (filter.view) {
    case 'waiting':
      return (
        <EmptyState icon={<CheckCheck {...iconProps} />} title={t('inbox.empty.waitingTitle')}>
          {t('inbox.empty.waitingBody')}
        </EmptyState>
      );
    case 'mine':
      return (
        <EmptyState
          icon={<UserRound {...iconProps} />}
          title={t('inbox.empty.mineTitle')}
          action={<Button onClick={() => setFilter({ view: 'waiting' })}>{t('inbox.empty.mineAction')}</Button>}
        >
          {t('inbox.empty.mineBody')}
        </EmptyState>
      );
    case 'archived':
      return (
        <EmptyState icon={<Archive {...iconProps} />} title={t('inbox.empty.archivedTitle')}>
          {t('inbox.empty.archivedBody')}
        </EmptyState>
      );
    case 'all':
      return (
        <EmptyState icon={<Inbox {...iconProps} />} title={t('inbox.empty.allTitle')}>
          {t('inbox.empty.allBody')}
        </EmptyState>
      );
  }
}
