// The search field over the list, and a live line that says how many match (read out by screen
// readers when it changes).
import { Search, X } from 'lucide-react';
import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { IconButton } from '../../components/ui/Button';
import type { Directory } from './use-organization-directory';

export function OrganizationSearch({
  value,
  onChange,
  searching,
  directory,
}: {
  value: string;
  onChange: (value: string) => void;
  searching: boolean;
  directory: Directory;
}) {
  const { t } = useTranslation();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const status = searching
    ? t('organizations.search.searching')
    : directory.mode === 'search' && directory.status === 'ready' && directory.total !== null
      ? t('organizations.search.results', { count: directory.total })
      : '';
  return (
    <div className="orgs-search">
      <div className="orgs-search-field">
        <Search size={16} aria-hidden="true" />
        <label htmlFor={id} className="visually-hidden">
          {t('organizations.search.label')}
        </label>
        <input
          ref={input}
          id={id}
          type="search"
          value={value}
          placeholder={t('organizations.search.placeholder')}
          autoComplete="off"
          spellCheck={false}
          maxLength={200}
          onChange={(e) => onChange(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && value !== '') {
              e.preventDefault();
              onChange('');
            }
          }}
        />
        {value !== '' && (
          <IconButton
            label={t('organizations.search.clear')}
            onClick={() => {
              onChange('');
              input.current?.focus();
            }}
          >
            <X size={14} aria-hidden="true" />
          </IconButton>
        )}
      </div>
      <p className="orgs-search-status" role="status" aria-live="polite">
        {status}
      </p>
    </div>
  );
}
