import type { Notification as ElectronNotification, NotificationConstructorOptions } from 'electron';
import type { NotificationHandlers, Notifier } from './reminders-service.ts';
import type { ReminderText } from './reminder-content.ts';

// System notifications through Electron. The class arrives as a parameter so tests use the
// stand-in. Resolves false when the system will not show one (unsupported, an error, or
// Windows' 'failed' event); the reminders service then carries the reminder in the tray.

export type NotificationClass = {
  new (options: NotificationConstructorOptions): ElectronNotification;
  isSupported(): boolean;
};

/** How long to wait for 'show' before taking silence as success (some Linux daemons never say). */
const SHOW_TIMEOUT_MS = 3000;

export function createElectronNotifier(NotificationCtor: NotificationClass): Notifier {
  // Notifications are kept referenced until they close, or their click handlers could be collected.
  const live = new Set<ElectronNotification>();
  return (text: ReminderText, handlers: NotificationHandlers) =>
    new Promise<boolean>((resolve) => {
      if (!NotificationCtor.isSupported()) {
        resolve(false);
        return;
      }
      try {
        const notification = new NotificationCtor({ title: text.title, body: text.body, silent: false });
        live.add(notification);
        const settle = (shown: boolean) => {
          clearTimeout(timer);
          resolve(shown);
        };
        const timer = setTimeout(() => settle(true), SHOW_TIMEOUT_MS);
        timer.unref?.();
        notification.on('show', () => settle(true));
        notification.on('failed', () => {
          live.delete(notification);
          settle(false);
        });
        notification.on('click', () => {
          live.delete(notification);
          handlers.onClick();
        });
        notification.on('close', () => {
          live.delete(notification);
          handlers.onClose();
        });
        notification.show();
      } catch {
        resolve(false);
      }
    });
}
