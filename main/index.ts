import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, nativeTheme, protocol, screen, session, shell, type BrowserWindow as Window } from 'electron';
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
import { createMainWindow, focusWindow, hardenWebContents, WINDOW_SIZE } from './window.ts';
import { fitToWorkAreas, readWindowState, saveWindowState } from './window-state.ts';

// Composition root: wiring only. Order matters: the app:// scheme must be registered as
// privileged and the command-line switches set before Electron is ready.

const WINDOW_SIZE_MIN = { width: WINDOW_SIZE.minWidth, height: WINDOW_SIZE.minHeight };

const devRendererUrl = !app.isPackaged ? (process.env['ELECTRON_RENDERER_URL'] ?? null) : null;
const devOrigin = devRendererUrl === null ? null : new URL(devRendererUrl).origin;

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);

const blinkFeatures = blinkFeaturesToEnable(process.platform);
if (blinkFeatures !== null) app.commandLine.appendSwitch('enable-blink-features', blinkFeatures);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  start();
}

function start(): void {
  let mainWindow: Window | null = null;

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
    const services = createAppServices({
      userDataDir: app.getPath('userData'),
      appVersion: app.getVersion(),
      platform: process.platform,
      now: () => new Date(),
      isTrustedSender: (sender) => isTrustedSenderFrame(sender, devOrigin),
      revealFile: (path) => shell.showItemInFolder(path),
      sendEvent: (event, payload) => sendToWindow(() => mainWindow?.webContents ?? null, event, payload),
    });
    process.on('uncaughtException', (error) => services.log.error(`main: uncaught ${error.name}: ${error.message}`));
    process.on('unhandledRejection', (reason) =>
      services.log.error(`main: unhandled rejection ${reason instanceof Error ? reason.message : 'non-error'}`),
    );

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
    const openWindow = () => {
      const saved = readWindowState(userDataDir);
      const workAreas = screen.getAllDisplays().map((display) => display.workArea);
      mainWindow = createMainWindow({
        restore: saved === null ? null : { bounds: fitToWorkAreas(saved.bounds, workAreas, WINDOW_SIZE_MIN), maximized: saved.maximized },
        BrowserWindow,
        preloadPath: fileURLToPath(new URL('../preload/index.cjs', import.meta.url)),
        darkBackground: nativeTheme.shouldUseDarkColors,
        ...(devRendererUrl === null ? {} : { url: devRendererUrl }),
      });
      // Our own chooser answers every Web Bluetooth device request (never a silent pick).
      attachBluetoothChooser(mainWindow.webContents, services.bluetoothChooser);
      const window = mainWindow;
      window.on('close', () => {
        saveWindowState(userDataDir, { bounds: window.getNormalBounds(), maximized: window.isMaximized() });
      });
      mainWindow.on('closed', () => {
        services.bluetoothChooser.windowClosed();
        mainWindow = null;
      });
    };
    openWindow();
    app.on('activate', () => {
      if (mainWindow === null) openWindow();
      else focusWindow(mainWindow);
    });
    services.log.info(`Attune ${app.getVersion()} started`);
  });
}
