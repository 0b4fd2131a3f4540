// Light or dark: the agent's choice, or the OS's (followed live while "system" is chosen).
import type { ThemeChoice } from './store/slices/ui';

const dark = window.matchMedia('(prefers-color-scheme: dark)');

export function applyTheme(choice: ThemeChoice): () => void {
  const apply = () => {
    const resolved = choice === 'system' ? (dark.matches ? 'dark' : 'light') : choice;
    document.documentElement.dataset.theme = resolved;
  };
  apply();
  if (choice !== 'system') return () => undefined;
  dark.addEventListener('change', apply);
  return () => dark.removeEventListener('change', apply);
}
