import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { thirdPartyNotices } from './build-tools/third-party-notices.ts';

const pkg = JSON.parse(readFileSync(resolve('package.json'), 'utf8')) as { productName: string; version: string };
// Every bundled npm package, with its licence text, in out/THIRD_PARTY_NOTICES.txt (shipped).
const notices = thirdPartyNotices({ outFile: resolve('out/THIRD_PARTY_NOTICES.txt'), product: { name: pkg.productName, version: pkg.version } });

export default defineConfig({
  main: {
    plugins: [notices.plugin('main')],
    build: {
      // Bundle zod, electron-store and friends into out/main: only out/ and package.json ship.
      externalizeDeps: false,
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve('main/index.ts') } },
    },
  },
  preload: {
    plugins: [notices.plugin('preload')],
    // The sandboxed preload must be one self-contained CommonJS file: no imports at run time.
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      isolatedEntries: true,
      rollupOptions: {
        input: { index: resolve('main/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react(), notices.plugin('renderer')],
    build: {
      minify: true,
      outDir: 'out/renderer',
      rollupOptions: {
        input: { index: resolve('renderer/index.html') },
        output: {
          // Zod and the line that tells it never to compile with eval (the CSP forbids eval)
          // share a chunk of their own, so that line runs before any module that validates
          // as it loads: in a chunk shared with such a module it ran after it, and every
          // window reported a policy violation.
          manualChunks: (id: string) => (/[\\/]node_modules[\\/]zod[\\/]|[\\/]renderer[\\/]app[\\/]zod-without-eval\.ts$/.test(id) ? 'zod' : undefined),
        },
      },
    },
  },
});
