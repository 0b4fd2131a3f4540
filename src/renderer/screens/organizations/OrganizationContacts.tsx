// The people in an organization: how many, and each with name, email, phone and language, and,
// where the account lists a contact's conversations, a button that shows theirs.
import { MessagesSquare, Users } from 'lucide-react';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../shared/domain';
import { call } from '../../api';
import { Spinner } from '../../components/ui/EmptyState';
import { canOn } from '../../lib/capabilities';
import { describeError } from '../../store/describe-error';
import { useStore } from '../../store/store';
import { ContactConversationsDialog } from '../customer/ContactConversationsDialog';
import { languageName } from './organization-format';
import type { Target } from './use-organization-directory';

type Loaded = { status: 'loading' } | { status: 'error'; error: string } | { status: 'ready'; contacts: Contact[]; count: number };

/** `missingPermission`: what the key lacks to list contacts, or null when it may. */
export function OrganizationContacts({ organizationId, target, missingPermission }: { organizationId: string; target: Target; missingPermission: string | null }) {
  const allowed = missingPermission === null;
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [shown, setShown] = useState<Contact | null>(null);
  const conversations = useStore((s) => canOn(s.session, target, 'contacts.conversations'));

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
              {conversations && (
                <th scope="col">
                  <span className="visually-hidden">{t('customer.contact.show')}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {loaded.contacts.map((contact) => {
              return (
                <tr key={contact.id}>
                  <th scope="row">{contact.name}</th>
                  <td className="org-contact-email">{contact.email ?? '–'}</td>
                  <td>{contact.phoneNumber ?? '–'}</td>
                  <td>{languageName(contact.language, i18n.language) ?? '–'}</td>
                  {conversations && (
                    <td>
                      <button type="button" className="btn btn-small" aria-label={t('customer.contact.showLabel', { name: contact.name })} onClick={() => setShown(contact)}>
                        <MessagesSquare size={14} aria-hidden="true" />
                        {t('customer.contact.show')}
                      </button>
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {conversations && <ContactConversationsDialog target={target} contact={shown} onClose={() => setShown(null)} />}
    </section>
  );
}
