// Sends a custom event to the chatbot for this conversation (ChatCaptain's custom-event), e.g.
// order_completed to let a flow continue. The name is required; the dialog stays open with the
// name kept when the call fails, so the agent can fix it and try again.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/ui/Button';
import { Dialog } from '../../components/ui/Dialog';
import { TextField } from '../../components/ui/Field';
import { triggerEvent } from '../../store/actions/conversation';

export function TriggerEventDialog({ conversationKey, open, onClose }: { conversationKey: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const formId = useId();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  const close = () => {
    setError(undefined);
    onClose();
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const event = name.trim();
    if (event === '') {
      setError(t('conversation.event.required'));
      return;
    }
    setBusy(true);
    triggerEvent(conversationKey, event)
      .then(() => {
        setName('');
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
            {t('conversation.event.submit')}
          </Button>
        </>
      }
    >
      <p className="dialog-text">{t('conversation.event.body')}</p>
      <form id={formId} onSubmit={submit} noValidate>
        <TextField
          label={t('conversation.event.label')}
          placeholder={t('conversation.event.placeholder')}
          hint={t('conversation.event.hint')}
          error={error}
          value={name}
          maxLength={200}
          autoFocus
          autoComplete="off"
          spellCheck={false}
          required
          onChange={(e) => {
            setName(e.target.value);
            if (error) setError(undefined);
          }}
        />
      </form>
    </Dialog>
  );
}
