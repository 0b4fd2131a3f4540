// Sends the chatbot a custom event for this conversation, e.g. order_completed to let a flow go
// on: picked from the events this chatbot was sent before, or typed (checked as an event name),
// with optional data as a JSON object, checked before anything is sent; where data gives the
// conversation back to the bot (the account says so), the dialog says it before sending. The
// dialog stays open with everything kept when the call fails, so the agent can fix it and try again.
import { Bot } from 'lucide-react';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { lackingPermission } from '../../../shared/capabilities';
import { EventName, MAX_EVENT_PAYLOAD, parseEventPayload } from '../../../shared/custom-events';
import type { InboxConversation } from '../../../shared/view-models';
import { call } from '../../api';
import { Button } from '../../components/ui/Button';
import { Dialog } from '../../components/ui/Dialog';
import { TextAreaField, TextField } from '../../components/ui/Field';
import { canOn, grantsFor } from '../../lib/capabilities';
import { triggerEvent } from '../../store/actions/conversation';
import { useStore } from '../../store/store';
import './event-dialog.css';

type Problem = { field: 'name' | 'payload'; text: string } | null;

export function TriggerEventDialog({ conversation, open, onClose }: { conversation: InboxConversation; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const formId = useId();
  const knownId = useId();
  const [name, setName] = useState('');
  const [payload, setPayload] = useState('');
  const [known, setKnown] = useState<string[]>([]);
  const [problem, setProblem] = useState<Problem>(null);
  const [busy, setBusy] = useState(false);
  const withData = useStore((s) => canOn(s.session, conversation, 'customEvent.payload'));
  // Where data makes the event a step payload, the bot takes the conversation back: said before sending.
  const dataHandsBack = useStore((s) => s.session?.accounts.find((a) => a.id === conversation.accountId)?.eventDataHandsBack ?? false);
  const handsBack = dataHandsBack && withData && payload.trim() !== '' && conversation.status !== 'bot';
  const lacking = useStore((s) => lackingPermission(grantsFor(s.session, conversation), 'customEvent.payload'));
  const { accountId, chatbotId } = conversation;

  useEffect(() => {
    if (!open) return;
    let current = true;
    call('conversation.knownEvents', { accountId, chatbotId }).then(
      (names) => current && setKnown(names),
      () => undefined, // nothing to offer; typing works
    );
    return () => {
      current = false;
    };
  }, [open, accountId, chatbotId]);

  const close = () => {
    setProblem(null);
    onClose();
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const checked = EventName.safeParse(name);
    if (!checked.success) {
      setProblem({ field: 'name', text: name.trim() === '' ? t('conversation.event.required') : t('conversation.event.invalid') });
      return;
    }
    const data = withData ? parseEventPayload(payload) : ({ ok: true, payload: undefined } as const);
    if (!data.ok) {
      const text = { json: t('conversation.event.payloadJson'), object: t('conversation.event.payloadObject'), size: t('conversation.event.payloadSize', { max: MAX_EVENT_PAYLOAD }) }[data.reason];
      setProblem({ field: 'payload', text });
      return;
    }
    setBusy(true);
    triggerEvent(conversation.key, checked.data, data.payload)
      .then(() => {
        setName('');
        setPayload('');
        close();
      })
      .catch(() => undefined) // shown as a toast; the dialog stays for another try
      .finally(() => setBusy(false));
  };

  return (
    <Dialog
      open={open}
      title={t('conversation.event.title')}
      onClose={close}
      actions={
        <>
          <Button onClick={close}>{t('common.cancel')}</Button>
          <Button type="submit" form={formId} variant="primary" disabled={busy}>
            {handsBack ? t('conversation.event.submitHandBack') : t('conversation.event.submit')}
          </Button>
        </>
      }
    >
      <p className="dialog-text">{t('conversation.event.body')}</p>
      <form id={formId} className="event-form" onSubmit={submit} noValidate>
        <TextField
          label={t('conversation.event.label')}
          placeholder={t('conversation.event.placeholder')}
          hint={t('conversation.event.hint')}
          error={problem?.field === 'name' ? problem.text : undefined}
          value={name}
          maxLength={100}
          autoFocus
          autoComplete="off"
          spellCheck={false}
          required
          list={known.length > 0 ? knownId : undefined}
          onChange={(e) => {
            setName(e.target.value);
            if (problem?.field === 'name') setProblem(null);
          }}
        />
        {known.length > 0 && (
          <>
            <datalist id={knownId}>
              {known.map((event) => (
                <option key={event} value={event} />
              ))}
            </datalist>
            <div className="event-known" role="group" aria-label={t('conversation.event.known')}>
              <span className="event-known-label" aria-hidden="true">
                {t('conversation.event.known')}
              </span>
              {known.map((event) => (
                <button key={event} type="button" className="event-chip" aria-pressed={event === name.trim()} onClick={() => setName(event)}>
                  {event}
                </button>
              ))}
            </div>
          </>
        )}
        {withData ? (
          <TextAreaField
            label={t('conversation.event.payload')}
            hint={t('conversation.event.payloadHint')}
            error={problem?.field === 'payload' ? problem.text : undefined}
            value={payload}
            rows={3}
            spellCheck={false}
            className="event-payload"
            onChange={(e) => {
              setPayload(e.target.value);
              if (problem?.field === 'payload') setProblem(null);
            }}
          />
        ) : (
          lacking && <p className="dialog-text">{t('conversation.event.payloadNotAllowed', { permission: lacking })}</p>
        )}
        {handsBack && (
          <p className="form-warning">
            <Bot size={16} aria-hidden="true" />
            {t('conversation.event.handsBack')}
          </p>
        )}
      </form>
    </Dialog>
  );
}
