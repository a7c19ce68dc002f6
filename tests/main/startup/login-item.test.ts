import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { applyStartAtLogin, autostartDesktopEntry, autostartPath, quoteExecArg, startedHidden } from '../../../main/startup/login-item.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

describe('start at login', () => {
  const temps: Array<{ cleanup: () => void }> = [];
  afterEach(() => temps.splice(0).forEach((t) => t.cleanup()));

  it('writes an XDG autostart entry that starts Attune hidden, and removes it when turned off', async () => {
    const temp = makeTempDir('attune-autostart-');
    temps.push(temp);
    const deps = { platform: 'linux', setLoginItemSettings: () => {}, execPath: '/opt/Attune/attune', env: {}, homeDir: temp.path };
    await applyStartAtLogin(true, deps);
    const path = join(temp.path, '.config', 'autostart', 'attune.desktop');
    const text = readFileSync(path, 'utf8');
    expect(text).toContain('[Desktop Entry]\nType=Application');
    expect(text).toContain('Exec=/opt/Attune/attune --hidden\n');
    expect(text).toContain('Name=Attune');
    await applyStartAtLogin(false, deps);
    expect(existsSync(path)).toBe(false);
    await applyStartAtLogin(false, deps); // already gone: still fine
  });

  it('starts the AppImage itself rather than its temporary mount, and quotes paths with spaces', () => {
    expect(autostartDesktopEntry('/home/sam/Apps/Attune 1.0.AppImage')).toContain('Exec="/home/sam/Apps/Attune 1.0.AppImage" --hidden');
    expect(quoteExecArg('/a/$b')).toBe('"/a/\\$b"');
    expect(autostartPath({ XDG_CONFIG_HOME: '/cfg' }, '/home/sam')).toBe('/cfg/autostart/attune.desktop');
    expect(autostartPath({ XDG_CONFIG_HOME: 'relative' }, '/home/sam')).toBe('/home/sam/.config/autostart/attune.desktop');
  });

  it('uses the system login item on macOS and Windows', async () => {
    for (const platform of ['darwin', 'win32']) {
      const calls: unknown[] = [];
      await applyStartAtLogin(true, { platform, setLoginItemSettings: (s) => calls.push(s), execPath: 'x', env: {}, homeDir: '/nowhere' });
      expect(calls).toEqual([{ openAtLogin: true, openAsHidden: true, args: ['--hidden'] }]);
    }
  });

  it('knows when it was started by the login item', () => {
    expect(startedHidden(['/opt/Attune/attune', '--hidden'], false)).toBe(true);
    expect(startedHidden(['/opt/Attune/attune'], true)).toBe(true);
    expect(startedHidden(['/opt/Attune/attune'], false)).toBe(false);
  });
});
