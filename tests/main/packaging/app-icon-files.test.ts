import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { convertIcon } from 'app-builder-lib/out/util/iconConverter.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drawAppIcon } from '../../../main/branding/app-icon.ts';
import { decodePng, isPng, parseIcns, parseIco } from '../../support/image-files.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

// `npm run icons` (scripts/draw-app-icons.ts) run for real into a temp folder, its files read
// back with readers written from the formats' specifications (tests/support/image-files.ts),
// then handed to electron-builder's own icon resolution, as `npm run dist` would.

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const config = parse(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as {
  directories: { buildResources: string };
  linux: { icon: string };
  mac: { icon: string };
  win: { icon: string };
};

/** Pixel sizes of the PNG-holding icns types, from Apple's icns type list. */
const ICNS_TYPE_SIZES: Record<string, number> = {
  ic07: 128,
  ic08: 256,
  ic09: 512,
  ic10: 1024,
  ic11: 32,
  ic12: 64,
  ic13: 256,
  ic14: 512,
};

let out: { path: string; cleanup: () => void };
let run: ReturnType<typeof spawnSync>;

beforeAll(() => {
  out = makeTempDir('attune-icons-');
  run = spawnSync(process.execPath, ['scripts/draw-app-icons.ts', out.path], { cwd: ROOT, encoding: 'utf8' });
}, 60_000);
afterAll(() => out.cleanup());

const file = (path: string) => readFileSync(join(out.path, path));

describe('npm run icons', { timeout: 60_000 }, () => {
  it('runs under plain Node and says where the icons went', () => {
    expect(run.stderr, String(run.stderr)).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(out.path);
    expect(config.directories.buildResources).toBe('build');
  });

  it('writes the 1024 px master exactly as the app draws it', () => {
    const png = file('icon.png');
    expect(decodePng(png)).toMatchObject({ width: 1024, height: 1024 });
    expect(png.equals(drawAppIcon(1024))).toBe(true);
  });

  it('writes one PNG per Linux size, each of its own size', () => {
    const names = readdirSync(join(out.path, 'icons')).sort((a, b) => parseInt(a, 10) - parseInt(b, 10));
    expect(names).toEqual(['16x16.png', '24x24.png', '32x32.png', '48x48.png', '64x64.png', '128x128.png', '256x256.png', '512x512.png']);
    for (const name of names) {
      const size = parseInt(name, 10);
      expect(decodePng(file(`icons/${name}`)), name).toMatchObject({ width: size, height: size });
    }
  });

  it('writes a Windows .ico with 32-bit PNG images from 16 to 256 px', () => {
    const entries = parseIco(file('icon.ico'));
    expect(entries.map((entry) => entry.width)).toEqual([16, 24, 32, 48, 64, 128, 256]);
    for (const entry of entries) {
      expect(entry.height).toBe(entry.width);
      expect(entry.bitCount).toBe(32);
      expect(isPng(entry.data)).toBe(true);
      expect(decodePng(entry.data)).toMatchObject({ width: entry.width, height: entry.width });
    }
  });

  it('writes a macOS .icns with the 1× and Retina PNG types, each image the size its type promises', () => {
    const entries = parseIcns(file('icon.icns'));
    expect(entries.map((entry) => entry.type).sort()).toEqual(Object.keys(ICNS_TYPE_SIZES).sort());
    for (const entry of entries) {
      const size = ICNS_TYPE_SIZES[entry.type]!;
      expect(decodePng(entry.data), entry.type).toMatchObject({ width: size, height: size });
    }
  });

  it('is taken as is by electron-builder for every platform, with no conversion to download', async () => {
    const resolve = (sources: string[], format: 'ico' | 'icns' | 'set') =>
      convertIcon({ sources, fallbackSources: [], roots: [out.path], format, outDir: join(out.path, `.converted-${format}`) });

    const win = await resolve([config.win.icon], 'ico');
    expect(win.isFallback).toBe(false);
    expect(win.icons).toEqual([{ file: join(out.path, 'icon.ico'), size: 256 }]);

    const mac = await resolve([config.mac.icon], 'icns');
    expect(mac.icons.map((icon) => icon.file)).toEqual([join(out.path, 'icon.icns')]);

    const linux = await resolve([config.linux.icon], 'set');
    expect(linux.icons.map((icon) => icon.size)).toEqual([16, 24, 32, 48, 64, 128, 256, 512]);
    expect(linux.icons.every((icon) => icon.file.startsWith(join(out.path, 'icons')))).toBe(true);
  });
});
