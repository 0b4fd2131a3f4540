// One organization: every field (links only after their scheme was checked), then the people in
// it. Shows the list's copy at once and re-reads the organization, so what the agent edits is
// the server's latest.
import { ExternalLink, Pencil, Trash2 } from 'lucide-react';
import { useEffect, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organization } from '../../../shared/domain';
import { call } from '../../api';
import { Button } from '../../components/ui/Button';
import { dateTime } from '../../lib/time';
import { describeError } from '../../store/describe-error';
import { OrganizationContacts } from './OrganizationContacts';
import { safeWebHref, websiteDomain } from './organization-format';
import type { OrganizationAbilities } from './organization-permissions';
import type { Target } from './use-organization-directory';
import './organization-detail.css';

/** Up to two letters for the avatar: "Müller & Söhne" → "MS". */
const initials = (name: string): string =>
  name
    .split(/\s+/)
    .filter((word) => /^\p{L}/u.test(word))
    .slice(0, 2)
    .map((word) => word[0]!.toUpperCase())
    .join('');

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="org-field">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function OrganizationDetail({
  organization,
  target,
  abilities,
  onEdit,
  onDelete,
  onRefreshed,
}: {
  organization: Organization;
  target: Target;
  abilities: OrganizationAbilities;
  onEdit: () => void;
  onDelete: () => void;
  onRefreshed: (organization: Organization) => void;
}) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const [refreshError, setRefreshError] = useState<string | null>(null);
  const { id, updatedAt } = organization;

  // Mounted per organization (keyed by id): re-read it once; a newer copy replaces the list's.
  useEffect(() => {
    if (!abilities.get) return;
    let current = true;
    call('organizations.get', { ...target, organizationId: id })
      .then((fresh) => {
        if (current && fresh.updatedAt !== updatedAt) onRefreshed(fresh);
      })
      .catch((error: unknown) => {
        if (current) setRefreshError(describeError(error));
      });
    return () => {
      current = false;
    };
    // Only when another organization is shown (the component is keyed by id anyway); an edit
    // brings its own fresh copy, and updatedAt changing must not read it again.
  }, [id]);

  const notSet = <span className="org-unset">{t('organizations.notSet')}</span>;
  const web = safeWebHref(organization.website);
  const domain = websiteDomain(organization.website);
  const subtitle = [organization.industry, domain].filter(Boolean).join(' · ');

  return (
    <article className="org-detail" aria-labelledby={titleId}>
      <header className="org-detail-head">
        <div className="org-avatar" aria-hidden="true">
          {initials(organization.name) || '?'}
        </div>
        <div className="org-detail-title">
          <h2 id={titleId}>{organization.name}</h2>
          {subtitle && <p>{subtitle}</p>}
        </div>
        <div className="org-detail-actions">
          {abilities.edit && (
            <Button icon={<Pencil size={15} aria-hidden="true" />} onClick={onEdit}>
              {t('common.edit')}
            </Button>
          )}
          {abilities.delete && (
            <Button className="org-delete" icon={<Trash2 size={15} aria-hidden="true" />} onClick={onDelete}>
              {t('organizations.delete.action')}
            </Button>
          )}
        </div>
      </header>

      {refreshError && (
        <p className="org-refresh-error" role="status">
          {t('organizations.detail.refreshError', { error: refreshError })}
        </p>
      )}

      <dl className="org-fields">
        <Field label={t('organizations.fields.email')}>
          {organization.email ?? notSet}
        </Field>
        <Field label={t('organizations.fields.website')}>
          {web && domain ? (
            <a href={web} target="_blank" rel="noopener noreferrer" aria-label={t('organizations.openWebsite', { domain })}>
              <ExternalLink size={14} aria-hidden="true" />
              {domain}
            </a>
          ) : (
            (organization.website ?? notSet)
          )}
        </Field>
        <Field label={t('organizations.fields.phoneNumber')}>
          {organization.phoneNumber ?? notSet}
        </Field>
        <Field label={t('organizations.fields.size')}>
          {organization.size !== undefined ? t('organizations.employees', { count: organization.size }) : notSet}
        </Field>
        <Field label={t('organizations.fields.industry')}>{organization.industry ?? notSet}</Field>
        <Field label={t('organizations.fields.created')}>
          <time dateTime={organization.createdAt}>{dateTime(organization.createdAt, i18n.language)}</time>
        </Field>
        <Field label={t('organizations.fields.updated')}>
          <time dateTime={organization.updatedAt}>{dateTime(organization.updatedAt, i18n.language)}</time>
        </Field>
      </dl>

      <OrganizationContacts organizationId={organization.id} target={target} missingPermission={abilities.contacts ? null : abilities.permissionFor('contacts')} />
    </article>
  );
}
