// "Connect your Botpress bots": the API address (Botpress Cloud unless changed) and a personal
// access token; then Botpress is asked which workspaces and bots the token reaches, and the agent
// picks, with no id to type. Nothing is stored until Connect. What was typed survives any error.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Discovery } from '../../../shared/view-models';
import { UiError } from '../../api';
import { TextField } from '../../components/ui/Field';
import { discover, signIn } from '../../store/actions/session';
import { describeError } from '../../store/describe-error';
import { useStore } from '../../store/store';
import { BOTPRESS_CLOUD_URL, botsOf, classifyBotpressError, firstWorkspace, validateBotpress, type BotpressField, type BotpressFields, type BotpressProblem } from './botpress-sign-in';
import { preselectedBots } from './sign-in-again';
import { SecretField } from './SecretField';
import { SignInFooter, fieldMessage } from './SignInFooter';
import { hostOf, normalizeBaseUrl } from './sign-in-form';
import { StorageConsent, useCannotStore } from './StorageConsent';
import type { SignInFormProps } from './SignInForm';

type Shown = BotpressProblem & { text: string };

export function BotpressSignInForm({ mode, blocked = false, onBusyChange, onAdded, onCancel, prefill }: SignInFormProps) {
  const { t } = useTranslation();
  const encryption = useStore((s) => s.session?.vault.encryption ?? 'os');
  const cannotStore = useCannotStore();
  const [fields, setFields] = useState<BotpressFields>({ apiUrl: prefill?.baseUrl ?? BOTPRESS_CLOUD_URL, token: '' });
  const [touched, setTouched] = useState<Partial<Record<BotpressField, boolean>>>({});
  const [found, setFound] = useState<Discovery | null>(null);
  const [workspaceId, setWorkspaceId] = useState<string | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const [busy, setBusy] = useState<'finding' | 'connecting' | null>(null);
  const [problem, setProblem] = useState<Shown | null>(null);
  const [allowPlain, setAllowPlain] = useState(false);
  const [submits, setSubmits] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const titleId = useId();
  const botsId = useId();

  const invalid = validateBotpress(fields, found ? chosen : null);
  const bots = found ? botsOf(found, workspaceId) : [];

  useEffect(() => {
    if (submits === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], .signin-notice-danger input')?.focus();
  }, [submits]);

  const setBusyBoth = (value: typeof busy) => {
    setBusy(value);
    onBusyChange?.(value !== null);
  };

  const fail = (error: unknown) => {
    const classified = error instanceof UiError ? classifyBotpressError({ code: error.code, message: error.message }, fields.apiUrl) : ({ kind: 'other' } as const);
    const text =
      classified.kind === 'weakEncryption'
        ? t(cannotStore ? 'signIn.errors.weakUnavailable' : 'signIn.errors.weakBasic')
        : classified.kind === 'other'
          ? describeError(error)
          : t(`signIn.botpress.errors.${classified.kind}`, { host: 'host' in classified ? classified.host : '' });
    setProblem({ ...classified, text });
    setSubmits((n) => n + 1);
  };

  // Signing in again: the bots the account had, where the token still reaches them.
  const choose = (discovery: Discovery, workspace: string | null) => {
    setWorkspaceId(workspace);
    setChosen(preselectedBots(botsOf(discovery, workspace), workspace === prefill?.workspaceId ? prefill.chatbotIds : undefined));
  };

  const submit = async (allowPlainTextStorage: boolean) => {
    const apiUrl = normalizeBaseUrl(fields.apiUrl);
    if (Object.keys(invalid).length > 0 || apiUrl === null) {
      setTouched({ apiUrl: true, token: true, bots: true });
      setSubmits((n) => n + 1);
      return;
    }
    if (busy || blocked || (found && cannotStore)) return;
    setProblem(null);
    const key = fields.token.trim();
    if (!found) {
      setBusyBoth('finding');
      try {
        const discovery = await discover({ platform: 'botpress', baseUrl: apiUrl, key });
        setFound(discovery);
        const again = discovery.workspaces.some((w) => w.id === prefill?.workspaceId) ? prefill?.workspaceId : undefined;
        choose(discovery, again ?? firstWorkspace(discovery));
      } catch (error) {
        fail(error);
      } finally {
        setBusyBoth(null);
      }
      return;
    }
    setBusyBoth('connecting');
    try {
      await signIn({ platform: 'botpress', baseUrl: apiUrl, key, chatbotIds: chosen, ...(workspaceId !== null && { workspaceId }), allowPlainTextStorage });
      setBusyBoth(null);
      onAdded?.(hostOf(apiUrl));
    } catch (error) {
      fail(error);
      setBusyBoth(null);
    }
  };

  const update = (name: keyof BotpressFields, value: string) => {
    setFields((f) => ({ ...f, [name]: value }));
    // Another address or token may reach other bots: ask again.
    setFound(null);
    if (problem && 'field' in problem && problem.field === name) setProblem(null);
  };

  const errorFor = (name: BotpressField): string | undefined => {
    const local = invalid[name];
    return fieldMessage(local && t(`signIn.botpress.validation.${local}`), touched[name], name, problem && 'field' in problem ? problem : null);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit(allowPlain);
  };

  return (
    <form ref={formRef} className="signin-form" noValidate aria-labelledby={titleId} aria-busy={busy !== null || undefined} onSubmit={onSubmit}>
      <div className="signin-form-head">
        <h2 id={titleId}>{mode === 'first' ? t('signIn.botpress.title') : t('signIn.botpress.addTitle')}</h2>
        <p>{prefill ? t('signIn.botpress.again', { label: prefill.label }) : t('signIn.botpress.intro')}</p>
      </div>

      <TextField
        label={t('signIn.botpress.apiUrl')}
        hint={t('signIn.botpress.apiUrlHint')}
        error={errorFor('apiUrl')}
        type="url"
        inputMode="url"
        autoComplete="url"
        spellCheck={false}
        value={fields.apiUrl}
        onChange={(e) => update('apiUrl', e.target.value)}
        onBlur={() => setTouched((s) => ({ ...s, apiUrl: true }))}
      />
      <SecretField
        label={t('signIn.botpress.token')}
        value={fields.token}
        hint={encryption === 'os' ? t('signIn.botpress.tokenHint') : t('signIn.botpress.tokenHintWeak')}
        error={errorFor('token')}
        showLabel={t('signIn.botpress.showToken')}
        hideLabel={t('signIn.botpress.hideToken')}
        onChange={(value) => update('token', value)}
        onBlur={() => setTouched((s) => ({ ...s, token: true }))}
        autoFocus={prefill !== undefined}
      />

      {found && (
        <div className="signin-found" role="group" aria-labelledby={botsId}>
          <p className="signin-found-who" role="status">
            {t('signIn.botpress.signedInAs', { name: found.agent.name })}
          </p>
          {found.workspaces.length > 1 && (
            <label className="field">
              <span>{t('signIn.botpress.workspace')}</span>
              <select value={workspaceId ?? ''} onChange={(e) => choose(found, e.target.value)}>
                {found.workspaces.map((w) => (
                  <option key={w.id} value={w.id}>
                    {w.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          <fieldset className="choice-group signin-bots" aria-invalid={errorFor('bots') ? true : undefined}>
            <legend id={botsId}>
              {t('signIn.botpress.bots')}
              {found.workspaces.length === 1 && ` · ${found.workspaces[0]!.name}`}
            </legend>
            {bots.length === 0 && <p className="field-hint">{t('signIn.botpress.noBots')}</p>}
            {bots.map((bot) => (
              <label key={bot.id} className="signin-check">
                <input
                  type="checkbox"
                  checked={chosen.includes(bot.id)}
                  onChange={(e) => setChosen((list) => (e.target.checked ? [...list, bot.id] : list.filter((id) => id !== bot.id)))}
                />
                <span>{bot.name}</span>
              </label>
            ))}
            {errorFor('bots') && (
              <span className="field-error" role="alert">
                {errorFor('bots')}
              </span>
            )}
          </fieldset>
        </div>
      )}

      {found && (
        <StorageConsent
          asked={problem?.kind === 'weakEncryption'}
          allowed={allowPlain}
          onAllow={(allowed) => {
            setAllowPlain(allowed);
            if (allowed && problem?.kind === 'weakEncryption') void submit(true);
          }}
        />
      )}

      <SignInFooter
        problem={problem?.kind === 'other' ? problem.text : null}
        onCancel={mode === 'add' ? onCancel : undefined}
        busy={busy !== null}
        disabled={blocked || (found !== null && cannotStore)}
        label={busy === 'finding' ? t('signIn.botpress.finding') : busy === 'connecting' ? t('signIn.botpress.busy') : found ? t('signIn.botpress.submit') : t('signIn.botpress.find')}
      />
    </form>
  );
}
