import { drawAppIcon } from '../main/branding/app-icon.ts';

// The installer icons, every one drawn from main/branding/app-icon.ts at its own size (never
// scaled from a bigger one). scripts/draw-app-icons.ts writes them into electron-builder's
// buildResources folder, build/; electron-builder.yml points each platform at its file.

/** Linux hicolor sizes: build/icons/<N>x<N>.png, installed by the deb and the AppImage. */
export const LINUX_ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512] as const;

/** Windows .ico entries (taskbar, Start menu, Explorer views, the installer). */
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;

/**
 * macOS .icns entries, by OSType, each holding a PNG: 128–512 pt at 1× and 16–512 pt at 2×
 * for Retina screens. 16 and 32 pt at 1× are left out (their PNG types, icp4 and icp5, are
 * the least dependable); macOS draws them from ic11 and ic12.
 */
export const ICNS_ENTRIES = [
  { type: 'ic11', size: 32 }, // 16 pt @2x
  { type: 'ic12', size: 64 }, // 32 pt @2x
  { type: 'ic07', size: 128 }, // 128 pt
  { type: 'ic13', size: 256 }, // 128 pt @2x
  { type: 'ic08', size: 256 }, // 256 pt
  { type: 'ic14', size: 512 }, // 256 pt @2x
  { type: 'ic09', size: 512 }, // 512 pt
  { type: 'ic10', size: 1024 }, // 512 pt @2x
] as const;

/** The 1024 px master, also the fallback electron-builder looks for as build/icon.png. */
export const MASTER_SIZE = 1024;

/**
 * A Windows icon file: a 6-byte header, one 16-byte directory entry per image, then the
 * images. Every image is stored as PNG, which Windows reads since Vista; a width or height
 * of 256 is written as 0, as the format requires.
 */
export function encodeIco(images: ReadonlyArray<{ size: number; png: Buffer }>): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // 1 = icon (2 would be a cursor)
  header.writeUInt16LE(images.length, 4);
  const directory = Buffer.alloc(16 * images.length);
  let offset = header.length + directory.length;
  images.forEach(({ size, png }, index) => {
    if (size < 1 || size > 256) throw new Error(`an .ico image must be 1–256 px, not ${size}`);
    const entry = index * 16;
    directory.writeUInt8(size === 256 ? 0 : size, entry);
    directory.writeUInt8(size === 256 ? 0 : size, entry + 1);
    directory.writeUInt8(0, entry + 2); // no palette
    directory.writeUInt8(0, entry + 3); // reserved
    directory.writeUInt16LE(1, entry + 4); // colour planes
    directory.writeUInt16LE(32, entry + 6); // bits per pixel
    directory.writeUInt32LE(png.length, entry + 8);
    directory.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, directory, ...images.map((image) => image.png)]);
}

/**
 * A macOS icon file: the magic "icns" and the total length (big-endian), then one element
 * per image: its OSType, its length including this 8-byte element header, and the PNG.
 */
export function encodeIcns(entries: ReadonlyArray<{ type: string; png: Buffer }>): Buffer {
  const elements = entries.map(({ type, png }) => {
    if (!/^[\x20-\x7e]{4}$/.test(type)) throw new Error(`an OSType is four ASCII characters, not "${type}"`);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(8 + png.length, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + elements.reduce((total, element) => total + element.length, 0), 4);
  return Buffer.concat([head, ...elements]);
}

export type IconFile = { path: string; data: Buffer };

/** Every file for build/, paths relative to it. Each size is drawn once and shared. */
export function appIconFiles(draw: (sizePx: number) => Buffer = drawAppIcon): IconFile[] {
  const drawn = new Map<number, Buffer>();
  const png = (size: number): Buffer => {
    let image = drawn.get(size);
    if (!image) {
      image = draw(size);
      drawn.set(size, image);
    }
    return image;
  };
  return [
    { path: 'icon.png', data: png(MASTER_SIZE) },
    ...LINUX_ICON_SIZES.map((size) => ({ path: `icons/${size}x${size}.png`, data: png(size) })),
    { path: 'icon.ico', data: encodeIco(ICO_SIZES.map((size) => ({ size, png: png(size) }))) },
    { path: 'icon.icns', data: encodeIcns(ICNS_ENTRIES.map(({ type, size }) => ({ type, png: png(size) }))) },
  ];
}
