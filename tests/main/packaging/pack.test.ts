import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Arch, build, Platform } from 'electron-builder';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appIconFiles } from '../../../build-tools/icon-files.ts';
import { APP_ID, LINUX_DESKTOP_NAME } from '../../../main/branding/app-identity.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

// electron-builder for real, offline: the built app (out/, run `npm run build` first) is
// packed around a stand-in Electron, so nothing is downloaded. The stand-in is a script
// carrying Electron's fuse wire (the sentinel @electron/fuses looks for), so the fuses are
// flipped for real.
//   Linux: the unpacked app, then the AppImage and deb targets up to the point where they
//   would call appimagetool and fpm (electron-builder's effectiveOptionComputed hook stops
//   them there and hands over what they would have been given).
//   macOS arm64: the unpacked Attune.app, unsigned, with a stand-in `codesign` on PATH that
//   records the ad-hoc re-signing the fuse flip needs.
// Windows cannot be packed here: electron-builder parses the real electron.exe's resources
// (a stand-in fails with "Start offset … is outside the bounds of the buffer") and then runs
// rcedit and makensis, which it downloads. electron-builder-config.test.ts and
// app-icon-files.test.ts check what the nsis target needs instead.

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const config = parse(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as {
  electronFuses: Record<string, boolean>;
  linux: { category: string; synopsis: string; description: string };
  mac: { category: string; extendInfo: Record<string, string> };
};
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string; description: string };

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Fuse order in the wire (Electron's fuse schema, version 1). */
const FUSES = [
  'runAsNode',
  'enableCookieEncryption',
  'enableNodeOptionsEnvironmentVariable',
  'enableNodeCliInspectArguments',
  'enableEmbeddedAsarIntegrityValidation',
  'onlyLoadAppFromAsar',
  'loadBrowserProcessSpecificV8Snapshot',
  'grantFileProtocolExtraPrivileges',
];
/** Electron's defaults: run-as-node, NODE_OPTIONS, --inspect and file:// privileges on. */
const DEFAULT_WIRE = '10110001';

function standInBinary(): Buffer {
  return Buffer.concat([Buffer.from('#!/bin/sh\nexit 0\n# '), Buffer.from(SENTINEL), Buffer.from([1, FUSES.length]), Buffer.from(`${DEFAULT_WIRE}\n`)]);
}

function fuseWire(binary: Buffer): string {
  const at = binary.indexOf(SENTINEL) + SENTINEL.length;
  return binary.toString('ascii', at + 2, at + 2 + binary[at + 1]!);
}

function expectedWire(): string {
  return FUSES.map((name, i) => (config.electronFuses[name] === undefined ? DEFAULT_WIRE[i] : config.electronFuses[name] ? '1' : '0')).join('');
}

function write(path: string, content: string | Buffer, mode?: number): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  if (mode !== undefined) chmodSync(path, mode);
}

const plist = (executable: string, id: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n` +
  `<plist version="1.0"><dict><key>CFBundleExecutable</key><string>${executable}</string><key>CFBundleIdentifier</key><string>${id}</string>` +
  `<key>CFBundleName</key><string>${executable}</string><key>CFBundleIconFile</key><string>electron.icns</string></dict></plist>\n`;

/** The files electron-builder takes from an unpacked Electron, for Linux and for macOS. */
function standInElectron(folder: string): { linux: string; mac: string } {
  const linux = join(folder, 'electron-linux');
  write(join(linux, 'electron'), standInBinary(), 0o755);
  write(join(linux, 'LICENSE'), 'Electron licence (stand-in)\n');
  const contents = join(folder, 'electron-mac', 'Electron.app', 'Contents');
  write(join(contents, 'Info.plist'), plist('Electron', 'com.github.Electron'));
  write(join(contents, 'MacOS', 'Electron'), standInBinary(), 0o755);
  write(join(contents, 'Resources', 'electron.icns'), 'stand-in');
  // On macOS the fuse wire lives in the framework, not in the launcher.
  write(join(contents, 'Frameworks', 'Electron Framework.framework', 'Electron Framework'), standInBinary(), 0o755);
  const helper = join(contents, 'Frameworks', 'Electron Helper.app', 'Contents');
  write(join(helper, 'Info.plist'), plist('Electron Helper', 'com.github.Electron.helper'));
  write(join(helper, 'MacOS', 'Electron Helper'), standInBinary(), 0o755);
  return { linux, mac: join(folder, 'electron-mac') };
}

type AsarEntry = { files?: Record<string, AsarEntry>; offset?: string; size?: number; unpacked?: boolean };

/** Reads an asar archive: a length-prefixed JSON header (Chromium pickle), then the file data. */
function readAsar(path: string): Map<string, Buffer> {
  const archive = readFileSync(path);
  const headerSize = archive.readUInt32LE(4);
  const jsonLength = archive.readInt32LE(12);
  const header = JSON.parse(archive.toString('utf8', 16, 16 + jsonLength)) as AsarEntry;
  const base = 8 + headerSize;
  const files = new Map<string, Buffer>();
  const walk = (entry: AsarEntry, prefix: string) => {
    for (const [name, child] of Object.entries(entry.files ?? {})) {
      const path = `${prefix}${name}`;
      if (child.files) walk(child, `${path}/`);
      else if (!child.unpacked) files.set(path, archive.subarray(base + Number(child.offset), base + Number(child.offset) + child.size!));
    }
  };
  walk(header, '');
  return files;
}

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)).map((file) => `${entry.name}/${file}`) : [entry.name],
  );

type Captured = { fpmArgs?: string[]; debDesktop?: string; appImageDesktop?: string; appImageDesktopName?: string };

let temp: { path: string; cleanup: () => void };
const captured: Captured = {};
let linuxDir = '';
let macApp = '';
let codesignCalls: string[] = [];

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'out/main/index.js'))) throw new Error('out/ is missing: run `npm run build` before this test');
  temp = makeTempDir('attune-pack-');
  const resources = join(temp.path, 'resources');
  for (const icon of appIconFiles()) write(join(resources, icon.path), icon.data);
  const electron = standInElectron(temp.path);

  await build({
    projectDir: ROOT,
    publish: 'never',
    targets: Platform.LINUX.createTarget(['dir', 'AppImage', 'deb'], Arch.x64),
    config: { electronDist: electron.linux, directories: { output: join(temp.path, 'linux'), buildResources: resources } },
    effectiveOptionComputed: async (options: unknown) => {
      if (Array.isArray(options)) {
        // deb: fpm's arguments and the desktop entry file it would install.
        captured.fpmArgs = options[0] as string[];
        captured.debDesktop = readFileSync(options[1] as string, 'utf8');
      } else {
        const appImage = options as { desktop: string; desktopFileName: string };
        captured.appImageDesktop = appImage.desktop;
        captured.appImageDesktopName = appImage.desktopFileName;
      }
      return true;
    },
  });
  linuxDir = join(temp.path, 'linux', 'linux-unpacked');

  // macOS: `codesign` is looked up on PATH when the fuses are flipped.
  const bin = join(temp.path, 'bin');
  const log = join(temp.path, 'codesign.log');
  write(join(bin, 'codesign'), `#!/bin/sh\nprintf '%s\\n' "$*" >> '${log}'\n`, 0o755);
  const path = process.env['PATH'];
  process.env['PATH'] = `${bin}:${path ?? ''}`;
  try {
    await build({
      projectDir: ROOT,
      publish: 'never',
      targets: Platform.MAC.createTarget(['dir'], Arch.arm64),
      config: { electronDist: electron.mac, directories: { output: join(temp.path, 'mac'), buildResources: resources } },
    });
  } finally {
    process.env['PATH'] = path;
  }
  macApp = join(temp.path, 'mac', 'mac-arm64', 'Attune.app');
  codesignCalls = existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : [];
}, 180_000);

afterAll(() => temp?.cleanup());

describe('packing the Linux app offline', () => {
  it('puts only the built app and package.json into app.asar: main, preload, renderer and the licence notices', () => {
    const asar = readAsar(join(linuxDir, 'resources', 'app.asar'));
    const paths = [...asar.keys()];
    expect(paths).toEqual(expect.arrayContaining(['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html', 'out/THIRD_PARTY_NOTICES.txt', 'package.json']));
    expect(paths.filter((path) => !path.startsWith('out/') && path !== 'package.json')).toEqual([]);
    expect(paths.filter((path) => path.includes('node_modules'))).toEqual([]);
    // The same bytes as the build: nothing rewritten on the way in.
    expect(asar.get('out/main/index.js')!.equals(readFileSync(join(ROOT, 'out/main/index.js')))).toBe(true);
    expect(asar.get('out/THIRD_PARTY_NOTICES.txt')!.toString('utf8')).toContain('react ');
  });

  it('ships a package.json with what the app and the targets read, and no build scripts', () => {
    const shipped = JSON.parse(readAsar(join(linuxDir, 'resources', 'app.asar')).get('package.json')!.toString('utf8')) as Record<string, unknown>;
    expect(shipped).toMatchObject({
      name: pkg.name,
      productName: 'Attune',
      version: pkg.version,
      main: 'out/main/index.js',
      type: 'module',
      desktopName: LINUX_DESKTOP_NAME,
      author: { name: expect.any(String), email: expect.stringMatching(/^[^@\s]+@[^@\s]+\.[a-z]+$/) },
      homepage: expect.stringMatching(/^https:\/\//),
    });
    expect(shipped).not.toHaveProperty('scripts');
    expect(shipped).not.toHaveProperty('devDependencies');
  });

  it('names the program after the package, keeps Electron’s licence beside it and flips the fuses as configured', () => {
    // The deb adds an AppArmor profile that lets Chromium's sandbox use user namespaces on
    // Ubuntu 24.04 and later; it must point at the installed program.
    expect(files(linuxDir).sort()).toEqual(['LICENSE.electron.txt', 'attune', 'resources/app.asar', 'resources/apparmor-profile']);
    expect(readFileSync(join(linuxDir, 'resources', 'apparmor-profile'), 'utf8')).toContain('"/opt/Attune/attune"');
    expect(fuseWire(readFileSync(join(linuxDir, 'attune')))).toBe(expectedWire());
    expect(expectedWire()).not.toBe(DEFAULT_WIRE);
  });

  it('gives the deb its maintainer, homepage, description, icons and a desktop entry named after desktopName', () => {
    const args = captured.fpmArgs!;
    const option = (name: string) => args[args.indexOf(`--${name}`) + 1];
    expect(option('name')).toBe(pkg.name);
    expect(option('maintainer')).toBe('Attune team <hello@attune.app>');
    expect(option('url')).toBe('https://attune.app');
    expect(option('description')).toContain(config.linux.synopsis);
    expect(option('description')).toContain(config.linux.description);
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512]) {
      expect(args).toContain(`${join(temp.path, 'resources', 'icons', `${size}x${size}.png`)}=/usr/share/icons/hicolor/${size}x${size}/apps/attune.png`);
    }
    expect(args.some((arg) => arg.endsWith(`=/usr/share/applications/${LINUX_DESKTOP_NAME}`))).toBe(true);
  });

  it('writes desktop entries whose StartupWMClass is the window class Electron sets from desktopName', () => {
    // Electron's Linux window identity is desktopName without ".desktop" (X11 WM_CLASS and
    // Wayland app_id alike); the launcher matches it against StartupWMClass and the file name.
    const windowClass = LINUX_DESKTOP_NAME.replace(/\.desktop$/, '');
    expect(windowClass).toBe(APP_ID);
    for (const entry of [captured.debDesktop!, captured.appImageDesktop!]) {
      const fields = Object.fromEntries(entry.split('\n').filter((line) => line.includes('=')).map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
      expect(fields).toMatchObject({
        Name: 'Attune',
        Type: 'Application',
        Icon: 'attune',
        StartupWMClass: windowClass,
        Categories: `${config.linux.category};`,
        Comment: config.linux.description,
      });
    }
    expect(captured.appImageDesktopName).toBe(LINUX_DESKTOP_NAME);
  });
});

describe('packing the unsigned macOS arm64 app offline', () => {
  it('re-signs the app ad hoc after flipping the fuses, so Apple silicon still launches it', () => {
    expect(codesignCalls).toEqual([`--sign - --force --preserve-metadata=entitlements,requirements,flags,runtime --deep ${macApp}`]);
    const framework = join(macApp, 'Contents', 'Frameworks', 'Electron Framework.framework', 'Electron Framework');
    expect(fuseWire(readFileSync(framework))).toBe(expectedWire());
  });

  it('gives the bundle Attune’s identifier, icon, category and Bluetooth explanation', () => {
    const info = readFileSync(join(macApp, 'Contents', 'Info.plist'), 'utf8');
    const value = (key: string) => new RegExp(`<key>${key}</key>\\s*<string>([^<]*)</string>`).exec(info)?.[1];
    expect(value('CFBundleIdentifier')).toBe(APP_ID);
    expect(value('CFBundleIconFile')).toBe('icon.icns');
    expect(value('LSApplicationCategoryType')).toBe(config.mac.category);
    expect(value('NSBluetoothAlwaysUsageDescription')).toBe(config.mac.extendInfo['NSBluetoothAlwaysUsageDescription']);
    const icns = readFileSync(join(macApp, 'Contents', 'Resources', 'icon.icns'));
    expect(icns.equals(readFileSync(join(temp.path, 'resources', 'icon.icns')))).toBe(true);
  });
});
