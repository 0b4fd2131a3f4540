// The end of a sign-in form, the same for every platform: a problem that belongs to no field,
// then Cancel (when adding an account from Settings) and the submit button with its busy state.
import { TriangleExclamationPoint } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/ui/Button';

interface Props {
  /** The problem that belongs to no field, if any. */
  problem: string | null;
  /** Settings' "add an account" has a way back. */
  onCancel?: (() => void) | undefined;
  busy: boolean;
  disabled: boolean;
  label: string;
}

export function SignInFooter({ problem, onCancel, busy, disabled, label }: Props) {
  const { t } = useTranslation();
  return (
    <>
      {problem !== null && (
        <div className="signin-notice signin-notice-danger" role="alert">
          <TriangleExclamationPoint size={16} aria-hidden="true" />
          <p>{problem}</p>
        </div>
      )}
      <div className="signin-actions">
        {onCancel && (
          <Button onClick={onCancel} disabled={busy}>
            {t('signIn.form.cancel')}
          </Button>
        )}
        <Button type="submit" variant="primary" disabled={busy || disabled}>
          {busy && <span className="spinner signin-btn-spinner" aria-hidden="true" />}
          {label}
        </Button>
      </div>
    </>
  );
}

/** A field's message: what the form finds wrong once the field was left, else the server's complaint about it. */
export function fieldMessage(local: string | undefined, touched: boolean | undefined, name: string, problem: { field?: string; text: string } | null): string | undefined {
  if (local && touched) return local;
  if (problem && problem.field === name) return problem.text;
  return undefined;
}
