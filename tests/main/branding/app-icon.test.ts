import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { NativeImage } from 'electron';
import { appIconGeometry, drawAppIcon } from '../../../main/branding/app-icon.ts';
import { ACCENT } from '../../../main/branding/drawing.ts';
import { encodePng } from '../../../main/tray/png.ts';
import { drawIcon } from '../../../main/tray/tray-icons.ts';
import type { TrayIconName } from '../../../main/tray/tray-model.ts';
import { mainWindowOptions } from '../../../main/window.ts';
import { decodePng, pixelAt, type DecodedPng } from '../../support/image-files.ts';

const ARTIFACT = fileURLToPath(new URL('../../../test-artifacts/app-icon.png', import.meta.url));
const SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

const isAccent = ([r, g, b, a]: number[]) => a === 255 && r === ACCENT[0] && g === ACCENT[1] && b === ACCENT[2];
const luma = ([r, g, b]: number[]) => 0.299 * r! + 0.587 * g! + 0.114 * b!;

/** Pixel under a point given in unit coordinates (−1…1 across the image). */
function at(image: DecodedPng, x: number, y: number) {
  const col = Math.min(image.width - 1, Math.floor(((x + 1) / 2) * image.width));
  const row = Math.min(image.height - 1, Math.floor(((y + 1) / 2) * image.height));
  return pixelAt(image, col, row);
}

// Drawing and decoding the 1024 px icon takes a second; allow for a busy machine.
describe('the app icon', { timeout: 60_000 }, () => {
  it('is a full, opaque tile at every size, transparent only outside its rounded corners', () => {
    for (const size of SIZES) {
      const image = decodePng(drawAppIcon(size));
      expect([image.width, image.height]).toEqual([size, size]);
      let opaque = 0;
      const colours = new Set<string>();
      for (let i = 0; i < image.rgba.length; i += 4) {
        if (image.rgba[i + 3] === 255) opaque += 1;
        colours.add(`${image.rgba[i]},${image.rgba[i + 1]},${image.rgba[i + 2]}`);
      }
      // Not blank and not a flat square: most of it is solid, in more than a couple of colours.
      expect(opaque / (size * size), `${size} px`).toBeGreaterThan(size >= 64 ? 0.55 : 0.7);
      expect(colours.size, `${size} px`).toBeGreaterThan(3);
      expect(pixelAt(image, 0, 0)[3], `${size} px corner`).toBe(0);
      expect(pixelAt(image, size - 1, size - 1)[3], `${size} px corner`).toBeLessThan(128);
    }
  });

  it('carries the tray mark in the tray accent: a ring with a dot, in the same proportions', () => {
    const tray = decodePng(drawIcon('connected', 64, false));
    for (const size of [128, 256, 1024]) {
      const icon = decodePng(drawAppIcon(size));
      const scale = appIconGeometry(size).markScale;
      // Points in the tray icon's own frame: the dot, the ring on four sides, the gap, outside.
      const points: Array<[number, number, 'mark' | 'clear']> = [
        [0, 0, 'mark'],
        [0.15, -0.15, 'mark'],
        [0.72, 0, 'mark'],
        [-0.72, 0, 'mark'],
        [0, 0.72, 'mark'],
        [0, -0.72, 'mark'],
        [0.46, 0, 'clear'],
        [0, -0.46, 'clear'],
        [0.95, 0, 'clear'],
      ];
      for (const [x, y, expected] of points) {
        const trayPixel = at(tray, x, y);
        expect(trayPixel[3] === 255 ? 'mark' : trayPixel[3] === 0 ? 'clear' : 'edge', `tray at ${x},${y}`).toBe(expected);
        expect(isAccent(trayPixel) || expected === 'clear').toBe(true);
        const iconPixel = at(icon, x * scale, y * scale);
        expect(isAccent(iconPixel), `${size} px icon at ${x},${y}`).toBe(expected === 'mark');
        if (expected === 'clear') {
          // The tile behind the mark is light and warm: red over green over blue.
          expect(iconPixel[3]).toBe(255);
          expect(luma(iconPixel)).toBeGreaterThan(200);
          expect(iconPixel[0]).toBeGreaterThan(iconPixel[1]);
          expect(iconPixel[1]).toBeGreaterThan(iconPixel[2]);
        }
      }
    }
  });

  it('still reads as ring, gap and dot at 16 and 24 px', () => {
    for (const size of [16, 24]) {
      const icon = decodePng(drawAppIcon(size));
      const row = Math.floor(size / 2);
      const classes: string[] = [];
      for (let x = 0; x < size; x += 1) {
        const pixel = pixelAt(icon, x, row);
        const kind = pixel[3] < 128 ? 'outside' : luma(pixel) < 170 ? 'mark' : 'tile';
        if (classes.at(-1) !== kind) classes.push(kind);
      }
      const inside = classes.filter((kind) => kind !== 'outside');
      expect(inside, `${size} px, middle row`).toEqual(['tile', 'mark', 'tile', 'mark', 'tile', 'mark', 'tile']);
    }
  });

  it('is what the window shows on Linux and Windows (macOS uses the bundle icon)', () => {
    for (const platform of ['linux', 'win32'] as const) {
      const icon = mainWindowOptions('/preload.cjs', false, platform).icon as NativeImage | undefined;
      expect(icon, platform).toBeDefined();
      const png = icon!.toPNG();
      expect(png.equals(drawAppIcon(256)), platform).toBe(true);
    }
    expect(mainWindowOptions('/preload.cjs', false, 'darwin').icon).toBeUndefined();
  });

  it('saves a contact sheet with the tray icons for review (test-artifacts/app-icon.png)', () => {
    const sheet = contactSheet();
    mkdirSync(fileURLToPath(new URL('.', `file://${ARTIFACT}`)), { recursive: true });
    writeFileSync(ARTIFACT, sheet);
    const decoded = decodePng(sheet);
    expect(decoded.width).toBeGreaterThan(700);
  });
});

/**
 * One image a reviewer can look at: the app icon at the sizes it ships in, the 16 and 32 px
 * ones also enlarged 4× (nearest neighbour, to see the real pixels), and the six tray icons
 * at 16 and 32 px, on a light and on a dark panel.
 */
function contactSheet(): Buffer {
  const iconSizes = [16, 24, 32, 48, 64, 128, 256];
  const trayNames: TrayIconName[] = ['idle', 'connected', 'flooded', 'break', 'paused', 'attention'];
  const gap = 16;
  const iconRow = iconSizes.reduce((w, s) => w + s + gap, gap) + 128 + gap + 64 + gap;
  const trayRow = gap + trayNames.length * (32 + gap) + trayNames.length * (16 + gap) + trayNames.length * (64 + gap);
  const width = Math.max(iconRow, trayRow);
  const band = gap + 256 + gap + 64 + gap;
  const height = band * 2;
  const out = new Uint8Array(width * height * 4);
  const fill = (y0: number, y1: number, [r, g, b]: number[]) => {
    for (let i = y0 * width * 4; i < y1 * width * 4; i += 4) [out[i], out[i + 1], out[i + 2], out[i + 3]] = [r!, g!, b!, 255];
  };
  const blit = (png: Buffer, left: number, top: number, zoom = 1) => {
    const image = decodePng(png);
    for (let y = 0; y < image.height * zoom; y += 1) {
      for (let x = 0; x < image.width * zoom; x += 1) {
        const [r, g, b, a] = pixelAt(image, Math.floor(x / zoom), Math.floor(y / zoom));
        const i = ((top + y) * width + left + x) * 4;
        const alpha = a / 255;
        out[i] = Math.round(r * alpha + out[i]! * (1 - alpha));
        out[i + 1] = Math.round(g * alpha + out[i + 1]! * (1 - alpha));
        out[i + 2] = Math.round(b * alpha + out[i + 2]! * (1 - alpha));
      }
    }
  };
  // The app's own page colours, light and dark.
  fill(0, band, [0xf6, 0xf2, 0xec]);
  fill(band, height, [0x1b, 0x19, 0x17]);
  for (const top of [0, band]) {
    const baseline = top + gap + 256;
    let x = gap;
    for (const size of iconSizes) {
      blit(drawAppIcon(size), x, baseline - size);
      x += size + gap;
    }
    blit(drawAppIcon(32), x, baseline - 128, 4);
    x += 128 + gap;
    blit(drawAppIcon(16), x, baseline - 64, 4);
    const trayTop = baseline + gap;
    x = gap;
    for (const name of trayNames) {
      blit(drawIcon(name, 32, false), x, trayTop);
      x += 32 + gap;
    }
    for (const name of trayNames) {
      blit(drawIcon(name, 16, false), x, trayTop + 16);
      x += 16 + gap;
    }
    for (const name of trayNames) {
      blit(drawIcon(name, 16, false), x, trayTop, 4);
      x += 64 + gap;
    }
  }
  return encodePng(width, height, out);
}
