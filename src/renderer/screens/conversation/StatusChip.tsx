// The conversation's state as a chip: an icon and words, so colour is never the only signal.
import { Bot, CheckCircle2, Clock, UserRound } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { InboxConversation } from '../../../shared/view-models';
import { useStore } from '../../store/store';
import type { Handling } from '../../../shared/conversation-rules';
import { agentName } from './people';

export function StatusChip({ conversation, status }: { conversation: InboxConversation; status: Handling }) {
  const { t } = useTranslation();
  const otherAgent = useStore((s) =>
    status.kind === 'assigned' ? agentName(s.session, s.team, conversation.accountId, status.agentId) : null,
  );
  switch (status.kind) {
    case 'waiting':
      return (
        <span className="badge badge-warning">
          <Clock size={12} aria-hidden="true" />
          {t('conversation.status.waiting')}
        </span>
      );
    case 'mine':
      return (
        <span className="badge badge-accent">
          <UserRound size={12} aria-hidden="true" />
          {t('conversation.status.assignedToYou')}
        </span>
      );
    case 'assigned':
      return (
        <span className="badge">
          <UserRound size={12} aria-hidden="true" />
          {t('conversation.status.assignedTo', { name: otherAgent ?? t('conversation.sender.agent') })}
        </span>
      );
    case 'bot':
      return (
        <span className="badge">
          <Bot size={12} aria-hidden="true" />
          {t('conversation.status.bot')}
        </span>
      );
    case 'closed':
      return (
        <span className="badge badge-success">
          <CheckCircle2 size={12} aria-hidden="true" />
          {t('conversation.status.closed')}
        </span>
      );
  }
}
