// The conversation as a log, oldest at the top: older pages load on demand (button, or by
// scrolling to the top), day separators, each message in its bubble, then the replies still on
// their way. role="log" makes screen readers announce new messages politely.
import { AlertCircle, ArrowDown } from 'lucide-react';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { InboxConversation, OutboxItem } from '../../../shared/view-models';
import { Button } from '../../components/ui/Button';
import { Spinner } from '../../components/ui/EmptyState';
import { fullDate } from '../../lib/time';
import { loadOlder, selectConversation } from '../../store/actions/conversation';
import { describeError } from '../../store/describe-error';
import type { Thread } from '../../store/slices/threads';
import { useStore } from '../../store/store';
import { MessageBubble } from './MessageBubble';
import { OutboxBubble } from './OutboxBubble';
import { myAgentId } from './people';
import { dayName, threadRows, type ThreadRow } from './thread-rows';
import { useStickToBottom } from './use-stick-to-bottom';

const NO_OUTBOX: OutboxItem[] = [];

export function MessageList({ conversation }: { conversation: InboxConversation }) {
  const { t } = useTranslation();
  const key = conversation.key;
  const thread: Thread | undefined = useStore((s) => s.threads[key]);
  const outbox = useStore((s) => s.outbox[key] ?? NO_OUTBOX);
  const me = useStore((s) => myAgentId(s.session, conversation.accountId));
  const messages = thread?.messages;
  const rows = useMemo(() => threadRows(messages ?? [], outbox, me), [messages, outbox, me]);

  if (rows.length > 0 && thread) return <ThreadLog conversation={conversation} thread={thread} rows={rows} me={me} />;
  if (thread?.error && !thread.loading) {
    return (
      <div className="thread-state" role="alert">
        <AlertCircle size={28} aria-hidden="true" className="thread-state-error" />
        <h3>{t('conversation.thread.errorTitle')}</h3>
        <p>{describeError(thread.error)}</p>
        <Button onClick={() => void selectConversation(key)}>{t('common.retry')}</Button>
      </div>
    );
  }
  if (!thread || thread.loading) {
    return (
      <div className="thread-state" aria-busy="true">
        <Spinner label={t('conversation.thread.loading')} />
      </div>
    );
  }
  return (
    <div className="thread-state">
      <p>{t('conversation.thread.noMessages')}</p>
    </div>
  );
}

function ThreadLog({ conversation, thread, rows, me }: { conversation: InboxConversation; thread: Thread; rows: ThreadRow[]; me: string | null }) {
  const { t, i18n } = useTranslation();
  const key = conversation.key;
  const scroller = useRef<HTMLDivElement>(null);
  const content = useRef<HTMLDivElement>(null);

  const lastRow = rows.at(-1);
  const firstMessage = rows.find((r) => r.kind === 'message' || r.kind === 'outbox');
  const edges = useMemo(
    () => ({
      first: firstMessage?.key ?? null,
      last: lastRow?.key ?? null,
      lastIsMine: lastRow?.kind === 'outbox' || (lastRow?.kind === 'message' && lastRow.message.sender === 'agent' && lastRow.message.agentId === me),
    }),
    [firstMessage, lastRow, me],
  );

  const { hasOlder, loadingOlder } = thread;
  const onNearTop = useCallback(() => {
    if (hasOlder && !loadingOlder) void loadOlder(key);
  }, [hasOlder, loadingOlder, key]);
  const { hasNew, scrollToBottom, onScroll } = useStickToBottom(scroller, content, edges, onNearTop);

  // A short thread does not fill the pane, so there is no scrolling to the top: load on.
  useEffect(() => {
    const el = scroller.current;
    if (el && !thread.loading && el.scrollHeight <= el.clientHeight) onNearTop();
  }, [rows, thread.loading, onNearTop]);

  const dayLabel = (iso: string) => {
    const name = dayName(iso);
    return name === 'other' ? fullDate(iso, i18n.language) : t(`conversation.thread.${name}`);
  };

  return (
    <div className="thread">
      {thread.error && !thread.loading && (
        <div className="thread-banner" role="alert">
          <AlertCircle size={15} aria-hidden="true" />
          <span>{t('conversation.thread.refreshFailed', { message: describeError(thread.error) })}</span>
          <Button small variant="ghost" onClick={() => void selectConversation(key)}>
            {t('common.retry')}
          </Button>
        </div>
      )}
      <div
        ref={scroller}
        className="thread-scroller"
        role="log"
        aria-live="polite"
        aria-label={t('conversation.thread.label', { name: conversation.contactName })}
        aria-busy={thread.loadingOlder || undefined}
        tabIndex={0}
        onScroll={onScroll}
      >
        <div ref={content} className="thread-content">
          <div className="thread-top">
            {thread.hasOlder ? (
              <Button small variant="ghost" disabled={thread.loadingOlder} onClick={() => void loadOlder(key)}>
                {thread.loadingOlder && <Spinner label={t('conversation.thread.loadingOlder')} />}
                {thread.loadingOlder ? t('conversation.thread.loadingOlder') : t('conversation.thread.loadOlder')}
              </Button>
            ) : (
              <span className="thread-start">{t('conversation.thread.start')}</span>
            )}
          </div>
          {rows.map((row) => {
            if (row.kind === 'day') {
              const label = dayLabel(row.iso);
              return (
                <div key={row.key} className="thread-day" role="separator" aria-label={label}>
                  <span aria-hidden="true">{label}</span>
                </div>
              );
            }
            if (row.kind === 'message') {
              return <MessageBubble key={row.key} conversation={conversation} message={row.message} continued={row.continued} me={me} picked={row.picked} />;
            }
            return <OutboxBubble key={row.key} conversation={conversation} item={row.item} continued={row.continued} />;
          })}
        </div>
      </div>
      {hasNew && (
        <button type="button" className="thread-new-pill" onClick={() => scrollToBottom(true)}>
          {t('conversation.thread.newMessages')}
          <ArrowDown size={14} aria-hidden="true" />
        </button>
      )}
    </div>
  );
}
