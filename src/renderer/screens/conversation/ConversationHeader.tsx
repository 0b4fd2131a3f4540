// Who the agent is talking to, where, what state the conversation is in and how long the
// customer has waited, with what the agent can do about it (ConversationActions) and the
// customer panel's switch. Two rows at most, also in German at 1024 px: the actions shrink to
// their icons before the header grows.
import { Bot, PanelRight } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { handlingOf } from '../../../shared/conversation-rules';
import type { InboxConversation } from '../../../shared/view-models';
import { IconButton } from '../../components/ui/Button';
import { useStore } from '../../store/store';
import { channelLabel } from '../inbox/inbox-model';
import { CUSTOMER_PANEL_ID } from '../customer/CustomerPanel';
import { useChannelNames } from '../inbox/use-channel-names';
import { WaitTimer } from '../inbox/WaitTimer';
import { ConversationActions } from './ConversationActions';
import { myAgentId } from './people';
import { StatusChip } from './StatusChip';

export function ConversationHeader({ conversation, panelOpen, onTogglePanel }: { conversation: InboxConversation; panelOpen: boolean; onTogglePanel: () => void }) {
  const { t } = useTranslation();
  const me = useStore((s) => myAgentId(s.session, conversation.accountId));
  const status = handlingOf(conversation, me);
  const channel = channelLabel(conversation.channelId, conversation.channelName, useChannelNames());

  return (
    <header className="conversation-header">
      <div className="conversation-header-grid">
        <div className="conversation-title-line">
          <h2>{conversation.contactName}</h2>
          <span className="conversation-chips">
            <StatusChip conversation={conversation} status={status} />
            {conversation.archived && <span className="badge">{t('conversation.status.archived')}</span>}
            {(status.kind === 'waiting' || status.kind === 'mine') && <WaitTimer conversation={conversation} prefix={status.kind === 'mine'} />}
          </span>
        </div>
        <dl className="conversation-meta">
          <div className="conversation-channel">
            <dt className="visually-hidden">{t('conversation.header.channel')}</dt>
            {/* A narrow header cuts the handle with "…" (a cut phone number must not look whole); the tooltip has it all. */}
            <dd title={conversation.contactHandle ? `${channel} · ${conversation.contactHandle}` : channel}>
              {channel}
              {conversation.contactHandle && (
                <>
                  {' · '}
                  <span className="conversation-provider">{conversation.contactHandle}</span>
                </>
              )}
            </dd>
          </div>
          <div className="conversation-chatbot">
            <dt className="visually-hidden">{t('conversation.header.chatbot')}</dt>
            <dd>
              <Bot size={13} aria-hidden="true" /> {conversation.chatbotName}
            </dd>
          </div>
        </dl>
        <div className="conversation-tools">
          <ConversationActions conversation={conversation} status={status} />
          <IconButton label={t('customer.show')} aria-expanded={panelOpen} aria-controls={panelOpen ? CUSTOMER_PANEL_ID : undefined} onClick={onTogglePanel}>
            <PanelRight size={18} aria-hidden="true" />
          </IconButton>
        </div>
      </div>
    </header>
  );
}
