// What the agent can do with the conversation, as the account's platform offers it and the key
// allows: take it (from a colleague only after a confirmation naming them), assign it to a
// colleague, hand it back to the bot, archive it, send the chatbot an event. Taking, handing
// back and archiving can be undone for a few seconds. Buttons shrink to their icons when the
// pane is narrow (their names stay for screen readers and tooltips).
import { Archive, ArchiveRestore, Bot, UserCheck, UserPlus, Zap } from 'lucide-react';
import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { Handling } from '../../../shared/conversation-rules';
import type { InboxConversation } from '../../../shared/view-models';
import { Button } from '../../components/ui/Button';
import { ConfirmDialog } from '../../components/ui/Dialog';
import { canOn } from '../../lib/capabilities';
import { useFocusAfter } from '../../lib/focus-after';
import { assignToMe, handBack } from '../../store/actions/conversation';
import { toggleArchived, withUndo } from '../../store/actions/undo';
import { useStore } from '../../store/store';
import { AssignDialog } from '../assign/AssignDialog';
import { focusList } from '../inbox/inbox-actions';
import { agentName } from './people';
import { TriggerEventDialog } from './TriggerEventDialog';

type Busy = 'assign' | 'handBack' | 'archive' | null;
type Open = 'takeOver' | 'handBack' | 'assign' | 'event' | null;

/** The conversation's actions the account's platform offers and its key allows. */
export function useOffered(conversation: InboxConversation) {
  return useStore(
    useShallow((s) => ({
      assign: canOn(s.session, conversation, 'assign'),
      handBack: canOn(s.session, conversation, 'handBack'),
      archive: canOn(s.session, conversation, 'archive'),
      customEvent: canOn(s.session, conversation, 'customEvent'),
    })),
  );
}

function Action({ icon, label, ...rest }: { icon: ReactNode; label: string } & Parameters<typeof Button>[0]) {
  return (
    <Button small icon={icon} title={label} {...rest}>
      <span className="btn-label">{label}</span>
    </Button>
  );
}

export function ConversationActions({ conversation, status }: { conversation: InboxConversation; status: Handling }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<Busy>(null);
  const [open, setOpen] = useState<Open>(null);
  const offered = useOffered(conversation);
  // Taking a conversation removes "Assign to me", handing it back "Hand back to bot": the keyboard
  // goes to the list, where j/k go on to the next one and r answers this one.
  const group = useRef<HTMLDivElement>(null);
  const focusNext = useFocusAfter<void>(focusList, group);
  const holder = useStore((s) => (status.kind === 'assigned' ? agentName(s.session, s.team, conversation.accountId, status.agentId) : null));
  const key = conversation.key;
  const customer = conversation.contactName;
  const holderName = holder ?? t('conversation.sender.agent');

  const run = (which: Exclude<Busy, null>, action: () => Promise<unknown>) => {
    setBusy(which);
    action()
      .then(() => focusNext())
      .catch(() => undefined) // already shown as a toast
      .finally(() => setBusy(null));
  };
  const take = () => run('assign', () => withUndo(key, 'assign', () => assignToMe(key), () => t('assign.done.mine', { customer })));
  const giveBack = () => run('handBack', () => withUndo(key, 'handBack', () => handBack(key), () => t('assign.done.handedBack', { customer })));
  const archive = () => run('archive', () => toggleArchived(conversation));

  if (!offered.assign && !offered.handBack && !offered.archive && !offered.customEvent) return null;
  return (
    <div ref={group} className="conversation-actions" role="group" aria-label={t('conversation.header.actions')}>
      {offered.assign && status.kind !== 'mine' && (
        <Action
          variant="primary"
          className="conversation-primary"
          icon={<UserCheck size={15} aria-hidden="true" />}
          label={t('conversation.header.assignToMe')}
          disabled={busy === 'assign'}
          onClick={() => (status.kind === 'assigned' ? setOpen('takeOver') : take())}
        />
      )}
      {offered.assign && <Action icon={<UserPlus size={15} aria-hidden="true" />} label={t('assign.open')} onClick={() => setOpen('assign')} />}
      {offered.handBack && (status.kind === 'mine' || status.kind === 'assigned' || status.kind === 'waiting') && (
        <Action icon={<Bot size={15} aria-hidden="true" />} label={t('conversation.header.handBack')} disabled={busy === 'handBack'} onClick={() => setOpen('handBack')} />
      )}
      {offered.archive && (
        <Action
          icon={conversation.archived ? <ArchiveRestore size={15} aria-hidden="true" /> : <Archive size={15} aria-hidden="true" />}
          label={conversation.archived ? t('conversation.header.unarchive') : t('conversation.header.archive')}
          disabled={busy === 'archive'}
          onClick={archive}
        />
      )}
      {offered.customEvent && <Action variant="ghost" icon={<Zap size={15} aria-hidden="true" />} label={t('conversation.header.triggerEvent')} onClick={() => setOpen('event')} />}
      <ConfirmDialog
        open={open === 'takeOver'}
        title={t('assign.takeOver.title', { name: holderName })}
        body={t('assign.takeOver.body', { name: holderName, customer })}
        confirmLabel={t('assign.takeOver.confirm', { name: holderName })}
        busy={busy === 'assign'}
        onCancel={() => setOpen(null)}
        onConfirm={() => {
          setOpen(null);
          take();
        }}
      />
      <ConfirmDialog
        open={open === 'handBack'}
        title={t('conversation.handBack.title')}
        body={t('conversation.handBack.body', { name: customer })}
        confirmLabel={t('conversation.handBack.confirm')}
        busy={busy === 'handBack'}
        onCancel={() => setOpen(null)}
        onConfirm={() => {
          setOpen(null);
          giveBack();
        }}
      />
      {offered.assign && <AssignDialog conversation={conversation} open={open === 'assign'} onClose={() => setOpen(null)} />}
      {offered.customEvent && <TriggerEventDialog conversation={conversation} open={open === 'event'} onClose={() => setOpen(null)} />}
    </div>
  );
}
