// Drawing for icons made in code. The tray icons and the app icon share these shapes, the
// accent and the mark itself, so the two always speak the same visual language. A shape
// gives the coverage of one pixel, 0–1, from a signed distance in unit coordinates (−1…1
// across the icon, y growing downwards): every edge is anti-aliased at any size, and a
// 16 px icon is drawn for 16 px rather than shrunk from a large one.

export type Rgb = readonly [number, number, number];

/** Attune's warm accent, in the tray and on the app icon (it reads on light and dark panels). */
export const ACCENT: Rgb = [0xc4, 0x62, 0x34];

/** Coverage of a pixel (0–1) centred at unit coordinates x, y; `px` is one pixel's width in units. */
export type Shape = (x: number, y: number, px: number) => number;

/** Coverage of a pixel whose centre lies `distance` outside an edge (negative: inside). */
export const smooth = (distance: number, px: number): number => Math.min(1, Math.max(0, 0.5 - distance / px));

export const ring = (r: number, width: number): Shape => (x, y, px) => smooth(Math.abs(Math.hypot(x, y) - r) - width / 2, px);

export const disc = (cx: number, cy: number, r: number): Shape => (x, y, px) => smooth(Math.hypot(x - cx, y - cy) - r, px);

export const bar = (x0: number, y0: number, x1: number, y1: number): Shape => (x, y, px) =>
  smooth(Math.max(x0 - x, x - x1, y0 - y, y - y1), px);

export const union = (...shapes: Shape[]): Shape => (x, y, px) => Math.max(...shapes.map((s) => s(x, y, px)));

/** The same shape drawn `factor` times as large, still centred. */
export const scaled = (shape: Shape, factor: number): Shape => (x, y, px) => shape(x / factor, y / factor, px / factor);

/** Attune's mark: a ring with a dot at its centre (the tray's "connected" icon, and the app icon). */
export const MARK: Shape = union(ring(0.72, 0.22), disc(0, 0, 0.3));

/** Signed distance to a square of half-side `half` with corners rounded to `radius`, centred on (0, cy). */
export function roundedSquareDistance(x: number, y: number, half: number, radius: number, cy = 0): number {
  const qx = Math.abs(x) - (half - radius);
  const qy = Math.abs(y - cy) - (half - radius);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
}

/** One layer of a picture: where it covers, in which colour, and how opaque it is at full coverage. */
export type Layer = { shape: Shape; colour: Rgb | ((x: number, y: number) => Rgb); opacity?: number };

const colourAt = (layer: Layer, x: number, y: number): Rgb => (typeof layer.colour === 'function' ? layer.colour(x, y) : layer.colour);

/**
 * Paints the layers bottom to top ("over" compositing) into straight-alpha RGBA bytes.
 * A single opaque-coloured layer keeps its colour exactly wherever it covers anything.
 */
export function rasterise(sizePx: number, layers: readonly Layer[]): Uint8Array {
  const pixels = new Uint8Array(sizePx * sizePx * 4);
  const px = 2 / sizePx;
  for (let row = 0; row < sizePx; row += 1) {
    for (let col = 0; col < sizePx; col += 1) {
      const x = -1 + (col + 0.5) * px;
      const y = -1 + (row + 0.5) * px;
      // Premultiplied accumulation, so partly covered edges blend without dark fringes.
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (const layer of layers) {
        const coverage = layer.shape(x, y, px) * (layer.opacity ?? 1);
        if (coverage <= 0) continue;
        const colour = colourAt(layer, x, y);
        r = colour[0] * coverage + r * (1 - coverage);
        g = colour[1] * coverage + g * (1 - coverage);
        b = colour[2] * coverage + b * (1 - coverage);
        a = coverage + a * (1 - coverage);
      }
      const i = (row * sizePx + col) * 4;
      if (a === 0) {
        // Fully transparent: keep the top layer's colour so resampling never pulls in black.
        const top = layers.length > 0 ? colourAt(layers[layers.length - 1]!, x, y) : ([0, 0, 0] as const);
        pixels[i] = top[0];
        pixels[i + 1] = top[1];
        pixels[i + 2] = top[2];
        continue;
      }
      pixels[i] = Math.round(r / a);
      pixels[i + 1] = Math.round(g / a);
      pixels[i + 2] = Math.round(b / a);
      pixels[i + 3] = Math.round(a * 255);
    }
  }
  return pixels;
}
