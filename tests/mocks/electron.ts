// The one stand-in for the `electron` module. Vitest aliases `electron` to this file, and the
// main smoke test maps it in with a Node resolve hook, so nothing ever loads (or tries to
// download) the real Electron binary. Small classes that record what main asks of them;
// tests read `standIn.calls` and drive `app` events. Plain erasable TypeScript: it also runs
// under Node's type stripping.
import { EventEmitter } from 'node:events';
import { join } from 'node:path';

export type RecordedCall = { api: string; args: unknown[] };

const calls: RecordedCall[] = [];
function record(api: string, ...args: unknown[]): void {
  calls.push({ api, args });
}

let appReady = false;

/**
 * Folders come from the test (ATTUNE_APP_DATA, ATTUNE_USER_DATA, or app.setPath). Importing
 * the stand-in creates nothing. Unset, they sit under /dev/null, where nothing can be
 * created even by root: code that writes to a folder the test did not give it fails loudly
 * (ENOTDIR) instead of leaving a stray folder behind. (electron-store asks for userData even
 * when it is given its own folder, so a path must always be there to hand out.)
 */
const UNSET_ROOT = '/dev/null/electron-stand-in';
const paths = new Map<string, string>();
function configuredPath(name: 'appData' | 'userData'): string {
  const set = paths.get(name);
  if (set !== undefined) return set;
  const fromEnv = process.env[name === 'appData' ? 'ATTUNE_APP_DATA' : 'ATTUNE_USER_DATA'];
  if (fromEnv) return fromEnv;
  return name === 'userData' ? join(configuredPath('appData'), 'Attune') : join(UNSET_ROOT, 'appData');
}

class App extends EventEmitter {
  /** ATTUNE_PACKAGED=1 plays an installed build; otherwise a run from a checkout, as in Electron. */
  isPackaged = process.env['ATTUNE_PACKAGED'] === '1';
  commandLine = {
    switches: new Map<string, string | undefined>(),
    appendSwitch: (name: string, value?: string) => {
      record('app.commandLine.appendSwitch', name, value);
      this.commandLine.switches.set(name, value);
    },
  };
  singleInstanceLock = true;
  getPath(name: string): string {
    if (name === 'appData' || name === 'userData') return configuredPath(name);
    if (name === 'logs') return join(configuredPath('userData'), 'logs');
    return join(configuredPath('userData'), name);
  }
  setPath(name: string, path: string): void {
    record('app.setPath', name, path);
    paths.set(name, path);
  }
  getVersion(): string {
    return '0.0.0-test';
  }
  getName(): string {
    return 'Attune';
  }
  setName(name: string): void {
    record('app.setName', name);
  }
  isReady(): boolean {
    return appReady;
  }
  whenReady(): Promise<void> {
    record('app.whenReady');
    return new Promise((resolve) => {
      if (appReady) resolve();
      else this.once('ready', () => resolve());
    });
  }
  requestSingleInstanceLock(): boolean {
    record('app.requestSingleInstanceLock');
    return this.singleInstanceLock;
  }
  quit(): void {
    record('app.quit');
  }
  exit(code?: number): void {
    record('app.exit', code);
  }
  loginItemSettings: { openAtLogin: boolean; openAsHidden: boolean; wasOpenedAtLogin: boolean } = {
    openAtLogin: false,
    openAsHidden: false,
    wasOpenedAtLogin: false,
  };
  setLoginItemSettings(settings: { openAtLogin?: boolean; openAsHidden?: boolean }): void {
    record('app.setLoginItemSettings', settings);
    Object.assign(this.loginItemSettings, settings);
  }
  getLoginItemSettings(): { openAtLogin: boolean; openAsHidden: boolean; wasOpenedAtLogin: boolean } {
    return { ...this.loginItemSettings };
  }
  /** Test hook: what Electron does once it has initialised. */
  fireReady(): void {
    appReady = true;
    record('app.ready');
    this.emit('ready');
  }
}

export const app = new App();

class WebRequest {
  beforeRequestListener: ((details: { url: string }, callback: (response: { cancel: boolean }) => void) => void) | null = null;
  onBeforeRequest(listener: WebRequest['beforeRequestListener']): void {
    record('session.webRequest.onBeforeRequest');
    this.beforeRequestListener = listener;
  }
}

class Session extends EventEmitter {
  webRequest = new WebRequest();
  permissionRequestHandler: unknown = null;
  permissionCheckHandler: unknown = null;
  setPermissionRequestHandler(handler: unknown): void {
    record('session.setPermissionRequestHandler');
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: unknown): void {
    record('session.setPermissionCheckHandler');
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: unknown): void {
    record('session.setDevicePermissionHandler', handler);
  }
  bluetoothPairingHandler: unknown = null;
  setBluetoothPairingHandler(handler: unknown): void {
    record('session.setBluetoothPairingHandler', handler);
    this.bluetoothPairingHandler = handler;
  }
}

export const session = { defaultSession: new Session() };

class WebContents extends EventEmitter {
  static nextId = 1;
  id = WebContents.nextId++;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  sent: Array<{ channel: string; args: unknown[] }> = [];
  mainFrame = { url: '' };
  session = session.defaultSession;
  setWindowOpenHandler(handler: WebContents['windowOpenHandler']): void {
    record('webContents.setWindowOpenHandler');
    this.windowOpenHandler = handler;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }
  isDestroyed(): boolean {
    return false;
  }
  getURL(): string {
    return this.mainFrame.url;
  }
}

export class BrowserWindow extends EventEmitter {
  static all: BrowserWindow[] = [];
  static getAllWindows(): BrowserWindow[] {
    return BrowserWindow.all.filter((w) => !w.destroyed);
  }
  options: Record<string, unknown>;
  webContents = new WebContents();
  loadedUrl: string | null = null;
  visible = false;
  minimized = false;
  focused = false;
  destroyed = false;
  constructor(options: Record<string, unknown> = {}) {
    super();
    this.options = options;
    record('new BrowserWindow', options);
    BrowserWindow.all.push(this);
    app.emit('browser-window-created', {}, this);
    app.emit('web-contents-created', {}, this.webContents);
  }
  async loadURL(url: string): Promise<void> {
    record('BrowserWindow.loadURL', url);
    this.loadedUrl = url;
    this.webContents.mainFrame.url = url;
  }
  show(): void {
    this.visible = true;
  }
  hide(): void {
    this.visible = false;
  }
  minimize(): void {
    this.minimized = true;
  }
  focus(): void {
    this.focused = true;
    record('BrowserWindow.focus');
  }
  restore(): void {
    this.minimized = false;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  maximized = false;
  maximize(): void {
    this.maximized = true;
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  getNormalBounds(): { x: number; y: number; width: number; height: number } {
    const o = this.options as { x?: number; y?: number; width?: number; height?: number };
    return { x: o.x ?? 0, y: o.y ?? 0, width: o.width ?? 800, height: o.height ?? 600 };
  }
  isVisible(): boolean {
    return this.visible;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  close(): void {
    this.destroyed = true;
    this.emit('closed');
  }
}

class Protocol {
  privileged: unknown[] = [];
  handlers = new Map<string, (request: Request) => Promise<Response> | Response>();
  registerSchemesAsPrivileged(schemes: unknown[]): void {
    record('protocol.registerSchemesAsPrivileged', schemes, { appReady });
    this.privileged.push(...schemes);
  }
  handle(scheme: string, handler: (request: Request) => Promise<Response> | Response): void {
    record('protocol.handle', scheme);
    this.handlers.set(scheme, handler);
  }
}

export const protocol = new Protocol();

class IpcMain extends EventEmitter {
  handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  handle(channel: string, handler: (event: unknown, ...args: unknown[]) => unknown): void {
    record('ipcMain.handle', channel);
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
}

export const ipcMain = new IpcMain();

export const shell = {
  opened: [] as string[],
  async openExternal(url: string): Promise<void> {
    record('shell.openExternal', url);
    shell.opened.push(url);
  },
  showItemInFolder(path: string): void {
    record('shell.showItemInFolder', path);
  },
  async openPath(path: string): Promise<string> {
    record('shell.openPath', path);
    return '';
  },
};

export const screen = {
  displays: [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }],
  getAllDisplays(): Array<{ id: number; workArea: { x: number; y: number; width: number; height: number } }> {
    return screen.displays;
  },
};

export const nativeTheme = Object.assign(new EventEmitter(), { shouldUseDarkColors: false, themeSource: 'system' });

export const dialog = {
  nextOpenDialogResult: { canceled: true, filePaths: [] as string[] },
  async showOpenDialog(...args: unknown[]): Promise<{ canceled: boolean; filePaths: string[] }> {
    record('dialog.showOpenDialog', ...args);
    return dialog.nextOpenDialogResult;
  },
};

export const safeStorage = {
  available: true,
  backend: 'gnome_libsecret',
  isEncryptionAvailable(): boolean {
    return safeStorage.available;
  },
  getSelectedStorageBackend(): string {
    return safeStorage.backend;
  },
  // Reversible and obviously fake: tests check wrapping happens, not its cryptography.
  encryptString(text: string): Buffer {
    return Buffer.from(`wrapped:${text}`, 'utf8');
  },
  decryptString(buffer: Buffer): string {
    const text = buffer.toString('utf8');
    if (!text.startsWith('wrapped:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return text.slice('wrapped:'.length);
  },
};

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, api: unknown): void {
    record('contextBridge.exposeInMainWorld', key);
    contextBridge.exposed.set(key, api);
  },
};

export const ipcRenderer = Object.assign(new EventEmitter(), {
  invoked: [] as Array<{ channel: string; args: unknown[] }>,
  async invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    ipcRenderer.invoked.push({ channel, args });
    const handler = ipcMain.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    // As from our window's main frame, the way Electron reports a call from the page itself.
    const mainFrame = { url: 'app://attune/index.html' };
    return handler({ sender: { id: 0, mainFrame }, senderFrame: mainFrame }, ...args);
  },
});

/** Only enough of NativeImage for the tray: the PNG bytes per scale factor and the template flag. */
export class NativeImage {
  representations: Array<{ scaleFactor: number; buffer: Buffer }> = [];
  template = false;
  addRepresentation(options: { scaleFactor: number; buffer: Buffer }): void {
    this.representations.push({ scaleFactor: options.scaleFactor, buffer: options.buffer });
  }
  setTemplateImage(template: boolean): void {
    this.template = template;
  }
  isTemplateImage(): boolean {
    return this.template;
  }
  isEmpty(): boolean {
    return this.representations.length === 0;
  }
  toPNG(): Buffer {
    return this.representations[0]?.buffer ?? Buffer.alloc(0);
  }
}

export const nativeImage = {
  createFromBuffer(buffer: Buffer, options: { scaleFactor?: number } = {}): NativeImage {
    const image = new NativeImage();
    image.addRepresentation({ scaleFactor: options.scaleFactor ?? 1, buffer });
    return image;
  },
  createEmpty(): NativeImage {
    return new NativeImage();
  },
};

type MenuTemplateItem = { id?: string; label?: string; type?: string; enabled?: boolean; click?: () => void; submenu?: MenuTemplateItem[] };

export class Menu {
  items: MenuTemplateItem[];
  constructor(items: MenuTemplateItem[] = []) {
    this.items = items;
  }
  static buildFromTemplate(template: MenuTemplateItem[]): Menu {
    record('Menu.buildFromTemplate');
    return new Menu(template);
  }
  /** Test hook: finds an item by id anywhere in the menu, as a click would. */
  getMenuItemById(id: string): MenuTemplateItem | null {
    const find = (items: MenuTemplateItem[]): MenuTemplateItem | null => {
      for (const item of items) {
        if (item.id === id) return item;
        const inner = item.submenu ? find(item.submenu) : null;
        if (inner) return inner;
      }
      return null;
    };
    return find(this.items);
  }
}

export class Tray extends EventEmitter {
  static all: Tray[] = [];
  /** Test hook: make the next `new Tray` throw, as on a desktop without a tray. */
  static failNext = false;
  image: NativeImage;
  tooltip = '';
  title = '';
  contextMenu: Menu | null = null;
  destroyed = false;
  constructor(image: NativeImage) {
    super();
    if (Tray.failNext) {
      Tray.failNext = false;
      throw new Error('no tray on this desktop');
    }
    record('new Tray');
    this.image = image;
    Tray.all.push(this);
  }
  setImage(image: NativeImage): void {
    record('Tray.setImage');
    this.image = image;
  }
  setToolTip(text: string): void {
    this.tooltip = text;
  }
  setTitle(text: string): void {
    this.title = text;
  }
  setContextMenu(menu: Menu): void {
    record('Tray.setContextMenu');
    this.contextMenu = menu;
  }
  destroy(): void {
    this.destroyed = true;
  }
}

export class Notification extends EventEmitter {
  static all: Notification[] = [];
  static supported = true;
  static isSupported(): boolean {
    return Notification.supported;
  }
  options: Record<string, unknown>;
  shown = false;
  constructor(options: Record<string, unknown> = {}) {
    super();
    this.options = options;
    Notification.all.push(this);
  }
  show(): void {
    record('Notification.show', this.options);
    this.shown = true;
    this.emit('show');
  }
  close(): void {
    this.emit('close');
  }
}

export const powerMonitor = Object.assign(new EventEmitter(), {
  idleState: 'active' as 'active' | 'idle' | 'locked' | 'unknown',
  getSystemIdleState(_idleThresholdSec: number): 'active' | 'idle' | 'locked' | 'unknown' {
    return powerMonitor.idleState;
  },
  getSystemIdleTime(): number {
    return 0;
  },
});

export const standIn = {
  calls,
  isStandIn: true as const,
  reset(): void {
    calls.length = 0;
  },
};

const electron = {
  app,
  BrowserWindow,
  protocol,
  session,
  ipcMain,
  ipcRenderer,
  contextBridge,
  shell,
  nativeTheme,
  screen,
  dialog,
  safeStorage,
  nativeImage,
  Menu,
  Tray,
  Notification,
  powerMonitor,
  standIn,
};

export default electron;
