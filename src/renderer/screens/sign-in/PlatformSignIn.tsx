// Which platform to connect, then that platform's form: ChatCaptain (address, key, chatbot ids)
// or Botpress (API address, token, then the bots it reaches). The first screen and Settings use it.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BotpressSignInForm } from './BotpressSignInForm';
import { SignInForm, type SignInFormProps } from './SignInForm';

const platforms = ['chatcaptain', 'botpress'] as const;
type Platform = (typeof platforms)[number];

export function PlatformSignIn(props: SignInFormProps) {
  const { t } = useTranslation();
  const [platform, setPlatform] = useState<Platform>('chatcaptain');
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
      {platform === 'chatcaptain' ? <SignInForm {...props} /> : <BotpressSignInForm {...props} />}
    </div>
  );
}
