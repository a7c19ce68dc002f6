// Lint enforces the layers of architecture.md: a violation fails `npm run lint`.
//   shared/   pure: imports only shared/ and pure libraries (no Node, DOM-only APIs, Electron, React)
//   renderer/ browser only: never main/, node:* or electron
//   main/     never renderer/; only edge modules import electron values
//   ipcMain / ipcRenderer only in main/ipc/ and main/preload.ts
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = [
  'assert', 'buffer', 'child_process', 'cluster', 'crypto', 'dgram', 'dns', 'events', 'fs', 'fs/promises', 'http',
  'http2', 'https', 'module', 'net', 'os', 'path', 'perf_hooks', 'process', 'readline', 'stream', 'timers',
  'tls', 'url', 'util', 'v8', 'vm', 'worker_threads', 'zlib',
];

const noNode = {
  group: ['node:*', ...NODE_BUILTINS.map((name) => name)],
  message: 'This layer must not use Node.js: keep disk and OS work in main/.',
};
const noElectron = { group: ['electron', 'electron/*'], message: 'Only main/ edge modules may import electron.' };
const noElectronValues = {
  group: ['electron', 'electron/*'],
  allowTypeImports: true,
  message: 'Take Electron objects as parameters; only edge modules (index, preload, window, ipc/electron-transport, electron/, tray/) import electron values.',
};
const noMain = { group: ['**/main/**', '!**/domain/main/**'], message: 'Import main/ only from main/.' };
const noRenderer = { group: ['**/renderer/**'], message: 'main/ and shared/ must not depend on the renderer.' };
const noUi = { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'shared/ holds no UI code.' };
const noRawIpc = {
  name: 'electron',
  importNames: ['ipcMain', 'ipcRenderer'],
  message: 'Use the typed contract (shared/ipc) and router (main/ipc); raw ipcMain/ipcRenderer live only in main/ipc/ and main/preload.ts.',
};

const restrict = (patterns, paths = []) => ['error', { patterns, paths }];

const ELECTRON_EDGE = [
  'main/index.ts',
  'main/preload.ts',
  'main/window.ts',
  'main/bluetooth-chooser.ts',
  'main/ipc/electron-transport.ts',
  'main/electron/**/*.ts',
  'main/tray/**/*.ts',
  'main/reminders/notification-adapter.ts',
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-artifacts/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.name='eval']", message: 'No eval: the CSP forbids it.' },
        { selector: "NewExpression[callee.name='Function']", message: 'No new Function: the CSP forbids it.' },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: { 'no-restricted-imports': restrict([noNode, noElectron, noMain, noRenderer, noUi]) },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': restrict([noNode, noElectron, noMain]),
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ELECTRON_EDGE,
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-restricted-imports': restrict([noRenderer, noElectronValues]) },
  },
  {
    files: ELECTRON_EDGE,
    ignores: ['main/ipc/electron-transport.ts', 'main/preload.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-restricted-imports': restrict([noRenderer], [noRawIpc]) },
  },
  {
    files: ['main/ipc/electron-transport.ts', 'main/preload.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-restricted-imports': restrict([noRenderer]) },
  },
  {
    files: ['tests/**/*.{ts,tsx}', '*.config.ts', '*.config.js'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['scripts/**/*.ts', 'build-tools/**/*.ts', '.ci/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // The Node preflight is CommonJS on purpose: it must run (and explain itself) on old Node.
    files: ['scripts/**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
