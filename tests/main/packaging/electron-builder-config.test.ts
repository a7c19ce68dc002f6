import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
type BuilderConfig = {
  files: string[];
  directories: { buildResources: string };
  electronFuses: Record<string, boolean>;
  linux: { target: string[]; icon: string; category: string; synopsis: string; description: string };
  deb: { depends: string[]; recommends: string[]; maintainer: string };
  mac: { target: string; icon: string; category: string; extendInfo: Record<string, string> };
  win: { target: string; icon: string };
  nsis: Record<string, unknown>;
};
const config = parse(readFileSync(`${root}electron-builder.yml`, 'utf8')) as BuilderConfig;
const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as {
  dependencies?: Record<string, string>;
  description: string;
  author: { name: string; email: string };
  homepage: string;
  scripts: Record<string, string>;
};

describe('packaging configuration', () => {
  it('matches the schema shipped in app-builder-lib', () => {
    const run = spawnSync(process.execPath, ['.ci/validate-builder-config.ts'], { cwd: root, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  }, 60_000);

  it('turns off the run-as-node, NODE_OPTIONS and inspect fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
    });
  });

  it('ships only the built app and package.json, with no runtime dependencies left outside the bundle', () => {
    expect(config.files).toEqual(['out/**/*', 'package.json']);
    expect(Object.keys(pkg.dependencies ?? {})).toEqual([]);
  });

  it('re-signs unsigned macOS builds ad hoc after the fuses are flipped (arm64 would not launch them)', () => {
    expect(config.electronFuses['resetAdHocDarwinSignature']).toBe(true);
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

// What each target needs, from app-builder-lib 26's sources. pack.test.ts runs the Linux
// targets and the macOS app for real; Windows cannot be packed here, so its part is checked
// on the configuration alone.
describe('what every installer target requires', () => {
  it('deb: a homepage and a maintainer with an e-mail (FpmTarget fails the build without them)', () => {
    expect(pkg.homepage).toMatch(/^https:\/\/\S+$/);
    expect(pkg.author.name).not.toBe('');
    expect(pkg.author.email).toMatch(/^[^@\s]+@[^@\s]+\.[a-z]+$/);
    expect(config.deb.maintainer).toBe(`${pkg.author.name} <${pkg.author.email}>`);
  });

  it('AppImage and deb: a description, a synopsis, a category and an icon set in build/icons', () => {
    expect(pkg.description.length).toBeGreaterThan(20);
    expect(config.linux.description.length).toBeGreaterThan(20);
    expect(config.linux.synopsis.length).toBeGreaterThan(10);
    // A freedesktop main category, so menus file Attune somewhere sensible.
    expect(['AudioVideo', 'Audio', 'Video', 'Development', 'Education', 'Game', 'Graphics', 'Network', 'Office', 'Science', 'Settings', 'System', 'Utility']).toContain(config.linux.category);
    expect(config.directories.buildResources).toBe('build');
    expect(config.linux.icon).toBe('icons');
  });

  it('dmg: an .icns icon and an App Store category', () => {
    expect(config.mac.icon).toBe('icon.icns');
    expect(config.mac.category).toMatch(/^public\.app-category\.[a-z-]+$/);
  });

  it('nsis: an .ico icon, which also becomes the installer and uninstaller icon', () => {
    expect(config.win.icon).toBe('icon.ico');
    // NsisTarget uses nsis.installerIcon/uninstallerIcon when given, else the app icon.
    expect(config.nsis).not.toHaveProperty('installerIcon');
    expect(config.nsis).not.toHaveProperty('uninstallerIcon');
  });

  it('every icon is drawn by `npm run icons` (scripts/draw-app-icons.ts) into build/', () => {
    expect(pkg.scripts['icons']).toBe('node scripts/draw-app-icons.ts');
    const ignored = readFileSync(`${root}.gitignore`, 'utf8').split('\n');
    expect(ignored).toEqual(expect.arrayContaining(['/build/icon.png', '/build/icon.ico', '/build/icon.icns', '/build/icons/']));
  });
});
