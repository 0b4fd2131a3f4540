// Beside the conversation: who the customer is (name, how the channel knows them, e-mail, phone,
// language), the organizations they belong to, and their other conversations with the chatbot,
// each of which opens. Collapsible; whether it is open is remembered. What the account does not
// offer is left out with a word; what failed to load is said.
import { PanelRightClose } from 'lucide-react';
import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { InboxConversation } from '../../../shared/view-models';
import { IconButton } from '../../components/ui/Button';
import { Spinner } from '../../components/ui/EmptyState';
import { loadProfile } from '../../store/actions/customer';
import { useStore } from '../../store/store';
import { channelLabel } from '../inbox/inbox-model';
import { useChannelNames } from '../inbox/use-channel-names';
import { languageName } from '../organizations/organization-format';
import { CopyButton } from './CopyButton';
import { CustomerConversations } from './CustomerConversations';
import { CustomerOrganizations } from './CustomerOrganizations';
import './customer.css';

export const CUSTOMER_PANEL_ID = 'customer-panel';

function Detail({ label, value, copy }: { label: string; value: string; copy?: boolean }) {
  return (
    <div className="customer-detail">
      <dt>{label}</dt>
      <dd>
        <span className="customer-value">{value}</span>
        {copy && <CopyButton value={value} what={label} />}
      </dd>
    </div>
  );
}

export function CustomerPanel({ conversation, onClose }: { conversation: InboxConversation; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const key = conversation.key;
  const state = useStore((s) => s.profiles[key]);
  const channel = channelLabel(conversation.channelId, conversation.channelName, useChannelNames());
  // Read again when the conversation changes hands or gets a new message: its siblings may have too.
  useEffect(() => void loadProfile(key), [key, conversation.updatedAt]);

  const profile = state?.status === 'ready' ? state.profile : null;
  const contact = profile?.contact ?? null;
  const language = languageName(contact?.language, i18n.language);
  const details = [
    contact?.email && <Detail key="email" label={t('customer.email')} value={contact.email} copy />,
    contact?.phoneNumber && <Detail key="phone" label={t('customer.phone')} value={contact.phoneNumber} copy />,
    language && <Detail key="language" label={t('customer.language')} value={language} />,
  ].filter(Boolean);

  return (
    <aside id={CUSTOMER_PANEL_ID} className="customer-panel" aria-labelledby={headingId}>
      <div className="customer-head">
        <h2 id={headingId}>{t('customer.label')}</h2>
        <IconButton label={t('customer.hide')} onClick={onClose}>
          <PanelRightClose size={16} aria-hidden="true" />
        </IconButton>
      </div>
      <div className="customer-body">
        <section className="customer-card">
          <h3 className="customer-name">{contact?.name ?? conversation.contactName}</h3>
          <dl className="customer-details">
            {/* How the channel knows them, unless that is their e-mail or number, shown below anyway. */}
            {conversation.contactHandle && conversation.contactHandle !== contact?.email && conversation.contactHandle !== contact?.phoneNumber && (
              <Detail label={t('customer.handle', { channel })} value={conversation.contactHandle} copy />
            )}
            {details}
          </dl>
          {profile && contact && details.length === 0 && <p className="customer-note">{t('customer.noDetails')}</p>}
          {profile?.unavailable.includes('contact') && <p className="customer-note" role="alert">{t('customer.unavailable.contact')}</p>}
        </section>
        {!state || state.status === 'loading' ? (
          <Spinner label={t('customer.loading')} />
        ) : state.status === 'error' ? (
          <p className="customer-note" role="alert">
            {state.message}
          </p>
        ) : (
          <>
            <CustomerOrganizations profile={state.profile} />
            <CustomerConversations profile={state.profile} current={conversation} />
          </>
        )}
      </div>
    </aside>
  );
}
