// The customer's conversations with the chatbot, newest first: the open one marked, every other
// one a button that opens it (in the Archive when it is archived).
import { MessagesSquare } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { handlingOf } from '../../../shared/conversation-rules';
import type { CustomerProfile, InboxConversation } from '../../../shared/view-models';
import { dateTime } from '../../lib/time';
import { showConversation } from '../../store/actions/customer';
import { useStore } from '../../store/store';
import { channelLabel, lastActivity } from '../inbox/inbox-model';
import { useChannelNames } from '../inbox/use-channel-names';
import { myAgentId } from '../conversation/people';

export function ConversationButtons({ conversations, current, onOpen }: { conversations: readonly InboxConversation[]; current?: string; onOpen?: () => void }) {
  const { t, i18n } = useTranslation();
  const names = useChannelNames();
  const session = useStore((s) => s.session);
  return (
    <ul className="customer-conversations">
      {conversations.map((c) => {
        const channel = channelLabel(c.channelId, c.channelName, names);
        const date = dateTime(lastActivity(c), i18n.language);
        const status = handlingOf(c, myAgentId(session, c.accountId));
        const state = c.archived ? t('conversation.status.archived') : t(`inbox.status.${status.kind === 'assigned' ? 'assigned' : status.kind}`);
        if (c.key === current) {
          return (
            <li key={c.key} className="customer-conversation is-current" aria-current="true">
              <span className="customer-conversation-main">
                {channel} · {date}
              </span>
              <span className="badge badge-accent">{t('customer.conversations.current')}</span>
            </li>
          );
        }
        return (
          <li key={c.key}>
            <button type="button" className="customer-conversation" title={t('customer.conversations.open', { channel, date })} onClick={() => {
                onOpen?.();
                showConversation(c);
              }}>
              <span className="customer-conversation-main">
                {channel} · {date}
              </span>
              <span className="badge">{state}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}

export function CustomerConversations({ profile, current }: { profile: CustomerProfile; current: InboxConversation }) {
  const { t } = useTranslation();
  const { conversations } = profile;
  return (
    <section className="customer-card">
      <h3>
        <MessagesSquare size={14} aria-hidden="true" />
        {t('customer.conversations.title')}
      </h3>
      {profile.unavailable.includes('conversations') ? (
        <p className="customer-note" role="alert">
          {t('customer.unavailable.conversations')}
        </p>
      ) : conversations === null ? (
        <p className="customer-note">{t('customer.conversations.notOffered')}</p>
      ) : (
        <>
          <ConversationButtons conversations={conversations} current={current.key} />
          {conversations.every((c) => c.key === current.key) && <p className="customer-note">{t('customer.conversations.none')}</p>}
        </>
      )}
    </section>
  );
}
