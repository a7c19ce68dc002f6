import type { NavigateRequest } from '../../shared/model/reminders.ts';

// What closing the window does. The Bluetooth link lives in the page, so with a tray the
// window hides and keeps running; Quit in the tray menu really quits. Without a tray (some
// Linux desktops have none) hiding would leave no way back but relaunching, so the window
// minimises to the taskbar instead; macOS keeps its Dock icon, so hiding is fine there.

export type CloseAction = 'close' | 'hide' | 'minimize';

export function closeAction(options: { quitting: boolean; trayShown: boolean; platform: string }): CloseAction {
  if (options.quitting) return 'close';
  if (options.trayShown || options.platform === 'darwin') return 'hide';
  return 'minimize';
}

/** The hash a freshly opened window starts on, for a screen asked for while it was closed. */
export function routeHash(request: NavigateRequest): string {
  return `#/${request.route}${request.query ? `?${request.query}` : ''}`;
}
