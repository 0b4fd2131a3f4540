// Where the key will rest, when that is not the OS keychain: nowhere at all (no sign-in with a
// key here), or only obfuscated, which the agent must agree to. After the server refused to store
// it without that consent, ticking the box is all that was missing: `onAllow` sends again.
import { TriangleExclamationPoint } from 'lucide-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store/store';

interface Props {
  /** The server refused to store the key without consent. */
  asked: boolean;
  allowed: boolean;
  onAllow: (allowed: boolean) => void;
}

export function useCannotStore(): boolean {
  return useStore((s) => s.session?.vault.encryption ?? 'os') === 'unavailable';
}

export function StorageConsent({ asked, allowed, onAllow }: Props) {
  const { t } = useTranslation();
  const encryption = useStore((s) => s.session?.vault.encryption ?? 'os');
  const id = useId();
  if (encryption === 'unavailable') {
    return (
      <div className="signin-notice signin-notice-danger">
        <TriangleExclamationPoint size={16} aria-hidden="true" />
        <p>{t('signIn.errors.weakUnavailable')}</p>
      </div>
    );
  }
  if (encryption !== 'basic_text' && !asked) return null;
  return (
    <div className={`signin-notice${asked ? ' signin-notice-danger' : ''}`}>
      <TriangleExclamationPoint size={16} aria-hidden="true" />
      <div>
        {/* Keyed so that the server's refusal is announced even if the warning was already shown. */}
        <p key={asked ? 'asked' : 'upfront'} role={asked ? 'alert' : undefined}>
          {t('signIn.errors.weakBasic')}
        </p>
        <label className="signin-check" htmlFor={id}>
          <input id={id} type="checkbox" checked={allowed} onChange={(e) => onAllow(e.target.checked)} />
          <span>{t('signIn.form.allowPlainText')}</span>
        </label>
      </div>
    </div>
  );
}
