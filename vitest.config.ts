import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Every tier runs under one config. `electron` is replaced by the single stand-in in
// tests/mocks/ (the real package would try to download its binary), and packages that
// import electron are inlined so the alias reaches them too.
const electronStandIn = fileURLToPath(new URL('./tests/mocks/electron.ts', import.meta.url));

export default defineConfig({
  resolve: {
    alias: { electron: electronStandIn },
  },
  test: {
    server: { deps: { inline: ['electron-store', 'conf'] } },
    // A time limit here catches a test that hangs; it is not a speed requirement. Tests do real
    // file and store work, and CI machines are shared: Vitest's 5 s default failed a component
    // test over five years of records while both cores were busy elsewhere.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/shared/**/*.test.ts', 'tests/main/**/*.test.ts'],
          exclude: ['tests/main/smoke/**', '**/*.stress.test.ts'],
          setupFiles: ['tests/support/leak-guard.ts'],
        },
      },
      {
        extends: true,
        test: {
          // Long runs against the real disk (200 SIGKILLs of a writing child): part of every
          // CI run, in a project of their own so their time limit says what they are.
          name: 'stress',
          environment: 'node',
          include: ['tests/**/*.stress.test.ts'],
          testTimeout: 600_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'main-smoke',
          environment: 'node',
          include: ['tests/main/smoke/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'component',
          environment: 'happy-dom',
          include: ['tests/renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/renderer/support/component-setup.ts', 'tests/support/leak-guard.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/harness/browser-tier-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          // One Chromium at a time: these machines have two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
