// The people in an organization: how many, and each with name, email, phone and language.
import { Users } from 'lucide-react';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../shared/domain';
import { call } from '../../api';
import { Spinner } from '../../components/ui/EmptyState';
import { describeError } from '../../store/describe-error';
import { languageName } from './organization-format';
import type { Target } from './use-organization-directory';

type Loaded = { status: 'loading' } | { status: 'error'; error: string } | { status: 'ready'; contacts: Contact[]; count: number };

/** `missingPermission`: what the key lacks to list contacts, or null when it may. */
export function OrganizationContacts({ organizationId, target, missingPermission }: { organizationId: string; target: Target; missingPermission: string | null }) {
  const allowed = missingPermission === null;
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });

  useEffect(() => {
    if (!allowed) return;
    let current = true;
    setLoaded({ status: 'loading' });
    const input = { ...target, organizationId };
    Promise.all([call('organizations.contacts', input), call('organizations.contactCount', input)])
      .then(([contacts, count]) => current && setLoaded({ status: 'ready', contacts, count }))
      .catch((error: unknown) => current && setLoaded({ status: 'error', error: describeError(error) }));
    return () => {
      current = false;
    };
  }, [allowed, target, organizationId]);

  const title =
    loaded.status === 'ready' && allowed ? t('organizations.contacts.titleCount', { count: loaded.count }) : t('organizations.contacts.title');

  return (
    <section className="org-contacts" aria-labelledby={titleId}>
      <h3 id={titleId}>
        <Users size={16} aria-hidden="true" />
        {title}
      </h3>
      {!allowed ? (
        <p className="org-contacts-note">{t('organizations.contacts.noPermission', { permission: missingPermission })}</p>
      ) : loaded.status === 'loading' ? (
        <Spinner label={t('common.loading')} />
      ) : loaded.status === 'error' ? (
        <p className="org-contacts-note" role="alert">
          {t('organizations.contacts.loadError', { error: loaded.error })}
        </p>
      ) : loaded.contacts.length === 0 ? (
        <p className="org-contacts-note">{t('organizations.contacts.none')}</p>
      ) : (
        <table className="org-contacts-table" aria-labelledby={titleId}>
          <thead>
            <tr>
              <th scope="col">{t('organizations.contacts.name')}</th>
              <th scope="col">{t('organizations.contacts.email')}</th>
              <th scope="col">{t('organizations.contacts.phoneNumber')}</th>
              <th scope="col">{t('organizations.contacts.language')}</th>
            </tr>
          </thead>
          <tbody>
            {loaded.contacts.map((contact) => {
              return (
                <tr key={contact.id}>
                  <th scope="row">{contact.name}</th>
                  <td>{contact.email ?? '–'}</td>
                  <td>{contact.phoneNumber ?? '–'}</td>
                  <td>{languageName(contact.language, i18n.language) ?? '–'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
