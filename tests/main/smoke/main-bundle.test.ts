import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelNames } from '../../../shared/ipc/contract.ts';
import { CONTENT_SECURITY_POLICY, WEB_PREFERENCES } from '../../../main/security/policy.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

// Tier 4: the BUILT main bundle, started in plain Node against the electron stand-in.
const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const bundle = `${PROJECT_ROOT}out/main/index.js`;

type Report = {
  userDataBeforeReady: string;
  secondLaunch: { windows: number; visible: boolean; restored: boolean; focused: boolean };
  quitAfterSavingRecords: { deferred: boolean; quitAgain: boolean };
  callsBeforeReady: string[];
  calls: string[];
  privilegedSchemes: Array<{ scheme: string; privileges: Record<string, boolean> }>;
  windowOptions: { webPreferences: Record<string, unknown> } | null;
  loadedUrl: string | null;
  ipcChannels: string[];
  channelAnswers: Record<string, { ok: boolean; error?: { code: string } }>;
  appInfo: { ok: boolean; value?: { dataFolder: string } };
  unknownChannel: { ok: boolean; error: { code: string } };
  fromSubFrame: { ok: boolean; error: { code: string } };
  index: { status: number; csp: string } | null;
  traversalStatus: number | null;
  cancels: Record<string, boolean>;
  navigationPrevented: boolean;
  popup: { action: string } | null;
  openedExternally: string[];
  permissions: Record<string, boolean>;
  switches: Record<string, string>;
  electronVersion: string | null;
  realElectronResolutions: string[] | null;
  tray: {
    before: { tooltip: string; imageScales: number[] } | null;
    menu: Record<string, boolean> | null;
    afterPause: { tooltip: string; resumeEnabled: boolean | null } | null;
  };
  notification: { options: { title: string; body: string }; shown: boolean } | null;
  navigateEvents: Array<{ event: string; payload: unknown }>;
  windowShownByClick: boolean;
  closeHides: { prevented: boolean; visible: boolean | null };
  closePreventedWhileQuitting: boolean;
};

type Boot = { report: Report; dataDir: string; autostartEntry: string; log: string };

/** An autostart entry as the installed Attune leaves it on Linux when it starts at login. */
const INSTALLED_AUTOSTART = '[Desktop Entry]\nType=Application\nName=Attune\nExec=/opt/Attune/attune --hidden\n';

/**
 * Boots the bundle once in a child process with its own home and data folders. `packaged`
 * plays an installed build (app.isPackaged); otherwise it runs as from a checkout.
 */
function boot(packaged: boolean, folder: string): Boot {
  const home = join(folder, 'home');
  const appData = join(home, '.config');
  const dataDir = packaged ? join(appData, 'Attune') : join(appData, 'Attune (development)');
  const autostartEntry = join(appData, 'autostart', 'attune.desktop');
  mkdirSync(dataDir, { recursive: true });
  mkdirSync(join(appData, 'autostart'), { recursive: true });
  writeFileSync(autostartEntry, INSTALLED_AUTOSTART);
  // A 20-minute break in progress; the boot script moves its clock past the end.
  writeFileSync(
    join(dataDir, 'reminders.json'),
    JSON.stringify({ version: 1, seed: 1, pausedUntilMs: null, breakEndsAtMs: Date.now() + 20 * 60_000, history: [] }),
  );
  const { XDG_CONFIG_HOME: _ignored, ...env } = process.env;
  const child = spawnSync(
    process.execPath,
    ['--import', './tests/mocks/register-electron-stand-in.ts', 'tests/main/smoke/boot-main.ts', bundle],
    {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      env: { ...env, HOME: home, ATTUNE_APP_DATA: appData, ATTUNE_PACKAGED: packaged ? '1' : '0' },
      timeout: 120_000,
    },
  );
  expect(child.status, child.stderr).toBe(0);
  const logPath = join(dataDir, 'logs', 'attune.log');
  return {
    report: JSON.parse(child.stdout.trim().split('\n').at(-1)!) as Report,
    dataDir,
    autostartEntry,
    log: existsSync(logPath) ? readFileSync(logPath, 'utf8') : '',
  };
}

describe('main bundle smoke (out/main started in Node with the electron stand-in)', () => {
  let report: Report;
  let dataDir: string;
  let installed: Boot;
  let development: Boot;
  const temp = makeTempDir('attune-smoke-');
  afterAll(() => temp.cleanup());

  beforeAll(() => {
    if (!existsSync(bundle)) throw new Error('out/main/index.js is missing: run `npm run build` first (npm test does).');
    installed = boot(true, join(temp.path, 'installed'));
    development = boot(false, join(temp.path, 'development'));
    report = installed.report;
    dataDir = installed.dataDir;
  }, 240_000);

  it('keeps an installed build in the system data folder and keeps its login entry in line with the setting', () => {
    expect(report.calls).not.toContain('app.setPath');
    expect(report.userDataBeforeReady).toBe(installed.dataDir);
    // Start at login is off by default, so the installed build removes a stale entry.
    expect(existsSync(installed.autostartEntry)).toBe(false);
  });

  it('runs a build from a checkout in its own data folder and leaves the start-at-login entry alone', () => {
    const dev = development.report;
    const setPathAt = dev.calls.indexOf('app.setPath');
    expect(setPathAt).toBeGreaterThanOrEqual(0);
    // Before the single-instance lock, which Electron keys on the data folder.
    expect(setPathAt).toBeLessThan(dev.calls.indexOf('app.requestSingleInstanceLock'));
    expect(dev.userDataBeforeReady).toBe(development.dataDir);
    expect(dev.appInfo.value?.dataFolder).toBe(development.dataDir);
    expect(readFileSync(development.autostartEntry, 'utf8')).toBe(INSTALLED_AUTOSTART);
    expect(dev.calls).not.toContain('app.setLoginItemSettings');
    expect(development.log).toMatch(/development build: start at login left as it is/);
  });

  it('registers app:// as privileged before Electron is ready', () => {
    const readyAt = report.calls.indexOf('app.ready');
    expect(report.calls.indexOf('protocol.registerSchemesAsPrivileged')).toBeLessThan(readyAt);
    expect(report.callsBeforeReady).toContain('protocol.registerSchemesAsPrivileged');
    expect(report.privilegedSchemes).toEqual([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ]);
    expect(report.calls.indexOf('protocol.handle')).toBeGreaterThan(readyAt);
  });

  it('takes the single-instance lock before anything else starts, and a second launch focuses the window', () => {
    expect(report.callsBeforeReady).toContain('app.requestSingleInstanceLock');
    expect(report.secondLaunch).toEqual({ windows: 1, visible: true, restored: true, focused: true });
  });

  it('opens one window with the hardened preferences and the app:// page', () => {
    const prefs = report.windowOptions?.webPreferences ?? {};
    for (const [key, value] of Object.entries(WEB_PREFERENCES)) expect(prefs[key], key).toBe(value);
    expect(String(prefs['preload'])).toMatch(/out\/preload\/index\.cjs$/);
    expect(report.loadedUrl).toBe('app://attune/index.html');
  });

  it('answers every contract channel through the one IPC entry point', () => {
    expect(report.ipcChannels).toEqual(['attune:invoke']);
    expect(Object.keys(report.channelAnswers).sort()).toEqual([...channelNames].sort());
    for (const [channel, answer] of Object.entries(report.channelAnswers)) {
      // A bad payload must be caught by that channel's schema: proof a handler is bound.
      expect(answer.error?.code, channel).toBe('invalid-payload');
    }
    expect(report.appInfo.ok).toBe(true);
    expect(report.appInfo.value?.dataFolder).toBe(dataDir);
    expect(report.unknownChannel.error.code).toBe('unknown-channel');
    expect(report.fromSubFrame.error.code).toBe('forbidden-sender');
  });

  it('serves the bundle with the CSP header and refuses paths outside it', () => {
    expect(report.index).toEqual({ status: 200, csp: CONTENT_SECURITY_POLICY });
    expect(report.traversalStatus).toBe(403);
  });

  it('cancels every request that is not for the app itself', () => {
    expect(report.cancels).toEqual({ app: false, https: true, http: true, file: true });
  });

  it('denies navigation and new windows, and opens no address outside (the app lists no external pages)', () => {
    expect(report.navigationPrevented).toBe(true);
    expect(report.popup).toEqual({ action: 'deny' });
    expect(report.openedExternally).toEqual([]);
  });

  it('grants notifications and writing to the clipboard (an agreement\'s Copy), nothing else', () => {
    expect(report.permissions).toEqual({ notifications: true, clipboardWrite: true, clipboardRead: false, media: false, geolocation: false });
  });

  it('enables Web Bluetooth on Linux through the Blink feature switch', () => {
    expect(report.switches['enable-blink-features']).toBe('WebBluetooth');
  });

  it('puts Attune in the tray with its icon and every action in the menu', () => {
    expect(report.tray.before?.imageScales).toEqual([1, 2]);
    expect(report.tray.before?.tooltip).toMatch(/^Attune/);
    expect(report.tray.menu).not.toBeNull();
    // The break is over by then, so the menu offers a new one and nothing to end.
    for (const [id, present] of Object.entries(report.tray.menu ?? {})) expect(present, id).toBe(true);
  });

  it('pauses reminders from the tray menu and shows it in the tooltip', () => {
    expect(report.tray.afterPause?.tooltip).toMatch(/Reminders paused until/);
    expect(report.tray.afterPause?.resumeEnabled).toBe(true);
  });

  it('shows a neutral notification when a break ends; its click brings the window to the right screen', () => {
    expect(report.notification).toEqual({ options: expect.objectContaining({ title: 'Attune', body: 'Your break time is up' }), shown: true });
    expect(report.navigateEvents.at(-1)?.payload).toEqual({ route: 'check', query: 'break=over' });
    expect(report.windowShownByClick).toBe(true);
  });

  it('hides the window on close while the tray runs, and closes it on quit', () => {
    expect(report.closeHides).toEqual({ prevented: true, visible: false });
    expect(report.closePreventedWhileQuitting).toBe(false);
  });

  it('saves the records index before quitting, then quits', () => {
    expect(report.quitAfterSavingRecords).toEqual({ deferred: true, quitAgain: true });
  });

  it('never loads the real Electron package or binary', () => {
    expect(report.electronVersion).toBeNull();
    expect(report.realElectronResolutions).toEqual([]);
  });
});
