// `npm run icons` (node scripts/draw-app-icons.ts [folder]): draws the app icon into
// electron-builder's buildResources folder, build/ unless a folder is given. The files are
// generated, never committed (.gitignore); `npm run dist` draws them before packaging.
//   icon.png (1024 px) · icons/<N>x<N>.png (Linux) · icon.ico (Windows) · icon.icns (macOS)
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { appIconFiles } from '../build-tools/icon-files.ts';

const outDir = resolve(process.argv[2] ?? fileURLToPath(new URL('../build/', import.meta.url)));
const files = appIconFiles();
for (const file of files) {
  const target = join(outDir, file.path);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, file.data);
}
process.stdout.write(`Drew the app icon into ${outDir}: ${files.map((file) => file.path).join(', ')}\n`);
