// The signed-in accounts: which platform, who the agent is there, which chatbots, how the
// connection is, what the platform does not offer, a way out (Sign out, confirmed) and a way to
// add another account with the sign-in form; the accounts that could not be reopened, with why,
// and "Sign in again", which opens that form filled.
import { LogOut, Plus } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../shared/view-models';
import { accountConnections } from '../../components/header/connection';
import { ConnectionDot, useAccountName, useConnectionText } from '../../components/header/ConnectionStatus';
import { Button } from '../../components/ui/Button';
import { ConfirmDialog } from '../../components/ui/Dialog';
import { platformName } from '../../lib/platforms';
import { attempt, toast } from '../../store/actions/feedback';
import { openDemo } from '../../store/actions/session';
import { useStore } from '../../store/store';
import { PlatformSignIn } from '../sign-in/PlatformSignIn';
import type { SignInPrefill } from '../sign-in/sign-in-again';
import { UnopenedAccounts } from '../sign-in/UnopenedAccounts';
import { useConfirmedSignOut } from '../sign-in/use-confirmed-sign-out';
import '../../components/header/header.css';

/** What this account's platform does not offer that agents expect, said rather than hidden. */
function AccountLimits({ account }: { account: Account }) {
  const { t } = useTranslation();
  const missing = [
    !account.capabilities.includes('presence') && t('settings.accounts.noPresence'),
    !account.capabilities.includes('pushToken') && t('settings.accounts.noPush'),
  ].filter((text): text is string => text !== false);
  if (missing.length === 0) return null;
  return (
    <div>
      <dt>{t('settings.accounts.limits')}</dt>
      <dd>
        <ul className="account-limits">
          {missing.map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      </dd>
    </div>
  );
}

export function AccountsSettings({ titleId }: { titleId: string }) {
  const { t } = useTranslation();
  const accounts = useStore((s) => s.session?.accounts);
  const connections = useStore((s) => s.connections);
  const name = useAccountName();
  const connectionText = useConnectionText();
  const [adding, setAdding] = useState(false);
  // Each "Sign in again" remounts the form with that account's platform, address and chatbots.
  const [again, setAgain] = useState<{ prefill: SignInPrefill; count: number } | null>(null);
  const leaving = useConfirmedSignOut<Account>();
  const list = accountConnections(accounts ?? [], connections);

  return (
    <section className="settings-card" aria-labelledby={titleId}>
      <div className="settings-card-head">
        <h2 id={titleId}>{t('settings.accounts.title')}</h2>
      </div>
      <ul className="accounts">
        {list.map(({ account, connection }) => {
          const full = accounts?.find((a) => a.id === account.id);
          if (!full) return null;
          const title = full.demo ? t('settings.accounts.demo') : name(full);
          return (
            <li key={full.id} className="account">
              <div className="account-head">
                <h3>{title}</h3>
                <span className="badge">{platformName(full.platform)}</span>
                <span className={`conn conn-${connection.state}`}>
                  <ConnectionDot state={connection.state} />
                  <span className="conn-text">{connectionText(connection)}</span>
                </span>
                <span className="header-spacer" />
                <Button small icon={<LogOut size={14} aria-hidden="true" />} onClick={() => leaving.ask(full)} aria-label={`${t('settings.accounts.signOut')}: ${title}`}>
                  {t('settings.accounts.signOut')}
                </Button>
              </div>
              <dl className="settings-facts">
                <div>
                  <dt>{t('settings.accounts.address')}</dt>
                  <dd className="account-url">{full.baseUrl}</dd>
                </div>
                <div>
                  <dt>{t('settings.accounts.agent')}</dt>
                  <dd>{full.agent.name}</dd>
                </div>
                <AccountLimits account={full} />
                <div>
                  <dt>{t('settings.accounts.chatbots')}</dt>
                  <dd>
                    <ul className="account-bots">
                      {full.chatbots.map((bot) => (
                        <li key={bot.id} className="badge">
                          {bot.name}
                          {bot.name !== bot.id && <span className="account-bot-id">{bot.id}</span>}
                        </li>
                      ))}
                    </ul>
                  </dd>
                </div>
              </dl>
            </li>
          );
        })}
      </ul>

      <UnopenedAccounts
        level={3}
        onOpenDemo={() => void attempt(openDemo).catch(() => undefined)}
        onSignInAgain={(prefill) => {
          setAgain((last) => ({ prefill, count: (last?.count ?? 0) + 1 }));
          setAdding(true);
        }}
      />

      {adding ? (
        <div className="account account-add">
          <PlatformSignIn
            key={again?.count ?? 0}
            prefill={again?.prefill}
            mode="add"
            onCancel={() => {
              setAdding(false);
              setAgain(null);
            }}
            onAdded={(host) => {
              setAdding(false);
              setAgain(null);
              toast(t('settings.accounts.added', { account: host }), 'info');
            }}
          />
        </div>
      ) : (
        <div>
          <Button icon={<Plus size={16} aria-hidden="true" />} onClick={() => setAdding(true)}>
            {t('settings.accounts.add')}
          </Button>
        </div>
      )}

      <ConfirmDialog
        open={leaving.asked !== null}
        title={leaving.asked ? t('settings.accounts.confirmTitle', { account: leaving.asked.demo ? t('settings.accounts.demo') : name(leaving.asked) }) : ''}
        body={leaving.asked?.demo ? t('settings.accounts.confirmDemoBody') : t('settings.accounts.confirmBody')}
        confirmLabel={t('settings.accounts.signOut')}
        danger
        busy={leaving.busy}
        onConfirm={leaving.confirm}
        onCancel={leaving.cancel}
      />
    </section>
  );
}
