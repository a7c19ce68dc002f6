import type { Notification as ElectronNotification, NotificationConstructorOptions } from 'electron';
import type { NotificationHandlers, Notifier } from './reminders-service.ts';
import type { ReminderText } from './reminder-content.ts';

// System notifications through Electron. The class arrives as a parameter so tests use the
// stand-in. Resolves false when the system will not show one (unsupported, an error, or
// Windows' 'failed' event); the reminders service then carries the reminder in the tray.
// Snooze and Skip are notification buttons where Electron offers them (macOS, where a signed
// app with alert-style notifications shows them, and Windows); elsewhere they are in the
// tray menu, which offers them for every reminder still open.

export type NotificationClass = {
  new (options: NotificationConstructorOptions): ElectronNotification;
  isSupported(): boolean;
};

/** How long to wait for 'show' before taking silence as success (some Linux daemons never say). */
const SHOW_TIMEOUT_MS = 3000;

/** The buttons, in this order (the 'action' event names one by its index). */
export const NOTIFICATION_BUTTONS = ['Snooze for an hour', 'Skip this one'] as const;
const SNOOZE_INDEX = 0;
const SKIP_INDEX = 1;

/** Electron's notifications carry buttons on macOS and Windows only. */
export function notificationButtonsShown(platform: string): boolean {
  return platform === 'darwin' || platform === 'win32';
}

export function createElectronNotifier(NotificationCtor: NotificationClass, platform: string = process.platform): Notifier {
  const withButtons = notificationButtonsShown(platform);
  // Notifications are kept referenced until they close, or their click handlers could be collected.
  const live = new Set<ElectronNotification>();
  return (text: ReminderText, handlers: NotificationHandlers) =>
    new Promise<boolean>((resolve) => {
      if (!NotificationCtor.isSupported()) {
        resolve(false);
        return;
      }
      try {
        const notification = new NotificationCtor({
          title: text.title,
          body: text.body,
          silent: false,
          ...(withButtons ? { actions: NOTIFICATION_BUTTONS.map((label) => ({ type: 'button' as const, text: label })) } : {}),
        });
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
        notification.on('action', (details, legacyIndex) => {
          // Electron 45 passes the index in the event's details; older versions as an argument.
          const index = (details as { actionIndex?: number } | undefined)?.actionIndex ?? legacyIndex;
          live.delete(notification);
          if (index === SNOOZE_INDEX) handlers.onSnooze();
          else if (index === SKIP_INDEX) handlers.onSkip();
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
