import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
type BuilderConfig = {
  files: string[];
  electronFuses: Record<string, boolean>;
  linux: { target: string[] };
  deb: { depends: string[]; recommends: string[] };
  mac: { target: string; extendInfo: Record<string, string> };
  win: { target: string };
};
const config = parse(readFileSync(`${root}electron-builder.yml`, 'utf8')) as BuilderConfig;

describe('packaging configuration', () => {
  it('matches the schema shipped in app-builder-lib', () => {
    const run = spawnSync(process.execPath, ['.ci/validate-builder-config.ts'], { cwd: root, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('turns off the run-as-node, NODE_OPTIONS and inspect fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
    });
  });

  it('ships only the built app and package.json, with no runtime dependencies left outside the bundle', () => {
    expect(config.files).toEqual(['out/**/*', 'package.json']);
    const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { dependencies?: Record<string, string>; engines: { node: string } };
    expect(Object.keys(pkg.dependencies ?? {})).toEqual([]);
    expect(pkg.engines.node).toBe('>=22');
  });

  it('builds AppImage and deb with the notification, secret store, tray and Bluetooth packages', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.deb.depends).toEqual(expect.arrayContaining(['libnotify4', 'libsecret-1-0']));
    expect(config.deb.recommends).toEqual(expect.arrayContaining(['libappindicator3-1', 'bluez']));
  });

  it('explains Bluetooth use on macOS and builds dmg and nsis', () => {
    expect(config.mac.target).toBe('dmg');
    expect(config.mac.extendInfo['NSBluetoothAlwaysUsageDescription']).toMatch(/heart rate/);
    expect(config.win.target).toBe('nsis');
  });
});
