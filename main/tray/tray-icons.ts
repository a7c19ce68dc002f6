import { ACCENT, MARK, bar, disc, rasterise, ring, union, type Rgb, type Shape } from '../branding/drawing.ts';
import { encodePng } from './png.ts';
import type { TrayIconName } from './tray-model.ts';

// Tray icons drawn in code: one shape per state, so the state reads without colour.
//   idle: a ring · connected: a ring with a dot · flooded: a filled disc
//   break: a ring with clock hands · paused: two bars · attention: a ring with a dot outside
// On macOS they are template images (black + alpha, the menu bar recolours them); elsewhere
// they use Attune's warm accent, which reads on light and dark panels alike.

const FLOODED: Rgb = [0xa8, 0x3a, 0x1c];
const TEMPLATE: Rgb = [0, 0, 0];

const SHAPES: Record<TrayIconName, Shape> = {
  idle: ring(0.72, 0.22),
  connected: MARK,
  flooded: disc(0, 0, 0.86),
  break: union(ring(0.72, 0.2), bar(-0.07, -0.5, 0.07, 0.05), bar(-0.07, -0.07, 0.42, 0.07)),
  paused: union(bar(-0.5, -0.62, -0.16, 0.62), bar(0.16, -0.62, 0.5, 0.62)),
  attention: union(ring(0.62, 0.2), disc(0.62, -0.62, 0.3)),
};

export function drawIcon(name: TrayIconName, sizePx: number, template: boolean): Buffer {
  const colour = template ? TEMPLATE : name === 'flooded' ? FLOODED : ACCENT;
  return encodePng(sizePx, sizePx, rasterise(sizePx, [{ shape: SHAPES[name], colour }]));
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
