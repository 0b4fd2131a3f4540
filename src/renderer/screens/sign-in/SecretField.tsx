// A key or token field: hidden by default with a button to show it, its hint (where it will be
// kept) or the server's complaint about it, announced with the field.
import { Eye, EyeOff } from 'lucide-react';
import { useId, useState } from 'react';
import { IconButton } from '../../components/ui/Button';

interface Props {
  label: string;
  value: string;
  hint: string;
  error: string | undefined;
  showLabel: string;
  hideLabel: string;
  onChange: (value: string) => void;
  onBlur: () => void;
  /** The one field left to fill (signing in again): the cursor starts there. */
  autoFocus?: boolean;
}

export function SecretField({ label, value, hint, error, showLabel, hideLabel, onChange, onBlur, autoFocus = false }: Props) {
  const id = useId();
  const [shown, setShown] = useState(false);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="signin-secret">
        <input
          id={id}
          type={shown ? 'text' : 'password'}
          autoComplete="off"
          spellCheck={false}
          value={value}
          autoFocus={autoFocus}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : `${id}-hint`}
          onChange={(e) => onChange(e.target.value)}
          onBlur={onBlur}
        />
        <IconButton label={shown ? hideLabel : showLabel} onClick={() => setShown((v) => !v)}>
          {shown ? <EyeOff size={16} aria-hidden="true" /> : <Eye size={16} aria-hidden="true" />}
        </IconButton>
      </div>
      {error ? (
        <span id={`${id}-error`} className="field-error" role="alert">
          {error}
        </span>
      ) : (
        <span id={`${id}-hint`} className="field-hint">
          {hint}
        </span>
      )}
    </div>
  );
}
