// Renderer entry: language and theme first (no flash of the wrong one), then the store is fed
// from main and React mounts.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { followLanguage, startLanguage } from './interface-language';
import { bootstrap } from './store/actions/session';
import { toast } from './store/actions/feedback';
import { describeError } from './store/describe-error';
import { subscribeToMain } from './store/events';
import { getState } from './store/store';
import { applyTheme } from './theme';
import './styles/tokens.css';
import './styles/base.css';
import './styles/ui.css';

startLanguage();
followLanguage();
applyTheme(getState().theme);
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
