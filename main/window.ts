import { nativeImage, type BrowserWindow as ElectronBrowserWindow, type BrowserWindowConstructorOptions, type NativeImage, type WebContents } from 'electron';
import { drawAppIcon } from './branding/app-icon.ts';
import { APP_ENTRY_URL, WEB_PREFERENCES, isAllowedExternalUrl, isAllowedNavigation } from './security/policy.ts';

// The one window, hardened. Electron classes arrive as parameters so this runs against the
// stand-in in tests (nativeImage, a plain factory, is imported: the stand-in provides it);
// the security values themselves live in security/policy.ts.

export type WindowFactory = new (options: BrowserWindowConstructorOptions) => ElectronBrowserWindow;

export type MainWindowOptions = {
  BrowserWindow: WindowFactory;
  preloadPath: string;
  url?: string;
  darkBackground: boolean;
  /** Where the user left the window last time, already fitted to the current screens. */
  restore?: { bounds: { x: number; y: number; width: number; height: number }; maximized: boolean } | null;
  /** False when Attune starts at login: it stays in the tray until asked. */
  show?: boolean;
};

export const WINDOW_SIZE = { width: 1080, height: 760, minWidth: 720, minHeight: 560 } as const;

let windowIcon: NativeImage | null = null;

/**
 * The app icon for the title bar, taskbar and window switcher, drawn once. Linux and Windows
 * take it from the window (a packaged Windows app also has it in the .exe); macOS ignores
 * it and shows the bundle's icon.icns.
 */
function appWindowIcon(platform: NodeJS.Platform): NativeImage | undefined {
  if (platform === 'darwin') return undefined;
  windowIcon ??= nativeImage.createFromBuffer(drawAppIcon(256));
  return windowIcon;
}

export function mainWindowOptions(preloadPath: string, darkBackground: boolean, platform: NodeJS.Platform = process.platform): BrowserWindowConstructorOptions {
  const icon = appWindowIcon(platform);
  return {
    ...WINDOW_SIZE,
    title: 'Attune',
    show: false,
    // Matches the theme's page colour so the window never flashes white at a tired user.
    backgroundColor: darkBackground ? '#1c1a19' : '#faf7f2',
    autoHideMenuBar: true,
    ...(icon ? { icon } : {}),
    webPreferences: { ...WEB_PREFERENCES, preload: preloadPath },
  };
}

export function createMainWindow({ BrowserWindow, preloadPath, url = APP_ENTRY_URL, darkBackground, restore = null, show = true }: MainWindowOptions): ElectronBrowserWindow {
  const window = new BrowserWindow({ ...mainWindowOptions(preloadPath, darkBackground), ...(restore?.bounds ?? {}) });
  window.once('ready-to-show', () => {
    if (!show) return;
    if (restore?.maximized) window.maximize();
    window.show();
  });
  void window.loadURL(url);
  return window;
}

type Preventable = { preventDefault(): void };

/**
 * Applied to every webContents Electron creates: navigation stays on the app page, new
 * windows are refused, links go to the user's browser only when policy.ts lists them, and
 * <webview> cannot be attached.
 */
export function hardenWebContents(contents: WebContents, openExternal: (url: string) => void): void {
  contents.on('will-navigate', (event: Preventable, targetUrl: string) => {
    if (!isAllowedNavigation(contents.getURL(), targetUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event: Preventable, targetUrl: string) => {
    if (!isAllowedNavigation(contents.getURL(), targetUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event: Preventable) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) openExternal(url);
    return { action: 'deny' };
  });
}

/** A second launch brings the existing window forward instead of opening another app. */
export function focusWindow(window: ElectronBrowserWindow | null): void {
  if (window === null || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  if (!window.isVisible()) window.show();
  window.focus();
}
