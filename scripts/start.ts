// `npm start` (node scripts/start.ts preview) and `npm run dev` (… dev), after the Node
// preflight (scripts/check-node.cjs): make sure Electron's binary is here, then hand over to
// electron-vite, which builds once and launches Electron on the result (`preview`), or serves
// the renderer with hot reload (`dev`). Extra arguments after `--` go to electron-vite.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureElectron } from './ensure-electron.ts';

const MODES = { preview: 'npm start', dev: 'npm run dev' } as const;
type Mode = keyof typeof MODES;

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const [modeArg, ...rest] = process.argv.slice(2);
if (modeArg !== 'preview' && modeArg !== 'dev') {
  process.stderr.write(`scripts/start.ts takes "preview" or "dev", not ${JSON.stringify(modeArg ?? '')}.\n`);
  process.exit(2);
}
const mode: Mode = modeArg;

const electron = await ensureElectron(projectRoot, MODES[mode], (line) => process.stdout.write(`${line}\n`));
if (!electron.ok) {
  process.stderr.write(`${electron.message}\n`);
  process.exit(1);
}

// electron-vite resolves Electron from its own location, which is this project's node_modules.
const electronVite = join(packageDir('electron-vite'), 'bin', 'electron-vite.js');
const child = spawn(process.execPath, [electronVite, mode, ...rest], { cwd: projectRoot, stdio: 'inherit' });
// Ctrl+C reaches the whole process group, electron-vite and Electron included: wait for them to
// close and report their status. A plain `kill` of this process alone is passed on.
process.on('SIGINT', () => {});
for (const signal of ['SIGTERM', 'SIGHUP'] as const) process.on(signal, () => child.kill(signal));
child.on('error', (error) => {
  process.stderr.write(`Could not start electron-vite: ${error.message}\n`);
  process.exit(1);
});
child.on('close', (code, signal) => process.exit(code ?? (signal === null ? 0 : 1)));

/** A package's folder from its entry point (its exports do not list bin/ or package.json). */
function packageDir(name: string): string {
  let dir = dirname(createRequire(join(projectRoot, 'package.json')).resolve(name));
  while (dirname(dir) !== dir) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === name) return dir;
    dir = dirname(dir);
  }
  throw new Error(`Cannot find the ${name} package folder.`);
}
