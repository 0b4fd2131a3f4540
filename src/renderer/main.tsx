// Renderer entry: language and theme first (no flash of the wrong one), then the store is fed
// from main and React mounts.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { initI18n, systemLanguage } from './i18n';
import { bootstrap, toast } from './store/actions';
import { describeError } from './store/describe-error';
import { subscribeToMain } from './store/events';
import { getState } from './store/store';
import { applyTheme } from './theme';
import './styles/tokens.css';
import './styles/base.css';
import './styles/ui.css';

const { language, theme } = getState();
initI18n(language === 'system' ? systemLanguage() : language);
applyTheme(theme);
subscribeToMain();
bootstrap().catch((error: unknown) => toast(describeError(error)));

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
