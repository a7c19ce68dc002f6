// Who Attune is to the operating systems. electron-builder.yml and package.json repeat these
// values (they cannot import them); tests/main/packaging/app-identity.test.ts keeps all three
// in step.

/**
 * electron-builder's `appId`: the macOS bundle identifier and, on Windows, the Application
 * User Model ID the installer gives the Start menu shortcut. The running app must claim the
 * same ID (app.setAppUserModelId) or Windows shows its taskbar button and notifications
 * apart from the pinned shortcut.
 */
export const APP_ID = 'app.attune.desktop';

/**
 * package.json `desktopName`. Electron (41.6 and later) derives the Linux window identity
 * from it, the `.desktop` suffix removed: the Wayland app_id and both parts of the X11
 * WM_CLASS become "app.attune.desktop". electron-builder (linux.syncDesktopName) names the
 * installed entry after it and writes the same value as StartupWMClass, so the launcher, the
 * dock and the window switcher all see one app. It is the appId so that the identity is a
 * reverse-DNS name, which desktop portals require. The suffix is doubled on purpose: without
 * it Electron would strip ".desktop" from the ID itself.
 */
export const LINUX_DESKTOP_NAME = `${APP_ID}.desktop`;

/** Claims APP_ID on Windows (the only system that asks); Electron's app arrives as a parameter. */
export function claimAppIdentity(app: { setAppUserModelId(id: string): void }, platform: NodeJS.Platform): void {
  if (platform === 'win32') app.setAppUserModelId(APP_ID);
}
