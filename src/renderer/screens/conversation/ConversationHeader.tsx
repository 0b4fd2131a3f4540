// Who the agent is talking to, where, and what state the conversation is in — with what the
// agent can do about it. Each button is disabled while its call runs; failures become toasts
// (the store's `attempt`), so here they are only swallowed.
import { Archive, ArchiveRestore, Bot, UserCheck, Zap } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { handlingOf } from '../../../shared/conversation-rules';
import type { InboxConversation } from '../../../shared/view-models';
import { Button } from '../../components/ui/Button';
import { canOn } from '../../lib/capabilities';
import { ConfirmDialog } from '../../components/ui/Dialog';
import { assignToMe, handBack, setArchived } from '../../store/actions/conversation';
import { useStore } from '../../store/store';
import { StatusChip } from './StatusChip';
import { TriggerEventDialog } from './TriggerEventDialog';
import { myAgentId } from './people';

type Busy = 'assign' | 'handBack' | 'archive' | null;

/** The conversation's actions the account's platform offers and its key allows. */
function useOffered(conversation: InboxConversation) {
  return useStore(
    useShallow((s) => ({
      assign: canOn(s.session, conversation, 'assign'),
      handBack: canOn(s.session, conversation, 'handBack'),
      archive: canOn(s.session, conversation, 'archive'),
      customEvent: canOn(s.session, conversation, 'customEvent'),
    })),
  );
}

export function ConversationHeader({ conversation }: { conversation: InboxConversation }) {
  const { t } = useTranslation();
  const me = useStore((s) => myAgentId(s.session, conversation.accountId));
  const [busy, setBusy] = useState<Busy>(null);
  const [confirmHandBack, setConfirmHandBack] = useState(false);
  const [eventOpen, setEventOpen] = useState(false);
  const key = conversation.key;
  const status = handlingOf(conversation, me);
  const offered = useOffered(conversation);
  const anyAction = offered.assign || offered.handBack || offered.archive || offered.customEvent;

  const run = (which: Exclude<Busy, null>, action: () => Promise<unknown>) => {
    setBusy(which);
    action()
      .catch(() => undefined) // already shown as a toast
      .finally(() => setBusy(null));
  };

  return (
    <header className="conversation-header">
      <div className="conversation-title">
        <h2>{conversation.contactName}</h2>
        <dl className="conversation-meta">
          <dt className="visually-hidden">{t('conversation.header.channel')}</dt>
          <dd>
            {conversation.channelName}
            {conversation.contactHandle && (
              <>
                {' · '}
                <span className="conversation-provider">{conversation.contactHandle}</span>
              </>
            )}
          </dd>
          <dt className="visually-hidden">{t('conversation.header.chatbot')}</dt>
          <dd>
            <Bot size={13} aria-hidden="true" /> {conversation.chatbotName}
          </dd>
        </dl>
        <div className="conversation-chips">
          <StatusChip conversation={conversation} status={status} />
          {conversation.archived && <span className="badge">{t('conversation.status.archived')}</span>}
        </div>
      </div>
      {anyAction && (
      <div className="conversation-actions" role="group" aria-label={t('conversation.header.actions')}>
        {offered.assign && status.kind !== 'mine' && (
          <Button small variant="primary" icon={<UserCheck size={15} aria-hidden="true" />} disabled={busy === 'assign'} onClick={() => run('assign', () => assignToMe(key))}>
            {t('conversation.header.assignToMe')}
          </Button>
        )}
        {offered.handBack && (status.kind === 'mine' || status.kind === 'assigned' || status.kind === 'waiting') && (
          <Button small icon={<Bot size={15} aria-hidden="true" />} disabled={busy === 'handBack'} onClick={() => setConfirmHandBack(true)}>
            {t('conversation.header.handBack')}
          </Button>
        )}
        {offered.archive && (
          <Button
            small
            icon={conversation.archived ? <ArchiveRestore size={15} aria-hidden="true" /> : <Archive size={15} aria-hidden="true" />}
            disabled={busy === 'archive'}
            onClick={() => run('archive', () => setArchived(key, !conversation.archived))}
          >
            {conversation.archived ? t('conversation.header.unarchive') : t('conversation.header.archive')}
          </Button>
        )}
        {offered.customEvent && (
          <Button small variant="ghost" icon={<Zap size={15} aria-hidden="true" />} onClick={() => setEventOpen(true)}>
            {t('conversation.header.triggerEvent')}
          </Button>
        )}
      </div>
      )}
      <ConfirmDialog
        open={confirmHandBack}
        title={t('conversation.handBack.title')}
        body={t('conversation.handBack.body', { name: conversation.contactName })}
        confirmLabel={t('conversation.handBack.confirm')}
        busy={busy === 'handBack'}
        onCancel={() => setConfirmHandBack(false)}
        onConfirm={() => {
          setConfirmHandBack(false);
          run('handBack', () => handBack(key));
        }}
      />
      <TriggerEventDialog conversationKey={key} open={eventOpen} onClose={() => setEventOpen(false)} />
    </header>
  );
}
