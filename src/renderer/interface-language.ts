// The language the interface speaks: the one Settings choose, with 'system' meaning the OS
// language as main reports it (app.info), never the browser's. Until main has answered, the
// splash speaks the language shown last on this computer, so a restart shows no wrong one.
import { browserLanguage, initI18n, setLanguage } from './i18n';
import { rememberLanguage, rememberedLanguage } from './store/remembered';
import { selectLanguage } from './store/slices/settings';
import { useStore } from './store/store';

export function startLanguage(): void {
  initI18n(rememberedLanguage() ?? browserLanguage());
}

/** Follows the store: every change of the effective language applies at once and is remembered. */
export function followLanguage(): () => void {
  return useStore.subscribe((state, previous) => {
    const language = selectLanguage(state);
    if (language === null || language === selectLanguage(previous)) return;
    setLanguage(language);
    rememberLanguage(language);
  });
}
