// The list of organizations (or search results), one row each: name, industry, website domain,
// size. Arrow keys move between rows; "Load more" fetches the next page.
import { AlertCircle, Building2, SearchX } from 'lucide-react';
import type { KeyboardEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organization } from '../../../shared/domain';
import { Button } from '../../components/ui/Button';
import { EmptyState, Spinner } from '../../components/ui/EmptyState';
import { websiteDomain } from './organization-format';
import type { Directory } from './use-organization-directory';

/** Up/Down/Home/End move the focus between the row buttons, as in any list. */
function moveFocus(event: KeyboardEvent<HTMLUListElement>) {
  const rows = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('button.orgs-row')];
  const at = rows.indexOf(document.activeElement as HTMLButtonElement);
  if (at < 0) return;
  const next = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: rows.length - 1 }[event.key];
  if (next === undefined) return;
  event.preventDefault();
  rows[Math.max(0, Math.min(rows.length - 1, next))]?.focus();
}

function Row({ organization, selected, onSelect }: { organization: Organization; selected: boolean; onSelect: () => void }) {
  const { t } = useTranslation();
  const domain = websiteDomain(organization.website);
  const meta = [
    organization.industry,
    domain,
    organization.size !== undefined ? t('organizations.employees', { count: organization.size }) : undefined,
  ].filter((part): part is string => Boolean(part));
  return (
    <li>
      <button type="button" className="orgs-row" aria-current={selected ? 'true' : undefined} onClick={onSelect}>
        <span className="orgs-row-name">{organization.name}</span>
        {meta.length > 0 && (
          <span className="orgs-row-meta">
            {meta.map((part, i) => (
              <span key={i}>{part}</span>
            ))}
          </span>
        )}
      </button>
    </li>
  );
}

export function OrganizationList({
  directory,
  query,
  selectedId,
  onSelect,
  onLoadMore,
  onRetry,
  createAction,
}: {
  directory: Directory;
  query: string;
  selectedId: string | null;
  onSelect: (organization: Organization) => void;
  onLoadMore: () => void;
  onRetry: () => void;
  createAction: ReactNode;
}) {
  const { t } = useTranslation();
  const { items, status } = directory;

  if (status === 'loading') {
    return (
      <div className="orgs-list-state" aria-busy="true">
        <Spinner label={t('common.loading')} />
      </div>
    );
  }
  if (status === 'error') {
    return (
      <EmptyState
        icon={<AlertCircle size={28} aria-hidden="true" />}
        title={t('organizations.list.loadError')}
        action={<Button onClick={onRetry}>{t('common.retry')}</Button>}
      >
        {directory.error}
      </EmptyState>
    );
  }
  if (items.length === 0) {
    return directory.mode === 'search' ? (
      <EmptyState icon={<SearchX size={28} aria-hidden="true" />} title={t('organizations.noResults.title')}>
        {t('organizations.noResults.body', { query })}
      </EmptyState>
    ) : (
      <EmptyState icon={<Building2 size={28} aria-hidden="true" />} title={t('organizations.empty.title')} action={createAction}>
        {createAction ? t('organizations.empty.bodyCreate') : t('organizations.empty.body')}
      </EmptyState>
    );
  }
  return (
    <div className="orgs-list-scroll">
      <ul className="orgs-list" aria-label={t('organizations.list.label')} onKeyDown={moveFocus}>
        {items.map((organization) => (
          <Row
            key={organization.id}
            organization={organization}
            selected={organization.id === selectedId}
            onSelect={() => onSelect(organization)}
          />
        ))}
      </ul>
      {directory.error && (
        <p className="orgs-list-error" role="alert">
          {directory.error}
        </p>
      )}
      {directory.hasMore && (
        <div className="orgs-more">
          {/* aria-disabled, not disabled: a disabled button would drop the keyboard focus. */}
          <Button onClick={onLoadMore} aria-disabled={directory.loadingMore || undefined}>
            {directory.loadingMore ? t('organizations.list.loadingMore') : t('organizations.list.loadMore')}
          </Button>
        </div>
      )}
    </div>
  );
}
