// "Connect your ChatCaptain workspace": base URL, API key and chatbot ids, checked field by field
// before anything is sent, then the server's verdict next to the field it is about. Used on the
// first screen and in Settings to add another account. What the agent typed survives any error.
import { Eye, EyeOff, TriangleExclamationPoint } from 'lucide-react';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { UiError } from '../../api';
import { Button, IconButton } from '../../components/ui/Button';
import { TextAreaField, TextField } from '../../components/ui/Field';
import { signIn } from '../../store/actions/session';
import { describeError } from '../../store/describe-error';
import { useStore } from '../../store/store';
import {
  classifySignInError,
  hostOf,
  normalizeBaseUrl,
  parseChatbotIds,
  validateSignIn,
  type FieldName,
  type SignInFields,
  type SignInProblem,
} from './sign-in-form';
import './sign-in.css';

interface Props {
  /** 'first': the sign-in screen; 'add': another account, from Settings (with Cancel). */
  mode: 'first' | 'add';
  /** Another action on the page is busy (the demo opening): don't start a second one. */
  blocked?: boolean;
  onBusyChange?: (busy: boolean) => void;
  onAdded?: (host: string) => void;
  onCancel?: () => void;
}

type Shown = SignInProblem & { text: string };

const empty: SignInFields = { baseUrl: '', key: '', chatbots: '' };

export function SignInForm({ mode, blocked = false, onBusyChange, onAdded, onCancel }: Props) {
  const { t } = useTranslation();
  const encryption = useStore((s) => s.session?.vault.encryption ?? 'os');
  const [fields, setFields] = useState<SignInFields>(empty);
  const [touched, setTouched] = useState<Partial<Record<FieldName, boolean>>>({});
  const [submits, setSubmits] = useState(0);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Shown | null>(null);
  const [allowPlain, setAllowPlain] = useState(false);
  const [showKey, setShowKey] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const titleId = useId();
  const keyId = useId();
  const allowId = useId();

  const invalid = validateSignIn(fields);
  const weakAsked = problem?.kind === 'weakEncryption';
  const cannotStore = encryption === 'unavailable';

  // After a submit that failed, move to the first field that needs attention, or to the consent
  // checkbox when the key could only be stored obfuscated.
  useEffect(() => {
    if (submits === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], .signin-notice-danger input')?.focus();
  }, [submits]);

  const setBusyBoth = (value: boolean) => {
    setBusy(value);
    onBusyChange?.(value);
  };

  const describe = (p: SignInProblem, error: unknown): string => {
    switch (p.kind) {
      case 'unauthorized':
        return t('signIn.errors.unauthorized');
      case 'chatbotForbidden':
      case 'chatbotNotFound':
        return t(`signIn.errors.${p.kind}`, { chatbot: p.chatbot });
      case 'unreachable':
      case 'notChatCaptain':
      case 'redirected':
        return t(`signIn.errors.${p.kind}`, { host: p.host });
      case 'weakEncryption':
        return cannotStore ? t('signIn.errors.weakUnavailable') : t('signIn.errors.weakBasic');
      case 'other':
        return describeError(error);
    }
  };

  const submit = async (allowPlainTextStorage: boolean) => {
    const baseUrl = normalizeBaseUrl(fields.baseUrl);
    if (Object.keys(invalid).length > 0 || baseUrl === null) {
      setTouched({ baseUrl: true, key: true, chatbots: true });
      setSubmits((n) => n + 1);
      return;
    }
    if (cannotStore || busy || blocked) return;
    setBusyBoth(true);
    setProblem(null);
    try {
      await signIn({ baseUrl, key: fields.key.trim(), chatbotIds: parseChatbotIds(fields.chatbots), allowPlainTextStorage });
      setBusyBoth(false);
      if (mode === 'add') {
        setFields(empty);
        setTouched({});
        setAllowPlain(false);
      }
      onAdded?.(hostOf(baseUrl));
    } catch (error) {
      const classified: SignInProblem =
        error instanceof UiError ? classifySignInError({ code: error.code, message: error.message, permission: error.permission }, fields) : { kind: 'other' };
      setProblem({ ...classified, text: describe(classified, error) });
      setBusyBoth(false);
      setSubmits((n) => n + 1);
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit(allowPlain);
  };

  const update = (name: FieldName, value: string) => {
    setFields((f) => ({ ...f, [name]: value }));
    // The server's complaint about this field no longer applies once it is changed.
    if (problem && 'field' in problem && problem.field === name) setProblem(null);
  };

  const errorFor = (name: FieldName): string | undefined => {
    const local = invalid[name];
    if (local && touched[name]) return t(`signIn.validation.${local}`);
    if (problem && 'field' in problem && problem.field === name) return problem.text;
    return undefined;
  };

  const keyError = errorFor('key');
  const keyDescribedBy = keyError ? `${keyId}-error` : `${keyId}-hint`;
  const showWeakBox = !cannotStore && (encryption === 'basic_text' || weakAsked);

  return (
    <form ref={formRef} className="signin-form" noValidate aria-labelledby={titleId} aria-busy={busy || undefined} onSubmit={onSubmit}>
      <div className="signin-form-head">
        <h2 id={titleId}>{mode === 'first' ? t('signIn.form.title') : t('signIn.form.addTitle')}</h2>
        <p>{t('signIn.form.intro')}</p>
      </div>

      <TextField
        label={t('signIn.form.baseUrl')}
        hint={t('signIn.form.baseUrlHint')}
        error={errorFor('baseUrl')}
        type="url"
        inputMode="url"
        autoComplete="url"
        spellCheck={false}
        placeholder="https://"
        value={fields.baseUrl}
        onChange={(e) => update('baseUrl', e.target.value)}
        onBlur={() => setTouched((s) => ({ ...s, baseUrl: true }))}
      />

      <div className="field">
        <label htmlFor={keyId}>{t('signIn.form.key')}</label>
        <div className="signin-secret">
          <input
            id={keyId}
            type={showKey ? 'text' : 'password'}
            autoComplete="off"
            spellCheck={false}
            value={fields.key}
            aria-invalid={keyError ? true : undefined}
            aria-describedby={keyDescribedBy}
            onChange={(e) => update('key', e.target.value)}
            onBlur={() => setTouched((s) => ({ ...s, key: true }))}
          />
          <IconButton label={showKey ? t('signIn.form.hideKey') : t('signIn.form.showKey')} onClick={() => setShowKey((v) => !v)}>
            {showKey ? <EyeOff size={16} aria-hidden="true" /> : <Eye size={16} aria-hidden="true" />}
          </IconButton>
        </div>
        {keyError ? (
          <span id={`${keyId}-error`} className="field-error" role="alert">
            {keyError}
          </span>
        ) : (
          <span id={`${keyId}-hint`} className="field-hint">
            {encryption === 'os' ? t('signIn.form.keyHint') : t('signIn.form.keyHintWeak')}
          </span>
        )}
      </div>

      <TextAreaField
        label={t('signIn.form.chatbots')}
        hint={t('signIn.form.chatbotsHint')}
        error={errorFor('chatbots')}
        rows={2}
        spellCheck={false}
        value={fields.chatbots}
        onChange={(e) => update('chatbots', e.target.value)}
        onBlur={() => setTouched((s) => ({ ...s, chatbots: true }))}
      />

      {cannotStore && (
        <div className="signin-notice signin-notice-danger">
          <TriangleExclamationPoint size={16} aria-hidden="true" />
          <p>{t('signIn.errors.weakUnavailable')}</p>
        </div>
      )}

      {showWeakBox && (
        <div className={`signin-notice${weakAsked ? ' signin-notice-danger' : ''}`}>
          <TriangleExclamationPoint size={16} aria-hidden="true" />
          <div>
            {/* Keyed so that the server's refusal is announced even if the warning was already shown. */}
            <p key={weakAsked ? 'asked' : 'upfront'} role={weakAsked ? 'alert' : undefined}>
              {t('signIn.errors.weakBasic')}
            </p>
            <label className="signin-check" htmlFor={allowId}>
              <input
                id={allowId}
                type="checkbox"
                checked={allowPlain}
                onChange={(e) => {
                  setAllowPlain(e.target.checked);
                  // After the refusal, consenting is all that was missing: send again right away.
                  if (e.target.checked && weakAsked) void submit(true);
                }}
              />
              <span>{t('signIn.form.allowPlainText')}</span>
            </label>
          </div>
        </div>
      )}

      {problem?.kind === 'other' && (
        <div className="signin-notice signin-notice-danger" role="alert">
          <TriangleExclamationPoint size={16} aria-hidden="true" />
          <p>{problem.text}</p>
        </div>
      )}

      <div className="signin-actions">
        {mode === 'add' && onCancel && (
          <Button onClick={onCancel} disabled={busy}>
            {t('signIn.form.cancel')}
          </Button>
        )}
        <Button type="submit" variant="primary" disabled={busy || blocked || cannotStore}>
          {busy && <span className="spinner signin-btn-spinner" aria-hidden="true" />}
          {busy ? t('signIn.form.busy') : t('signIn.form.submit')}
        </Button>
      </div>
    </form>
  );
}
