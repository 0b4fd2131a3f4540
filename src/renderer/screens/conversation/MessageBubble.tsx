// One message: contact on the left, bot and agents on the right in their own colours, a small
// sender label on the first message of a run (and for screen readers on every one), the time
// with the full date-time as its title.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message } from '../../../shared/domain';
import type { InboxConversation } from '../../../shared/view-models';
import { clockTime, dateTime } from '../../lib/time';
import { useStore } from '../../store/store';
import { MessageContentView } from './messages/MessageContentView';
import { MediaConversation } from './messages/use-remote-media';
import { agentName } from './people';

export function MessageBubble({
  conversation,
  message,
  continued,
  me,
  picked,
}: {
  conversation: InboxConversation;
  message: Message;
  continued: boolean;
  me: string | null;
  picked?: string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const agent = useStore((s) => (message.sender === 'agent' ? agentName(s.session, s.team, conversation.accountId, message.agentId) : null));
  const sender =
    message.sender === 'contact'
      ? conversation.contactName
      : message.sender === 'bot'
        ? t('conversation.sender.bot')
        : (agent ?? t('conversation.sender.agent'));
  const mine = message.sender === 'agent' && me !== null && message.agentId === me;
  return (
    <BubbleFrame side={message.sender === 'contact' ? 'left' : 'right'} tone={message.sender} kind={message.type} continued={continued} sender={sender} mine={mine}>
      <MediaConversation value={conversation.key}>
        <MessageContentView message={message} sender={sender} picked={picked} />
      </MediaConversation>
      <footer className="msg-footer">
        <time dateTime={message.createdAt} title={dateTime(message.createdAt, i18n.language)}>
          {clockTime(message.createdAt, i18n.language)}
        </time>
      </footer>
    </BubbleFrame>
  );
}

/** The row and the bubble around any message or outbox entry. */
export function BubbleFrame({
  side,
  tone,
  kind,
  continued,
  sender,
  mine = false,
  children,
  below,
}: {
  side: 'left' | 'right';
  tone: Message['sender'];
  kind: Message['type'];
  continued: boolean;
  sender: string;
  mine?: boolean;
  children: ReactNode;
  /** Shown under the bubble, outside its colours (a failed reply's error and Retry). */
  below?: ReactNode;
}) {
  return (
    <div className={`msg msg-${side} msg-${tone}${continued ? ' msg-continued' : ''}${mine ? ' msg-mine' : ''}`}>
      <div className={continued ? 'visually-hidden' : 'msg-sender'}>
        {tone === 'bot' && <span className="msg-sender-dot" aria-hidden="true" />}
        {sender}
      </div>
      <div className={`msg-bubble msg-kind-${kind}`}>{children}</div>
      {below}
    </div>
  );
}
