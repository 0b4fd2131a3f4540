// The agent's own state kept by main: online or away, the settings (the interface language
// among them), and when the app restarts to update. The store shows main's answer; the presence
// toggle shows the intent before it.
import type { CallInput } from '../../../shared/ipc';
import type { LanguageChoice, Settings } from '../../../shared/view-models';
import { call } from '../../api';
import { forgetLegacyLanguageChoice, legacyLanguageChoice, legacyMigration } from '../remembered';
import { getState } from '../store';
import { attempt } from './feedback';

export async function setOnline(online: boolean): Promise<void> {
  getState().intendOnline(online);
  getState().receivePresence(await attempt(() => call('presence.set', { online })));
}

export async function updateSettings(patch: CallInput<'settings.set'>): Promise<void> {
  getState().receiveSettings(await attempt(() => call('settings.set', patch)));
}

export const setLanguageChoice = (language: LanguageChoice): Promise<void> => updateSettings({ language });

/**
 * Before the language was a setting, the renderer kept the agent's choice in localStorage. A
 * choice found there moves into the settings once (unless they already hold one) and is then
 * forgotten; if main cannot take it now, it stays for the next start.
 */
export async function migrateLanguageChoice(settings: Settings): Promise<Settings> {
  const migration = legacyMigration(legacyLanguageChoice(), settings.language);
  if (migration === 'nothing') return settings;
  if (migration === 'forget') {
    forgetLegacyLanguageChoice();
    return settings;
  }
  try {
    const migrated = await call('settings.set', { language: migration.move });
    forgetLegacyLanguageChoice();
    return migrated;
  } catch {
    return settings;
  }
}

/** "Restart to update": main restarts now, or once the outbox has sent every reply. */
export async function restartToUpdate(): Promise<void> {
  getState().receiveUpdate(await attempt(() => call('update.restart', {})));
}
