import { fileURLToPath } from 'node:url';
import { homedir } from 'node:os';
import {
  app,
  BrowserWindow,
  Menu,
  nativeImage,
  nativeTheme,
  Notification,
  powerMonitor,
  protocol,
  screen,
  session,
  shell,
  Tray,
  type BrowserWindow as Window,
} from 'electron';
import { createAppRequestHandler } from './app-protocol.ts';
import { attachBluetoothChooser, attachBluetoothPairing } from './bluetooth-chooser.ts';
import { createElectronTransport, sendToWindow } from './ipc/electron-transport.ts';
import {
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  blinkFeaturesToEnable,
  isAllowedExternalUrl,
  isPermissionAllowed,
  isTrustedSenderFrame,
  shouldCancelRequest,
} from './security/policy.ts';
import { createAppServices } from './services.ts';
import { recordsElectronDeps } from './electron/records-deps.ts';
import { createMainWindow, focusWindow, hardenWebContents, WINDOW_SIZE } from './window.ts';
import { fitToWorkAreas, readWindowState, saveWindowState } from './window-state.ts';
import { watchPowerState } from './electron/power-state.ts';
import { runPageIntent } from './electron/page-intents.ts';
import { createElectronNotifier } from './reminders/notification-adapter.ts';
import { applyStartAtLogin, startedHidden } from './startup/login-item.ts';
import { runProfile } from './startup/development-profile.ts';
import { closeAction, routeHash } from './tray/close-behaviour.ts';
import { createTrayAdapter } from './tray/tray-adapter.ts';
import { createTrayController } from './tray/tray-controller.ts';
import { systemTimer } from './reminders/scheduler.ts';
import { systemTimeZone } from '../shared/time/civil-date.ts';
import { APP_ENTRY_URL } from './security/policy.ts';
import type { NavigateRequest } from '../shared/model/reminders.ts';
import { claimAppIdentity } from './branding/app-identity.ts';

// Composition root: wiring only. Order matters: the app:// scheme must be registered as
// privileged and the command-line switches set before Electron is ready.

// First of all: an error while starting is reported, never the silent end of Attune. Lines go
// to stderr until the log file is open (and the log itself never throws).
let reportProblem = (message: string): void => {
  try {
    process.stderr.write(`${message}\n`);
  } catch {
    // Nowhere left to say it.
  }
};
process.on('uncaughtException', (error) => reportProblem(`main: uncaught ${error.name}: ${error.message}`));
process.on('unhandledRejection', (reason) => reportProblem(`main: unhandled rejection ${reason instanceof Error ? reason.message : 'non-error'}`));

const WINDOW_SIZE_MIN = { width: WINDOW_SIZE.minWidth, height: WINDOW_SIZE.minHeight };

// Before anything reads the data folder or takes the single-instance lock (keyed on it).
const profile = runProfile(app.isPackaged, () => app.getPath('appData'));
if (profile.development) app.setPath('userData', profile.userDataDir);

const devRendererUrl = profile.development ? (process.env['ELECTRON_RENDERER_URL'] ?? null) : null;
const devOrigin = devRendererUrl === null ? null : new URL(devRendererUrl).origin;

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);

const blinkFeatures = blinkFeaturesToEnable(process.platform);
if (blinkFeatures !== null) app.commandLine.appendSwitch('enable-blink-features', blinkFeatures);
// Windows: the same ID as the installer's shortcut, so the taskbar button and notifications belong to it.
claimAppIdentity(app, process.platform);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  start();
}

function start(): void {
  let mainWindow: Window | null = null;
  let quitting = false;
  let trayShown = false;
  app.on('before-quit', () => {
    quitting = true;
  });

  app.on('second-instance', () => focusWindow(mainWindow));
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, (url) => {
      if (isAllowedExternalUrl(url)) void shell.openExternal(url);
    });
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  void app.whenReady().then(() => {
    let lookAgain = () => {};
    const power = watchPowerState(
      powerMonitor,
      () => lookAgain(),
      () => sendToWindow(() => mainWindow?.webContents ?? null, 'system.resumed', {}),
    );
    // Services open nothing that needs writing: a full or read-only data folder starts read-only.
    const services = createAppServices({
      userDataDir: app.getPath('userData'),
      appVersion: app.getVersion(),
      platform: process.platform,
      now: () => new Date(),
      isTrustedSender: (sender) => isTrustedSenderFrame(sender, devOrigin),
      revealFile: (path) => shell.showItemInFolder(path),
      sendEvent: (event, payload) => sendToWindow(() => mainWindow?.webContents ?? null, event, payload),
      // The OS key store wraps the records' data key; export and import use the system pickers.
      ...recordsElectronDeps(() => mainWindow),
      reminders: {
        // Electron cannot read the system's do-not-disturb, so quiet hours stand in for it.
        platform: { notify: createElectronNotifier(Notification), systemState: power.systemState, doNotDisturb: () => null },
        showWindow: (request) => showWindow(request),
        // The login entry belongs to the installed app; a build from a checkout leaves it alone.
        applyStartAtLogin: (enabled) =>
          profile.development
            ? services.log.info(`development build: start at login left as it is (asked: ${enabled ? 'on' : 'off'})`)
            : applyStartAtLogin(enabled, {
                platform: process.platform,
                setLoginItemSettings: (settings) => app.setLoginItemSettings(settings),
                execPath: process.execPath,
                env: process.env,
                homeDir: homedir(),
              }),
      },
    });
    lookAgain = () => services.reminders.reminders.poke();
    // Save the records index before quitting so the next start is fast (not needed for safety).
    let recordsClosed = false;
    app.on('before-quit', (event) => {
      if (recordsClosed) return;
      event.preventDefault();
      // The reminders' last write of reminders.json and the storage probe finish too, rather than being cut off.
      void services
        .close()
        .catch((error: unknown) => services.log.error(`closing failed: ${error instanceof Error ? error.message : 'unknown'}`))
        .finally(() => {
          recordsClosed = true;
          app.quit();
        });
    });
    reportProblem = (message) => services.log.error(message);

    const rendererRoot = fileURLToPath(new URL('../renderer/', import.meta.url));
    protocol.handle(APP_SCHEME, createAppRequestHandler(rendererRoot));

    const defaultSession = session.defaultSession;
    defaultSession.webRequest.onBeforeRequest((details, callback) => {
      callback({ cancel: shouldCancelRequest(details.url, devOrigin) });
    });
    defaultSession.setPermissionRequestHandler((_contents, permission, callback, details) => {
      callback(isPermissionAllowed(permission, details.requestingUrl));
    });
    defaultSession.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
      isPermissionAllowed(permission, requestingOrigin),
    );

    createElectronTransport().onInvoke((sender, message) => services.router.dispatch(sender, message));
    attachBluetoothPairing(defaultSession, services.bluetoothChooser);

    const userDataDir = app.getPath('userData');
    const openWindow = (hash = '', show = true) => {
      const saved = readWindowState(userDataDir);
      const workAreas = screen.getAllDisplays().map((display) => display.workArea);
      mainWindow = createMainWindow({
        restore: saved === null ? null : { bounds: fitToWorkAreas(saved.bounds, workAreas, WINDOW_SIZE_MIN), maximized: saved.maximized },
        BrowserWindow,
        preloadPath: fileURLToPath(new URL('../preload/index.cjs', import.meta.url)),
        darkBackground: nativeTheme.shouldUseDarkColors,
        url: `${devRendererUrl ?? APP_ENTRY_URL}${hash}`,
        show,
      });
      // Our own chooser answers every Web Bluetooth device request (never a silent pick).
      attachBluetoothChooser(mainWindow.webContents, services.bluetoothChooser);
      const window = mainWindow;
      window.on('close', (event) => {
        saveWindowState(userDataDir, { bounds: window.getNormalBounds(), maximized: window.isMaximized() });
        // With a tray the window hides and keeps the Bluetooth link; Quit quits.
        const action = closeAction({ quitting, trayShown, platform: process.platform });
        if (action === 'close') return;
        event.preventDefault();
        if (action === 'hide') window.hide();
        else window.minimize();
      });
      mainWindow.on('closed', () => {
        services.bluetoothChooser.windowClosed();
        mainWindow = null;
      });
    };
    /** Brings the window forward; false when a new one had to open (it starts on the screen itself). */
    const showWindow = (request?: NavigateRequest): boolean => {
      if (mainWindow === null || mainWindow.isDestroyed()) {
        openWindow(request ? routeHash(request) : '');
        return false;
      }
      focusWindow(mainWindow);
      return true;
    };

    try {
      const controller = createTrayController({
        reminders: services.reminders.reminders,
        live: services.reminders.liveStatus,
        clock: { nowMs: () => Date.now() },
        timer: systemTimer,
        platform: process.platform,
        timeZone: systemTimeZone,
        locale: app.getLocale?.() || 'en',
        effects: {
          openScreen: services.reminders.openScreen,
          runInPage: (intent) => {
            const contents = mainWindow?.webContents;
            if (contents) void runPageIntent(contents, intent);
          },
          showWindow: () => void showWindow(),
          quit: () => app.quit(),
        },
      });
      const tray = createTrayAdapter({ Tray, Menu, nativeImage }, controller.view(), (action) => controller.handle(action), process.platform);
      controller.attach((view) => tray.apply(view));
      trayShown = true;
    } catch (error) {
      services.log.error(`tray: none on this desktop (${error instanceof Error ? error.message : 'unknown'}); closing the window minimises it`);
    }

    // Started by the login item: stay in the tray (only if there is one to come back from).
    openWindow('', !(trayShown && startedHidden(process.argv, app.getLoginItemSettings?.().wasOpenedAtLogin ?? false)));
    void services.reminders.start();
    app.on('activate', () => {
      if (mainWindow === null) openWindow();
      else focusWindow(mainWindow);
    });
    services.log.info(`Attune ${app.getVersion()} started`);
  });
}
