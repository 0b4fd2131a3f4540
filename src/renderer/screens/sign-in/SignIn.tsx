// The first screen while no account is open: who we are in one sentence, the accounts of the last
// session that could not be reopened (and why), the demo workspace one click away, and the form to
// connect a real ChatCaptain workspace or Botpress bots, which "Sign in again" fills.
import { Anchor, TriangleExclamationPoint } from 'lucide-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/ui/Button';
import { setSection } from '../../store/actions/local';
import { openDemo } from '../../store/actions/session';
import { describeError } from '../../store/describe-error';
import { PlatformSignIn } from './PlatformSignIn';
import type { SignInPrefill } from './sign-in-again';
import { UnopenedAccounts } from './UnopenedAccounts';
import './sign-in.css';

export function SignIn() {
  const { t } = useTranslation();
  const [demoBusy, setDemoBusy] = useState(false);
  const [demoError, setDemoError] = useState<string | null>(null);
  const [formBusy, setFormBusy] = useState(false);
  // Each "Sign in again" remounts the form with that account's platform, address and chatbots.
  const [again, setAgain] = useState<{ prefill: SignInPrefill; count: number } | null>(null);
  const demoTitleId = useId();

  const open = async () => {
    setDemoBusy(true);
    setDemoError(null);
    try {
      await openDemo();
      // The session event swaps this screen for the workspace; start it in the inbox, not in
      // whatever section the agent signed out from.
      setSection('inbox');
    } catch (error) {
      setDemoError(t('signIn.demo.failed', { reason: describeError(error) }));
    } finally {
      setDemoBusy(false);
    }
  };

  return (
    <main className="signin">
      <div className="signin-inner">
        <div className="signin-brand">
          <span className="signin-logo" aria-hidden="true">
            <Anchor size={28} strokeWidth={2.25} />
          </span>
          <h1>{t('common.appName')}</h1>
          <p>{t('signIn.tagline')}</p>
        </div>

        <UnopenedAccounts
          level={2}
          className="signin-card"
          blocked={demoBusy || formBusy}
          onOpenDemo={() => void open()}
          onSignInAgain={(prefill) => setAgain((last) => ({ prefill, count: (last?.count ?? 0) + 1 }))}
        />

        <section className="signin-card signin-demo" aria-labelledby={demoTitleId}>
          <div>
            <h2 id={demoTitleId}>{t('signIn.demo.title')}</h2>
            <p>{t('signIn.demo.body')}</p>
          </div>
          <Button variant="primary" className="signin-demo-btn" onClick={() => void open()} disabled={demoBusy || formBusy} aria-busy={demoBusy || undefined}>
            {demoBusy && <span className="spinner signin-btn-spinner" aria-hidden="true" />}
            {demoBusy ? t('signIn.demo.busy') : t('signIn.demo.action')}
          </Button>
          {demoError && (
            <div className="signin-notice signin-notice-danger" role="alert">
              <TriangleExclamationPoint size={16} aria-hidden="true" />
              <p>{demoError}</p>
            </div>
          )}
        </section>

        <div className="signin-or" aria-hidden="true">
          <span>{t('signIn.or')}</span>
        </div>

        <section className="signin-card">
          <PlatformSignIn
            key={again?.count ?? 0}
            prefill={again?.prefill}
            mode="first"
            blocked={demoBusy}
            onBusyChange={setFormBusy}
            onAdded={() => setSection('inbox')}
          />
        </section>
      </div>
    </main>
  );
}
