// "Create version": name, description and the environment it is made for. Test and prod versions
// go live there at once (the server deploys them on creation), so the dialog says so.
import { AlertTriangle } from 'lucide-react';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Version } from '../../../shared/domain';
import { call } from '../../api';
import { Button } from '../../components/ui/Button';
import { Dialog } from '../../components/ui/Dialog';
import { TextAreaField, TextField } from '../../components/ui/Field';
import { describeError } from '../../store/describe-error';
import type { Target } from '../organizations/use-organization-directory';
import { emptyVersionForm, toCreateVersion, validateVersionForm, versionLimits, type VersionFormValues } from './version-form';

const environments: Version['environment'][] = ['dev', 'test', 'prod'];

export function CreateVersionDialog({ target, onClose, onCreated }: { target: Target; onClose: () => void; onCreated: (version: Version) => void }) {
  const { t } = useTranslation();
  const formId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<VersionFormValues>(emptyVersionForm);
  const [tried, setTried] = useState(false);
  const [saving, setSaving] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);

  const errors = validateVersionForm(values);
  const message = (field: 'name' | 'description') => {
    const code = errors[field];
    return code && tried ? t(`versions.form.errors.${code}`, { max: versionLimits[field] }) : undefined;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    setTried(true);
    setRefused(null);
    if (errors.name || errors.description) {
      formRef.current?.querySelector<HTMLElement>(errors.name ? '[name="name"]' : '[name="description"]')?.focus();
      return;
    }
    setSaving(true);
    try {
      onCreated(await call('versions.create', { ...target, ...toCreateVersion(values) }));
    } catch (error) {
      setRefused(describeError(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Dialog
      open
      title={t('versions.form.title')}
      onClose={onClose}
      actions={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button variant="primary" type="submit" form={formId} aria-disabled={saving || undefined}>
            {saving ? t('versions.form.saving') : t('versions.form.submit')}
          </Button>
        </>
      }
    >
      <form id={formId} ref={formRef} className="version-form" noValidate onSubmit={(e) => void submit(e)}>
        <TextField
          name="name"
          label={`${t('versions.form.name')} *`}
          required
          autoComplete="off"
          placeholder={t('versions.form.namePlaceholder')}
          value={values.name}
          error={message('name')}
          onChange={(e) => setValues((v) => ({ ...v, name: e.target.value }))}
        />
        <TextAreaField
          name="description"
          label={t('versions.form.description')}
          hint={t('versions.form.descriptionHint')}
          rows={3}
          value={values.description}
          error={message('description')}
          onChange={(e) => setValues((v) => ({ ...v, description: e.target.value }))}
        />
        <fieldset className="choice-group version-envs">
          <legend>{t('versions.form.environment')}</legend>
          {environments.map((env) => (
            <label key={env} className="version-env-option">
              <input
                type="radio"
                name="environment"
                value={env}
                checked={values.environment === env}
                onChange={() => setValues((v) => ({ ...v, environment: env }))}
              />
              <span>
                <strong>{t(`versions.form.${env}Label`)}</strong>
                <span className="version-env-hint">{t(`versions.form.${env}Hint`)}</span>
              </span>
            </label>
          ))}
        </fieldset>
        {values.environment === 'prod' && (
          <p className="form-warning">
            <AlertTriangle size={16} aria-hidden="true" />
            {t('versions.form.prodWarning')}
          </p>
        )}
        {refused && (
          <p className="version-refused" role="alert">
            {refused}
          </p>
        )}
      </form>
    </Dialog>
  );
}
