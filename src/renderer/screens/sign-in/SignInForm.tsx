// "Connect your ChatCaptain workspace": base URL, API key and chatbot ids, checked field by field
// before anything is sent, then the server's verdict next to the field it is about. Used on the
// first screen and in Settings to add another account. What the agent typed survives any error.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { UiError } from '../../api';
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
import type { SignInPrefill } from './sign-in-again';
import { SecretField } from './SecretField';
import { SignInFooter, fieldMessage } from './SignInFooter';
import { StorageConsent, useCannotStore } from './StorageConsent';
import './sign-in.css';

export interface SignInFormProps {
  /** 'first': the sign-in screen; 'add': another account, from Settings (with Cancel). */
  mode: 'first' | 'add';
  /** Another action on the page is busy (the demo opening): don't start a second one. */
  blocked?: boolean;
  onBusyChange?: (busy: boolean) => void;
  onAdded?: (host: string) => void;
  onCancel?: () => void;
  /** Signing in again to an account that could not be reopened: its address and chatbots; the key is typed anew. */
  prefill?: SignInPrefill | undefined;
}

type Shown = SignInProblem & { text: string };

const empty: SignInFields = { baseUrl: '', key: '', chatbots: '' };

export function SignInForm({ mode, blocked = false, onBusyChange, onAdded, onCancel, prefill }: SignInFormProps) {
  const { t } = useTranslation();
  const encryption = useStore((s) => s.session?.vault.encryption ?? 'os');
  const [fields, setFields] = useState<SignInFields>(() => (prefill ? { baseUrl: prefill.baseUrl, key: '', chatbots: prefill.chatbotIds.join('\n') } : empty));
  const [touched, setTouched] = useState<Partial<Record<FieldName, boolean>>>({});
  const [submits, setSubmits] = useState(0);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Shown | null>(null);
  const [allowPlain, setAllowPlain] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const titleId = useId();

  const invalid = validateSignIn(fields);
  const weakAsked = problem?.kind === 'weakEncryption';
  const cannotStore = useCannotStore();

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
    return fieldMessage(local && t(`signIn.validation.${local}`), touched[name], name, problem && 'field' in problem ? problem : null);
  };


  return (
    <form ref={formRef} className="signin-form" noValidate aria-labelledby={titleId} aria-busy={busy || undefined} onSubmit={onSubmit}>
      <div className="signin-form-head">
        <h2 id={titleId}>{mode === 'first' ? t('signIn.form.title') : t('signIn.form.addTitle')}</h2>
        <p>{prefill ? t('signIn.form.again', { label: prefill.label }) : t('signIn.form.intro')}</p>
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

      <SecretField
        label={t('signIn.form.key')}
        value={fields.key}
        hint={encryption === 'os' ? t('signIn.form.keyHint') : t('signIn.form.keyHintWeak')}
        error={errorFor('key')}
        showLabel={t('signIn.form.showKey')}
        hideLabel={t('signIn.form.hideKey')}
        onChange={(value) => update('key', value)}
        onBlur={() => setTouched((s) => ({ ...s, key: true }))}
        autoFocus={prefill !== undefined}
      />

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

      <StorageConsent
        asked={weakAsked}
        allowed={allowPlain}
        onAllow={(allowed) => {
          setAllowPlain(allowed);
          // After the refusal, consenting is all that was missing: send again right away.
          if (allowed && weakAsked) void submit(true);
        }}
      />

      <SignInFooter
        problem={problem?.kind === 'other' ? problem.text : null}
        onCancel={mode === 'add' ? onCancel : undefined}
        busy={busy}
        disabled={blocked || cannotStore}
        label={busy ? t('signIn.form.busy') : t('signIn.form.submit')}
      />
    </form>
  );
}
