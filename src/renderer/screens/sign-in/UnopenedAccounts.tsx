// Accounts of the last session that could not be reopened: which, and why, in the agent's words,
// with the way back (sign in again, prefilled; the demo opened again) and Remove, confirmed. On
// the sign-in screen and in Settings → Accounts, where the agent looks for their accounts.
import { KeyRound, LogIn, RotateCcw, Trash } from 'lucide-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnopenedAccount } from '../../../shared/view-models';
import { useAccountName } from '../../components/header/ConnectionStatus';
import { Button } from '../../components/ui/Button';
import { ConfirmDialog } from '../../components/ui/Dialog';
import { platformName } from '../../lib/platforms';
import { useStore } from '../../store/store';
import { prefillOf, remedyOf, type SignInPrefill } from './sign-in-again';
import { useConfirmedSignOut } from './use-confirmed-sign-out';
import './unopened.css';

const none: readonly UnopenedAccount[] = [];

interface Props {
  /** The list's heading level where it is shown: 2 on the sign-in screen, 3 inside Settings' card. */
  level: 2 | 3;
  onSignInAgain: (prefill: SignInPrefill) => void;
  /** The demo's server did not start: try to open it again. */
  onOpenDemo: () => void;
  /** Another action on the page is busy (the demo opening, a sign-in). */
  blocked?: boolean;
  className?: string;
}

export function UnopenedAccounts({ level, onSignInAgain, onOpenDemo, blocked = false, className }: Props) {
  const { t } = useTranslation();
  const unopened = useStore((s) => s.session?.unopened ?? none);
  const name = useAccountName();
  const headingId = useId();
  const removing = useConfirmedSignOut<UnopenedAccount>();
  if (unopened.length === 0) return null;
  const Heading = level === 2 ? 'h2' : 'h3';

  return (
    <section className={className ? `unopened ${className}` : 'unopened'} aria-labelledby={headingId}>
      <Heading id={headingId} className="unopened-heading">
        {t('signIn.unopened.heading')}
      </Heading>
      <ul className="unopened-list">
        {unopened.map((account) => {
          const label = name(account);
          const remedy = remedyOf(account);
          const prefill = prefillOf(account);
          const reason = t(`signIn.unopened.reasons.${account.reason}`, { detail: account.detail ?? '' });
          return (
            <li key={account.id} className="unopened-item">
              <KeyRound className="unopened-icon" size={18} aria-hidden="true" />
              <div className="unopened-body">
                <p className="unopened-title">{t('signIn.unopened.title', { label, reason })}</p>
                <p className="unopened-where">
                  <span className="badge">{platformName(account.platform)}</span>
                  <span className="unopened-url">{account.baseUrl}</span>
                </p>
                <div className="unopened-actions">
                  {remedy === 'signInAgain' && prefill && (
                    <Button
                      small
                      variant="primary"
                      icon={<LogIn size={14} aria-hidden="true" />}
                      disabled={blocked}
                      aria-label={`${t('signIn.unopened.signInAgain')}: ${label}`}
                      onClick={() => onSignInAgain(prefill)}
                    >
                      {t('signIn.unopened.signInAgain')}
                    </Button>
                  )}
                  {remedy === 'tryAgain' && (
                    <Button small variant="primary" icon={<RotateCcw size={14} aria-hidden="true" />} disabled={blocked} aria-label={`${t('signIn.unopened.tryAgain')}: ${label}`} onClick={onOpenDemo}>
                      {t('signIn.unopened.tryAgain')}
                    </Button>
                  )}
                  <Button small icon={<Trash size={14} aria-hidden="true" />} disabled={blocked} aria-label={`${t('signIn.unopened.remove')}: ${label}`} onClick={() => removing.ask(account)}>
                    {t('signIn.unopened.remove')}
                  </Button>
                </div>
              </div>
            </li>
          );
        })}
      </ul>
      <ConfirmDialog
        open={removing.asked !== null}
        title={removing.asked ? t('signIn.unopened.confirmTitle', { label: name(removing.asked) }) : ''}
        body={t('signIn.unopened.confirmBody')}
        confirmLabel={t('signIn.unopened.remove')}
        danger
        busy={removing.busy}
        onConfirm={removing.confirm}
        onCancel={removing.cancel}
      />
    </section>
  );
}
