// A reply on its way: shown where it will land, as the agent's bubble, with its state — sending,
// failed (with why, and Retry), or sent and waiting for the server's message to replace it.
import { AlertCircle, Check, Clock } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InboxConversation, OutboxItem } from '../../../shared/view-models';
import { Button } from '../../components/ui/Button';
import { clockTime, dateTime } from '../../lib/time';
import { UiError } from '../../api';
import { retryReply } from '../../store/actions/conversation';
import { describeError } from '../../store/describe-error';
import { useStore } from '../../store/store';
import { BubbleFrame } from './MessageBubble';
import { TextContent } from './messages/TextContent';

export function OutboxBubble({ conversation, item, continued }: { conversation: InboxConversation; item: OutboxItem; continued: boolean }) {
  const { t, i18n } = useTranslation();
  const myName = useStore((s) => s.session?.accounts.find((a) => a.id === conversation.accountId)?.agent.name ?? null);
  const [retrying, setRetrying] = useState(false);
  const iso = new Date(item.createdAt).toISOString();
  const retry = () => {
    setRetrying(true);
    retryReply(item.clientMessageId)
      .catch(() => undefined) // shown as a toast
      .finally(() => setRetrying(false));
  };
  return (
    <BubbleFrame
      side="right"
      tone="agent"
      kind="text"
      continued={continued}
      sender={myName ?? t('conversation.sender.agent')}
      mine
      below={
        item.state === 'failed' && (
          <div className="msg-failed" role="alert">
            <AlertCircle size={14} aria-hidden="true" />
            <span>{item.errorCode ? t('conversation.outbox.failedWith', { error: describeError(new UiError({ code: item.errorCode, message: item.lastError ?? '' })) }) : t('conversation.outbox.failed')}</span>
            <Button small onClick={retry} disabled={retrying}>
              {t('conversation.outbox.retry')}
            </Button>
          </div>
        )
      }
    >
      <div className={`msg-outbox msg-outbox-${item.state}`}>
        <TextContent text={item.text} />
        <footer className="msg-footer">
          {item.state === 'pending' && (
            <span className="msg-state">
              <Clock size={12} aria-hidden="true" />
              {t('conversation.outbox.sending')}
            </span>
          )}
          {item.state === 'sent' && (
            <span className="msg-state">
              <Check size={12} aria-hidden="true" />
              {t('conversation.outbox.sent')}
            </span>
          )}
          <time dateTime={iso} title={dateTime(iso, i18n.language)}>
            {clockTime(iso, i18n.language)}
          </time>
        </footer>
      </div>
    </BubbleFrame>
  );
}
