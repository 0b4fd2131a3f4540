// Native notifications. Whether to notify at all (focus, do-not-disturb, settings) is the notify
// policy's decision in services; this only shows one and brings the window forward on click.
import { BrowserWindow, Notification } from 'electron';

export interface NotificationRequest {
  title: string;
  body: string;
  silent?: boolean;
  onClick?: () => void;
}

// Electron drops click handlers of notifications that were garbage-collected: keep them alive.
const shown = new Set<Notification>();

const firstWindow = (): BrowserWindow | null => BrowserWindow.getAllWindows().find((w) => !w.isDestroyed()) ?? null;

export function focusWindow(window: BrowserWindow | null): void {
  if (!window || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

/** False when the system cannot show notifications. */
export function showNotification(request: NotificationRequest, getWindow: () => BrowserWindow | null = firstWindow): boolean {
  if (!Notification.isSupported()) return false;
  // Plain text only: the OS renders the body as text, and long bodies are cut by it anyway.
  const notification = new Notification({
    title: request.title.slice(0, 200),
    body: request.body.slice(0, 500),
    silent: request.silent ?? false,
  });
  shown.add(notification);
  const forget = (): void => {
    shown.delete(notification);
  };
  notification.on('click', () => {
    forget();
    focusWindow(getWindow());
    request.onClick?.();
  });
  notification.on('close', forget);
  notification.on('failed', forget);
  notification.show();
  return true;
}
