// Sign out of an account, or Remove one that could not be reopened, once the agent confirms: the
// account asked about, the dialog's busy state, and on failure the dialog stays (signOut has shown
// the toast) so the agent can try again or cancel.
import { useState } from 'react';
import { signOut } from '../../store/actions/session';

export function useConfirmedSignOut<T extends { id: string }>() {
  const [asked, setAsked] = useState<T | null>(null);
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    if (!asked) return;
    setBusy(true);
    try {
      await signOut(asked.id);
      setAsked(null);
    } catch {
      // Shown already; the dialog stays.
    } finally {
      setBusy(false);
    }
  };
  return { asked, busy, ask: (account: T) => setAsked(account), cancel: () => setAsked(null), confirm: () => void confirm() };
}
