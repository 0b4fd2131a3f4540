// The only way a URL leaves the app for the OS: links in messages and window.open targets.
// Anything but plain http(s) (javascript:, file:, smb:, custom protocol handlers) could run
// code or leak credentials on the agent's machine, so it is refused.
import { shell } from 'electron';
import { parseWebUrl } from '../../shared/web-url';

/** The normalised URL when it is safe to hand to the OS browser, else null. */
export function safeExternalUrl(url: unknown): string | null {
  return typeof url === 'string' ? (parseWebUrl(url)?.href ?? null) : null;
}

/** Opens the URL in the default browser if it passes `safeExternalUrl`; false when refused. */
export function openExternalSafely(url: unknown): boolean {
  const safe = safeExternalUrl(url);
  if (safe === null) return false;
  shell.openExternal(safe).catch(() => {
    // No browser registered or the OS refused: nothing the agent can act on from here.
  });
  return true;
}
