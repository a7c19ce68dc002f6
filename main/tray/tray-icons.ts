import { encodePng } from './png.ts';
import type { TrayIconName } from './tray-model.ts';

// Tray icons drawn in code: one shape per state, so the state reads without colour.
//   idle: a ring · connected: a ring with a dot · flooded: a filled disc
//   break: a ring with clock hands · paused: two bars · attention: a ring with a dot outside
// On macOS they are template images (black + alpha, the menu bar recolours them); elsewhere
// they use Attune's warm accent, which reads on light and dark panels alike.

type Rgb = readonly [number, number, number];
const ACCENT: Rgb = [0xc4, 0x62, 0x34];
const FLOODED: Rgb = [0xa8, 0x3a, 0x1c];
const TEMPLATE: Rgb = [0, 0, 0];

/** Coverage of a pixel (0–1) at unit coordinates (−1…1 across the icon). */
type Shape = (x: number, y: number, px: number) => number;

const smooth = (distance: number, px: number) => Math.min(1, Math.max(0, 0.5 - distance / px));
const ring = (r: number, width: number): Shape => (x, y, px) => smooth(Math.abs(Math.hypot(x, y) - r) - width / 2, px);
const disc = (cx: number, cy: number, r: number): Shape => (x, y, px) => smooth(Math.hypot(x - cx, y - cy) - r, px);
const bar = (x0: number, y0: number, x1: number, y1: number): Shape => (x, y, px) =>
  smooth(Math.max(x0 - x, x - x1, y0 - y, y - y1), px);
const union = (...shapes: Shape[]): Shape => (x, y, px) => Math.max(...shapes.map((s) => s(x, y, px)));

const SHAPES: Record<TrayIconName, Shape> = {
  idle: ring(0.72, 0.22),
  connected: union(ring(0.72, 0.22), disc(0, 0, 0.3)),
  flooded: disc(0, 0, 0.86),
  break: union(ring(0.72, 0.2), bar(-0.07, -0.5, 0.07, 0.05), bar(-0.07, -0.07, 0.42, 0.07)),
  paused: union(bar(-0.5, -0.62, -0.16, 0.62), bar(0.16, -0.62, 0.5, 0.62)),
  attention: union(ring(0.62, 0.2), disc(0.62, -0.62, 0.3)),
};

export function drawIcon(name: TrayIconName, sizePx: number, template: boolean): Buffer {
  const colour = template ? TEMPLATE : name === 'flooded' ? FLOODED : ACCENT;
  const pixels = new Uint8Array(sizePx * sizePx * 4);
  const px = 2 / sizePx;
  for (let row = 0; row < sizePx; row += 1) {
    for (let col = 0; col < sizePx; col += 1) {
      const x = -1 + (col + 0.5) * px;
      const y = -1 + (row + 0.5) * px;
      const alpha = SHAPES[name](x, y, px);
      const i = (row * sizePx + col) * 4;
      pixels[i] = colour[0];
      pixels[i + 1] = colour[1];
      pixels[i + 2] = colour[2];
      pixels[i + 3] = Math.round(alpha * 255);
    }
  }
  return encodePng(sizePx, sizePx, pixels);
}

export type IconImages = { scale1: Buffer; scale2: Buffer };
const cache = new Map<string, IconImages>();

/** 16 px and 32 px (for 2× screens) PNGs of an icon, drawn once. */
export function iconImages(name: TrayIconName, template: boolean): IconImages {
  const key = `${name}:${template}`;
  let images = cache.get(key);
  if (!images) {
    images = { scale1: drawIcon(name, 16, template), scale2: drawIcon(name, 32, template) };
    cache.set(key, images);
  }
  return images;
}
