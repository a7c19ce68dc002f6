// Child process for the main smoke test: loads the BUILT out/main bundle against the electron
// stand-in (mapped by tests/mocks/register-electron-stand-in.ts), plays Electron's startup,
// pokes every registered hook the way Electron would, and prints one JSON report.
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { INVOKE_CHANNEL } from '../../../shared/ipc/transport-names.ts';
import { channelNames } from '../../../shared/ipc/contract.ts';
import type * as StandIn from '../../mocks/electron.ts';
import { installAdjustableClock } from './adjustable-clock.ts';

type ElectronStandIn = typeof StandIn;

const electron = (await import('electron')) as unknown as ElectronStandIn;
const { app, BrowserWindow, ipcMain, protocol, session, standIn } = electron;

const bundle = resolve(process.argv[2] ?? 'out/main/index.js');

/**
 * Waits for something main does in its own time (a continuation, a timer it set, a file it
 * writes): never a fixed sleep, so a loaded machine is only slower, not a failure.
 */
async function waitFor(what: string, condition: () => boolean | Promise<boolean>): Promise<void> {
  const deadline = performance.now() + 60_000;
  while (!(await condition())) {
    if (performance.now() > deadline) {
      // Not a throw: main's own uncaughtException handler would log it and carry on.
      process.stderr.write(`smoke: gave up waiting for ${what}\n`);
      process.exit(1);
    }
    await new Promise((r) => setTimeout(r, 10));
  }
}

const clock = installAdjustableClock();
await import(pathToFileURL(bundle).href);

const callsBeforeReady = standIn.calls.map((call) => call.api);
const userDataBeforeReady = app.getPath('userData');
app.fireReady();
await waitFor('the window', () => BrowserWindow.all.length > 0);

const window = BrowserWindow.all[0];

// A second launch of Attune: the running one brings its window forward instead.
if (window) {
  window.hide();
  window.minimized = true;
  window.focused = false;
}
app.emit('second-instance', {}, ['attune'], process.cwd());
const secondLaunch = { windows: BrowserWindow.all.length, visible: window?.isVisible() ?? false, restored: !(window?.isMinimized() ?? true), focused: window?.focused ?? false };
const invoke = ipcMain.handlers.get(INVOKE_CHANNEL);
const trustedEvent = {
  sender: { id: 1, mainFrame: { url: 'app://attune/index.html' } },
  senderFrame: null as unknown,
};
trustedEvent.senderFrame = trustedEvent.sender.mainFrame;
const subFrameEvent = { sender: trustedEvent.sender, senderFrame: { url: 'app://attune/index.html' } };

const channelAnswers: Record<string, unknown> = {};
for (const channel of channelNames) {
  channelAnswers[channel] = invoke ? await invoke(trustedEvent, { channel, payload: '__not-a-valid-input__' }) : null;
}
const appInfo = invoke ? await invoke(trustedEvent, { channel: 'app.info' }) : null;
const unknownChannel = invoke ? await invoke(trustedEvent, { channel: 'no.such.channel', payload: 1 }) : null;
const fromSubFrame = invoke ? await invoke(subFrameEvent, { channel: 'app.info' }) : null;

const appHandler = protocol.handlers.get('app');
const indexResponse = appHandler ? await appHandler(new Request('app://attune/index.html')) : null;
const traversalResponse = appHandler ? await appHandler(new Request('app://attune/..%2f..%2fpackage.json')) : null;

const filter = session.defaultSession.webRequest.beforeRequestListener;
const filterDecision = (url: string) =>
  new Promise<boolean>((done) => {
    if (!filter) return done(false);
    filter({ url }, (response) => done(response.cancel));
  });

const wc = window?.webContents;
const navigationPrevented = await new Promise<boolean>((done) => {
  if (!wc) return done(false);
  let prevented = false;
  wc.emit('will-navigate', { preventDefault: () => (prevented = true) }, 'https://example.com/');
  done(prevented);
});
const popup = wc?.windowOpenHandler?.({ url: 'https://example.org/help' }) ?? null;

const permissionRequest = session.defaultSession.permissionRequestHandler as
  | ((wc: unknown, permission: string, cb: (granted: boolean) => void, details: { requestingUrl: string }) => void)
  | null;
const askPermission = (permission: string) =>
  new Promise<boolean>((done) => permissionRequest?.(null, permission, done, { requestingUrl: 'app://attune/index.html' }));

// Tray and notifications: a 20-minute break runs (the test wrote it into reminders.json);
// the clock moves past its end while the computer sleeps, and the wake-up announces it. Then
// the tray as built, the notification's click and a menu click.
const tray = electron.Tray.all[0] ?? null;
await waitFor('the tray to show the running break', () => tray?.contextMenu?.getMenuItemById('end-break') != null);
clock.advance(25 * 60_000);
electron.powerMonitor.emit('resume');
await waitFor('the break-over notification', () => electron.Notification.all.some((n) => n.shown));
const notification = electron.Notification.all[0] ?? null;
await waitFor('the tray to show the break is over', () => tray?.contextMenu?.getMenuItemById('take-break') != null);
const trayBefore = tray ? { tooltip: tray.tooltip, imageScales: tray.image.representations.map((r) => r.scaleFactor) } : null;
const menuIds = ['start-check', 'breathe', 'check-in', 'new-journal', 'take-break', 'pause-30m', 'pause-1h', 'pause-2h', 'pause-tomorrow', 'resume', 'open', 'quit'];
const hasItem = (id: string) => tray?.contextMenu?.getMenuItemById(id) != null;
const trayMenu = tray ? { ...Object.fromEntries(menuIds.map((id) => [id, hasItem(id)])), 'end-break (none runs)': !hasItem('end-break') } : null;
const navigations = () =>
  (window?.webContents.sent ?? [])
    .map((message) => message.args[0] as { event: string; payload: unknown })
    .filter((message) => message?.event === 'app.navigate');
window?.hide();
notification?.emit('click');
await waitFor('the click to bring the window to the break-over screen', () => navigations().length > 0 && (window?.isVisible() ?? false));
const navigateEvents = navigations();
const windowShownByClick = window?.isVisible() ?? false;
tray?.contextMenu?.getMenuItemById('pause-30m')?.click?.();
await waitFor('the tray to say reminders are paused', () => /paused/.test(tray?.tooltip ?? ''));
const trayAfterPause = tray ? { tooltip: tray.tooltip, resumeEnabled: tray.contextMenu?.getMenuItemById('resume')?.enabled ?? null } : null;
let closePrevented = false;
window?.emit('close', { preventDefault: () => (closePrevented = true) });
const closeHides = { prevented: closePrevented, visible: window?.isVisible() ?? null };
let quitDeferred = false;
const quitCallsBefore = standIn.calls.filter((call) => call.api === 'app.quit').length;
app.emit('before-quit', { preventDefault: () => (quitDeferred = true) });
// Main holds the first quit to save the records index, then quits again itself.
const quitAgain = () => standIn.calls.filter((call) => call.api === 'app.quit').length > quitCallsBefore;
await waitFor('main to quit again once the records are saved', quitAgain);
const quitAfterSavingRecords = { deferred: quitDeferred, quitAgain: quitAgain() };
app.emit('before-quit', { preventDefault: () => {} });
let closePreventedWhileQuitting = false;
window?.emit('close', { preventDefault: () => (closePreventedWhileQuitting = true) });

const report = {
  userDataBeforeReady,
  secondLaunch,
  quitAfterSavingRecords,
  callsBeforeReady,
  calls: standIn.calls.map((call) => call.api),
  privilegedSchemes: protocol.privileged,
  windowOptions: window?.options ?? null,
  loadedUrl: window?.loadedUrl ?? null,
  ipcChannels: [...ipcMain.handlers.keys()],
  channelAnswers,
  appInfo,
  unknownChannel,
  fromSubFrame,
  index: indexResponse ? { status: indexResponse.status, csp: indexResponse.headers.get('content-security-policy') } : null,
  traversalStatus: traversalResponse?.status ?? null,
  cancels: {
    app: await filterDecision('app://attune/assets/index.js'),
    https: await filterDecision('https://example.com/track'),
    http: await filterDecision('http://127.0.0.1:8080/'),
    file: await filterDecision('file:///etc/passwd'),
  },
  navigationPrevented,
  popup,
  openedExternally: electron.shell.opened,
  permissions: {
    notifications: await askPermission('notifications'),
    clipboardWrite: await askPermission('clipboard-sanitized-write'),
    clipboardRead: await askPermission('clipboard-read'),
    media: await askPermission('media'),
    geolocation: await askPermission('geolocation'),
  },
  switches: Object.fromEntries(app.commandLine.switches),
  tray: { before: trayBefore, menu: trayMenu, afterPause: trayAfterPause },
  notification: notification ? { options: notification.options, shown: notification.shown } : null,
  navigateEvents,
  windowShownByClick,
  closeHides,
  closePreventedWhileQuitting,
  electronVersion: process.versions['electron'] ?? null,
  realElectronResolutions: (globalThis as { __realElectronResolutions?: string[] }).__realElectronResolutions ?? null,
};
process.stdout.write(`${JSON.stringify(report)}\n`);
process.exit(0);
