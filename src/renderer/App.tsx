// The root: a splash until main has answered, sign-in while no account is open, else the workspace.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Spinner } from './components/ui/EmptyState';
import { Toasts } from './components/Toasts';
import { Workspace } from './components/Workspace';
import { lazyScreen } from './components/lazy-screen';
import { useStore } from './store/store';
import { applyTheme } from './theme';

// Loaded when no account is open: the demo opens on first start, so the inbox is the usual first
// screen, and the sign-in forms stay out of its bundle.
const SignIn = lazyScreen(() => import('./screens/sign-in/SignIn').then((m) => m.SignIn));

export function App() {
  const { t } = useTranslation();
  const booted = useStore((s) => s.booted);
  const hasAccounts = useStore((s) => (s.session?.accounts.length ?? 0) > 0);
  const theme = useStore((s) => s.theme);

  useEffect(() => applyTheme(theme), [theme]);

  return (
    <>
      {!booted ? (
        <div className="empty" aria-busy="true">
          <Spinner label={t('common.loading')} />
        </div>
      ) : hasAccounts ? (
        <Workspace />
      ) : (
        <SignIn />
      )}
      <Toasts />
    </>
  );
}
