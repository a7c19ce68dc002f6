// Child process for the read-only start smoke test: loads the BUILT out/main bundle against
// the electron stand-in, plays Electron's startup and prints one JSON report of what a user
// would see: a window, a tray, the app info's storage status and the notices.
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { INVOKE_CHANNEL } from '../../../shared/ipc/transport-names.ts';
import type * as StandIn from '../../mocks/electron.ts';

const electron = (await import('electron')) as unknown as typeof StandIn;
const { app, BrowserWindow, ipcMain, Tray } = electron;

async function waitFor(what: string, condition: () => boolean): Promise<void> {
  const deadline = performance.now() + 60_000;
  while (!condition()) {
    if (performance.now() > deadline) {
      process.stderr.write(`smoke: gave up waiting for ${what}\n`);
      process.exit(1);
    }
    await new Promise((r) => setTimeout(r, 10));
  }
}

await import(pathToFileURL(resolve(process.argv[2] ?? 'out/main/index.js')).href);
app.fireReady();
await waitFor('the window', () => BrowserWindow.all.length > 0);
const invoke = ipcMain.handlers.get(INVOKE_CHANNEL);
const mainFrame = { url: 'app://attune/index.html' };
// The main frame itself (not a copy): only the top frame of the app's own page is trusted.
const trusted = { sender: { id: 1, mainFrame }, senderFrame: mainFrame };
const ask = (channel: string, payload?: unknown) => (invoke ? invoke(trusted, { channel, payload }) : null);
const report = {
  windows: BrowserWindow.all.length,
  loadedUrl: BrowserWindow.all[0]?.loadedUrl ?? null,
  trays: Tray.all.length,
  appInfo: await ask('app.info'),
  notices: await ask('app.takeNotices'),
  sessions: await ask('session.list', { fromMs: 0, toMs: 8_640_000_000_000 }),
  settingsChange: await ask('settings.update', { appearance: { theme: 'dark' } }),
};
process.stdout.write(`${JSON.stringify(report)}\n`);
process.exit(0);
