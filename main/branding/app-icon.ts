import { encodePng } from '../tray/png.ts';
import { ACCENT, MARK, rasterise, roundedSquareDistance, scaled, smooth, type Layer, type Rgb } from './drawing.ts';

// The app icon, drawn in code from the same mark as the tray: Attune's ring with the dot at
// its centre, in the warm accent, on a soft apricot tile. One drawing serves every size and
// platform: the window at run time (main/window.ts) and the installers' files, which
// `npm run icons` writes (scripts/draw-app-icons.ts, build-tools/icon-files.ts).
//
// Small sizes are drawn for their size rather than shrunk: below 128 px the tile grows to
// fill the square and the mark grows within it, so at 16 px the ring is still wider than a
// pixel and the dot stands apart from it; the shadow and the glow only appear where there
// is room for them.

/** Light at the top of the tile, a little deeper at the bottom: warm, never clinical white. */
const TILE_TOP: Rgb = [0xfd, 0xe8, 0xd8];
const TILE_BOTTOM: Rgb = [0xf4, 0xc6, 0xa4];
const EDGE: Rgb = [0xc9, 0x85, 0x5c];
const GLOW: Rgb = [0xff, 0xfb, 0xf6];
const SHADOW: Rgb = [0x5c, 0x34, 0x1e];

/** Geometry at a given size, in unit coordinates (−1…1 across the square). */
export function appIconGeometry(sizePx: number): { tileHalf: number; cornerRadius: number; markScale: number; roomy: boolean } {
  // 0 at 32 px and below, 1 at 128 px and above.
  const t = Math.min(1, Math.max(0, (sizePx - 32) / 96));
  const tileHalf = 0.94 - t * (0.94 - 0.82);
  return {
    tileHalf,
    // A soft corner, close to the macOS grid's (about 22% of the side).
    cornerRadius: tileHalf * 0.45,
    // The mark's outer edge sits at 0.83 of its own half-width.
    markScale: tileHalf * (0.8 - t * 0.06),
    // Room for the drop shadow and the glow behind the mark.
    roomy: sizePx >= 64,
  };
}

const mix = (a: Rgb, b: Rgb, t: number): Rgb => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];

export function appIconLayers(sizePx: number): Layer[] {
  const { tileHalf, cornerRadius, markScale, roomy } = appIconGeometry(sizePx);
  const layers: Layer[] = [];
  if (roomy) {
    // A soft shadow just below the tile, so it sits on a dock or desktop rather than floating.
    const blur = 0.07;
    layers.push({
      shape: (x, y) => smooth(roundedSquareDistance(x, y, tileHalf - 0.01, cornerRadius, 0.03), blur),
      colour: SHADOW,
      opacity: 0.3,
    });
  }
  const tile = (x: number, y: number, px: number) => smooth(roundedSquareDistance(x, y, tileHalf, cornerRadius), px);
  layers.push({ shape: tile, colour: (_x, y) => mix(TILE_TOP, TILE_BOTTOM, Math.min(1, Math.max(0, (y + tileHalf) / (2 * tileHalf)))) });
  // A fine darker edge, so the light tile still has an outline on a white panel.
  layers.push({
    shape: (x, y, px) => smooth(Math.abs(roundedSquareDistance(x, y, tileHalf - px / 2, cornerRadius)) - px / 2, px),
    colour: EDGE,
    opacity: roomy ? 0.25 : 0.45,
  });
  if (roomy) {
    // A soft light behind the mark, like a lamp in the evening: warm, not a target.
    const reach = markScale * 1.3;
    layers.push({
      shape: (x, y, px) => tile(x, y, px) * (1 - Math.min(1, Math.hypot(x, y + 0.04) / reach) ** 2) ** 2,
      colour: GLOW,
      opacity: 0.9,
    });
  }
  layers.push({ shape: scaled(MARK, markScale), colour: ACCENT });
  return layers;
}

/** Straight-alpha RGBA bytes of the icon at `sizePx` × `sizePx`. */
export function appIconPixels(sizePx: number): Uint8Array {
  return rasterise(sizePx, appIconLayers(sizePx));
}

/** The icon as a PNG file. */
export function drawAppIcon(sizePx: number): Buffer {
  return encodePng(sizePx, sizePx, appIconPixels(sizePx));
}
