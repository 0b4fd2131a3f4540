// Creating or editing a saved reply: its shortcut (what follows "/"), a title, and its text in
// German, English or both, with the variables it may hold listed. Checked as main checks it.
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { replyVariables, type SavedReply } from '../../../shared/saved-replies';
import { Button } from '../../components/ui/Button';
import { Dialog } from '../../components/ui/Dialog';
import { TextAreaField, TextField } from '../../components/ui/Field';
import { toast } from '../../store/actions/feedback';
import { saveReply } from '../../store/actions/replies';
import { emptyReplyForm, formOf, validateReplyForm, type ReplyForm, type ReplyFormErrors } from './reply-form';

export function ReplyFormDialog({ open, reply, onClose }: { open: boolean; reply: SavedReply | null; onClose: () => void }) {
  const { t } = useTranslation();
  const formId = useId();
  const [form, setForm] = useState<ReplyForm>(emptyReplyForm);
  const [errors, setErrors] = useState<ReplyFormErrors>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open) return;
    setForm(reply ? formOf(reply) : emptyReplyForm);
    setErrors({});
  }, [open, reply]);

  const set = (field: keyof ReplyForm) => (value: string) => {
    setForm((f) => ({ ...f, [field]: value }));
    setErrors((e) => ({ ...e, [field === 'de' || field === 'en' ? 'text' : field]: undefined }));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = validateReplyForm(form);
    if ('errors' in checked) return setErrors(checked.errors);
    setBusy(true);
    saveReply(checked.fields, reply?.id)
      .then(() => {
        toast(t('replies.saved', { shortcut: checked.fields.shortcut }), 'info');
        onClose();
      })
      .catch(() => undefined) // shown as a toast (a taken shortcut, say); the form stays
      .finally(() => setBusy(false));
  };
  const variables = replyVariables.map((v) => `{${v}}`).join(', ');

  return (
    <Dialog
      open={open}
      title={reply ? t('replies.form.editTitle', { shortcut: reply.shortcut }) : t('replies.form.newTitle')}
      onClose={onClose}
      actions={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" form={formId} variant="primary" disabled={busy}>
            {t('replies.form.save')}
          </Button>
        </>
      }
    >
      <form id={formId} className="reply-form" onSubmit={submit} noValidate>
        <TextField
          label={t('replies.form.shortcut')}
          hint={t('replies.form.shortcutHint')}
          error={errors.shortcut && t('replies.form.errors.shortcut')}
          value={form.shortcut}
          maxLength={40}
          autoFocus
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => set('shortcut')(e.target.value)}
        />
        <TextField label={t('replies.form.title')} error={errors.title && t('replies.form.errors.title')} value={form.title} maxLength={200} onChange={(e) => set('title')(e.target.value)} />
        <TextAreaField
          label={t('replies.form.textDe')}
          hint={t('replies.form.textHint', { variables })}
          error={errors.text && t('replies.form.errors.text')}
          value={form.de}
          rows={4}
          lang="de"
          onChange={(e) => set('de')(e.target.value)}
        />
        <TextAreaField label={t('replies.form.textEn')} value={form.en} rows={4} lang="en" onChange={(e) => set('en')(e.target.value)} />
      </form>
    </Dialog>
  );
}
