import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { NO_KEY_PROTECTOR } from '../../../main/store/key-file.ts';
import { RecordsStore } from '../../../main/store/records-store.ts';
import { openSettingsStore } from '../../../main/store/settings-store.ts';
import { folderState } from '../../support/folder-state.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { mountTmpfs, tmpfsUnavailable, type Tmpfs } from '../../support/tmpfs.ts';

// The BUILT main bundle started against the electron stand-in with its data folder on a real
// read-only disk, and with a folder where settings.json should be: Attune opens its window
// and tray either way, and says what it could not do.
const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const bundle = `${PROJECT_ROOT}out/main/index.js`;

type Answer = { ok: boolean; value?: unknown; error?: { code: string; message: string } };
type Report = { windows: number; loadedUrl: string | null; trays: number; appInfo: Answer; notices: Answer; sessions: Answer; settingsChange: Answer };

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

beforeAll(() => {
  if (!existsSync(bundle)) throw new Error('out/main/index.js is missing: run `npx electron-vite build` first (npm test does).');
});

/** Home and appData in a temp folder; the installed build's data folder is appData/Attune. */
function folders(): { home: string; appData: string; dataDir: string } {
  const temp = makeTempDir('attune-smoke-ro-');
  cleanups.push(temp.cleanup);
  const home = join(temp.path, 'home');
  const appData = join(home, '.config');
  const dataDir = join(appData, 'Attune');
  mkdirSync(dataDir, { recursive: true });
  return { home, appData, dataDir };
}

function boot(home: string, appData: string): Report {
  const { XDG_CONFIG_HOME: _ignored, ...env } = process.env;
  const child = spawnSync(process.execPath, ['--import', './tests/mocks/register-electron-stand-in.ts', 'tests/main/smoke/boot-read-only.ts', bundle], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    env: { ...env, HOME: home, ATTUNE_APP_DATA: appData, ATTUNE_PACKAGED: '1' },
    timeout: 120_000,
  });
  expect(child.status, child.stderr).toBe(0);
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as Report;
}

describe.skipIf(tmpfsUnavailable !== null)('main bundle on a data folder that takes no writes', () => {
  it('opens the window and tray read-only, reads the records, refuses a settings change and changes no file', async () => {
    const { home, appData, dataDir } = folders();
    const mount: Tmpfs = mountTmpfs(1024);
    cleanups.push(() => mount.remove());
    // The data folder is the mount: settings and one journal entry saved by an earlier run.
    const dataOnMount = mount.path;
    openSettingsStore({ directory: dataOnMount, now: () => new Date() }).update({ appearance: { theme: 'dark' } });
    const store = await RecordsStore.open({ directory: join(dataOnMount, 'records'), keyProtector: NO_KEY_PROTECTOR });
    await store.createJournal({ text: 'kept while read-only' });
    await store.close();
    mount.readOnly();
    const before = folderState(dataOnMount);
    // Electron's data folder is a link to the mount, so the app sees the read-only disk.
    const { symlinkSync, rmdirSync } = await import('node:fs');
    rmdirSync(dataDir);
    symlinkSync(dataOnMount, dataDir);

    const report = boot(home, appData);
    expect(report.windows).toBe(1);
    expect(report.loadedUrl).toBe('app://attune/index.html');
    expect(report.trays).toBe(1);
    expect(report.appInfo).toMatchObject({ ok: true, value: { storage: { state: 'read-only', reason: 'not-writable' } } });
    expect(report.sessions).toEqual({ ok: true, value: [] });
    expect(report.settingsChange).toMatchObject({ ok: false, error: { code: 'storage-failed', message: expect.stringMatching(/could not write to its data folder/) } });
    expect(folderState(dataOnMount)).toEqual(before);
  }, 180_000);

  it('opens with a folder where settings.json should be: moved aside, defaults used, the user told', () => {
    const { home, appData, dataDir } = folders();
    mkdirSync(join(dataDir, 'settings.json'));
    writeFileSync(join(dataDir, 'settings.json', 'inside.txt'), 'kept');

    const report = boot(home, appData);
    expect(report.windows).toBe(1);
    expect(report.trays).toBe(1);
    expect(report.appInfo).toMatchObject({ ok: true, value: { storage: { state: 'writable', reason: null } } });
    expect(JSON.stringify(report.notices.value)).toMatch(/settings-reset.*it was a folder, not a file/);
    const [aside] = readdirSync(dataDir).filter((name) => name.startsWith('settings.unreadable-'));
    expect(readFileSync(join(dataDir, aside!, 'inside.txt'), 'utf8')).toBe('kept');
    // The change after it was written as a real file.
    expect(report.settingsChange).toMatchObject({ ok: true });
    expect(statSync(join(dataDir, 'settings.json')).isFile()).toBe(true);
  }, 180_000);
});
