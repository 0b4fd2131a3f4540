// Assigning a conversation to a colleague: the team of its chatbot, who is online and how much
// each holds, found by typing a name. The one who has it now is marked; choosing them changes
// nothing. Assigning goes through withUndo, so the agent can take it back for a few seconds.
import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { handlingOf } from '../../../shared/conversation-rules';
import type { InboxConversation } from '../../../shared/view-models';
import { Button } from '../../components/ui/Button';
import { Dialog } from '../../components/ui/Dialog';
import { assignTo } from '../../store/actions/conversation';
import { withUndo } from '../../store/actions/undo';
import { useStore } from '../../store/store';
import { candidates, matching } from './team-choice';
import './assign.css';

export function AssignDialog({ conversation, open, onClose }: { conversation: InboxConversation; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const formId = useId();
  const team = useStore((s) => s.team);
  const all = useStore((s) => s.conversations);
  const me = useStore((s) => s.session?.accounts.find((a) => a.id === conversation.accountId)?.agent ?? null);
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const status = handlingOf(conversation, me?.id);
  const current = status.kind === 'mine' ? (me?.id ?? null) : status.kind === 'assigned' ? status.agentId : null;
  // Counted only while the dialog is open (a pass over the whole inbox).
  const list = useMemo(() => (open ? candidates(team, all.values(), conversation, me) : []), [open, team, all, me, conversation]);
  const shown = matching(list, query);

  const close = () => {
    setQuery('');
    setChosen(null);
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const agent = list.find((c) => c.agentId === chosen);
    if (!agent || agent.agentId === current) return close();
    setBusy(true);
    const customer = conversation.contactName;
    withUndo(conversation.key, 'assign', () => assignTo(conversation.key, agent.agentId), () =>
      agent.me ? t('assign.done.mine', { customer }) : t('assign.done.assignedTo', { customer, name: agent.name }),
    )
      .then(close, () => undefined) // a failure is shown as a toast; the dialog stays for another choice
      .finally(() => setBusy(false));
  };

  return (
    <Dialog
      open={open}
      title={t('assign.title')}
      onClose={close}
      actions={
        <>
          <Button onClick={close}>{t('common.cancel')}</Button>
          <Button type="submit" form={formId} variant="primary" disabled={busy || chosen === null || chosen === current}>
            {t('assign.submit')}
          </Button>
        </>
      }
    >
      <p className="dialog-text">{t('assign.body', { customer: conversation.contactName })}</p>
      {list.length === 0 ? (
        <p className="dialog-text">{t('assign.noTeam')}</p>
      ) : (
        <form id={formId} className="assign-form" onSubmit={submit}>
          <label className="assign-filter">
            <span className="visually-hidden">{t('assign.filter')}</span>
            <input type="search" className="input" value={query} placeholder={t('assign.filter')} autoComplete="off" autoFocus onChange={(e) => setQuery(e.target.value)} />
          </label>
          <fieldset className="assign-list">
            <legend className="visually-hidden">{t('assign.title')}</legend>
            {shown.length === 0 && <p className="dialog-text">{t('assign.noMatch')}</p>}
            {shown.map((c) => (
              <label key={c.agentId} className={`assign-option${c.agentId === chosen ? ' is-chosen' : ''}`}>
                <input type="radio" name="agent" value={c.agentId} checked={c.agentId === chosen} onChange={() => setChosen(c.agentId)} />
                <span className={`assign-dot${c.online ? ' is-online' : ''}`} aria-hidden="true" />
                <span className="assign-name">{c.me ? t('assign.you', { name: c.name }) : c.name}</span>
                <span className="assign-facts">
                  {c.online ? t('assign.online') : t('assign.offline')} · {t('assign.holds', { count: c.holds })}
                  {c.agentId === current && ` · ${t('assign.current')}`}
                </span>
              </label>
            ))}
          </fieldset>
        </form>
      )}
    </Dialog>
  );
}
