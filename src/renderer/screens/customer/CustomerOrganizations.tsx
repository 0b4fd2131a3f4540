// The organizations a customer belongs to: name, size, industry and website (a link only when it
// is a plain web address, as in the Organizations section).
import { Building2, ExternalLink } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { CustomerProfile } from '../../../shared/view-models';
import { safeWebHref, websiteDomain } from '../organizations/organization-format';

export function CustomerOrganizations({ profile }: { profile: CustomerProfile }) {
  const { t } = useTranslation();
  const { organizations } = profile;
  return (
    <section className="customer-card">
      <h3>
        <Building2 size={14} aria-hidden="true" />
        {t('customer.organizations.title')}
      </h3>
      {profile.unavailable.includes('organizations') ? (
        <p className="customer-note" role="alert">
          {t('customer.unavailable.organizations')}
        </p>
      ) : organizations === null ? (
        // Without the contact (it failed: said above) their organizations are not known either;
        // otherwise the account does not offer them (Botpress has none).
        <p className="customer-note">{profile.unavailable.includes('contact') ? t('customer.unavailable.organizations') : t('customer.organizations.notOffered')}</p>
      ) : organizations.length === 0 ? (
        <p className="customer-note">{t('customer.organizations.none')}</p>
      ) : (
        <ul className="customer-orgs">
          {organizations.map((o) => {
            const href = safeWebHref(o.website);
            const domain = websiteDomain(o.website);
            return (
              <li key={o.id}>
                <strong>{o.name}</strong>
                <span className="customer-org-facts">
                  {o.size !== undefined && <span>{t('customer.organizations.size', { count: o.size })}</span>}
                  {o.industry && <span>{o.industry}</span>}
                </span>
                {href && domain && (
                  <a href={href} target="_blank" rel="noopener noreferrer" className="customer-link">
                    {domain}
                    <ExternalLink size={12} aria-hidden="true" />
                  </a>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
