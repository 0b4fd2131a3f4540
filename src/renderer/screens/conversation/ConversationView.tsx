// The right-hand pane of the inbox: the selected conversation's header, its messages and the
// composer, and beside them the customer panel (when the agent keeps it open). Keyed by the conversation, so scroll position, dialogs and the composer's local
// state start fresh when the agent switches (the draft itself lives in the store).
import { MessagesSquare } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/ui/EmptyState';
import { setCustomerPanelOpen } from '../../store/actions/local';
import { useStore } from '../../store/store';
import { CustomerPanel } from '../customer/CustomerPanel';
import { Composer } from './Composer';
import { ConversationHeader } from './ConversationHeader';
import { MessageList } from './MessageList';
import './conversation.css';
import './thread.css';

// The keys go into the translated sentence as marked slots (a character no translation
// contains), then the sentence is split and each slot rendered as a <kbd>.
const SLOT = '\u0000';
const keys = { up: '↑', down: '↓', reply: 'R', help: '?' } as const;
const slots = { up: `${SLOT}up${SLOT}`, down: `${SLOT}down${SLOT}`, reply: `${SLOT}reply${SLOT}`, help: `${SLOT}help${SLOT}` };

export function ConversationView() {
  const { t } = useTranslation();
  const selectedKey = useStore((s) => s.selectedKey);
  const conversation = useStore((s) => (s.selectedKey ? s.conversations.get(s.selectedKey) : undefined));
  const panelOpen = useStore((s) => s.customerPanelOpen);

  if (!selectedKey) {
    return (
      <section className="conversation conversation-empty" aria-label={t('conversation.empty.title')}>
        <EmptyState icon={<MessagesSquare size={40} aria-hidden="true" className="conversation-empty-icon" />} title={t('conversation.empty.title')}>
          {t('conversation.empty.body')}
        </EmptyState>
        <p className="conversation-empty-hint">
          {t('conversation.empty.shortcuts', slots)
            .split(SLOT)
            .map((part, i) => (i % 2 === 1 ? <kbd key={i}>{keys[part as keyof typeof keys]}</kbd> : part))}
        </p>
      </section>
    );
  }
  if (!conversation) {
    return (
      <section className="conversation conversation-empty" aria-label={t('conversation.empty.goneTitle')}>
        <EmptyState title={t('conversation.empty.goneTitle')}>{t('conversation.empty.goneBody')}</EmptyState>
      </section>
    );
  }
  return (
    <>
      <section className="conversation" aria-label={conversation.contactName} key={selectedKey}>
        <ConversationHeader conversation={conversation} panelOpen={panelOpen} onTogglePanel={() => setCustomerPanelOpen(!panelOpen)} />
        <MessageList conversation={conversation} />
        <Composer conversation={conversation} />
      </section>
      {panelOpen && <CustomerPanel conversation={conversation} onClose={() => setCustomerPanelOpen(false)} />}
    </>
  );
}
