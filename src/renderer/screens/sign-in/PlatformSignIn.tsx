// Which platform to connect, then that platform's form: ChatCaptain (address, key, chatbot ids)
// or Botpress (API address, token, then the bots it reaches). The first screen and Settings use it;
// signing in again to an account starts on its platform, its form filled (remount it to refill).
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BotpressSignInForm } from './BotpressSignInForm';
import { signInPlatforms as platforms, type SignInPlatform } from './sign-in-again';
import { SignInForm, type SignInFormProps } from './SignInForm';

export function PlatformSignIn(props: SignInFormProps) {
  const { t } = useTranslation();
  const [platform, setPlatform] = useState<SignInPlatform>(props.prefill?.platform ?? 'chatcaptain');
  const name = useId();
  return (
    <div className="signin-platforms">
      <fieldset className="choice-group signin-platform">
        <legend>{t('signIn.platform.label')}</legend>
        <div className="segmented">
          {platforms.map((id) => (
            <label key={id} className="segment">
              <input type="radio" name={name} value={id} checked={platform === id} onChange={() => setPlatform(id)} disabled={props.blocked} />
              <span>{t(`signIn.platform.${id}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {/* A prefill is for its own platform's form only. */}
      {platform === 'chatcaptain' ? (
        <SignInForm {...props} prefill={props.prefill?.platform === platform ? props.prefill : undefined} />
      ) : (
        <BotpressSignInForm {...props} prefill={props.prefill?.platform === platform ? props.prefill : undefined} />
      )}
    </div>
  );
}
