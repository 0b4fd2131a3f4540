// From an organization's member list: a contact's conversations with the chatbot, each of which
// opens in the inbox.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../shared/domain';
import type { InboxConversation } from '../../../shared/view-models';
import { Button } from '../../components/ui/Button';
import { Dialog } from '../../components/ui/Dialog';
import { Spinner } from '../../components/ui/EmptyState';
import { contactConversations } from '../../store/actions/customer';
import { describeError } from '../../store/describe-error';
import { ConversationButtons } from './CustomerConversations';

type Loaded = { status: 'loading' } | { status: 'error'; error: string } | { status: 'ready'; conversations: InboxConversation[] };

export function ContactConversationsDialog({ target, contact, onClose }: { target: { accountId: string; chatbotId: string }; contact: Contact | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const { accountId, chatbotId } = target;

  useEffect(() => {
    if (!contact) return;
    let current = true;
    setLoaded({ status: 'loading' });
    contactConversations({ accountId, chatbotId }, contact.id).then(
      (conversations) => current && setLoaded({ status: 'ready', conversations }),
      (error: unknown) => current && setLoaded({ status: 'error', error: describeError(error) }),
    );
    return () => {
      current = false;
    };
  }, [contact, accountId, chatbotId]);

  const name = contact?.name ?? '';
  return (
    <Dialog open={contact !== null} title={t('customer.contact.title', { name })} onClose={onClose} actions={<Button onClick={onClose}>{t('common.close')}</Button>}>
      {loaded.status === 'loading' ? (
        <Spinner label={t('common.loading')} />
      ) : loaded.status === 'error' ? (
        <p className="dialog-text" role="alert">
          {t('customer.contact.failed', { error: loaded.error })}
        </p>
      ) : loaded.conversations.length === 0 ? (
        <p className="dialog-text">{t('customer.contact.none', { name })}</p>
      ) : (
        <ConversationButtons conversations={loaded.conversations} onOpen={onClose} />
      )}
    </Dialog>
  );
}
