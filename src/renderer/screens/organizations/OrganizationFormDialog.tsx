// Create or edit an organization. Every field is checked before sending (a field's message shows
// once it was left or a save was tried); if the server still refuses, its reason is shown above
// the buttons and the input stays as typed.
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organization } from '../../../shared/domain';
import { call } from '../../api';
import { Button } from '../../components/ui/Button';
import { Dialog } from '../../components/ui/Dialog';
import { TextField } from '../../components/ui/Field';
import { toast } from '../../store/actions/feedback';
import { describeError } from '../../store/describe-error';
import {
  emptyForm,
  formFields,
  formFromOrganization,
  hasErrors,
  maxLength,
  toCreateFields,
  toUpdateFields,
  validateOrganizationForm,
  type FormField,
  type OrganizationFormValues,
} from './organization-form';
import type { Target } from './use-organization-directory';
import './organization-form.css';

export function OrganizationFormDialog({
  target,
  original,
  onClose,
  onSaved,
}: {
  target: Target;
  /** The organization being edited; creates a new one without. */
  original: Organization | undefined;
  onClose: () => void;
  onSaved: (organization: Organization) => void;
}) {
  const { t } = useTranslation();
  const formId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<OrganizationFormValues>(() => (original ? formFromOrganization(original) : emptyForm));
  const [visited, setVisited] = useState<ReadonlySet<FormField>>(new Set());
  const [tried, setTried] = useState(false);
  const [saving, setSaving] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);

  const errors = validateOrganizationForm(values);
  const errorFor = (field: FormField) => {
    const code = errors[field];
    if (!code || !(tried || visited.has(field))) return undefined;
    return t(`organizations.form.errors.${code}`, { max: maxLength[field] });
  };

  const bind = (field: FormField) => ({
    name: field,
    value: values[field],
    error: errorFor(field),
    onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: e.target.value })),
    onBlur: () => setVisited((s) => (s.has(field) ? s : new Set(s).add(field))),
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    setTried(true);
    setRefused(null);
    if (hasErrors(errors)) {
      // Take the agent to the first problem; its message is announced with it.
      const first = formFields.find((f) => errors[f]);
      formRef.current?.querySelector<HTMLInputElement>(`[name="${first}"]`)?.focus();
      return;
    }
    setSaving(true);
    try {
      let saved: Organization;
      if (original) {
        const fields = toUpdateFields(values, original);
        if (Object.keys(fields).length === 0) {
          toast(t('organizations.done.unchanged'), 'info');
          onClose();
          return;
        }
        saved = await call('organizations.update', { ...target, organizationId: original.id, fields });
        toast(t('organizations.done.updated', { name: saved.name }), 'info');
      } else {
        saved = await call('organizations.create', { ...target, fields: toCreateFields(values) });
        toast(t('organizations.done.created', { name: saved.name }), 'info');
      }
      onSaved(saved);
    } catch (error) {
      setRefused(describeError(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Dialog
      open
      title={original ? t('organizations.form.editTitle') : t('organizations.form.createTitle')}
      onClose={onClose}
      actions={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button variant="primary" type="submit" form={formId} aria-disabled={saving || undefined}>
            {saving ? t('organizations.form.saving') : original ? t('organizations.form.save') : t('organizations.form.create')}
          </Button>
        </>
      }
    >
      <form id={formId} ref={formRef} className="org-form" noValidate onSubmit={(e) => void submit(e)}>
        <p className="org-form-hint">{t('organizations.form.requiredHint')}</p>
        <TextField label={`${t('organizations.fields.name')} *`} required autoComplete="organization" maxLength={250} {...bind('name')} />
        <div className="org-form-row">
          <TextField label={t('organizations.fields.email')} type="email" autoComplete="off" {...bind('email')} />
          <TextField label={t('organizations.fields.phoneNumber')} type="tel" autoComplete="off" hint={t('organizations.form.phoneHint')} {...bind('phoneNumber')} />
        </div>
        <TextField label={t('organizations.fields.website')} type="url" autoComplete="off" hint={t('organizations.form.websiteHint')} {...bind('website')} />
        <div className="org-form-row">
          <TextField label={t('organizations.fields.industry')} autoComplete="off" {...bind('industry')} />
          <TextField label={t('organizations.fields.size')} inputMode="numeric" autoComplete="off" hint={t('organizations.form.sizeHint')} {...bind('size')} />
        </div>
        {refused && (
          <p className="org-form-refused" role="alert">
            {refused}
          </p>
        )}
      </form>
    </Dialog>
  );
}
